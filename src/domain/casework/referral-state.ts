/**
 * The referral (visitation): the municipality refers a family to a project track, and the project
 * screens it.
 *
 *     submitted → screening → accepted
 *                     │    → rejected          (reason required)
 *                     └──→ wait-listed         (reason required)
 *     wait-listed → screening | accepted
 *
 * Accepting is also checked against the family's consent and the track's capacity
 * (`checkReferralAcceptance`); the service runs that check before `transitionReferral(…, "accept")`.
 */
import { z } from "zod";
import type { CalendarDate } from "../calendar-date.js";
import {
  CONSENT_PURPOSE_LABELS,
  type ConsentPurpose,
  type ConsentRecord,
  findEffectiveConsent,
} from "./consent.js";
import { DateSchema, IdSchema, ReasonSchema, TextSchema } from "./schema-primitives.js";
import {
  type AllowedEvent,
  applyTransition,
  listAllowedEvents,
  type StateMachine,
  type Status,
  type Transition,
  type TransitionContext,
  type TransitionResult,
} from "./state-machine.js";

/** The referral states. */
export const REFERRAL_STATES = ["submitted", "screening", "accepted", "rejected", "wait-listed"] as const;
/** A referral state. */
export const ReferralStateSchema = z.enum(REFERRAL_STATES, { error: "Ukendt status for henvisningen" });
/** A referral state. */
export type ReferralState = z.infer<typeof ReferralStateSchema>;

/** The events that move a referral. */
export const REFERRAL_EVENTS = ["start-screening", "accept", "reject", "wait-list"] as const;
/** An event that moves a referral. */
export const ReferralEventSchema = z.enum(REFERRAL_EVENTS, { error: "Ukendt handling for henvisningen" });
/** An event that moves a referral. */
export type ReferralEvent = z.infer<typeof ReferralEventSchema>;

/** Danish labels of the referral states. */
export const REFERRAL_STATE_LABELS: Readonly<Record<ReferralState, string>> = {
  submitted: "Modtaget",
  screening: "Under screening",
  accepted: "Godkendt",
  rejected: "Afvist",
  "wait-listed": "På venteliste",
};

/** Danish labels of the referral events (the buttons). */
export const REFERRAL_EVENT_LABELS: Readonly<Record<ReferralEvent, string>> = {
  "start-screening": "Start screening",
  accept: "Godkend",
  reject: "Afvis",
  "wait-list": "Sæt på venteliste",
};

/** The referral machine. Rejecting and wait-listing require a reason. */
export const REFERRAL_MACHINE: StateMachine<ReferralState, ReferralEvent> = {
  noun: "henvisningen",
  states: REFERRAL_STATES,
  stateLabels: REFERRAL_STATE_LABELS,
  eventLabels: REFERRAL_EVENT_LABELS,
  rules: {
    "start-screening": { from: ["submitted", "wait-listed"], to: "screening", isReasonRequired: false },
    accept: { from: ["screening", "wait-listed"], to: "accepted", isReasonRequired: false },
    reject: { from: ["screening"], to: "rejected", isReasonRequired: true },
    "wait-list": { from: ["screening"], to: "wait-listed", isReasonRequired: true },
  },
};

/** A new referral from the municipality: family → track, why, on which legal basis, which children. */
export const ReferralInputSchema = z.object({
  familyId: IdSchema,
  trackId: IdSchema,
  reason: TextSchema,
  legalBasis: TextSchema,
  childPersonIds: z
    .array(IdSchema, { error: "Vælg de børn, henvisningen gælder" })
    .min(1, { error: "Vælg mindst ét barn, henvisningen gælder" }),
  referredOn: DateSchema,
});
/** A new referral. */
export type ReferralInput = z.infer<typeof ReferralInputSchema>;

/** A referral's state and the day it began. */
export const ReferralStatusSchema = z.object({ state: ReferralStateSchema, since: DateSchema });
/** A referral's state and the day it began. */
export type ReferralStatus = Status<ReferralState>;

/** One recorded referral transition. */
export const ReferralTransitionSchema = z.object({
  from: ReferralStateSchema,
  to: ReferralStateSchema,
  event: ReferralEventSchema,
  at: DateSchema,
  reason: ReasonSchema.optional(),
});
/** One recorded referral transition. */
export type ReferralTransition = Transition<ReferralState, ReferralEvent>;

/** A request to move a referral, as the API accepts it. */
export const ReferralTransitionInputSchema = z.object({
  event: ReferralEventSchema,
  at: DateSchema,
  reason: ReasonSchema.optional(),
});
/** A request to move a referral. */
export type ReferralTransitionInput = z.infer<typeof ReferralTransitionInputSchema>;

/** The status of a referral just received. */
export function submitReferral(submittedOn: CalendarDate): ReferralStatus {
  return { state: "submitted", since: submittedOn };
}

/** Moves a referral by one event; refuses (never throws) with a Danish message. */
export function transitionReferral(
  status: ReferralStatus,
  event: ReferralEvent,
  context: TransitionContext,
): TransitionResult<ReferralState, ReferralEvent> {
  return applyTransition(REFERRAL_MACHINE, status, event, context);
}

/** The events a referral may take from `state`, with Danish labels (for the UI). */
export function listAllowedReferralEvents(
  state: ReferralState,
): AllowedEvent<ReferralState, ReferralEvent>[] {
  return listAllowedEvents(REFERRAL_MACHINE, state);
}

// ---------------------------------------------------------------------------------------------------
// The acceptance check

/** Purposes whose consent must be in force to accept (treatment cannot start without them). */
export const DEFAULT_REQUIRED_PURPOSES: readonly ConsentPurpose[] = ["treatment", "sharing-with-provider"];
/** Purposes whose absence only warns: the course can run, but e.g. the evaluation must leave the family out. */
export const DEFAULT_RECOMMENDED_PURPOSES: readonly ConsentPurpose[] = ["evaluation"];

/** What the acceptance check needs. */
export interface ReferralAcceptanceInput {
  /** The referral's current status; only screening and wait-listed referrals can be accepted. */
  readonly status: ReferralStatus;
  readonly familyId: string;
  /**
   * The persons whose consent is needed (typically the parents with custody). When empty, a consent
   * recorded for the family as a whole is needed.
   */
  readonly consentGiverIds: readonly string[];
  readonly consents: readonly ConsentRecord[];
  /** The track: its Danish name (for the message), its capacity and how many courses are open on it now. */
  readonly track: { readonly name: string; readonly capacity: number; readonly openCourses: number };
  /** The day of acceptance; consents dated later do not count. */
  readonly asOf: CalendarDate;
  readonly requiredPurposes?: readonly ConsentPurpose[];
  readonly recommendedPurposes?: readonly ConsentPurpose[];
}

/** One reason not to (or to think twice before) accepting. */
export interface AcceptanceProblem {
  readonly code: "state" | "consent-missing" | "consent-withdrawn" | "capacity-full";
  /** `blocking` refuses the acceptance; `warning` is shown but does not stop it. */
  readonly severity: "blocking" | "warning";
  readonly purpose?: ConsentPurpose;
  /** The persons concerned (ids only — never names or CPR numbers in a problem). */
  readonly personIds?: readonly string[];
  /** Danish, for the caseworker. */
  readonly message: string;
}

/** The outcome of `checkReferralAcceptance`. */
export interface AcceptanceCheck {
  /** True when no problem is blocking. */
  readonly canAccept: boolean;
  readonly problems: readonly AcceptanceProblem[];
}

const WARNING_CONSEQUENCE: Readonly<Record<ConsentPurpose, string>> = {
  treatment: "Behandlingen kan ikke begynde, før samtykket foreligger.",
  "sharing-with-provider": "Leverandøren må ikke få oplysninger om familien, før samtykket foreligger.",
  evaluation:
    "Henvisningen kan godkendes, men familien indgår ikke i evalueringen, før samtykket foreligger.",
};

function consentProblems(
  input: ReferralAcceptanceInput,
  purpose: ConsentPurpose,
  severity: "blocking" | "warning",
): AcceptanceProblem[] {
  const givers: (string | undefined)[] =
    input.consentGiverIds.length > 0 ? [...input.consentGiverIds] : [undefined];
  const missing: string[] = [];
  const withdrawn: string[] = [];
  let familyMissing = false;
  let familyWithdrawn = false;
  for (const personId of givers) {
    const c = findEffectiveConsent(input.consents, {
      familyId: input.familyId,
      purpose,
      asOf: input.asOf,
      ...(personId !== undefined ? { personId } : {}),
    });
    if (c.status === "given") continue;
    if (personId === undefined) {
      if (c.status === "missing") familyMissing = true;
      else familyWithdrawn = true;
    } else if (c.status === "missing") missing.push(personId);
    else withdrawn.push(personId);
  }
  const label = CONSENT_PURPOSE_LABELS[purpose];
  const tail = severity === "warning" ? ` ${WARNING_CONSEQUENCE[purpose]}` : "";
  const of = (n: number) =>
    `${n} af ${input.consentGiverIds.length} ${input.consentGiverIds.length === 1 ? "person" : "personer"}`;
  const problems: AcceptanceProblem[] = [];
  if (familyMissing) {
    problems.push({
      code: "consent-missing",
      severity,
      purpose,
      message: `Familien har ikke givet samtykke til ${label}.${tail}`,
    });
  }
  if (familyWithdrawn) {
    problems.push({
      code: "consent-withdrawn",
      severity,
      purpose,
      message: `Familien har trukket samtykket til ${label} tilbage.${tail}`,
    });
  }
  if (missing.length > 0) {
    problems.push({
      code: "consent-missing",
      severity,
      purpose,
      personIds: missing,
      message: `Der mangler samtykke til ${label} (${of(missing.length)}).${tail}`,
    });
  }
  if (withdrawn.length > 0) {
    problems.push({
      code: "consent-withdrawn",
      severity,
      purpose,
      personIds: withdrawn,
      message: `Samtykket til ${label} er trukket tilbage (${of(withdrawn.length)}).${tail}`,
    });
  }
  return problems;
}

/**
 * Checks an "accept" before it is made: the referral is in screening or on the waiting list; the
 * consents of every consent giver are in force on `asOf` for the required purposes (default treatment
 * and sharing with the provider — blocking) and the recommended ones (default evaluation — a
 * warning); and the track has a free place (`openCourses < capacity`). Returns every problem at once,
 * in Danish; never throws.
 */
export function checkReferralAcceptance(input: ReferralAcceptanceInput): AcceptanceCheck {
  const problems: AcceptanceProblem[] = [];
  if (!REFERRAL_MACHINE.rules.accept.from.includes(input.status.state)) {
    problems.push({
      code: "state",
      severity: "blocking",
      message: `Henvisningen er "${REFERRAL_STATE_LABELS[input.status.state]}" og kan kun godkendes under screening eller fra ventelisten.`,
    });
  }
  const required = input.requiredPurposes ?? DEFAULT_REQUIRED_PURPOSES;
  const recommended = (input.recommendedPurposes ?? DEFAULT_RECOMMENDED_PURPOSES).filter(
    (p) => !required.includes(p),
  );
  for (const p of required) problems.push(...consentProblems(input, p, "blocking"));
  for (const p of recommended) problems.push(...consentProblems(input, p, "warning"));
  const { name, capacity, openCourses } = input.track;
  if (openCourses >= capacity) {
    problems.push({
      code: "capacity-full",
      severity: "blocking",
      message: `Sporet "${name}" er fuldt: ${openCourses} af ${capacity} pladser er optaget. Sæt henvisningen på venteliste, eller afslut et forløb først.`,
    });
  }
  return { canAccept: problems.every((p) => p.severity !== "blocking"), problems };
}
