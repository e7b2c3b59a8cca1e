import { and, eq, inArray, isNull } from "drizzle-orm";
import { addDays, type CalendarDate } from "../../../domain/calendar-date.js";
import {
  assessDueMeasurements,
  computeDueMeasurements,
  type DueAssessment,
  effectiveMeasurements,
} from "../../../domain/progression/index.js";
import type { DbOrTx } from "../../db/client.js";
import { caseTask, course } from "../../db/schema/index.js";
import { loadCourseProgress } from "./course-progress.js";
import { loadProjectInstruments } from "./instrument-catalogue.js";
import { measurementsOfCourse, toDomainMeasurement } from "./measurement-rows.js";

/*
 * Measurements due, as tasks (issue 5 §2; kind "measurement-due" in `case_task`). One task per point
 * of the schedule — the baseline, the k-th interval, the end, a follow-up — for every instrument and
 * member it covers ("Måling: løbende måling nr. 2 – mangler Trivsel, Skolefravær (3 af 9)"), because
 * the caseworker or consultant takes them at the same visit: a family of five measured with six
 * instruments gives one task, not thirty. A course has at most two open measurement tasks:
 * - the next point whose first window opens within LOOKAHEAD_DAYS (or is open now), and
 * - the most recent point with something missing whose windows closed within MISSED_TASK_DAYS (a
 *   measurement a month late is still worth taking; older misses are listed in the project's
 *   data-quality view, not kept as a pile of tasks nobody can act on any more).
 * A point is done when every slot in it is filled; its task is then marked done (kept as the record).
 * The due date is the first window's end among the slots still missing: from then on something is late.
 *
 * Courses are synced when a measurement is recorded, when the course changes (transitions, reviews,
 * acceptance), and for every course every six hours (`startMeasurementTaskSync`), because a window
 * opens by the passing of time alone.
 */

/** How far ahead an upcoming measurement becomes a task. */
export const LOOKAHEAD_DAYS = 14;
/** How long after its windows closed a missing measurement stays a task. */
export const MISSED_TASK_DAYS = 60;

const KIND_TITLES = {
  baseline: "nulpunktsmåling",
  interval: "løbende måling",
  end: "måling ved afslutning",
  "follow-up": "opfølgning",
} as const;

/** The slots of one point of the schedule. */
interface Point {
  key: string;
  items: DueAssessment[];
}

const isFilled = (a: DueAssessment) => a.status === "done" || a.status === "late";
const earliest = (dates: CalendarDate[]) => dates.reduce((x, y) => (y < x ? y : x));
const latest = (dates: CalendarDate[]) => dates.reduce((x, y) => (y > x ? y : x));

/** The title, naming the instruments still missing in the schedule's order. */
function pointTitle(point: Point, names: Map<string, string>, order: readonly string[]): string {
  const first = point.items[0]!.due;
  const what =
    first.kind === "interval"
      ? `${KIND_TITLES.interval} nr. ${first.sequence}`
      : first.kind === "follow-up"
        ? `${KIND_TITLES["follow-up"]} ${first.sequence} mdr. efter`
        : KIND_TITLES[first.kind];
  const missing = point.items.filter((a) => !isFilled(a));
  const codes = [...new Set(missing.map((a) => a.due.instrumentCode))].sort(
    (x, y) => order.indexOf(x) - order.indexOf(y),
  );
  const instruments = codes.map((code) => names.get(code) ?? code);
  return `Måling: ${what} – mangler ${instruments.join(", ")} (${missing.length} af ${point.items.length})`;
}

/** Brings one course's measurement tasks in line with its schedule and measurements as of `today`. */
export async function syncMeasurementTasks(
  tx: DbOrTx,
  courseId: string,
  today: CalendarDate,
): Promise<{ inserted: number; updated: number; deleted: number }> {
  const result = { inserted: 0, updated: 0, deleted: 0 };
  const [row] = await tx.select().from(course).where(eq(course.id, courseId));
  if (!row) return result;
  const existing = await tx
    .select()
    .from(caseTask)
    .where(and(eq(caseTask.courseId, courseId), eq(caseTask.kind, "measurement-due")));
  const byKey = new Map(existing.map((t) => [t.key, t]));
  const wanted = new Map<string, { key: string; title: string; dueOn: CalendarDate }>();
  const filled = new Set<string>();

  const progress = await loadCourseProgress(tx, row, today);
  if (progress.schedule && row.state !== "closed") {
    const instruments = await loadProjectInstruments(tx, row.projectId);
    const names = new Map(instruments.map((i) => [i.instrument.code, i.instrument.name]));
    const measurements = effectiveMeasurements(
      (await measurementsOfCourse(tx, courseId)).map(toDomainMeasurement),
    );
    const due = computeDueMeasurements(progress.schedule, progress.dates, progress.members, {
      goals: progress.goals,
      until: addDays(today, LOOKAHEAD_DAYS),
    });
    const { items } = assessDueMeasurements(due, measurements, today);
    const order = progress.schedule.entries.map((e) => e.instrumentCode);
    const points = new Map<string, Point>();
    for (const a of items) {
      const key = `measurement|${a.due.kind}|${a.due.sequence}`;
      const point = points.get(key) ?? { key, items: [] };
      point.items.push(a);
      points.set(key, point);
    }
    const open: Point[] = [];
    for (const point of points.values()) {
      if (point.items.every(isFilled)) filled.add(point.key);
      else open.push(point);
    }
    const missingWindowEnd = (p: Point) =>
      earliest(p.items.filter((a) => !isFilled(a)).map((a) => a.due.windowTo));
    const lastWindowEnd = (p: Point) => latest(p.items.map((a) => a.due.windowTo));
    const firstWindowStart = (p: Point) => earliest(p.items.map((a) => a.due.windowFrom));
    const missed = open
      .filter((p) => lastWindowEnd(p) < today && lastWindowEnd(p) >= addDays(today, -MISSED_TASK_DAYS))
      .sort((x, y) => (lastWindowEnd(x) < lastWindowEnd(y) ? -1 : 1))
      .at(-1);
    const next = open
      .filter((p) => lastWindowEnd(p) >= today && firstWindowStart(p) <= addDays(today, LOOKAHEAD_DAYS))
      .sort((x, y) => (firstWindowStart(x) < firstWindowStart(y) ? -1 : 1))[0];
    for (const p of [missed, next]) {
      if (p)
        wanted.set(p.key, { key: p.key, title: pointTitle(p, names, order), dueOn: missingWindowEnd(p) });
    }
  }

  const toInsert: (typeof caseTask.$inferInsert)[] = [];
  for (const g of wanted.values()) {
    const found = byKey.get(g.key);
    if (!found) {
      toInsert.push({
        organisationId: row.organisationId,
        courseId,
        kind: "measurement-due",
        key: g.key,
        title: g.title,
        dueOn: g.dueOn,
      });
    } else if (found.doneAt === null && (found.dueOn !== g.dueOn || found.title !== g.title)) {
      await tx.update(caseTask).set({ dueOn: g.dueOn, title: g.title }).where(eq(caseTask.id, found.id));
      result.updated++;
    }
  }
  if (toInsert.length > 0) {
    await tx.insert(caseTask).values(toInsert).onConflictDoNothing();
    result.inserted = toInsert.length;
  }
  const nowDone = existing.filter((t) => t.doneAt === null && filled.has(t.key)).map((t) => t.id);
  if (nowDone.length > 0) {
    await tx
      .update(caseTask)
      .set({ doneAt: new Date() })
      .where(and(inArray(caseTask.id, nowDone), isNull(caseTask.doneAt)));
    result.updated += nowDone.length;
  }
  const gone = existing
    .filter((t) => t.doneAt === null && !wanted.has(t.key) && !filled.has(t.key))
    .map((t) => t.id);
  if (gone.length > 0) {
    await tx.delete(caseTask).where(and(inArray(caseTask.id, gone), isNull(caseTask.doneAt)));
    result.deleted = gone.length;
  }
  return result;
}

/** Syncs the measurement tasks of every course (once a day, and after the demo seed). */
export async function syncAllMeasurementTasks(
  db: { transaction<T>(fn: (tx: DbOrTx) => Promise<T>): Promise<T> },
  today: CalendarDate,
): Promise<number> {
  const courses = await db.transaction((tx) => tx.select({ id: course.id }).from(course).orderBy(course.id));
  let changed = 0;
  // One short transaction per course: PGlite has one connection, and other requests go in between.
  for (const c of courses) {
    const r = await db.transaction((tx) => syncMeasurementTasks(tx, c.id, today));
    changed += r.inserted + r.updated + r.deleted;
  }
  return changed;
}
