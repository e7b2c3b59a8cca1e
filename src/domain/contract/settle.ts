/**
 * The settlement engine: a contract version + per-family outcomes for a period → what the payer repays,
 * per track, goal and family, with an explanation tree in which every øre traces to a goal and a family.
 * Pure and deterministic: the same input (in any order) gives the same øre. See docs/settlement-engine.md.
 *
 * The money pipeline, the same for every mechanism:
 *   1. exact     per goal an exact amount E_g in øre (a fraction; no rounding)
 *   2. ROUND     R_rounded = round(Σ_g E_g) with the contract's rounding rule  ← the only rounding step
 *   3. apportion R_rounded over the goals in proportion to E_g (largest remainder, exact) → uncapped_g
 *   4. clamp     R = min(cap, max(floor, R_rounded))
 *   5. cap       if R < R_rounded: paid_g = allocate(R, uncapped_g); a floor top-up is its own line
 *   6. families  each goal's amount is split over the families that earned it with allocate()
 * Steps 3, 5 and 6 are largest-remainder splits: they never create or lose an øre.
 */

import type { z } from "zod";
import type { CalendarDate } from "../calendar-date";
import { divideRounded, max, min, type Ore, ore, subtract, sum, times, ZERO } from "../money";
import { calculateInvestorResult, type InvestorResult } from "./investor";
import {
  BPS,
  ContractInputError,
  type ContractVersion,
  ContractVersionSchema,
  effectiveWeight,
  fullRepaymentExact,
  fullRepaymentOre,
  type GoalPayment,
  type Mechanism,
  type OutcomeRuleRef,
  parseWith,
  payerOf,
  type RoundingRule,
} from "./model";
import {
  buildRoster,
  type FamilyGoalOutcome,
  type GoalRoster,
  type OutcomeStatus,
  type SettlementFacts,
  type SettlementPeriod,
  SettlementPeriodSchema,
  type TrackRoster,
} from "./outcomes";
import {
  allocateInUnits,
  apportionByRationals,
  type Fraction,
  Q_ZERO,
  qClip01,
  qMul,
  qSum,
  type Rational,
  rational,
  roundToUnit,
  toDisplayPct,
  toFraction,
} from "./rational";
import { isFullyAccepted, missingAcceptances } from "./versions";

/** Identifies the engine's rules in a stored statement; bump when a formula changes. */
export const SETTLEMENT_ENGINE_VERSION = "contract-settlement/1";

/** One family on one goal. */
export interface FamilyLine {
  familyId: string;
  status: OutcomeStatus;
  /** Why not measurable (or a note from the progression module); null when none. */
  reason: string | null;
  /** Whether the family is in the denominator of the goal's share. */
  isCounted: boolean;
  /** Per-day goals: max(0, baseline − days in care); null otherwise or when not measurable. */
  daysAvoided: number | null;
  /** Rate card / per day: price × (met or days) before any cap; weighted: the family's part before cap. */
  grossOre: Ore;
  /** After the family cap and the rounding step, before the contract's floor and cap. */
  uncappedOre: Ore;
  /** Paid. */
  amountOre: Ore;
}

/** One goal of one track. */
export interface GoalSettlement {
  goalId: string;
  name: string;
  outcomeRule: OutcomeRuleRef;
  measurementPoint: string;
  payment: GoalPayment;
  /** Families of the track in this settlement. */
  families: number;
  /** Families in the share's denominator (see the mechanism's not-measurable rule). */
  counted: number;
  met: number;
  notMet: number;
  notMeasurable: number;
  notMeasurableReasons: { familyId: string; reason: string }[];
  /** met / counted (0 when nobody is counted). */
  share: Fraction;
  sharePct: number;
  /**
   * Weighted: a = clip((share − threshold) / (target − threshold), 0, 1). Rate card: the share.
   * Per day: Σ days avoided / Σ baseline days of the measured families.
   */
  attainment: Fraction;
  attainmentPct: number;
  /** Weighted: the goal's exact fraction of I·(1+π); null for other mechanisms. */
  effectiveWeight: Fraction | null;
  /** E_g: the goal's exact amount in øre before the rounding step. */
  exactOre: Fraction;
  /** After the rounding step, before floor and cap. */
  uncappedOre: Ore;
  /** Paid (after the contract cap). Equals the sum of the lines' amounts. */
  amountOre: Ore;
  /** Rate card / per day: what family caps took off this goal. */
  familyCapReductionOre: Ore;
  /** Every family of the track, in family-id order. */
  lines: FamilyLine[];
}

/** One family's total over the goals of its track. */
export interface FamilyTotal {
  familyId: string;
  grossOre: Ore;
  uncappedOre: Ore;
  amountOre: Ore;
}

/** One track. */
export interface TrackSettlement {
  trackCode: string;
  name: string;
  expectedFamilies: number;
  families: number;
  uncappedOre: Ore;
  amountOre: Ore;
  goals: GoalSettlement[];
  /** Per family over all goals of the track (family-id order). */
  familyTotals: FamilyTotal[];
}

/** A node of the explanation tree; `amountOre` always equals the sum of the children's amounts. */
export interface ExplanationNode {
  kind: "total" | "track" | "goal" | "family" | "floor-top-up";
  /** "total", trackCode, "trackCode/goalId", "trackCode/goalId/familyId" or "floor". */
  key: string;
  label: string;
  /** Before floor and cap (after the rounding step). */
  uncappedOre: Ore;
  /** Paid. */
  amountOre: Ore;
  children: ExplanationNode[];
}

/** Something the parties should notice (no money effect beyond what the numbers show). */
export interface SettlementWarning {
  code: "no-families-counted" | "version-not-accepted";
  trackCode: string | null;
  goalId: string | null;
  message: string;
}

/** The municipality's side. */
export interface MunicipalityCost {
  payerOrganisationId: string;
  /** What the payer repays in this settlement (= total). */
  costOre: Ore;
  /** cost / families settled, half-up to whole øre — for display, not paid; null with no families. */
  averagePerFamilyOre: Ore | null;
}

/** The result of `settle`. */
export interface Settlement {
  engineVersion: string;
  contract: {
    contractId: string;
    version: number;
    validFrom: CalendarDate;
    isFullyAccepted: boolean;
    missingAcceptances: string[];
  };
  period: SettlementPeriod;
  mechanism: Mechanism["kind"];
  rounding: RoundingRule;
  /** Σ E_g, exact øre before the rounding step. */
  exactTotal: Fraction;
  /** The rounding step's result: round(Σ E_g), before floor and cap. */
  roundedTotalOre: Ore;
  floorOre: Ore;
  capOre: Ore;
  /** I·(1+π) after the rounding rule (before cap): what full attainment repays (weighted attainment). */
  fullRepaymentOre: Ore;
  /** What the floor added (R − R_rounded when the floor binds, else 0). */
  floorTopUpOre: Ore;
  /** What the cap took off (R_rounded − R when the cap binds, else 0). */
  capReductionOre: Ore;
  /** R: what the payer repays. */
  totalOre: Ore;
  tracks: TrackSettlement[];
  explanation: ExplanationNode;
  investor: InvestorResult;
  municipality: MunicipalityCost;
  warnings: SettlementWarning[];
}

/** Per goal, what a mechanism computes before the shared money pipeline. */
interface GoalCalc {
  roster: GoalRoster;
  trackIndex: number;
  counted: boolean[];
  share: Rational;
  attainment: Rational;
  effectiveWeight: Rational | null;
  exact: Rational;
  /** Per family (roster order): the family's weight in the goal's split (0 = earns nothing). */
  familyWeights: number[];
  /** Per family: gross amount before caps (øre). */
  gross: Ore[];
  daysAvoided: (number | null)[];
  familyCapReduction: Ore;
}

/**
 * Settles a contract version for a period.
 *
 * @param contract a contract version (re-validated here).
 * @param outcomes one row per family and (non-per-day) goal; a family without a row for a goal of its
 *   track counts as not measurable ("Intet resultat registreret for målet").
 * @param period the statement's period; the repayment is dated `settlementDate` in the investor's IRR.
 * @param facts care days for per-day goals, and families to count even without outcome rows.
 * @throws ContractInputError for an invalid contract, period or outcome rows (Danish messages by path).
 * @throws MoneyError when an amount exceeds ±2^53 øre.
 */
export function settle(
  contract: ContractVersion,
  outcomes: readonly FamilyGoalOutcome[],
  period: SettlementPeriod,
  facts: SettlementFacts = {},
): Settlement {
  const c = parseOrThrow(ContractVersionSchema, contract, "contract");
  const p = parseOrThrow(SettlementPeriodSchema, period, "period");
  const roster = buildRoster(c, outcomes, facts);
  const calcs = roster.flatMap((tr, ti) => tr.goals.map((g) => calculateGoal(c, tr, g, ti)));
  return assemble(c, p, roster, calcs);
}

function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, root: string): z.infer<S> {
  const r = parseWith(schema, input);
  if (r.ok) return r.value;
  const errors: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.errors)) errors[k === "" ? root : `${root}.${k}`] = v;
  throw new ContractInputError(errors);
}

/** The mechanism-specific part: counts, share, attainment, exact amount, per-family weights. */
function calculateGoal(c: ContractVersion, tr: TrackRoster, g: GoalRoster, trackIndex: number): GoalCalc {
  const payment = g.goal.payment;
  const met = g.facts.filter((f) => f.status === "met").length;
  const excludeNotMeasurable =
    c.mechanism.kind === "weighted-attainment" && c.mechanism.notMeasurable === "exclude";
  const counted = g.facts.map((f) => !(excludeNotMeasurable && f.status === "not-measurable"));
  const countedN = counted.filter(Boolean).length;
  const share = countedN === 0 ? Q_ZERO : rational(met, countedN);
  const zeros = g.facts.map(() => ore(0));
  const base = { roster: g, trackIndex, counted, share, familyCapReduction: ore(0) };

  if (payment.kind === "weighted") {
    // a = clip((met/counted − th) / (tg − th), 0, 1) = clip((met·10⁴ − th·counted) / ((tg − th)·counted), 0, 1)
    const attainment =
      countedN === 0
        ? Q_ZERO
        : qClip01(
            rational(
              BigInt(met) * BigInt(BPS) - BigInt(payment.thresholdBps) * BigInt(countedN),
              BigInt(payment.targetBps - payment.thresholdBps) * BigInt(countedN),
            ),
          );
    const weight = effectiveWeight(c, tr.track, g.goal);
    return {
      ...base,
      attainment,
      effectiveWeight: weight,
      exact: qMul(qMul(fullRepaymentExact(c), weight), attainment),
      familyWeights: g.facts.map((f) => (f.status === "met" ? 1 : 0)),
      gross: zeros,
      daysAvoided: g.facts.map(() => null),
    };
  }
  if (payment.kind === "price") {
    return {
      ...base,
      attainment: share,
      effectiveWeight: null,
      exact: Q_ZERO, // filled in by applyFamilyCaps
      familyWeights: [],
      gross: g.facts.map((f) => (f.status === "met" ? payment.priceOre : ore(0))),
      daysAvoided: g.facts.map(() => null),
    };
  }
  const daysAvoided = g.facts.map((f) =>
    f.status === "not-measurable" ? null : Math.max(0, (f.baselineDays ?? 0) - (f.daysInCare ?? 0)),
  );
  const measuredBaseline = g.facts.reduce(
    (s, f) => s + (f.status === "not-measurable" ? 0 : (f.baselineDays ?? 0)),
    0,
  );
  const avoided = daysAvoided.reduce<number>((s, d) => s + (d ?? 0), 0);
  return {
    ...base,
    attainment: measuredBaseline === 0 ? Q_ZERO : rational(avoided, measuredBaseline),
    effectiveWeight: null,
    exact: Q_ZERO,
    familyWeights: [],
    gross: daysAvoided.map((d) => times(payment.pricePerDayOre, d ?? 0)),
    daysAvoided,
  };
}

/**
 * Rate card and per day: each family's gross over the goals of its track is capped at the track's
 * family cap; a capped family's cap is split over its goals with allocate() by the gross amounts.
 */
function applyFamilyCaps(c: ContractVersion, roster: TrackRoster[], calcs: GoalCalc[]): void {
  const unit = c.rounding.unitOre;
  roster.forEach((tr, ti) => {
    const goalCalcs = calcs.filter((k) => k.trackIndex === ti);
    const cap = tr.track.familyCapOre ?? null;
    const weights = goalCalcs.map(() => [] as number[]);
    const reductions = goalCalcs.map(() => 0n);
    tr.familyIds.forEach((_, fi) => {
      const gross = goalCalcs.map((k) => k.gross[fi]!);
      const total = sum(gross);
      const capped = cap !== null && total > cap ? allocateInUnits(cap, gross, unit) : gross;
      capped.forEach((v, gi) => {
        weights[gi]!.push(v);
        reductions[gi] = reductions[gi]! + BigInt(gross[gi]! - v);
      });
    });
    goalCalcs.forEach((k, gi) => {
      k.familyWeights = weights[gi]!;
      k.exact = rational(k.familyWeights.reduce((s, w) => s + BigInt(w), 0n));
      k.familyCapReduction = ore(Number(reductions[gi]!));
    });
  });
}

/** The result of the shared money pipeline (steps 1–5). */
export interface MoneyPipelineResult {
  exactTotal: Rational;
  roundedTotalOre: Ore;
  goalUncapped: Ore[];
  totalOre: Ore;
  goalPaid: Ore[];
  floorTopUpOre: Ore;
  capReductionOre: Ore;
}

/**
 * Steps 1–5 of the pipeline for exact goal amounts E_g (øre): the total, THE rounding step, the
 * apportionment over goals, floor and cap, and the cap's scale-down with allocate(). Shared by the
 * settlement and the forecast so that both round the same way.
 */
export function applyMoneyPipeline(c: ContractVersion, exacts: readonly Rational[]): MoneyPipelineResult {
  const unit = c.rounding.unitOre;
  // 1–2. Exact total, then THE rounding step.
  const exactTotal = qSum(exacts);
  const roundedTotalOre = roundToUnit(exactTotal, unit, c.rounding.mode);
  // 3. Apportion the rounded total over the goals by their exact amounts (largest remainder).
  const goalUncapped = apportionByRationals(roundedTotalOre, exacts, unit);
  // 4. Floor and cap.
  const totalOre = min(c.capOre, max(c.floorOre, roundedTotalOre));
  // 5. When the cap binds, scale the goals down with allocate() by their uncapped amounts.
  const goalPaid = totalOre < roundedTotalOre ? allocateInUnits(totalOre, goalUncapped, unit) : goalUncapped;
  return {
    exactTotal,
    roundedTotalOre,
    goalUncapped,
    totalOre,
    goalPaid,
    floorTopUpOre: max(ZERO, subtract(totalOre, roundedTotalOre)),
    capReductionOre: max(ZERO, subtract(roundedTotalOre, totalOre)),
  };
}

function assemble(
  c: ContractVersion,
  period: SettlementPeriod,
  roster: TrackRoster[],
  calcs: GoalCalc[],
): Settlement {
  const unit = c.rounding.unitOre;
  if (c.mechanism.kind !== "weighted-attainment") applyFamilyCaps(c, roster, calcs);

  const { exactTotal, roundedTotalOre, goalUncapped, totalOre, goalPaid, floorTopUpOre, capReductionOre } =
    applyMoneyPipeline(
      c,
      calcs.map((k) => k.exact),
    );

  // 6. Split each goal over its families.
  const goals: GoalSettlement[] = calcs.map((k, i) => {
    const uncapped = goalUncapped[i]!;
    const paid = goalPaid[i]!;
    const familyWeights = k.familyWeights;
    if ((uncapped > 0 || paid > 0) && !familyWeights.some((w) => w > 0)) {
      throw new Error(`Internal: goal ${k.roster.goal.id} has money but no family earned it`);
    }
    const familyUncapped = allocateInUnits(uncapped, familyWeights, unit);
    const familyPaid = paid === uncapped ? familyUncapped : allocateInUnits(paid, familyUncapped, unit);
    const gross = c.mechanism.kind === "weighted-attainment" ? familyUncapped : k.gross;
    const facts = k.roster.facts;
    const tr = roster[k.trackIndex]!;
    const lines: FamilyLine[] = facts.map((f, fi) => ({
      familyId: tr.familyIds[fi]!,
      status: f.status,
      reason: f.reason,
      isCounted: k.counted[fi]!,
      daysAvoided: k.daysAvoided[fi] ?? null,
      grossOre: gross[fi]!,
      uncappedOre: familyUncapped[fi]!,
      amountOre: familyPaid[fi]!,
    }));
    const goal = k.roster.goal;
    return {
      goalId: goal.id,
      name: goal.name,
      outcomeRule: goal.outcomeRule,
      measurementPoint: goal.measurementPoint,
      payment: goal.payment,
      families: facts.length,
      counted: k.counted.filter(Boolean).length,
      met: facts.filter((f) => f.status === "met").length,
      notMet: facts.filter((f) => f.status === "not-met").length,
      notMeasurable: facts.filter((f) => f.status === "not-measurable").length,
      notMeasurableReasons: lines
        .filter((l) => l.status === "not-measurable")
        .map((l) => ({ familyId: l.familyId, reason: l.reason ?? "" })),
      share: toFraction(k.share),
      sharePct: toDisplayPct(k.share),
      attainment: toFraction(k.attainment),
      attainmentPct: toDisplayPct(k.attainment),
      effectiveWeight: k.effectiveWeight === null ? null : toFraction(k.effectiveWeight),
      exactOre: toFraction(k.exact),
      uncappedOre: uncapped,
      amountOre: paid,
      familyCapReductionOre: k.familyCapReduction,
      lines,
    };
  });

  const tracks: TrackSettlement[] = roster.map((tr, ti) => {
    const trackGoals = goals.filter((_, i) => calcs[i]!.trackIndex === ti);
    const familyTotals = tr.familyIds.map((familyId, fi) => ({
      familyId,
      grossOre: sum(trackGoals.map((g) => g.lines[fi]!.grossOre)),
      uncappedOre: sum(trackGoals.map((g) => g.lines[fi]!.uncappedOre)),
      amountOre: sum(trackGoals.map((g) => g.lines[fi]!.amountOre)),
    }));
    return {
      trackCode: tr.track.code,
      name: tr.track.name,
      expectedFamilies: tr.track.expectedFamilies,
      families: tr.familyIds.length,
      uncappedOre: sum(trackGoals.map((g) => g.uncappedOre)),
      amountOre: sum(trackGoals.map((g) => g.amountOre)),
      goals: trackGoals,
      familyTotals,
    };
  });

  const warnings: SettlementWarning[] = [];
  if (!isFullyAccepted(c)) {
    warnings.push({
      code: "version-not-accepted",
      trackCode: null,
      goalId: null,
      message: "Kontraktversionen er ikke accepteret af alle parter",
    });
  }
  for (const t of tracks) {
    for (const g of t.goals) {
      if (g.counted === 0) {
        warnings.push({
          code: "no-families-counted",
          trackCode: t.trackCode,
          goalId: g.goalId,
          message: "Ingen familier tæller med for målet; målopfyldelsen sættes til 0",
        });
      }
    }
  }

  const familiesSettled = tracks.reduce((s, t) => s + t.families, 0);
  return {
    engineVersion: SETTLEMENT_ENGINE_VERSION,
    contract: {
      contractId: c.contractId,
      version: c.version,
      validFrom: c.validFrom,
      isFullyAccepted: isFullyAccepted(c),
      missingAcceptances: missingAcceptances(c),
    },
    period,
    mechanism: c.mechanism.kind,
    rounding: c.rounding,
    exactTotal: toFraction(exactTotal),
    roundedTotalOre,
    floorOre: c.floorOre,
    capOre: c.capOre,
    fullRepaymentOre: fullRepaymentOre(c),
    floorTopUpOre,
    capReductionOre,
    totalOre,
    tracks,
    explanation: buildExplanationTree(tracks, totalOre, roundedTotalOre, floorTopUpOre),
    investor: calculateInvestorResult(c.disbursements, [
      { date: period.settlementDate, amountOre: totalOre },
    ]),
    municipality: {
      payerOrganisationId: payerOf(c).organisationId,
      costOre: totalOre,
      averagePerFamilyOre:
        familiesSettled === 0
          ? null
          : ore(Number(divideRounded(BigInt(totalOre), BigInt(familiesSettled), "half-up"))),
    },
    warnings,
  };
}

function buildExplanationTree(
  tracks: TrackSettlement[],
  totalOre: Ore,
  roundedTotalOre: Ore,
  floorTopUpOre: Ore,
): ExplanationNode {
  const children: ExplanationNode[] = tracks.map((t) => ({
    kind: "track",
    key: t.trackCode,
    label: t.name,
    uncappedOre: t.uncappedOre,
    amountOre: t.amountOre,
    children: t.goals.map((g) => ({
      kind: "goal",
      key: `${t.trackCode}/${g.goalId}`,
      label: g.name,
      uncappedOre: g.uncappedOre,
      amountOre: g.amountOre,
      children: g.lines
        .filter((l) => l.amountOre > 0 || l.uncappedOre > 0)
        .map((l) => ({
          kind: "family",
          key: `${t.trackCode}/${g.goalId}/${l.familyId}`,
          label: l.familyId,
          uncappedOre: l.uncappedOre,
          amountOre: l.amountOre,
          children: [],
        })),
    })),
  }));
  if (floorTopUpOre > 0) {
    children.push({
      kind: "floor-top-up",
      key: "floor",
      label: "Gulv (mindstebeløb uanset resultater)",
      uncappedOre: ore(0),
      amountOre: floorTopUpOre,
      children: [],
    });
  }
  return {
    kind: "total",
    key: "total",
    label: "I alt",
    uncappedOre: roundedTotalOre,
    amountOre: totalOre,
    children,
  };
}
