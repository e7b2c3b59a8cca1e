import { and, asc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type {
  DataQualityCourse,
  DataQualityIssue,
  DataQualityKind,
  DataQualityPage,
  DataQualityQuery,
} from "../../../contracts/progression-cohort.js";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import {
  assessDueMeasurements,
  computeDueMeasurements,
  type DueAssessment,
  type Instrument,
  type Measurement,
} from "../../../domain/progression/index.js";
import type { ActorContext } from "../../context.js";
import type { DbOrTx } from "../../db/client.js";
import { appUser, caseTeamMember, course, family, measurement, track } from "../../db/schema/index.js";
import { todayOf } from "../casework/case-access.js";
import type { CourseProgress } from "./course-progress.js";
import { loadCourseProgressMany } from "./course-progress-batch.js";
import { type InstrumentDefinitions, loadInstrumentDefinitions } from "./instrument-definitions.js";
import { findRangeProblems } from "./measurement-range-check.js";
import {
  loadProgressionProject,
  progressionCourseScope,
  progressionPurpose,
} from "./project-progression-access.js";

/*
 * The project's data-quality list (issue 5 §2): per course, the measurements the schedule asked for
 * that are missing (window closed, nothing recorded), late (recorded after the window), recorded twice
 * in one window, or stored with a value out of range (measurement-range-check.ts). The schedule is the
 * track's, turned into due slots by the domain (`computeDueMeasurements`) and matched with the
 * measurements by `assessDueMeasurements`, exactly as the course's measurement tab shows them.
 *
 * Only the courses the reader may see (`measurement.read`) are looked at. All courses of the project
 * are assessed in memory from a handful of queries (no query per course), then paged.
 */

type CourseRow = typeof course.$inferSelect;

const activeOn = (today: CalendarDate) =>
  sql`${caseTeamMember.fromOn} <= ${today} and (${caseTeamMember.toOn} is null or ${caseTeamMember.toOn} >= ${today})`;

/** The effective measurements of the courses in scope, with the columns the checks need. */
async function loadEffectiveMeasurements(db: DbOrTx, projectId: string, courseScope: SQL) {
  return db
    .select({
      id: measurement.id,
      courseId: measurement.courseId,
      familyId: measurement.familyId,
      personId: measurement.personId,
      goalId: measurement.goalId,
      instrumentCode: measurement.instrumentCode,
      instrumentVersionId: measurement.instrumentVersionId,
      instrumentVersion: measurement.instrumentVersion,
      measuredOn: measurement.measuredOn,
      respondent: measurement.respondent,
      values: measurement.values,
      scored: measurement.scored,
    })
    .from(measurement)
    .where(
      and(
        eq(measurement.projectId, projectId),
        isNull(measurement.supersededById),
        inArray(measurement.courseId, db.select({ id: course.id }).from(course).where(courseScope)),
      ),
    )
    .orderBy(asc(measurement.measuredOn), asc(measurement.recordedAt));
}

type MeasurementRowLite = Awaited<ReturnType<typeof loadEffectiveMeasurements>>[number];

const toDomain = (r: MeasurementRowLite): Measurement => ({
  id: r.id,
  subject: r.personId ? { kind: "person", personId: r.personId } : { kind: "family", familyId: r.familyId },
  instrumentCode: r.instrumentCode,
  instrumentVersion: r.instrumentVersion,
  ...(r.goalId ? { goalId: r.goalId } : {}),
  measuredOn: r.measuredOn as CalendarDate,
  respondent: r.respondent,
  values: r.values,
  scored: r.scored,
});

interface CourseContext {
  progress: CourseProgress;
  measurements: MeasurementRowLite[];
  instrumentOf: (code: string) => Instrument | undefined;
  definitions: InstrumentDefinitions;
  today: CalendarDate;
}

function subjectOf(
  ctx: CourseContext,
  s: { kind: "family" } | { kind: "person"; personId: string } | { kind: "goal"; goalId: string },
): DataQualityIssue["subject"] {
  if (s.kind === "family") return { kind: "family" };
  if (s.kind === "person") {
    const member = ctx.progress.members.find((m) => m.id === s.personId);
    return { kind: "person", personId: s.personId, name: member?.name ?? "" };
  }
  const goal = ctx.progress.goals.find((g) => g.id === s.goalId);
  return { kind: "goal", goalId: s.goalId, text: goal?.ownWords ?? "" };
}

function baseIssue(ctx: CourseContext, kind: DataQualityKind, instrumentCode: string) {
  const instrument = ctx.instrumentOf(instrumentCode);
  return {
    kind,
    instrumentCode,
    instrumentName: instrument?.name ?? instrumentCode,
    instrumentNameEn: instrument?.nameEn ?? null,
    field: null,
    value: null,
    allowedMin: null,
    allowedMax: null,
    message: null,
  };
}

/** The schedule's issues: missing, late and duplicate slots. */
function scheduleIssues(ctx: CourseContext): DataQualityIssue[] {
  const { progress } = ctx;
  if (!progress.schedule) return [];
  // A closed course owes nothing after the day it was closed.
  const asOf =
    progress.row.state === "closed" && progress.row.stateSince < ctx.today
      ? (progress.row.stateSince as CalendarDate)
      : ctx.today;
  const due = computeDueMeasurements(progress.schedule, progress.dates, progress.members, {
    goals: progress.goals,
    until: asOf,
  });
  const { items } = assessDueMeasurements(due, ctx.measurements.map(toDomain), asOf);
  const measuredOn = new Map(ctx.measurements.map((m) => [m.id, m.measuredOn as CalendarDate]));
  const ref = (id: string) => ({ id, measuredOn: measuredOn.get(id)! });
  const slotOf = (a: DueAssessment) => ({
    kind: a.due.kind,
    sequence: a.due.sequence,
    dueOn: a.due.dueOn,
    windowFrom: a.due.windowFrom,
    windowTo: a.due.windowTo,
  });
  const issues: DataQualityIssue[] = [];
  for (const a of items) {
    const common = { subject: subjectOf(ctx, a.due.subject), slot: slotOf(a) };
    if (a.status === "overdue") {
      issues.push({
        ...baseIssue(ctx, "missing", a.due.instrumentCode),
        ...common,
        daysLate: a.daysLate ?? null,
        measurements: [],
      });
    } else if (a.status === "late" && a.measurementId) {
      issues.push({
        ...baseIssue(ctx, "late", a.due.instrumentCode),
        ...common,
        daysLate: a.daysLate ?? null,
        measurements: [ref(a.measurementId)],
      });
    }
    if (a.duplicateMeasurementIds.length > 0) {
      issues.push({
        ...baseIssue(ctx, "duplicate", a.due.instrumentCode),
        ...common,
        daysLate: null,
        measurements: [...(a.measurementId ? [a.measurementId] : []), ...a.duplicateMeasurementIds].map(ref),
      });
    }
  }
  return issues;
}

/** Stored values outside the range of the instrument version they were scored with. */
function rangeIssues(ctx: CourseContext): DataQualityIssue[] {
  const issues: DataQualityIssue[] = [];
  for (const m of ctx.measurements) {
    const scoredWith = ctx.definitions.versionsById.get(m.instrumentVersionId);
    if (!scoredWith) continue;
    for (const p of findRangeProblems(scoredWith.version, m.values, m.scored)) {
      issues.push({
        ...baseIssue(ctx, "out-of-range", m.instrumentCode),
        subject: m.goalId
          ? subjectOf(ctx, { kind: "goal", goalId: m.goalId })
          : m.personId
            ? subjectOf(ctx, { kind: "person", personId: m.personId })
            : { kind: "family" },
        slot: null,
        daysLate: null,
        measurements: [{ id: m.id, measuredOn: m.measuredOn as CalendarDate }],
        field: p.field,
        value: p.value,
        allowedMin: p.allowedMin,
        allowedMax: p.allowedMax,
        message: p.message,
      });
    }
  }
  return issues;
}

const countsOf = (issues: readonly DataQualityIssue[]) => ({
  missing: issues.filter((i) => i.kind === "missing").length,
  late: issues.filter((i) => i.kind === "late").length,
  outOfRange: issues.filter((i) => i.kind === "out-of-range").length,
  duplicate: issues.filter((i) => i.kind === "duplicate").length,
});

const ISSUE_ORDER: Record<DataQualityKind, number> = { missing: 0, late: 1, duplicate: 2, "out-of-range": 3 };

/**
 * The data-quality list of the project: the courses the actor may see that have missing, late,
 * duplicate or out-of-range measurements, most issues first, paged. Audited as `dataQuality.viewed`
 * with the purpose.
 * @throws AppError NOT_FOUND when the project is hidden from the actor.
 */
export async function listDataQuality(
  ctx: ActorContext,
  projectId: string,
  q: DataQualityQuery,
): Promise<DataQualityPage> {
  const today = todayOf(ctx);
  const project = await loadProgressionProject(ctx, ctx.db, projectId);
  const scope = progressionCourseScope(ctx.actor, projectId, today);
  const filtered = and(
    scope,
    q.track ? eq(course.trackId, q.track) : undefined,
    q.caseworker
      ? sql`${course.id} in (select ${caseTeamMember.courseId} from ${caseTeamMember}
          where ${caseTeamMember.userId} = ${q.caseworker} and ${caseTeamMember.role} = 'caseworker'
            and ${activeOn(today)})`
      : undefined,
  ) as SQL;

  const tracks = await ctx.db
    .select({ id: track.id, code: track.code, name: track.name, schedule: track.measurementSchedule })
    .from(track)
    .where(eq(track.projectId, projectId))
    .orderBy(asc(track.code));
  const rows = await ctx.db
    .select({ course, familyName: family.name })
    .from(course)
    .innerJoin(family, eq(family.id, course.familyId))
    .where(filtered);
  const team = await ctx.db
    .select({ courseId: caseTeamMember.courseId, id: appUser.id, name: appUser.displayName })
    .from(caseTeamMember)
    .innerJoin(appUser, eq(appUser.id, caseTeamMember.userId))
    .where(
      and(
        inArray(caseTeamMember.courseId, ctx.db.select({ id: course.id }).from(course).where(scope)),
        eq(caseTeamMember.role, "caseworker"),
        activeOn(today),
      ),
    )
    .orderBy(asc(appUser.displayName));
  const courseRows: CourseRow[] = rows.map((r) => r.course);
  const progressById = await loadCourseProgressMany(ctx.db, courseRows, today);
  const definitions = await loadInstrumentDefinitions(ctx.db, projectId);
  const measurements =
    courseRows.length === 0 ? [] : await loadEffectiveMeasurements(ctx.db, projectId, filtered);

  const byCourse = new Map<string, MeasurementRowLite[]>();
  for (const m of measurements) {
    const list = byCourse.get(m.courseId);
    if (list) list.push(m);
    else byCourse.set(m.courseId, [m]);
  }
  const instrumentByCode = new Map(definitions.instruments.map((i) => [i.code, i]));
  const trackNames = new Map(tracks.map((t) => [t.id, t.name]));
  const caseworkersOf = new Map<string, { id: string; name: string }[]>();
  for (const m of team) {
    const list = caseworkersOf.get(m.courseId) ?? [];
    if (!list.some((x) => x.id === m.id)) list.push({ id: m.id, name: m.name });
    caseworkersOf.set(m.courseId, list);
  }

  const assessed: DataQualityCourse[] = rows.map(({ course: c, familyName }) => {
    const context: CourseContext = {
      progress: progressById.get(c.id)!,
      measurements: byCourse.get(c.id) ?? [],
      instrumentOf: (code) => instrumentByCode.get(code),
      definitions,
      today,
    };
    const issues = [...scheduleIssues(context), ...rangeIssues(context)].sort(
      (a, b) =>
        ISSUE_ORDER[a.kind] - ISSUE_ORDER[b.kind] ||
        (a.slot?.dueOn ?? a.measurements[0]?.measuredOn ?? "").localeCompare(
          b.slot?.dueOn ?? b.measurements[0]?.measuredOn ?? "",
        ),
    );
    return {
      courseId: c.id,
      familyId: c.familyId,
      familyName,
      trackId: c.trackId,
      trackName: trackNames.get(c.trackId) ?? "",
      state: c.state,
      caseworkers: caseworkersOf.get(c.id) ?? [],
      counts: countsOf(issues),
      issues,
    };
  });
  const all = assessed.flatMap((a) => a.issues);
  const shown = assessed
    .map((a) => (q.kind ? { ...a, issues: a.issues.filter((i) => i.kind === q.kind) } : a))
    .filter((a) => a.issues.length > 0)
    .sort(
      (a, b) =>
        b.issues.length - a.issues.length ||
        a.familyName.localeCompare(b.familyName, "da") ||
        (a.courseId < b.courseId ? -1 : 1),
    );
  const page = shown.slice(q.offset, q.offset + q.limit);
  const caseworkers = new Map(team.map((m) => [m.id, { id: m.id, name: m.name }]));

  await ctx.audit(ctx.db, {
    type: "dataQuality.viewed",
    organisationId: project.organisationId,
    projectId,
    purpose: progressionPurpose(ctx.actor, project),
    payload: {
      rows: page.length,
      filters: (["track", "kind", "caseworker"] as const).filter((k) => q[k] !== undefined),
    },
  });
  return {
    asOf: today,
    items: page,
    total: shown.length,
    limit: q.limit,
    offset: q.offset,
    totals: { ...countsOf(all), coursesChecked: assessed.length },
    options: {
      tracks: tracks.map((t) => ({ id: t.id, code: t.code, name: t.name, hasSchedule: t.schedule !== null })),
      caseworkers: [...caseworkers.values()].sort((a, b) => a.name.localeCompare(b.name, "da")),
    },
  };
}
