/**
 * The per-family input of a settlement, as produced elsewhere (the progression module evaluates the
 * outcome rules), and the roster that the engine and the forecast build from it: for every track, the
 * families (sorted by id, so the result never depends on input order) and each family's fact per goal.
 */

import { z } from "zod";
import { compareDates } from "../calendar-date";
import {
  CalendarDateSchema,
  ContractInputError,
  type ContractVersion,
  type FieldErrors,
  type PaymentGoal,
  parseWith,
  type Track,
} from "./model";

/** Whether a family met a goal, did not, or could not be measured (then `reason` says why). */
export const OutcomeStatusSchema = z.enum(["met", "not-met", "not-measurable"]);
/** Whether a family met a goal. */
export type OutcomeStatus = z.infer<typeof OutcomeStatusSchema>;

const KeySchema = z.string().trim().min(1, { error: "Skal udfyldes" }).max(200);

/** One family's result on one payment goal (from the progression module). */
export const FamilyGoalOutcomeSchema = z.object({
  familyId: KeySchema,
  trackCode: KeySchema,
  goalId: KeySchema,
  status: OutcomeStatusSchema,
  reason: z.string().max(1000).optional(),
});
/** One family's result on one payment goal (from the progression module). */
export type FamilyGoalOutcome = {
  familyId: string;
  trackCode: string;
  goalId: string;
  status: "met" | "not-met" | "not-measurable";
  reason?: string;
};

/**
 * Facts for a per-day-out-of-care goal: the family's baseline days in care for the period and the days
 * in care observed; `daysInCare: null` = not measurable (with `reason`).
 */
export const FamilyCareDaysSchema = z.object({
  familyId: KeySchema,
  trackCode: KeySchema,
  goalId: KeySchema,
  baselineDays: z.int().min(0, { error: "Antal døgn må ikke være negativt" }),
  daysInCare: z.int().min(0, { error: "Antal døgn må ikke være negativt" }).nullable(),
  reason: z.string().max(1000).optional(),
});
/** Facts for a per-day-out-of-care goal. */
export type FamilyCareDays = z.infer<typeof FamilyCareDaysSchema>;

/** A family known to be in a track even when it has no outcome yet (all its goals then count as not measurable). */
export const FamilyEnrolmentSchema = z.object({ familyId: KeySchema, trackCode: KeySchema });
/** A family known to be in a track. */
export type FamilyEnrolment = z.infer<typeof FamilyEnrolmentSchema>;

/** Per-family facts beyond goal statuses. */
export interface SettlementFacts {
  /** Required for per-day-out-of-care goals (one row per family and goal). */
  careDays?: readonly FamilyCareDays[];
  /** Families to count even without any outcome row. */
  families?: readonly FamilyEnrolment[];
}

/** The period a statement settles. */
export const SettlementPeriodSchema = z
  .object({
    periodId: KeySchema,
    kind: z.enum(["interim", "final"]),
    from: CalendarDateSchema,
    to: CalendarDateSchema,
    /** The day the repayment is due; the investor's IRR puts the repayment on this date. */
    settlementDate: CalendarDateSchema,
  })
  .refine((p) => compareDates(p.from, p.to) <= 0, {
    error: "Slutdatoen må ikke ligge før startdatoen",
    path: ["to"],
  })
  .refine((p) => compareDates(p.to, p.settlementDate) <= 0, {
    error: "Afregningsdatoen må ikke ligge før periodens slutning",
    path: ["settlementDate"],
  });
/** The period a statement settles. */
export type SettlementPeriod = z.infer<typeof SettlementPeriodSchema>;

/** Reason recorded when a family of the track has no outcome row for a goal. */
export const MISSING_OUTCOME_REASON = "Intet resultat registreret for målet";
/** Reason recorded when a per-day family has `daysInCare: null` and no reason of its own. */
export const MISSING_CARE_DAYS_REASON = "Antal døgn i anbringelse er ikke opgjort";

/** One family's fact on one goal, after defaults. */
export interface GoalFact {
  status: OutcomeStatus;
  reason: string | null;
  /** Per-day goals: baseline days (null otherwise or when missing). */
  baselineDays: number | null;
  /** Per-day goals: observed days in care (null when not measurable or not per-day). */
  daysInCare: number | null;
}

/** A goal with every family's fact, in family-id order. */
export interface GoalRoster {
  goal: PaymentGoal;
  facts: GoalFact[];
}

/** A track with its families (sorted by id) and each goal's facts aligned with `familyIds`. */
export interface TrackRoster {
  track: Track;
  familyIds: string[];
  goals: GoalRoster[];
}

function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Checks the outcome rows against the contract and builds the roster. A family missing a row for a
 * goal gets `not-measurable` with `MISSING_OUTCOME_REASON`.
 * @throws ContractInputError for an unknown track or goal, a duplicate row, a family in two tracks, a
 *   status row for a per-day goal (use careDays) or a careDays row for another kind of goal.
 */
export function buildRoster(
  contract: ContractVersion,
  outcomes: readonly FamilyGoalOutcome[],
  facts: SettlementFacts = {},
): TrackRoster[] {
  const parsedOutcomes = parseWith(z.array(FamilyGoalOutcomeSchema), outcomes);
  if (!parsedOutcomes.ok) throw new ContractInputError(prefix("outcomes", parsedOutcomes.errors));
  const parsedDays = parseWith(z.array(FamilyCareDaysSchema), facts.careDays ?? []);
  if (!parsedDays.ok) throw new ContractInputError(prefix("careDays", parsedDays.errors));
  const parsedFamilies = parseWith(z.array(FamilyEnrolmentSchema), facts.families ?? []);
  if (!parsedFamilies.ok) throw new ContractInputError(prefix("families", parsedFamilies.errors));

  const errors: FieldErrors = {};
  const fail = (path: string, message: string) => {
    if (!(path in errors)) errors[path] = message;
  };
  const trackIndex = new Map(contract.tracks.map((t, i) => [t.code, i]));
  const goalKinds = new Map<string, PaymentGoal["payment"]["kind"]>();
  for (const t of contract.tracks)
    for (const g of t.goals) goalKinds.set(`${t.code}\u0000${g.id}`, g.payment.kind);
  const familyTrack = new Map<string, string>();
  const claimFamily = (path: string, familyId: string, trackCode: string) => {
    const known = familyTrack.get(familyId);
    if (known !== undefined && known !== trackCode) fail(path, "Familien optræder i to spor");
    else familyTrack.set(familyId, trackCode);
  };
  const seen = new Map<string, GoalFact>();

  for (const [i, o] of parsedOutcomes.value.entries()) {
    const path = `outcomes.${i}`;
    if (!trackIndex.has(o.trackCode)) {
      fail(`${path}.trackCode`, "Ukendt spor");
      continue;
    }
    const kind = goalKinds.get(`${o.trackCode}\u0000${o.goalId}`);
    if (kind === undefined) {
      fail(`${path}.goalId`, "Ukendt mål i sporet");
      continue;
    }
    if (kind === "per-day") {
      fail(`${path}.goalId`, "Målet betales pr. døgn: angiv døgn i careDays");
      continue;
    }
    const key = `${o.trackCode}\u0000${o.goalId}\u0000${o.familyId}`;
    if (seen.has(key)) {
      fail(path, "Familien har allerede et resultat for målet");
      continue;
    }
    claimFamily(`${path}.familyId`, o.familyId, o.trackCode);
    seen.set(key, {
      status: o.status,
      reason: o.status === "not-measurable" ? (o.reason ?? MISSING_OUTCOME_REASON) : (o.reason ?? null),
      baselineDays: null,
      daysInCare: null,
    });
  }
  for (const [i, d] of parsedDays.value.entries()) {
    const path = `careDays.${i}`;
    if (!trackIndex.has(d.trackCode)) {
      fail(`${path}.trackCode`, "Ukendt spor");
      continue;
    }
    const kind = goalKinds.get(`${d.trackCode}\u0000${d.goalId}`);
    if (kind === undefined) {
      fail(`${path}.goalId`, "Ukendt mål i sporet");
      continue;
    }
    if (kind !== "per-day") {
      fail(`${path}.goalId`, "Målet betales ikke pr. døgn");
      continue;
    }
    const key = `${d.trackCode}\u0000${d.goalId}\u0000${d.familyId}`;
    if (seen.has(key)) {
      fail(path, "Familien har allerede døgn for målet");
      continue;
    }
    claimFamily(`${path}.familyId`, d.familyId, d.trackCode);
    const measured = d.daysInCare !== null;
    seen.set(key, {
      status: !measured ? "not-measurable" : d.daysInCare! < d.baselineDays ? "met" : "not-met",
      reason: measured ? (d.reason ?? null) : (d.reason ?? MISSING_CARE_DAYS_REASON),
      baselineDays: d.baselineDays,
      daysInCare: d.daysInCare,
    });
  }
  for (const [i, f] of parsedFamilies.value.entries()) {
    if (!trackIndex.has(f.trackCode)) {
      fail(`families.${i}.trackCode`, "Ukendt spor");
      continue;
    }
    claimFamily(`families.${i}.familyId`, f.familyId, f.trackCode);
  }
  if (Object.keys(errors).length > 0) throw new ContractInputError(errors);

  const familiesByTrack = new Map<string, string[]>(contract.tracks.map((t) => [t.code, []]));
  for (const [familyId, trackCode] of familyTrack) familiesByTrack.get(trackCode)!.push(familyId);

  return contract.tracks.map((track) => {
    const familyIds = familiesByTrack.get(track.code)!.sort(byId);
    return {
      track,
      familyIds,
      goals: track.goals.map((goal) => ({
        goal,
        facts: familyIds.map(
          (familyId) =>
            seen.get(`${track.code}\u0000${goal.id}\u0000${familyId}`) ?? {
              status: "not-measurable" as const,
              reason: goal.payment.kind === "per-day" ? MISSING_CARE_DAYS_REASON : MISSING_OUTCOME_REASON,
              baselineDays: null,
              daysInCare: null,
            },
        ),
      })),
    };
  });
}

function prefix(root: string, errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(errors)) out[k === "" ? root : `${root}.${k}`] = v;
  return out;
}
