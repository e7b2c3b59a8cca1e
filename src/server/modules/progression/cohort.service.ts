import { inArray } from "drizzle-orm";
import {
  type CohortClassification,
  type CohortCourseRow,
  type CohortCourses,
  type CohortCoursesQuery,
  type CohortFigure,
  type CohortQuery,
  type CohortView,
  SMALL_GROUP_FAMILIES,
} from "../../../contracts/progression-cohort.js";
import { scope } from "../../../domain/access/index.js";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import {
  type ChangeClass,
  DEFAULT_BASELINE_WITHIN_WEEKS,
  END_OF_COURSE,
  getLatestVersion,
  type SeriesPoint,
  wholeMonthsBetween,
} from "../../../domain/progression/index.js";
import type { ActorContext } from "../../context.js";
import { person } from "../../db/schema/index.js";
import { todayOf } from "../casework/case-access.js";
import { cohortComputationCacheOf, cohortViewCacheOf, readChangeStamp } from "./cohort-cache.js";
import {
  type CohortComputation,
  cohortInstruments,
  computeCohort,
  type SeriesResult,
  unitOfScore,
} from "./cohort-computation.js";
import { loadProgressionProject, progressionPurpose } from "./project-progression-access.js";

/*
 * The cohort view of one instrument score over a project's courses (issue 5 §4): how many families
 * (or persons, for an instrument about each member) improved, stayed the same or got worse from their
 * baseline to their latest value and to the end of the course; the median and quartiles by whole
 * months since the start; and the before–after of the courses that have ended — each figure with the
 * families behind it (`listCohortCourses`). Computed in cohort-computation.ts; kept views in
 * cohort-cache.ts.
 */

// ---------------------------------------------------------------------------------------------------
// Presenting

const isSmallGroup = (count: number, families: number) => count > 0 && families < SMALL_GROUP_FAMILIES;

function familiesOf(keys: readonly string[], byKey: Map<string, SeriesResult>): number {
  const ids = new Set<string>();
  for (const k of keys) {
    const s = byKey.get(k);
    if (s) ids.add(s.course.familyId);
  }
  return ids.size;
}

function classification(
  groups: Record<ChangeClass, readonly string[]>,
  notMeasurable: readonly string[],
  byKey: Map<string, SeriesResult>,
): CohortClassification {
  const measurable = groups.improved.length + groups.unchanged.length + groups.worse.length;
  const share = (keys: readonly string[]) => {
    const families = familiesOf(keys, byKey);
    return {
      count: keys.length,
      pct: measurable === 0 ? 0 : (keys.length / measurable) * 100,
      families,
      isSmall: isSmallGroup(keys.length, families),
    };
  };
  const measurableFamilies = familiesOf([...groups.improved, ...groups.unchanged, ...groups.worse], byKey);
  return {
    improved: share(groups.improved),
    unchanged: share(groups.unchanged),
    worse: share(groups.worse),
    notMeasurable: { count: notMeasurable.length, families: familiesOf(notMeasurable, byKey) },
    measurable,
    total: measurable + notMeasurable.length,
    families: measurableFamilies,
    isSmall: isSmallGroup(measurable, measurableFamilies),
  };
}

/** Ended courses by their change from baseline to the end value. */
function endGroups(series: readonly SeriesResult[]) {
  const groups: Record<ChangeClass, string[]> = { improved: [], unchanged: [], worse: [] };
  const notMeasurable: string[] = [];
  for (const s of series) {
    if (!s.hasEnded) continue;
    if (s.endClass) groups[s.endClass].push(s.key);
    else notMeasurable.push(s.key);
  }
  return { groups, notMeasurable };
}

const usedFilters = (q: CohortQuery) =>
  (["track", "language", "state", "subject"] as const).filter((k) => q[k] !== undefined);

/**
 * The cohort view of one score for the courses of the project the actor may see, with the filters.
 * Audited as `cohort.viewed` (aggregates only: no person is named).
 * @throws AppError NOT_FOUND when the project is hidden; VALIDATION_FAILED for an unknown instrument,
 *   score, or a subject the instrument does not measure.
 */
export async function getCohort(
  ctx: ActorContext,
  projectId: string,
  query: CohortQuery,
): Promise<CohortView> {
  const today = todayOf(ctx);
  const project = await loadProgressionProject(ctx, ctx.db, projectId);
  const key = keptKey(ctx, projectId, today, query);
  const cache = cohortViewCacheOf(ctx.deps.database);
  // The stamp is read before the figures, so a change made while they are computed is seen next time.
  const stamp = await readChangeStamp(ctx.db);
  const nowMs = ctx.now().getTime();
  let view = cache.get(key, stamp, nowMs);
  if (!view) {
    view = presentCohort(await computeCohort(ctx, project, query, today), query);
    cache.set(key, stamp, view, nowMs);
  }
  await ctx.audit(ctx.db, {
    type: "cohort.viewed",
    organisationId: project.organisationId,
    projectId,
    purpose: progressionPurpose(ctx.actor, project),
    payload: { instrumentCode: view.selection.instrumentCode, filters: usedFilters(query) },
  });
  return view;
}

/**
 * The key of a kept view or computation (cohort-cache.ts): per reach — the actor's scope and the day
 * are part of it — and per selection and filters.
 */
function keptKey(ctx: ActorContext, projectId: string, today: CalendarDate, query: CohortQuery): string {
  return JSON.stringify([
    projectId,
    today,
    scope(ctx.actor, "measurement.read"),
    ...(["instrument", "score", "subject", "track", "language", "state"] as const).map(
      (k) => query[k] ?? null,
    ),
  ]);
}

/** The figures of a computed cohort, as the API shows them. */
function presentCohort(c: CohortComputation, query: CohortQuery): CohortView {
  const projectId = c.projectId;
  const byKey = new Map(c.series.map((s) => [s.key, s]));
  const { summary, selection } = c;
  const end = endGroups(c.series);
  const ba = summary.beforeAfter;
  const baFamilies = familiesOf(ba.courseIds, byKey);
  return {
    projectId,
    asOf: c.today,
    selection: {
      instrumentCode: selection.instrument.code,
      instrumentName: selection.instrument.name,
      instrumentNameEn: selection.instrument.nameEn ?? null,
      scoreCode: selection.score.code,
      scoreLabel: selection.score.label,
      scoreLabelEn: selection.score.labelEn ?? null,
      subject: selection.subject,
      direction: selection.score.direction,
      meaningfulChange: selection.score.meaningfulChange,
      scoreUnit: unitOfScore(selection.version, selection.score),
      baselineWithinWeeks: DEFAULT_BASELINE_WITHIN_WEEKS,
      endWindowDaysBefore: END_OF_COURSE.windowDaysBefore,
      endWindowDaysAfter: END_OF_COURSE.windowDaysAfter,
      smallGroupFamilies: SMALL_GROUP_FAMILIES,
    },
    options: {
      instruments: cohortInstruments(c.instruments).map((i) => {
        const v = getLatestVersion(i);
        return {
          code: i.code,
          name: i.name,
          nameEn: i.nameEn ?? null,
          subjects: [...v.subjects].sort(),
          scores: v.scores.map((s) => ({
            code: s.code,
            label: s.label,
            labelEn: s.labelEn ?? null,
            direction: s.direction,
            meaningfulChange: s.meaningfulChange,
          })),
        };
      }),
      tracks: c.tracks,
      languages: [...new Set(c.allCourses.flatMap((x) => x.languages))].sort(),
    },
    filters: { track: query.track ?? null, language: query.language ?? null, state: query.state ?? null },
    population: {
      courses: c.courses.length,
      families: new Set(c.courses.map((x) => x.familyId)).size,
      subjects: c.series.length,
    },
    toLatest: classification(
      {
        improved: summary.classification.improved.courseIds,
        unchanged: summary.classification.unchanged.courseIds,
        worse: summary.classification.worse.courseIds,
      },
      summary.classification.notMeasurable.courseIds,
      byKey,
    ),
    toEnd: classification(end.groups, end.notMeasurable, byKey),
    overTime: summary.overTime.map((b) => {
      const families = familiesOf(b.courseIds, byKey);
      return { month: b.fromMonth, spread: b.spread, families, isSmall: isSmallGroup(b.spread.n, families) };
    }),
    beforeAfter: {
      n: ba.n,
      families: baFamilies,
      isSmall: isSmallGroup(ba.n, baFamilies),
      baseline: ba.baseline ?? null,
      end: ba.end ?? null,
      change: ba.change ?? null,
    },
  };
}

/** The series behind one figure of the view. */
function seriesBehind(c: CohortComputation, q: CohortCoursesQuery): SeriesResult[] {
  const byKey = new Map(c.series.map((s) => [s.key, s]));
  const pick = (keys: readonly string[]) => keys.flatMap((k) => byKey.get(k) ?? []);
  const figure: CohortFigure = q.figure;
  switch (figure) {
    case "latest": {
      const cls = c.summary.classification;
      return pick(
        q.bucket === "not-measurable" ? cls.notMeasurable.courseIds : cls[q.bucket ?? "improved"].courseIds,
      );
    }
    case "end": {
      const end = endGroups(c.series);
      return pick(q.bucket === "not-measurable" ? end.notMeasurable : end.groups[q.bucket ?? "improved"]);
    }
    case "month":
      return pick(c.summary.overTime.find((b) => b.fromMonth === q.month)?.courseIds ?? []);
    case "before-after":
      return pick(c.summary.beforeAfter.courseIds);
  }
}

/** The value of the month `month` since the start: the last measured in it (as the cohort counts it). */
function valueInMonth(s: SeriesResult, month: number): SeriesPoint | undefined {
  let found: SeriesPoint | undefined;
  for (const p of s.points) if (wholeMonthsBetween(s.course.startedOn, p.measuredOn) === month) found = p;
  return found;
}

const pointOf = (p: SeriesPoint | undefined) => (p ? { value: p.value, measuredOn: p.measuredOn } : null);

/**
 * The courses (families, or members) behind one figure of the cohort view, with their baseline,
 * latest and end values, so that every number can be traced. Personal: audited as
 * `cohort.courses_listed` with the purpose.
 */
export async function listCohortCourses(
  ctx: ActorContext,
  projectId: string,
  q: CohortCoursesQuery,
): Promise<CohortCourses> {
  const today = todayOf(ctx);
  const project = await loadProgressionProject(ctx, ctx.db, projectId);
  // The computation is kept like the views (same key and change stamp: the scope is in the key, and
  // every change of a case team, course or household moves the stamp), so that clicking through the
  // figures does not recompute the cohort each time.
  const key = keptKey(ctx, projectId, today, q);
  const cache = cohortComputationCacheOf(ctx.deps.database);
  const stamp = await readChangeStamp(ctx.db);
  const nowMs = ctx.now().getTime();
  let c = cache.get(key, stamp, nowMs);
  if (!c) {
    c = await computeCohort(ctx, project, q, today);
    cache.set(key, stamp, c, nowMs);
  }
  const trackNames = new Map(c.tracks.map((t) => [t.id, t.name]));
  const personIds = [...new Set(c.series.flatMap((s) => (s.personId ? [s.personId] : [])))];
  const behind = seriesBehind(c, q);
  const names = new Map<string, string>();
  const wanted = personIds.filter((id) => behind.some((s) => s.personId === id));
  if (wanted.length > 0) {
    const rows = await ctx.db
      .select({ id: person.id, firstName: person.firstName, lastName: person.lastName })
      .from(person)
      .where(inArray(person.id, wanted));
    for (const r of rows) names.set(r.id, `${r.firstName} ${r.lastName}`);
  }
  const rows: CohortCourseRow[] = behind.map((s) => ({
    courseId: s.course.id,
    familyId: s.course.familyId,
    familyName: s.course.familyName,
    personId: s.personId,
    personName: s.personId ? (names.get(s.personId) ?? null) : null,
    trackId: s.course.trackId,
    trackName: trackNames.get(s.course.trackId) ?? "",
    state: s.course.state,
    startedOn: s.course.startedOn,
    endedOn: s.course.endedOn,
    baseline: pointOf(s.trend.baseline),
    latest: pointOf(s.trend.latest),
    change: s.trend.change ?? null,
    classification: s.trend.classification ?? null,
    end: pointOf(s.end),
    endChange: s.endChange ?? null,
    endClassification: s.endClass ?? null,
    monthValue: q.figure === "month" && q.month !== undefined ? pointOf(valueInMonth(s, q.month)) : null,
  }));
  rows.sort(
    (a, b) =>
      a.familyName.localeCompare(b.familyName, "da") ||
      (a.personName ?? "").localeCompare(b.personName ?? "", "da") ||
      (a.courseId < b.courseId ? -1 : 1),
  );
  const page = rows.slice(q.offset, q.offset + q.limit);
  await ctx.audit(ctx.db, {
    type: "cohort.courses_listed",
    organisationId: c.organisationId,
    projectId,
    purpose: progressionPurpose(ctx.actor, project), // this reader's, not the kept computation's
    payload: { instrumentCode: c.selection.instrument.code, rows: page.length },
  });
  return {
    figure: q.figure,
    bucket: q.bucket ?? null,
    month: q.month ?? null,
    items: page,
    total: rows.length,
    limit: q.limit,
    offset: q.offset,
  };
}
