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
 * Measurements due, as tasks (issue 5 §2; kind "measurement-due" in `case_task`). One task per slot
 * group — an instrument at one point of the schedule (e.g. "Trivsel, 3-måneders måling nr. 2"), for
 * all the members it covers — so a family of five gives one task, not five. Per instrument a course
 * has at most two open tasks:
 * - the next slot group whose window opens within LOOKAHEAD_DAYS (or is open now), and
 * - the most recent group whose window closed with something missing (older misses are listed in the
 *   project's data-quality view, not as a pile of tasks nobody can do anything about any more).
 * A group is done when every slot in it is filled; its task is then marked done (kept as the record).
 * The due date is the last day a measurement counts as on time (the window's end).
 *
 * Courses are synced when a measurement is recorded, when the course changes (through
 * `syncCourseTasks`), and for every course once a day (`syncAllMeasurementTasks`, started by the server),
 * because a window opens by the passing of time alone.
 */

/** How far ahead an upcoming measurement becomes a task. */
export const LOOKAHEAD_DAYS = 14;

const KIND_TITLES = {
  baseline: "nulpunktsmåling",
  interval: "løbende måling",
  end: "måling ved afslutning",
  "follow-up": "opfølgning",
} as const;

interface Group {
  key: string;
  instrumentCode: string;
  title: string;
  dueOn: CalendarDate;
  windowFrom: CalendarDate;
  windowTo: CalendarDate;
  items: DueAssessment[];
}

function groupTitle(name: string, first: DueAssessment["due"], missing: number, total: number): string {
  const base =
    first.kind === "interval"
      ? `${KIND_TITLES.interval} nr. ${first.sequence}`
      : first.kind === "follow-up"
        ? `${KIND_TITLES["follow-up"]} ${first.sequence} mdr. efter`
        : KIND_TITLES[first.kind];
  const count = total > 1 ? ` (${missing} af ${total} mangler)` : "";
  return `Måling: ${name} – ${base}${count}`;
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
  const wanted = new Map<string, Group>();
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
    const groups = new Map<string, Group>();
    for (const a of items) {
      const key = `measurement|${a.due.instrumentCode}|${a.due.kind}|${a.due.sequence}`;
      const g = groups.get(key);
      if (g) g.items.push(a);
      else
        groups.set(key, {
          key,
          instrumentCode: a.due.instrumentCode,
          title: "",
          dueOn: a.due.dueOn,
          windowFrom: a.due.windowFrom,
          windowTo: a.due.windowTo,
          items: [a],
        });
    }
    const perInstrument = new Map<string, Group[]>();
    for (const g of groups.values()) {
      const missing = g.items.filter((a) => a.status !== "done" && a.status !== "late").length;
      g.title = groupTitle(
        names.get(g.instrumentCode) ?? g.instrumentCode,
        g.items[0]!.due,
        missing,
        g.items.length,
      );
      if (missing === 0) {
        filled.add(g.key);
        continue;
      }
      const list = perInstrument.get(g.instrumentCode) ?? [];
      list.push(g);
      perInstrument.set(g.instrumentCode, list);
    }
    for (const list of perInstrument.values()) {
      list.sort((a, b) => (a.windowTo < b.windowTo ? -1 : a.windowTo > b.windowTo ? 1 : 0));
      const closed = list.filter((g) => g.windowTo < today);
      const lastMissed = closed[closed.length - 1];
      if (lastMissed) wanted.set(lastMissed.key, lastMissed);
      const next = list.find((g) => g.windowTo >= today && g.windowFrom <= addDays(today, LOOKAHEAD_DAYS));
      if (next) wanted.set(next.key, next);
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
        dueOn: g.windowTo,
      });
    } else if (found.doneAt === null && (found.dueOn !== g.windowTo || found.title !== g.title)) {
      await tx.update(caseTask).set({ dueOn: g.windowTo, title: g.title }).where(eq(caseTask.id, found.id));
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
