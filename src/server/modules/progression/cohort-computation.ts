import { and, asc, eq, inArray, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { CohortQuery, CohortSubject, ScoreUnit } from "../../../contracts/progression-cohort.js";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import type { CourseState } from "../../../domain/casework/index.js";
import {
  type Change,
  type ChangeClass,
  type CohortSeries,
  type CohortSummary,
  changeFromBaseline,
  classifyChange,
  DEFAULT_BASELINE_WITHIN_WEEKS,
  END_OF_COURSE,
  getLatestVersion,
  type Instrument,
  type InstrumentVersion,
  type Measurement,
  pickPointValue,
  resolveMeasurementPoint,
  type ScoreDefinition,
  type SeriesPoint,
  seriesOf,
  summariseCohort,
  summariseTrend,
  type TrendSummary,
} from "../../../domain/progression/index.js";
import type { ActorContext } from "../../context.js";
import { type DbOrTx, queryRows } from "../../db/client.js";
import { readAll } from "../../db/read-all.js";
import {
  course,
  courseTransition,
  family,
  familyMembership,
  measurement,
  person,
  track,
} from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { loadInstrumentDefinitions } from "./instrument-definitions.js";
import { progressionCourseScope, progressionPurpose } from "./project-progression-access.js";

/*
 * The computation behind the cohort view (cohort.service.ts presents it): the courses of the project the
 * reader may see, the effective values of one score in them, and per series (one family's values in
 * one course, or one member's) its trend and end-of-course value — all from the domain
 * (`seriesOf`, `summariseTrend`, `pickPointValue`, `summariseCohort`). Only series with at least one
 * value are counted; one without a baseline (the first value within 6 weeks of the start) or without a
 * later value is "not measurable".
 */

const DEFAULT_INSTRUMENT = "well-being";
const END_STATES = ["completed", "ended-early"];

/** A course of the cohort, with what the filters and the end point need. */
export interface CohortCourse {
  id: string;
  familyId: string;
  familyName: string;
  trackId: string;
  state: CourseState;
  startedOn: CalendarDate;
  endedOn: CalendarDate | null;
  /** Main languages of the family's members since the start. */
  languages: string[];
}

export interface Selection {
  instrument: Instrument;
  version: InstrumentVersion;
  score: ScoreDefinition;
  subject: CohortSubject;
}

/** One series with its trend and its end-of-course value. */
export interface SeriesResult {
  key: string;
  course: CohortCourse;
  personId: string | null;
  points: SeriesPoint[];
  trend: TrendSummary;
  /** The course has ended on or before the day of the view. */
  hasEnded: boolean;
  end?: SeriesPoint;
  endChange?: Change;
  endClass?: ChangeClass;
}

export interface CohortComputation {
  projectId: string;
  organisationId: string;
  purpose: string;
  today: CalendarDate;
  selection: Selection;
  instruments: Instrument[];
  tracks: { id: string; code: string; name: string }[];
  allCourses: CohortCourse[];
  courses: CohortCourse[];
  series: SeriesResult[];
  summary: CohortSummary;
}

// ---------------------------------------------------------------------------------------------------
// Reading

/** The project's courses the actor may see, with their end day and the members' main languages. */
async function loadCohortCourses(db: DbOrTx, scope: SQL, today: CalendarDate): Promise<CohortCourse[]> {
  // Set-based (one join each), not a subquery per course: the view reads every course of the project.
  const ends = db
    .select({
      courseId: courseTransition.courseId,
      endedOn: sql<string>`min(${courseTransition.onDate})::text`.as("ended_on"),
    })
    .from(courseTransition)
    .where(inArray(courseTransition.toState, END_STATES))
    .groupBy(courseTransition.courseId)
    .as("ends");
  const [rows, languageRows] = await readAll(db, [
    () =>
      db
        .select({
          id: course.id,
          familyId: course.familyId,
          familyName: family.name,
          trackId: course.trackId,
          state: course.state,
          startedOn: course.acceptedOn,
          endedOn: ends.endedOn,
        })
        .from(course)
        .innerJoin(family, eq(family.id, course.familyId))
        .leftJoin(ends, eq(ends.courseId, course.id))
        .where(scope),
    () =>
      // Main languages of the members since the course started.
      db
        .selectDistinct({ courseId: course.id, language: sql<string>`${person.languages} ->> 0` })
        .from(course)
        .innerJoin(familyMembership, eq(familyMembership.familyId, course.familyId))
        .innerJoin(person, eq(person.id, familyMembership.personId))
        .where(
          and(
            scope,
            sql`jsonb_array_length(${person.languages}) > 0`,
            sql`(${familyMembership.toOn} is null or ${familyMembership.toOn} >= ${course.acceptedOn})`,
            sql`${familyMembership.fromOn} <= ${today}`,
          ),
        ),
  ]);
  const languages = new Map<string, string[]>();
  for (const r of languageRows) {
    const list = languages.get(r.courseId);
    if (list) list.push(r.language);
    else languages.set(r.courseId, [r.language]);
  }
  return rows.map((r) => ({
    ...r,
    startedOn: r.startedOn as CalendarDate,
    endedOn: (r.endedOn as CalendarDate | null) ?? null,
    languages: languages.get(r.id) ?? [],
  }));
}

/** One effective value of the score, with what a series needs. */
interface ScoreValue {
  courseId: string;
  personId: string | null;
  measuredOn: string;
  id: string;
  value: number;
}

/** The effective values of one score in the courses in scope: only the columns the series need. */
async function loadScoreValues(
  db: DbOrTx,
  projectId: string,
  scope: SQL,
  selection: Selection,
): Promise<ScoreValue[]> {
  const score = selection.score.code;
  const m = measurement;
  // Raw rows (no mapping layer): a large project gives 20,000 of them per view.
  return queryRows<ScoreValue>(
    db,
    sql`select ${m.courseId} as "courseId", ${m.personId} as "personId", ${m.measuredOn}::text as "measuredOn",
        ${m.id} as id, (${m.scored} ->> ${score})::float8 as value
      from ${m}
      where ${and(
        // The partial index measurement_effective_idx (project, instrument, course) where effective.
        eq(m.projectId, projectId),
        eq(m.instrumentCode, selection.instrument.code),
        isNull(m.supersededById),
        isNull(m.goalId),
        selection.subject === "family" ? isNull(m.personId) : isNotNull(m.personId),
        sql`${m.scored} ->> ${score} is not null`,
        inArray(m.courseId, db.select({ id: course.id }).from(course).where(scope)),
      )}
      order by ${m.measuredOn}, ${m.recordedAt}`,
  );
}

// ---------------------------------------------------------------------------------------------------
// Choosing the instrument, score and subject

const invalid = (path: string, message: string) =>
  new AppError("VALIDATION_FAILED", message, [{ path, message }]);

/** Points, percentage points or hours: what a score passing one item through is counted in. */
export function unitOfScore(version: InstrumentVersion, score: ScoreDefinition): ScoreUnit {
  if (score.kind !== "item") return "points";
  const scale = version.items.find((i) => i.code === score.item)?.scale;
  return scale?.kind === "percentage" ? "percentage-points" : scale?.kind === "hours" ? "hours" : "points";
}

/** Instruments that have one score per family or person (not per plan goal). */
export const cohortInstruments = (instruments: readonly Instrument[]) =>
  instruments.filter((i) => !getLatestVersion(i).isPerGoal);

function resolveSelection(instruments: readonly Instrument[], query: CohortQuery): Selection {
  const usable = cohortInstruments(instruments);
  const code =
    query.instrument ??
    (usable.some((i) => i.code === DEFAULT_INSTRUMENT) ? DEFAULT_INSTRUMENT : usable[0]?.code);
  const found = instruments.find((i) => i.code === code);
  if (!found) throw invalid("instrument", "Måleredskabet findes ikke i projektet.");
  const version = getLatestVersion(found);
  if (version.isPerGoal) {
    throw invalid(
      "instrument",
      `${found.name} scores pr. mål i familiens plan og kan ikke vises som kohorte.`,
    );
  }
  const score = query.score ? version.scores.find((s) => s.code === query.score) : version.scores[0];
  if (!score) throw invalid("score", `${found.name} har ingen score med koden ${query.score}.`);
  const subject = query.subject ?? (version.subjects.includes("family") ? "family" : "person");
  if (!version.subjects.includes(subject)) {
    throw invalid(
      "subject",
      subject === "family"
        ? `${found.name} måles for det enkelte familiemedlem, ikke for familien.`
        : `${found.name} måles for familien, ikke for det enkelte familiemedlem.`,
    );
  }
  return { instrument: found, version, score, subject };
}

function applyFilters(courses: CohortCourse[], query: CohortQuery): CohortCourse[] {
  return courses.filter(
    (c) =>
      (!query.track || c.trackId === query.track) &&
      (!query.state || c.state === query.state) &&
      (!query.language || c.languages.includes(query.language)),
  );
}

// ---------------------------------------------------------------------------------------------------
// Computing

/** Builds the series (one per family, or per member) and their trends and end values. */
function buildSeries(
  courses: readonly CohortCourse[],
  values: readonly ScoreValue[],
  selection: Selection,
  asOf: CalendarDate,
): SeriesResult[] {
  const byId = new Map(courses.map((c) => [c.id, c]));
  // Grouped as the domain's measurements (only the fields a series reads), oldest first.
  const groups = new Map<
    string,
    { course: CohortCourse; personId: string | null; measurements: Measurement[] }
  >();
  for (const v of values) {
    const c = byId.get(v.courseId);
    if (!c) continue; // filtered out
    const key = v.personId ? `${c.id}|${v.personId}` : c.id;
    let g = groups.get(key);
    if (!g) {
      g = { course: c, personId: v.personId, measurements: [] };
      groups.set(key, g);
    }
    g.measurements.push({
      id: v.id,
      subject: v.personId
        ? { kind: "person", personId: v.personId }
        : { kind: "family", familyId: c.familyId },
      instrumentCode: selection.instrument.code,
      instrumentVersion: selection.version.version,
      measuredOn: v.measuredOn as CalendarDate,
      respondent: "caseworker",
      values: {},
      scored: { [selection.score.code]: v.value },
    });
  }
  const { direction, meaningfulChange } = selection.score;
  const out: SeriesResult[] = [];
  for (const [key, g] of groups) {
    const points = seriesOf(
      g.measurements,
      {
        instrumentCode: selection.instrument.code,
        score: selection.score.code,
        subject: g.personId
          ? { kind: "person", personId: g.personId }
          : { kind: "family", familyId: g.course.familyId },
      },
      { asOf },
    );
    if (points.length === 0) continue;
    const trend = summariseTrend(points, {
      courseStartedOn: g.course.startedOn,
      direction,
      meaningfulChange,
      asOf,
      baselineWithinWeeks: DEFAULT_BASELINE_WITHIN_WEEKS,
    });
    const result: SeriesResult = {
      key,
      course: g.course,
      personId: g.personId,
      points,
      trend,
      hasEnded: g.course.endedOn !== null && g.course.endedOn <= asOf,
    };
    // The end value exactly as the cohort's before–after picks it: closest to the end day in the
    // end-of-course window, after the baseline.
    const resolved = resolveMeasurementPoint(END_OF_COURSE, g.course, asOf);
    if (resolved.ok && trend.baseline) {
      const end = pickPointValue(points, resolved.point, { asOf, after: trend.baseline.measuredOn });
      if (end) {
        result.end = end;
        result.endChange = changeFromBaseline(trend.baseline.value, end.value);
        result.endClass = classifyChange(result.endChange, meaningfulChange, direction);
      }
    }
    out.push(result);
  }
  return out;
}

export async function computeCohort(
  ctx: ActorContext,
  project: { id: string; organisationId: string },
  query: CohortQuery,
  today: CalendarDate,
): Promise<CohortComputation> {
  const projectId = project.id;
  const scope = progressionCourseScope(ctx.actor, projectId, today);
  const { instruments } = await loadInstrumentDefinitions(ctx.db, projectId);
  const selection = resolveSelection(instruments, query);
  const tracks = await ctx.db
    .select({ id: track.id, code: track.code, name: track.name })
    .from(track)
    .where(eq(track.projectId, projectId))
    .orderBy(asc(track.code));
  const allCourses = await loadCohortCourses(ctx.db, scope, today);
  const courses = applyFilters(allCourses, query);
  const values = await loadScoreValues(ctx.db, projectId, scope, selection);
  const series = buildSeries(courses, values, selection, today);
  const summary = summariseCohort(
    series.map(
      (s): CohortSeries => ({
        courseId: s.key,
        startedOn: s.course.startedOn,
        endedOn: s.course.endedOn,
        points: s.points,
      }),
    ),
    {
      direction: selection.score.direction,
      meaningfulChange: selection.score.meaningfulChange,
      asOf: today,
      baselineWithinWeeks: DEFAULT_BASELINE_WITHIN_WEEKS,
      bucketMonths: 1,
      endPoint: END_OF_COURSE,
    },
  );
  return {
    projectId,
    organisationId: project.organisationId,
    purpose: progressionPurpose(ctx.actor, project),
    today,
    selection,
    instruments,
    tracks,
    allCourses,
    courses,
    series,
    summary,
  };
}
