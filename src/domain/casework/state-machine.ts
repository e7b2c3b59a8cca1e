/**
 * A small, table-driven state machine shared by the referral and the course. Each event has one
 * target state, the states it may be taken from, and whether a reason is required. A transition
 * carries a calendar date (`at`, the day it takes effect) that may not lie before the day the current
 * state began. Who made the change and the exact instant are recorded by the server's audit, not here.
 */
import { type CalendarDate, compareDates } from "../calendar-date.js";
import { cleanReason, formatDanishDate } from "./schema-primitives.js";

/** One event of a machine: where it may be taken from, where it leads, whether it needs a reason. */
export interface StateRule<S extends string> {
  readonly from: readonly S[];
  readonly to: S;
  readonly isReasonRequired: boolean;
}

/** A machine: its rules per event and the Danish words its messages use. */
export interface StateMachine<S extends string, E extends string> {
  /** The thing in definite form, lower case: "forløbet", "henvisningen". */
  readonly noun: string;
  readonly states: readonly S[];
  readonly stateLabels: Readonly<Record<S, string>>;
  readonly eventLabels: Readonly<Record<E, string>>;
  readonly rules: Readonly<Record<E, StateRule<S>>>;
}

/** Where a thing stands: its state and the day that state began. */
export interface Status<S extends string> {
  readonly state: S;
  readonly since: CalendarDate;
}

/** One recorded step: from, to, by which event, on which day and why. */
export interface Transition<S extends string, E extends string> {
  readonly from: S;
  readonly to: S;
  readonly event: E;
  readonly at: CalendarDate;
  readonly reason?: string;
}

/** Why a transition was refused. */
export type TransitionRefusalCode =
  | "unknown-event"
  | "not-allowed"
  | "reason-required"
  | "before-current-state";

/** A refusal with a Danish message for the caseworker. */
export interface TransitionRefusal {
  readonly ok: false;
  readonly code: TransitionRefusalCode;
  readonly message: string;
}

/** The new status and the step to record, or a refusal. */
export type TransitionResult<S extends string, E extends string> =
  | { readonly ok: true; readonly status: Status<S>; readonly transition: Transition<S, E> }
  | TransitionRefusal;

/** An event that may be taken from a state, for the UI. */
export interface AllowedEvent<S extends string, E extends string> {
  readonly event: E;
  readonly label: string;
  readonly to: S;
  readonly isReasonRequired: boolean;
}

/** The date and reason that come with a transition. */
export interface TransitionContext {
  /** The day the transition takes effect; not before the current state began. */
  readonly at: CalendarDate;
  /** Why; required for some events, trimmed, blank counts as missing. */
  readonly reason?: string | undefined;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function quoteList(labels: readonly string[]): string {
  return labels.map((l) => `"${l}"`).join(", ");
}

/** The events that may be taken from `state`, in the machine's order. */
export function listAllowedEvents<S extends string, E extends string>(
  machine: StateMachine<S, E>,
  state: S,
): AllowedEvent<S, E>[] {
  const out: AllowedEvent<S, E>[] = [];
  for (const event of Object.keys(machine.rules) as E[]) {
    const rule = machine.rules[event];
    if (rule.from.includes(state)) {
      out.push({
        event,
        label: machine.eventLabels[event],
        to: rule.to,
        isReasonRequired: rule.isReasonRequired,
      });
    }
  }
  return out;
}

/** Applies one event to a status; never throws. */
export function applyTransition<S extends string, E extends string>(
  machine: StateMachine<S, E>,
  status: Status<S>,
  event: E,
  context: TransitionContext,
): TransitionResult<S, E> {
  const rule = Object.hasOwn(machine.rules, event) ? machine.rules[event] : undefined;
  if (!rule) return { ok: false, code: "unknown-event", message: "Ukendt handling." };
  const stateLabel = machine.stateLabels[status.state];
  const eventLabel = machine.eventLabels[event];
  if (!rule.from.includes(status.state)) {
    const allowed = listAllowedEvents(machine, status.state).map((a) => a.label);
    const hint =
      allowed.length > 0
        ? `Mulige handlinger: ${quoteList(allowed)}.`
        : `${capitalise(machine.noun)} kan ikke ændres mere.`;
    return {
      ok: false,
      code: "not-allowed",
      message: `Handlingen "${eventLabel}" er ikke mulig, når ${machine.noun} er "${stateLabel}". ${hint}`,
    };
  }
  const reason = cleanReason(context.reason);
  if (rule.isReasonRequired && !reason) {
    return {
      ok: false,
      code: "reason-required",
      message: `Handlingen "${eventLabel}" kræver en begrundelse.`,
    };
  }
  if (compareDates(context.at, status.since) < 0) {
    return {
      ok: false,
      code: "before-current-state",
      message: `Datoen ${formatDanishDate(context.at)} ligger før ${machine.noun} blev "${stateLabel}" (${formatDanishDate(status.since)}).`,
    };
  }
  const transition: Transition<S, E> = {
    from: status.state,
    to: rule.to,
    event,
    at: context.at,
    ...(reason ? { reason } : {}),
  };
  return { ok: true, status: { state: rule.to, since: context.at }, transition };
}

/**
 * Re-applies a recorded history from an initial status, checking that every step's `from` is the
 * state it was taken in and that the machine allows it. Returns the final status, or the first
 * refusal with the step's index.
 */
export function replayTransitions<S extends string, E extends string>(
  machine: StateMachine<S, E>,
  initial: Status<S>,
  history: readonly Pick<Transition<S, E>, "from" | "event" | "at" | "reason">[],
): { ok: true; status: Status<S> } | (TransitionRefusal & { readonly index: number }) {
  let status = initial;
  for (const [index, step] of history.entries()) {
    if (step.from !== status.state) {
      return {
        ok: false,
        code: "not-allowed",
        index,
        message: `Historikken hænger ikke sammen: trin ${index + 1} starter i "${machine.stateLabels[step.from] ?? step.from}", men ${machine.noun} var "${machine.stateLabels[status.state]}".`,
      };
    }
    const r = applyTransition(machine, status, step.event, { at: step.at, reason: step.reason });
    if (!r.ok) return { ...r, index };
    status = r.status;
  }
  return { ok: true, status };
}
