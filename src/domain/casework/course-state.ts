/**
 * The course (forløb): one family's time in a project track, as an explicit state machine.
 *
 *     accepted → baseline → active → review → completed ─┐
 *                                      │  ↑             ├→ follow-up → closed
 *                                      └──┘ continue/adjust
 *     accepted | baseline | active | review → ended-early ┘
 *
 * - `review → active` by the review's decision "continue" or "adjust"; `review → completed` or
 *   `review → ended-early` by the decision "end".
 * - `end-early` may also be taken before the review (accepted, baseline, active): a family that moves
 *   away or withdraws in month 3 should not need a pretend review to leave the course.
 * - Every review decision and every early end requires a reason; the other steps take an optional one.
 * - A transition is dated (`at`, the day it takes effect) and may not lie before the current state began.
 */
import { z } from "zod";
import type { CalendarDate } from "../calendar-date.js";
import { DateSchema, ReasonSchema } from "./schema-primitives.js";
import {
  type AllowedEvent,
  applyTransition,
  listAllowedEvents,
  replayTransitions,
  type StateMachine,
  type Status,
  type Transition,
  type TransitionContext,
  type TransitionRefusal,
  type TransitionResult,
} from "./state-machine.js";

/** The course states in their natural order. */
export const COURSE_STATES = [
  "accepted",
  "baseline",
  "active",
  "review",
  "completed",
  "ended-early",
  "follow-up",
  "closed",
] as const;
/** A course state. */
export const CourseStateSchema = z.enum(COURSE_STATES, { error: "Ukendt forløbsstatus" });
/** A course state. */
export type CourseState = z.infer<typeof CourseStateSchema>;

/** The events that move a course. */
export const COURSE_EVENTS = [
  "start-baseline",
  "start-treatment",
  "start-review",
  "continue",
  "adjust",
  "complete",
  "end-early",
  "start-follow-up",
  "close",
] as const;
/** An event that moves a course. */
export const CourseEventSchema = z.enum(COURSE_EVENTS, { error: "Ukendt handling for forløbet" });
/** An event that moves a course. */
export type CourseEvent = z.infer<typeof CourseEventSchema>;

/** Danish labels of the course states. */
export const COURSE_STATE_LABELS: Readonly<Record<CourseState, string>> = {
  accepted: "Visiteret",
  baseline: "Baseline",
  active: "Aktivt",
  review: "Revurdering",
  completed: "Gennemført",
  "ended-early": "Afbrudt før tid",
  "follow-up": "Opfølgning",
  closed: "Lukket",
};

/** Danish labels of the course events (the buttons). */
export const COURSE_EVENT_LABELS: Readonly<Record<CourseEvent, string>> = {
  "start-baseline": "Start baseline",
  "start-treatment": "Start behandlingen",
  "start-review": "Start revurdering",
  continue: "Fortsæt forløbet",
  adjust: "Justér forløbet",
  complete: "Afslut som gennemført",
  "end-early": "Afbryd før tid",
  "start-follow-up": "Start opfølgning",
  close: "Luk forløbet",
};

/** The course machine: for every event, the states it may be taken from, its target and whether a reason is required. */
export const COURSE_MACHINE: StateMachine<CourseState, CourseEvent> = {
  noun: "forløbet",
  states: COURSE_STATES,
  stateLabels: COURSE_STATE_LABELS,
  eventLabels: COURSE_EVENT_LABELS,
  rules: {
    "start-baseline": { from: ["accepted"], to: "baseline", isReasonRequired: false },
    "start-treatment": { from: ["baseline"], to: "active", isReasonRequired: false },
    "start-review": { from: ["active"], to: "review", isReasonRequired: false },
    continue: { from: ["review"], to: "active", isReasonRequired: true },
    adjust: { from: ["review"], to: "active", isReasonRequired: true },
    complete: { from: ["review"], to: "completed", isReasonRequired: true },
    "end-early": {
      from: ["accepted", "baseline", "active", "review"],
      to: "ended-early",
      isReasonRequired: true,
    },
    "start-follow-up": { from: ["completed", "ended-early"], to: "follow-up", isReasonRequired: false },
    close: { from: ["follow-up"], to: "closed", isReasonRequired: false },
  },
};

/**
 * States in which the course is open: it holds a place on the track (capacity) and counts on the
 * case team's caseload. Completed/ended-early/follow-up/closed courses do neither.
 */
export const OPEN_COURSE_STATES: readonly CourseState[] = ["accepted", "baseline", "active", "review"];

/** True when a course in this state holds a place on the track and counts on caseloads. */
export function isCourseOpen(state: CourseState): boolean {
  return OPEN_COURSE_STATES.includes(state);
}

/** A course's state and the day it began. */
export const CourseStatusSchema = z.object({ state: CourseStateSchema, since: DateSchema });
/** A course's state and the day it began. */
export type CourseStatus = Status<CourseState>;

/** One recorded course transition (stored in the course's history). */
export const CourseTransitionSchema = z.object({
  from: CourseStateSchema,
  to: CourseStateSchema,
  event: CourseEventSchema,
  at: DateSchema,
  reason: ReasonSchema.optional(),
});
/** One recorded course transition. */
export type CourseTransition = Transition<CourseState, CourseEvent>;

/** A request to move a course, as the API accepts it. */
export const CourseTransitionInputSchema = z.object({
  event: CourseEventSchema,
  at: DateSchema,
  reason: ReasonSchema.optional(),
});
/** A request to move a course. */
export type CourseTransitionInput = z.infer<typeof CourseTransitionInputSchema>;

/** The result of `transitionCourse`: the new status and the step to record, or a Danish refusal. */
export type CourseTransitionResult = TransitionResult<CourseState, CourseEvent>;

/** The status of a new course: accepted on the day the referral was accepted. */
export function startCourse(acceptedOn: CalendarDate): CourseStatus {
  return { state: "accepted", since: acceptedOn };
}

/**
 * Moves a course by one event. Refuses (never throws) an unknown event, an event not allowed from the
 * current state, a missing reason where one is required, or a date before the current state began.
 */
export function transitionCourse(
  status: CourseStatus,
  event: CourseEvent,
  context: TransitionContext,
): CourseTransitionResult {
  return applyTransition(COURSE_MACHINE, status, event, context);
}

/** The events a course may take from `state`, with Danish labels and whether a reason is needed (for the UI). */
export function listAllowedCourseEvents(state: CourseState): AllowedEvent<CourseState, CourseEvent>[] {
  return listAllowedEvents(COURSE_MACHINE, state);
}

/** True when `event` needs a reason (wherever it is taken from). */
export function isCourseReasonRequired(event: CourseEvent): boolean {
  return COURSE_MACHINE.rules[event].isReasonRequired;
}

/**
 * Rebuilds a course's status from its recorded history (starting at `accepted` on `acceptedOn`),
 * checking every step; the first inconsistent step is refused with its index.
 */
export function replayCourse(
  acceptedOn: CalendarDate,
  history: readonly Pick<CourseTransition, "from" | "event" | "at" | "reason">[],
): { ok: true; status: CourseStatus } | (TransitionRefusal & { readonly index: number }) {
  return replayTransitions(COURSE_MACHINE, startCourse(acceptedOn), history);
}

/** How many of the given courses are open (hold a place on the track). */
export function countOpenCourses(states: readonly CourseState[]): number {
  return states.filter(isCourseOpen).length;
}

/**
 * Key dates of a course read from its history: `startedOn`, the first day of treatment (the first
 * `start-treatment`), and `lastReviewedOn`, the day of the latest review decision that let the course
 * go on (`continue` or `adjust`).
 */
export function findCourseDates(history: readonly Pick<CourseTransition, "event" | "at">[]): {
  startedOn?: CalendarDate;
  lastReviewedOn?: CalendarDate;
} {
  let startedOn: CalendarDate | undefined;
  let lastReviewedOn: CalendarDate | undefined;
  for (const t of history) {
    if (t.event === "start-treatment" && startedOn === undefined) startedOn = t.at;
    if ((t.event === "continue" || t.event === "adjust") && (!lastReviewedOn || t.at >= lastReviewedOn)) {
      lastReviewedOn = t.at;
    }
  }
  return { ...(startedOn ? { startedOn } : {}), ...(lastReviewedOn ? { lastReviewedOn } : {}) };
}
