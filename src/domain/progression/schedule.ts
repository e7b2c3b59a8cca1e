/**
 * Measurement schedules. A track's schedule says, per instrument, whom to measure and when: a baseline
 * within N weeks of the start, every N months during the course, at the end, and at follow-ups N months
 * after the end. `computeDueMeasurements` turns it into the due measurements of one course;
 * `assessDueMeasurements` matches recorded measurements to them and finds what is open, done, late or
 * overdue as of a day.
 *
 * Months are calendar months counted from the start (or the end) each time, clamped to the month's last
 * day: a course starting 31 January has 3-monthly measurements due 30 April, 31 July, 31 October —
 * never drifting to the 28th.
 */
import { z } from "zod";
import { addDays, addMonths, type CalendarDate, compareDates, daysBetween } from "../calendar-date.js";
import type { CourseDates, FamilyMember, MemberRole, PlanGoal } from "./family-data.js";
import { effectiveMeasurements, type Measurement, sortByMeasuredOn } from "./measurement.js";
import { CodeSchema } from "./schema-primitives.js";

/** The current version of the schedule format. */
export const SCHEDULE_SCHEMA_VERSION = 1;

/** Whom an entry measures: the family, each member with a role, or each plan goal. */
export const ScheduleSubjectsSchema = z.enum(
  ["family", "each-child", "each-adult", "each-parent", "each-member", "each-goal"],
  { error: "Ukendt målgruppe" },
);
/** Whom an entry measures. */
export type ScheduleSubjects = z.infer<typeof ScheduleSubjectsSchema>;

/** One instrument's part of a schedule. */
export const ScheduleEntrySchema = z
  .object({
    /** The instrument's code. */
    instrumentCode: CodeSchema,
    /** Whom it measures. */
    subjects: ScheduleSubjectsSchema,
    /** Baseline due within this many weeks of the start (window: start … start + weeks); omit for none. */
    baselineWithinWeeks: z.number().int().min(0).max(52).optional(),
    /** A measurement every this many months from the start while the course runs; omit for none. */
    everyMonths: z.number().int().min(1).max(60).optional(),
    /** A measurement at the end of the course (default true). */
    atEnd: z.boolean().default(true),
    /** Follow-ups this many months after the end, e.g. [12, 24]. */
    followUpMonthsAfterEnd: z.array(z.number().int().min(1).max(120)).default([]),
    /** Days before and after the due day a measurement still counts as on time (default 14). */
    windowDays: z.number().int().min(0).max(90).default(14),
  })
  .refine((e) => new Set(e.followUpMonthsAfterEnd).size === e.followUpMonthsAfterEnd.length, {
    message: "Samme opfølgning er angivet to gange",
    path: ["followUpMonthsAfterEnd"],
  });
/** One instrument's part of a schedule. */
export type ScheduleEntry = z.infer<typeof ScheduleEntrySchema>;

const SCOPE_ROLES: Record<Exclude<ScheduleSubjects, "family" | "each-goal">, readonly MemberRole[]> = {
  "each-child": ["child"],
  "each-adult": ["parent", "other-adult"],
  "each-parent": ["parent"],
  "each-member": ["parent", "child", "other-adult"],
};

function overlaps(a: ScheduleSubjects, b: ScheduleSubjects): boolean {
  if (a === "family" || b === "family" || a === "each-goal" || b === "each-goal") return a === b;
  return SCOPE_ROLES[a].some((r) => SCOPE_ROLES[b].includes(r));
}

/** A track's measurement schedule (stored as JSON on the track). */
export const MeasurementScheduleSchema = z
  .object({
    schemaVersion: z.literal(SCHEDULE_SCHEMA_VERSION, { error: "Ukendt version af skemaformatet" }),
    entries: z.array(ScheduleEntrySchema),
  })
  .superRefine((s, ctx) => {
    // Two entries of one instrument must not measure the same subject twice (their slots would clash).
    s.entries.forEach((e, i) => {
      const clash = s.entries
        .slice(0, i)
        .find((o) => o.instrumentCode === e.instrumentCode && overlaps(o.subjects, e.subjects));
      if (clash) {
        ctx.addIssue({
          code: "custom",
          path: ["entries", i, "subjects"],
          message: `${e.instrumentCode} måles allerede for ${clash.subjects}`,
        });
      }
    });
  });
/** A track's measurement schedule. */
export type MeasurementSchedule = z.infer<typeof MeasurementScheduleSchema>;
/** A track's measurement schedule as written (defaults optional). */
export type MeasurementScheduleInput = z.input<typeof MeasurementScheduleSchema>;

/** Why a measurement is due. */
export type DueKind = "baseline" | "interval" | "end" | "follow-up";

/** Whom a due measurement is for. */
export type DueSubject =
  | { kind: "family" }
  | { kind: "person"; personId: string }
  | { kind: "goal"; goalId: string };

/** One measurement a course owes. */
export interface DueMeasurement {
  /** Stable id of the slot within the course, e.g. `school-absence|person:p1|interval|2`. */
  key: string;
  /** The instrument's code. */
  instrumentCode: string;
  /** Whom it is for. */
  subject: DueSubject;
  /** Why it is due. */
  kind: DueKind;
  /** 0 for baseline and end, k for the k-th interval, the months for a follow-up. */
  sequence: number;
  /** The due day (for a baseline: the last day of its window). */
  dueOn: CalendarDate;
  /** First day a measurement counts for this slot. */
  windowFrom: CalendarDate;
  /** Last day a measurement counts as on time. */
  windowTo: CalendarDate;
}

function dueSubjectKey(s: DueSubject): string {
  return s.kind === "family" ? "family" : s.kind === "person" ? `person:${s.personId}` : `goal:${s.goalId}`;
}

function subjectsOf(
  entry: ScheduleEntry,
  members: readonly FamilyMember[],
  goals: readonly PlanGoal[],
): DueSubject[] {
  if (entry.subjects === "family") return [{ kind: "family" }];
  if (entry.subjects === "each-goal") return goals.map((g) => ({ kind: "goal", goalId: g.id }));
  const roles = SCOPE_ROLES[entry.subjects];
  return members.filter((m) => roles.includes(m.role)).map((m) => ({ kind: "person", personId: m.id }));
}

/** Upper bound on interval slots per entry, a guard against a runaway `until`. */
const MAX_INTERVALS = 600;

/**
 * The measurements one course owes under a schedule, sorted by due day.
 *
 * - baseline: window start … start + 7·weeks days, due on its last day;
 * - interval k: due start + k·everyMonths months (month-end clamped), while strictly before the end;
 *   window ± `windowDays` (never before the start);
 * - end: due on the end day, window ± `windowDays`;
 * - follow-up m: due end + m months, window ± `windowDays`.
 *
 * The end is `endedOn` (a course ended early stops there), else `plannedEndOn`. With neither, no end or
 * follow-up slots are made and intervals run through `options.until` (none without it).
 * @param members the family's members (for `each-*` entries); `options.goals` the plan goals (for `each-goal`).
 */
export function computeDueMeasurements(
  schedule: MeasurementSchedule,
  course: CourseDates,
  members: readonly FamilyMember[],
  options: { goals?: readonly PlanGoal[]; until?: CalendarDate } = {},
): DueMeasurement[] {
  const start = course.startedOn;
  const end = course.endedOn ?? course.plannedEndOn ?? undefined;
  const out: DueMeasurement[] = [];
  for (const entry of schedule.entries) {
    const slots: Array<Omit<DueMeasurement, "key" | "instrumentCode" | "subject">> = [];
    const around = (dueOn: CalendarDate) => {
      const from = addDays(dueOn, -entry.windowDays);
      return {
        windowFrom: compareDates(from, start) < 0 ? start : from,
        windowTo: addDays(dueOn, entry.windowDays),
      };
    };
    if (entry.baselineWithinWeeks !== undefined) {
      const dueOn = addDays(start, entry.baselineWithinWeeks * 7);
      slots.push({ kind: "baseline", sequence: 0, dueOn, windowFrom: start, windowTo: dueOn });
    }
    if (entry.everyMonths !== undefined) {
      const limit = end ?? options.until;
      for (let k = 1; limit !== undefined && k <= MAX_INTERVALS; k++) {
        const dueOn = addMonths(start, k * entry.everyMonths);
        if (end !== undefined ? dueOn >= end : dueOn > limit) break;
        slots.push({ kind: "interval", sequence: k, dueOn, ...around(dueOn) });
      }
    }
    if (end !== undefined) {
      if (entry.atEnd) slots.push({ kind: "end", sequence: 0, dueOn: end, ...around(end) });
      for (const months of [...entry.followUpMonthsAfterEnd].sort((a, b) => a - b)) {
        const dueOn = addMonths(end, months);
        slots.push({ kind: "follow-up", sequence: months, dueOn, ...around(dueOn) });
      }
    }
    for (const subject of subjectsOf(entry, members, options.goals ?? [])) {
      for (const slot of slots) {
        out.push({
          key: `${entry.instrumentCode}|${dueSubjectKey(subject)}|${slot.kind}|${slot.sequence}`,
          instrumentCode: entry.instrumentCode,
          subject,
          ...slot,
        });
      }
    }
  }
  return out.sort((a, b) =>
    a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
  );
}

/**
 * The state of a due measurement as of a day: `upcoming` (window not open), `open` (window open, nothing
 * recorded yet), `done` (recorded in the window), `late` (recorded after the window, before the next
 * slot's window), `overdue` (window closed, nothing recorded — a task, and "missing" in data quality).
 */
export type DueStatus = "upcoming" | "open" | "done" | "late" | "overdue";

/** A due measurement with its state. */
export interface DueAssessment {
  /** The slot. */
  due: DueMeasurement;
  /** Its state as of the day. */
  status: DueStatus;
  /** The measurement that fills it (done or late). */
  measurementId?: string;
  /** Days after the window it was recorded (late), or days since the window closed (overdue). */
  daysLate?: number;
  /** Further measurements in the same window (a duplicate for the same slot, for data quality). */
  duplicateMeasurementIds: string[];
}

function matchesSubject(m: Measurement, s: DueSubject): boolean {
  if (s.kind === "family") return m.subject.kind === "family";
  if (s.kind === "person") return m.subject.kind === "person" && m.subject.personId === s.personId;
  return m.goalId === s.goalId;
}

/**
 * Matches recorded measurements (effective, measured on or before `asOf`) to due slots and gives each
 * slot its state. Each measurement fills at most one slot: slots are filled in due order, a baseline by
 * the first measurement in its window, other slots by the one closest to the due day. A measurement
 * after a closed window and before the next slot's window opens fills it as `late`.
 * @returns the assessments in the order of `due`, and the measurements of the scheduled instruments that
 *   fill no slot and are no duplicate (`unscheduledMeasurementIds`).
 */
export function assessDueMeasurements(
  due: readonly DueMeasurement[],
  measurements: readonly Measurement[],
  asOf: CalendarDate,
): { items: DueAssessment[]; unscheduledMeasurementIds: string[] } {
  const effective = sortByMeasuredOn(effectiveMeasurements(measurements)).filter((m) => m.measuredOn <= asOf);
  const used = new Set<string>();
  const byGroup = new Map<string, DueMeasurement[]>();
  for (const d of due) {
    const key = `${d.instrumentCode}|${dueSubjectKey(d.subject)}`;
    const list = byGroup.get(key);
    if (list) list.push(d);
    else byGroup.set(key, [d]);
  }
  const results = new Map<string, DueAssessment>();
  for (const slots of byGroup.values()) {
    const first = slots[0]!;
    const candidates = effective.filter(
      (m) => m.instrumentCode === first.instrumentCode && matchesSubject(m, first.subject),
    );
    const ordered = [...slots].sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
    const matched = new Map<string, Measurement>();
    for (const slot of ordered) {
      const inWindow = candidates.filter(
        (m) => !used.has(m.id) && m.measuredOn >= slot.windowFrom && m.measuredOn <= slot.windowTo,
      );
      let best: Measurement | undefined;
      for (const m of inWindow) {
        if (!best) best = m;
        else if (slot.kind !== "baseline") {
          const d = Math.abs(daysBetween(slot.dueOn, m.measuredOn));
          const bd = Math.abs(daysBetween(slot.dueOn, best.measuredOn));
          if (d < bd || (d === bd && m.measuredOn > best.measuredOn)) best = m;
        }
      }
      if (best) {
        used.add(best.id);
        matched.set(slot.key, best);
      }
    }
    const duplicates = new Map<string, string[]>();
    for (const slot of ordered) {
      if (!matched.has(slot.key)) continue;
      const extra = candidates.filter(
        (m) => !used.has(m.id) && m.measuredOn >= slot.windowFrom && m.measuredOn <= slot.windowTo,
      );
      for (const m of extra) used.add(m.id);
      duplicates.set(
        slot.key,
        extra.map((m) => m.id),
      );
    }
    ordered.forEach((slot, i) => {
      const hit = matched.get(slot.key);
      const duplicateMeasurementIds = duplicates.get(slot.key) ?? [];
      if (hit) {
        results.set(slot.key, { due: slot, status: "done", measurementId: hit.id, duplicateMeasurementIds });
        return;
      }
      if (asOf < slot.windowFrom) {
        results.set(slot.key, { due: slot, status: "upcoming", duplicateMeasurementIds });
        return;
      }
      if (asOf <= slot.windowTo) {
        results.set(slot.key, { due: slot, status: "open", duplicateMeasurementIds });
        return;
      }
      const next = ordered[i + 1];
      const late = candidates.find(
        (m) => !used.has(m.id) && m.measuredOn > slot.windowTo && (!next || m.measuredOn < next.windowFrom),
      );
      if (late) {
        used.add(late.id);
        results.set(slot.key, {
          due: slot,
          status: "late",
          measurementId: late.id,
          daysLate: daysBetween(slot.windowTo, late.measuredOn),
          duplicateMeasurementIds,
        });
        return;
      }
      results.set(slot.key, {
        due: slot,
        status: "overdue",
        daysLate: daysBetween(slot.windowTo, asOf),
        duplicateMeasurementIds,
      });
    });
  }
  const scheduledInstruments = new Set(due.map((d) => d.instrumentCode));
  const unscheduledMeasurementIds = effective
    .filter((m) => scheduledInstruments.has(m.instrumentCode) && !used.has(m.id))
    .map((m) => m.id);
  return { items: due.map((d) => results.get(d.key)!), unscheduledMeasurementIds };
}
