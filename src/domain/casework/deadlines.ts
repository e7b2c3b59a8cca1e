/**
 * Deadlines of case work, as task descriptors the server stores and shows in "my tasks":
 *
 * - review (revurdering): due `reviewAfterMonths` (per track, default 12) after the course's start of
 *   treatment, or after the latest review decision that continued the course; only while the course
 *   is `active` or in `review` (once reviewed and ended there is nothing to review);
 * - follow-up of a measure (opfølgning på en foranstaltning): within 3 months of the measure's start,
 *   until the follow-up is recorded;
 * - a children's investigation (børnefaglig undersøgelse) finished within 4 months of its start,
 *   until it is finished. Record as start the day the municipality became aware of the child's need,
 *   which is when the legal deadline starts running.
 *
 * Months are calendar months with the day clamped to the month's end (31 Jan + 1 month = 28/29 Feb).
 * A task is overdue the day after its due date (due on the day is not overdue). Measurement-due
 * tasks come from the progression schedules and use the same descriptor and flags.
 */
import { z } from "zod";
import { addMonths, type CalendarDate, compareDates, daysBetween } from "../calendar-date.js";
import type { CourseState } from "./course-state.js";
import { DateSchema, IdSchema, TextSchema } from "./schema-primitives.js";

/** Default months from start of treatment to the review. */
export const DEFAULT_REVIEW_AFTER_MONTHS = 12;
/** Months from a measure's start within which it must be followed up. */
export const MEASURE_FOLLOW_UP_MONTHS = 3;
/** Months from a children's investigation's start within which it must be finished. */
export const INVESTIGATION_DEADLINE_MONTHS = 4;

/** The kinds of task. */
export const TaskKindSchema = z.enum(
  ["review", "measure-follow-up", "investigation-deadline", "measurement-due"],
  {
    error: "Ukendt opgavetype",
  },
);
/** A kind of task. */
export type TaskKind = z.infer<typeof TaskKindSchema>;

/** Danish labels of the task kinds. */
export const TASK_KIND_LABELS: Readonly<Record<TaskKind, string>> = {
  review: "Revurdering",
  "measure-follow-up": "Opfølgning på indsats",
  "investigation-deadline": "Børnefaglig undersøgelse",
  "measurement-due": "Måling",
};

/** A track's deadline settings. */
export const TrackDeadlineConfigSchema = z.object({
  reviewAfterMonths: z
    .int({ error: "Antal måneder skal være et helt tal" })
    .min(1, { error: "Mindst 1 måned" })
    .max(60, { error: "Højst 60 måneder" })
    .default(DEFAULT_REVIEW_AFTER_MONTHS),
});
/** A track's deadline settings. */
export type TrackDeadlineConfig = z.infer<typeof TrackDeadlineConfigSchema>;

/** What a task is about (ids only). */
export const TaskSubjectSchema = z.object({
  familyId: IdSchema,
  courseId: IdSchema.optional(),
  measureId: IdSchema.optional(),
  investigationId: IdSchema.optional(),
  personId: IdSchema.optional(),
});
/** What a task is about (ids only). */
export type TaskSubject = z.infer<typeof TaskSubjectSchema>;

/** A task with a due date; `key` is stable so the server can upsert and mark it done. */
export const TaskDescriptorSchema = z.object({
  key: IdSchema,
  kind: TaskKindSchema,
  dueOn: DateSchema,
  subject: TaskSubjectSchema,
  title: TextSchema,
});
/** A task with a due date. */
export type TaskDescriptor = z.infer<typeof TaskDescriptorSchema>;

/** A task with its overdue flag on a date. */
export type FlaggedTask = TaskDescriptor & {
  /** True from the day after `dueOn`. */
  readonly isOverdue: boolean;
  /** Days from the as-of date to `dueOn` (0 on the day, negative when overdue). */
  readonly daysUntilDue: number;
};

/** A course as the deadline rules need it. */
export interface CourseDeadlineInput {
  readonly courseId: string;
  readonly familyId: string;
  readonly trackId: string;
  readonly state: CourseState;
  /** First day of treatment (see `findCourseDates`). */
  readonly startedOn?: CalendarDate | undefined;
  /** Day of the latest review decision that continued the course (see `findCourseDates`). */
  readonly lastReviewedOn?: CalendarDate | undefined;
}

/** A measure as the follow-up rule needs it. */
export interface MeasureDeadlineInput {
  readonly measureId: string;
  readonly familyId: string;
  readonly courseId?: string | undefined;
  /** The measure's title ("what"), shown in the task title. */
  readonly title: string;
  readonly startOn: CalendarDate;
  /** Set when the follow-up is done; then there is no task. */
  readonly followedUpOn?: CalendarDate | undefined;
}

/** A children's investigation as the deadline rule needs it. */
export interface InvestigationDeadlineInput {
  readonly investigationId: string;
  readonly familyId: string;
  readonly childPersonId: string;
  readonly startedOn: CalendarDate;
  /** Set when the investigation is finished; then there is no task. */
  readonly finishedOn?: CalendarDate | undefined;
}

/** The review task of a course, or `undefined` when no review is pending. */
export function computeReviewTask(
  course: CourseDeadlineInput,
  reviewAfterMonths: number = DEFAULT_REVIEW_AFTER_MONTHS,
): TaskDescriptor | undefined {
  if (course.state !== "active" && course.state !== "review") return undefined;
  const from = course.lastReviewedOn ?? course.startedOn;
  if (!from) return undefined;
  const dueOn = addMonths(from, reviewAfterMonths);
  return {
    key: `review|course:${course.courseId}|${dueOn}`,
    kind: "review",
    dueOn,
    subject: { familyId: course.familyId, courseId: course.courseId },
    title: "Revurdering af forløbet",
  };
}

/** The follow-up task of a measure (3 months after start), or `undefined` once followed up. */
export function computeMeasureFollowUpTask(measure: MeasureDeadlineInput): TaskDescriptor | undefined {
  if (measure.followedUpOn) return undefined;
  return {
    key: `measure-follow-up|measure:${measure.measureId}`,
    kind: "measure-follow-up",
    dueOn: addMonths(measure.startOn, MEASURE_FOLLOW_UP_MONTHS),
    subject: {
      familyId: measure.familyId,
      measureId: measure.measureId,
      ...(measure.courseId ? { courseId: measure.courseId } : {}),
    },
    title: `Opfølgning på indsatsen "${measure.title.trim()}"`,
  };
}

/** The deadline task of a children's investigation (4 months after start), or `undefined` once finished. */
export function computeInvestigationTask(
  investigation: InvestigationDeadlineInput,
): TaskDescriptor | undefined {
  if (investigation.finishedOn) return undefined;
  return {
    key: `investigation-deadline|investigation:${investigation.investigationId}`,
    kind: "investigation-deadline",
    dueOn: addMonths(investigation.startedOn, INVESTIGATION_DEADLINE_MONTHS),
    subject: {
      familyId: investigation.familyId,
      investigationId: investigation.investigationId,
      personId: investigation.childPersonId,
    },
    title: "Den børnefaglige undersøgelse skal være afsluttet",
  };
}

/**
 * All open deadline tasks for the given courses, measures and investigations, sorted by due date
 * (then key). `reviewAfterMonthsByTrack` maps track id → months; a missing track uses 12.
 */
export function computeCaseworkTasks(
  input: {
    readonly courses?: readonly CourseDeadlineInput[];
    readonly measures?: readonly MeasureDeadlineInput[];
    readonly investigations?: readonly InvestigationDeadlineInput[];
  },
  reviewAfterMonthsByTrack: Readonly<Record<string, number>> = {},
): TaskDescriptor[] {
  const tasks: TaskDescriptor[] = [];
  for (const c of input.courses ?? []) {
    const months =
      (Object.hasOwn(reviewAfterMonthsByTrack, c.trackId)
        ? reviewAfterMonthsByTrack[c.trackId]
        : undefined) ?? DEFAULT_REVIEW_AFTER_MONTHS;
    const t = computeReviewTask(c, months);
    if (t) tasks.push(t);
  }
  for (const m of input.measures ?? []) {
    const t = computeMeasureFollowUpTask(m);
    if (t) tasks.push(t);
  }
  for (const i of input.investigations ?? []) {
    const t = computeInvestigationTask(i);
    if (t) tasks.push(t);
  }
  return sortTasks(tasks);
}

/** Sorts tasks by due date, then key (stable and deterministic). */
export function sortTasks<T extends TaskDescriptor>(tasks: readonly T[]): T[] {
  return [...tasks].sort(
    (a, b) => compareDates(a.dueOn, b.dueOn) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

/** True when a task due on `dueOn` is overdue on `asOf` (from the day after the due date). */
export function isOverdue(dueOn: CalendarDate, asOf: CalendarDate): boolean {
  return compareDates(asOf, dueOn) > 0;
}

/** Adds the overdue flag and the days left as of a date, keeping the order. */
export function flagTasks(tasks: readonly TaskDescriptor[], asOf: CalendarDate): FlaggedTask[] {
  return tasks.map((t) => ({
    ...t,
    isOverdue: isOverdue(t.dueOn, asOf),
    daysUntilDue: daysBetween(asOf, t.dueOn),
  }));
}
