/**
 * Forecast of the repayment while the programme runs (the pure projection maths; the screens state the
 * method). Three groups of families per track:
 *   - finished families count with their actual outcomes (exactly as a settlement counts them);
 *   - families in course meet each goal with a projected probability (input, in basis points), or for
 *     per-day goals have an expected number of days in care;
 *   - families not yet referred (default: expected families − finished − in course) meet each goal with
 *     an assumed probability (or assumed days in care).
 * Goals are assumed independent of each other and families of each other.
 *
 * Scenarios: `expected` (the probabilities above), `asNow` (every unfinished family meets each goal
 * with the share observed among the finished families of its track so far — falling back to the
 * expected probabilities when none is finished), `allMet` (every unfinished family meets every goal /
 * has no days in care) and `none` (no unfinished family meets any goal / avoids any day).
 *
 * Each scenario's expected amount per goal is exact (fractions), the total is rounded once with the
 * contract's rounding rule, and then floor and cap are applied as in a settlement
 * (`applyMoneyPipeline`). The expectation is exact when floor and cap cannot bind; otherwise floor and
 * cap are applied to the expectation (`method: "expectation-then-clamp"`, which overstates the mean
 * when the cap can bind). Per-day goals are point projections (`method: "point-projection"`).
 */

import { z } from "zod";
import { type Ore, ore, times } from "../money";
import {
  BPS,
  BpsSchema,
  ContractInputError,
  type ContractVersion,
  ContractVersionSchema,
  effectiveWeight,
  type FieldErrors,
  fullRepaymentExact,
  fullRepaymentOre,
  parseWith,
  type Track,
} from "./model";
import { buildRoster, type FamilyGoalOutcome, type SettlementFacts, type TrackRoster } from "./outcomes";
import {
  allocateInUnits,
  type Fraction,
  Q_ONE,
  Q_ZERO,
  qAdd,
  qClip01,
  qDiv,
  qMul,
  qSub,
  qSum,
  type Rational,
  rational,
  toFraction,
} from "./rational";
import { applyMoneyPipeline } from "./settle";

/** A goal projection: `metProbabilityBps` for weighted and rate-card goals; days for per-day goals. */
export const GoalProjectionSchema = z.object({
  goalId: z.string().min(1),
  metProbabilityBps: BpsSchema.optional(),
  baselineDays: z.int().min(0).optional(),
  expectedDaysInCare: z.int().min(0).optional(),
});
/** A goal projection. */
export type GoalProjection = z.infer<typeof GoalProjectionSchema>;

/** A family in course with its projection per goal of its track. */
export const InCourseProjectionSchema = z.object({
  familyId: z.string().min(1),
  trackCode: z.string().min(1),
  goals: z.array(GoalProjectionSchema),
});
/** A family in course with its projection per goal of its track. */
export type InCourseProjection = z.infer<typeof InCourseProjectionSchema>;

/** The assumption for a track's families not yet referred. */
export const NotYetReferredAssumptionSchema = z.object({
  trackCode: z.string().min(1),
  /** Default: max(0, expected families − finished − in course). */
  families: z.int().min(0).optional(),
  goals: z.array(GoalProjectionSchema),
});
/** The assumption for a track's families not yet referred. */
export type NotYetReferredAssumption = z.infer<typeof NotYetReferredAssumptionSchema>;

/** Input of `forecastRepayment`. */
export interface ForecastInput {
  /** Outcomes of the finished families (as for a settlement). */
  finished: readonly FamilyGoalOutcome[];
  /** Care days / enrolments of finished families (as for a settlement). */
  finishedFacts?: SettlementFacts;
  inCourse: readonly InCourseProjection[];
  /** One per track that still expects families; tracks with 0 remaining may be left out. */
  notYetReferred: readonly NotYetReferredAssumption[];
}

/** How a scenario's number was obtained. */
export type ForecastMethod =
  | "deterministic"
  | "exact-expectation"
  | "expectation-then-clamp"
  | "point-projection";

/** One goal in a scenario. */
export interface ForecastGoal {
  trackCode: string;
  goalId: string;
  /** Families in the goal's denominator (finished counted + in course + not yet referred). */
  counted: number;
  /** Expected number of families meeting the goal (per day: expected days avoided). */
  expectedMet: Fraction;
  /** Expected attainment (weighted: E[a]; rate card: expected share; per day: days avoided / baseline). */
  expectedAttainment: Fraction;
  /** Expected amount before the rounding step (øre). */
  exactOre: Fraction;
  /** The goal's part of the scenario's total (apportioned, after floor and cap). */
  amountOre: Ore;
}

/** One scenario. */
export interface ForecastScenario {
  scenario: "expected" | "as-now" | "all-met" | "none";
  method: ForecastMethod;
  exactTotal: Fraction;
  roundedTotalOre: Ore;
  totalOre: Ore;
  floorTopUpOre: Ore;
  capReductionOre: Ore;
  goals: ForecastGoal[];
  /** Danish notes on fallbacks (e.g. "as now" without finished families). */
  notes: string[];
}

/** The forecast. */
export interface Forecast {
  contractId: string;
  version: number;
  investmentOre: Ore;
  fullRepaymentOre: Ore;
  capOre: Ore;
  floorOre: Ore;
  families: {
    trackCode: string;
    expected: number;
    finished: number;
    inCourse: number;
    notYetReferred: number;
  }[];
  expected: ForecastScenario;
  asNow: ForecastScenario;
  allMet: ForecastScenario;
  none: ForecastScenario;
}

/** Upper bound on goals per track for the exact family-cap expectation (2^n outcome combinations). */
export const MAX_GOALS_FOR_FAMILY_CAP_EXPECTATION = 16;

/** For one unfinished family and goal: a probability (weighted, rate card) or expected days (per day). */
interface Uncertain {
  probability: Rational;
  baselineDays: number;
  /** Per day: expected days avoided (may be fractional in "as now"). */
  daysAvoided: Rational;
}

interface GoalSlot {
  track: Track;
  trackIndex: number;
  goalIndex: number;
  /** Unfinished families' projections, in-course ones first (family-id order), then not yet referred. */
  uncertain: Uncertain[];
}

type ScenarioName = ForecastScenario["scenario"];

/**
 * Forecasts the repayment of a contract version.
 * @throws ContractInputError for invalid input: unknown tracks or goals, an in-course family that is
 *   also finished, a missing projection for a goal, or a track with families left and no assumption.
 */
export function forecastRepayment(contract: ContractVersion, input: ForecastInput): Forecast {
  const cParsed = parseWith(ContractVersionSchema, contract);
  if (!cParsed.ok) throw new ContractInputError(cParsed.errors);
  const c = cParsed.value;
  const inCourse = parseWith(z.array(InCourseProjectionSchema), input.inCourse);
  if (!inCourse.ok) throw new ContractInputError(prefixed("inCourse", inCourse.errors));
  const notYet = parseWith(z.array(NotYetReferredAssumptionSchema), input.notYetReferred);
  if (!notYet.ok) throw new ContractInputError(prefixed("notYetReferred", notYet.errors));
  const roster = buildRoster(c, input.finished, input.finishedFacts ?? {});

  const errors: FieldErrors = {};
  const fail = (path: string, msg: string) => {
    if (!(path in errors)) errors[path] = msg;
  };
  const finishedIds = new Set(roster.flatMap((r) => r.familyIds));
  const trackIndex = new Map(c.tracks.map((t, i) => [t.code, i]));
  const inCourseByTrack = c.tracks.map(() => [] as InCourseProjection[]);
  const seenInCourse = new Set<string>();
  for (const [i, f] of inCourse.value.entries()) {
    const ti = trackIndex.get(f.trackCode);
    if (ti === undefined) {
      fail(`inCourse.${i}.trackCode`, "Ukendt spor");
      continue;
    }
    if (finishedIds.has(f.familyId)) {
      fail(`inCourse.${i}.familyId`, "Familien er allerede afsluttet");
      continue;
    }
    if (seenInCourse.has(f.familyId)) {
      fail(`inCourse.${i}.familyId`, "Familien findes allerede");
      continue;
    }
    seenInCourse.add(f.familyId);
    inCourseByTrack[ti]!.push(f);
  }
  const assumptionByTrack = c.tracks.map(() => null as NotYetReferredAssumption | null);
  for (const [i, a] of notYet.value.entries()) {
    const ti = trackIndex.get(a.trackCode);
    if (ti === undefined) {
      fail(`notYetReferred.${i}.trackCode`, "Ukendt spor");
      continue;
    }
    if (assumptionByTrack[ti] !== null) {
      fail(`notYetReferred.${i}.trackCode`, "Sporet har allerede en antagelse");
      continue;
    }
    assumptionByTrack[ti] = a;
  }

  const families = c.tracks.map((t, ti) => {
    const finished = roster[ti]!.familyIds.length;
    const inCourseN = inCourseByTrack[ti]!.length;
    const assumption = assumptionByTrack[ti];
    const notYetReferred = assumption?.families ?? Math.max(0, t.expectedFamilies - finished - inCourseN);
    if (notYetReferred > 0 && assumption === null)
      fail(`notYetReferred`, `Angiv en antagelse for de ikke-henviste familier i sporet ${t.code}`);
    return { trackCode: t.code, expected: t.expectedFamilies, finished, inCourse: inCourseN, notYetReferred };
  });

  const isPerDay = c.mechanism.kind === "per-day-out-of-care";
  const readProjection = (
    projections: readonly GoalProjection[],
    goalId: string,
    path: string,
  ): Uncertain => {
    const p = projections.find((g) => g.goalId === goalId);
    if (isPerDay) {
      if (p?.baselineDays === undefined || p.expectedDaysInCare === undefined) {
        fail(path, `Angiv døgn (baseline og forventet) for målet ${goalId}`);
        return { probability: Q_ZERO, baselineDays: 0, daysAvoided: Q_ZERO };
      }
      const avoided = Math.max(0, p.baselineDays - p.expectedDaysInCare);
      return {
        probability: p.baselineDays === 0 ? Q_ZERO : rational(avoided, p.baselineDays),
        baselineDays: p.baselineDays,
        daysAvoided: rational(avoided),
      };
    }
    if (p?.metProbabilityBps === undefined) {
      fail(path, `Angiv sandsynligheden for målet ${goalId}`);
      return { probability: Q_ZERO, baselineDays: 0, daysAvoided: Q_ZERO };
    }
    return { probability: rational(p.metProbabilityBps, BPS), baselineDays: 0, daysAvoided: Q_ZERO };
  };

  const slots: GoalSlot[] = [];
  c.tracks.forEach((track, ti) => {
    const sortedInCourse = [...inCourseByTrack[ti]!].sort((a, b) =>
      a.familyId < b.familyId ? -1 : a.familyId > b.familyId ? 1 : 0,
    );
    track.goals.forEach((goal, gi) => {
      const uncertain: Uncertain[] = sortedInCourse.map((f) =>
        readProjection(f.goals, goal.id, `inCourse.${inCourse.value.indexOf(f)}.goals`),
      );
      const assumption = assumptionByTrack[ti] ?? null;
      const n = families[ti]!.notYetReferred;
      if (assumption !== null && n > 0) {
        const u = readProjection(
          assumption.goals,
          goal.id,
          `notYetReferred.${notYet.value.indexOf(assumption)}.goals`,
        );
        for (let k = 0; k < n; k++) uncertain.push(u);
      }
      slots.push({ track, trackIndex: ti, goalIndex: gi, uncertain });
    });
  });
  for (const t of c.tracks) {
    const ti = trackIndex.get(t.code)!;
    const ids = new Set(t.goals.map((g) => g.id));
    inCourseByTrack[ti]!.forEach((f) => {
      f.goals.forEach((g, gi) => {
        if (!ids.has(g.goalId))
          fail(`inCourse.${inCourse.value.indexOf(f)}.goals.${gi}.goalId`, "Ukendt mål i sporet");
      });
    });
  }
  if (Object.keys(errors).length > 0) throw new ContractInputError(errors);

  // Floor and cap can bind in some outcome iff the best case exceeds the cap or the worst case falls
  // below the floor (payments are monotone in outcomes).
  const best = applyMoneyPipeline(c, scenarioExacts(c, roster, slots, "all-met")).roundedTotalOre;
  const worst = applyMoneyPipeline(c, scenarioExacts(c, roster, slots, "none")).roundedTotalOre;
  const canClamp = best > c.capOre || worst < c.floorOre;
  const scenario = (name: ScenarioName) => runScenario(c, roster, slots, name, canClamp);
  return {
    contractId: c.contractId,
    version: c.version,
    investmentOre: c.investmentOre,
    fullRepaymentOre: fullRepaymentOre(c),
    capOre: c.capOre,
    floorOre: c.floorOre,
    families,
    expected: scenario("expected"),
    asNow: scenario("as-now"),
    allMet: scenario("all-met"),
    none: scenario("none"),
  };
}

function prefixed(root: string, errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(errors)) out[k === "" ? root : `${root}.${k}`] = v;
  return out;
}

/** The finished families' observed share (weighted/rate card) or avoided-days ratio (per day), or null. */
function observedRate(c: ContractVersion, tr: TrackRoster, goalIndex: number): Rational | null {
  const facts = tr.goals[goalIndex]!.facts;
  if (c.mechanism.kind === "per-day-out-of-care") {
    let baseline = 0;
    let avoided = 0;
    for (const f of facts) {
      if (f.status === "not-measurable") continue;
      baseline += f.baselineDays ?? 0;
      avoided += Math.max(0, (f.baselineDays ?? 0) - (f.daysInCare ?? 0));
    }
    return baseline === 0 ? null : rational(avoided, baseline);
  }
  const exclude = c.mechanism.kind === "weighted-attainment" && c.mechanism.notMeasurable === "exclude";
  const counted = facts.filter((f) => !(exclude && f.status === "not-measurable")).length;
  const met = facts.filter((f) => f.status === "met").length;
  return counted === 0 ? null : rational(met, counted);
}

/** The unfinished families' projections under a scenario. */
function scenarioUncertain(
  c: ContractVersion,
  roster: TrackRoster[],
  slot: GoalSlot,
  name: ScenarioName,
  notes: string[],
): Uncertain[] {
  if (name === "expected") return slot.uncertain;
  if (name === "all-met" || name === "none") {
    const isMet = name === "all-met";
    return slot.uncertain.map((u) => ({
      probability: isMet ? Q_ONE : Q_ZERO,
      baselineDays: u.baselineDays,
      daysAvoided: isMet ? rational(u.baselineDays) : Q_ZERO,
    }));
  }
  const rate = observedRate(c, roster[slot.trackIndex]!, slot.goalIndex);
  if (rate === null) {
    if (slot.uncertain.length > 0)
      notes.push(
        `Ingen afsluttede familier tæller for ${slot.track.code}/${slot.track.goals[slot.goalIndex]!.id}: "som nu" bruger de forventede sandsynligheder`,
      );
    return slot.uncertain;
  }
  return slot.uncertain.map((u) => ({
    probability: rate,
    baselineDays: u.baselineDays,
    daysAvoided: qMul(rate, rational(u.baselineDays)),
  }));
}

/**
 * The distribution of the number of successes among independent trials with probabilities `probs`
 * (Poisson-binomial), exactly: weights[k] / denominator = P(K = k).
 */
export function metCountDistribution(probs: readonly Rational[]): { weights: bigint[]; denominator: bigint } {
  const common = probs.reduce((l, p) => {
    let a = l;
    let b = p.d;
    while (b !== 0n) [a, b] = [b, a % b];
    return (l / a) * p.d;
  }, 1n);
  let dist: bigint[] = [1n];
  for (const p of probs) {
    const yes = p.n * (common / p.d);
    const no = common - yes;
    const next: bigint[] = new Array<bigint>(dist.length + 1).fill(0n);
    for (let k = 0; k < dist.length; k++) {
      next[k] = next[k]! + dist[k]! * no;
      next[k + 1] = next[k + 1]! + dist[k]! * yes;
    }
    dist = next;
  }
  return { weights: dist, denominator: common ** BigInt(probs.length) };
}

function runScenario(
  c: ContractVersion,
  roster: TrackRoster[],
  slots: GoalSlot[],
  name: ScenarioName,
  canClamp: boolean,
): ForecastScenario {
  const notes: string[] = [];
  const uncertainBySlot = slots.map((s) => scenarioUncertain(c, roster, s, name, notes));
  const isDeterministic = uncertainBySlot.every((us) =>
    us.every(
      (u) => (u.probability.n === 0n || u.probability.n === u.probability.d) && u.daysAvoided.d === 1n,
    ),
  );
  let goals: Omit<ForecastGoal, "amountOre">[];
  let exacts: Rational[];
  if (c.mechanism.kind === "weighted-attainment") {
    ({ goals, exacts } = weightedGoals(c, roster, slots, uncertainBySlot));
  } else {
    ({ goals, exacts } = cappedFamilyGoals(c, roster, slots, uncertainBySlot));
  }
  const money = applyMoneyPipeline(c, exacts);
  let method: ForecastMethod = "deterministic";
  if (!isDeterministic) {
    if (c.mechanism.kind === "per-day-out-of-care") method = "point-projection";
    else method = canClamp ? "expectation-then-clamp" : "exact-expectation";
  }
  return {
    scenario: name,
    method,
    exactTotal: toFraction(money.exactTotal),
    roundedTotalOre: money.roundedTotalOre,
    totalOre: money.totalOre,
    floorTopUpOre: money.floorTopUpOre,
    capReductionOre: money.capReductionOre,
    goals: goals.map((g, i) => ({ ...g, amountOre: money.goalPaid[i]! })),
    notes,
  };
}

function scenarioExacts(
  c: ContractVersion,
  roster: TrackRoster[],
  slots: GoalSlot[],
  name: ScenarioName,
): Rational[] {
  const us = slots.map((s) => scenarioUncertain(c, roster, s, name, []));
  return c.mechanism.kind === "weighted-attainment"
    ? weightedGoals(c, roster, slots, us).exacts
    : cappedFamilyGoals(c, roster, slots, us).exacts;
}

/** Weighted attainment: E[a_g] from the exact distribution of the number of unfinished families meeting g. */
function weightedGoals(
  c: ContractVersion,
  roster: TrackRoster[],
  slots: GoalSlot[],
  uncertainBySlot: Uncertain[][],
): { goals: Omit<ForecastGoal, "amountOre">[]; exacts: Rational[] } {
  const exclude = c.mechanism.kind === "weighted-attainment" && c.mechanism.notMeasurable === "exclude";
  const full = fullRepaymentExact(c);
  const goals: Omit<ForecastGoal, "amountOre">[] = [];
  const exacts: Rational[] = [];
  slots.forEach((slot, si) => {
    const tr = roster[slot.trackIndex]!;
    const goal = slot.track.goals[slot.goalIndex]!;
    if (goal.payment.kind !== "weighted") throw new Error("Internal: weighted goal expected");
    const { thresholdBps, targetBps } = goal.payment;
    const facts = tr.goals[slot.goalIndex]!.facts;
    const finishedMet = facts.filter((f) => f.status === "met").length;
    const finishedCounted = facts.filter((f) => !(exclude && f.status === "not-measurable")).length;
    const uncertain = uncertainBySlot[si]!;
    const counted = finishedCounted + uncertain.length;
    const probs = uncertain.map((u) => u.probability);
    let expectedAttainment = Q_ZERO;
    if (counted > 0) {
      const { weights, denominator } = metCountDistribution(probs);
      const span = BigInt(targetBps - thresholdBps) * BigInt(counted);
      let numerator = 0n;
      weights.forEach((w, k) => {
        if (w === 0n) return;
        const raw = BigInt(finishedMet + k) * BigInt(BPS) - BigInt(thresholdBps) * BigInt(counted);
        const clipped = raw < 0n ? 0n : raw > span ? span : raw;
        numerator += w * clipped;
      });
      expectedAttainment = rational(numerator, denominator * span);
    }
    const exact = qMul(qMul(full, effectiveWeight(c, slot.track, goal)), expectedAttainment);
    exacts.push(exact);
    goals.push({
      trackCode: slot.track.code,
      goalId: goal.id,
      counted,
      expectedMet: toFraction(qAdd(rational(finishedMet), qSum(probs))),
      expectedAttainment: toFraction(expectedAttainment),
      exactOre: toFraction(exact),
    });
  });
  return { goals, exacts };
}

/**
 * Rate card and per day: per family the expected amount after the family cap. Finished families are
 * certain; an unfinished rate-card family's expectation enumerates the combinations of goals met when
 * its family cap can bind (exact, goals independent), otherwise it is linear; per-day families are
 * point projections (expected days avoided).
 */
function cappedFamilyGoals(
  c: ContractVersion,
  roster: TrackRoster[],
  slots: GoalSlot[],
  uncertainBySlot: Uncertain[][],
): { goals: Omit<ForecastGoal, "amountOre">[]; exacts: Rational[] } {
  const unit = c.rounding.unitOre;
  const isPerDay = c.mechanism.kind === "per-day-out-of-care";
  const exacts: Rational[] = slots.map(() => Q_ZERO);
  const expectedMet: Rational[] = slots.map(() => Q_ZERO);
  const attainmentNum: Rational[] = slots.map(() => Q_ZERO);
  const attainmentDen: Rational[] = slots.map(() => Q_ZERO);
  const price = (slot: GoalSlot): Ore => {
    const p = slot.track.goals[slot.goalIndex]!.payment;
    return p.kind === "price" ? p.priceOre : p.kind === "per-day" ? p.pricePerDayOre : ore(0);
  };

  roster.forEach((tr, ti) => {
    const idx = slots.map((s, i) => (s.trackIndex === ti ? i : -1)).filter((i) => i >= 0);
    const cap = tr.track.familyCapOre ?? null;
    // Finished families: realised amounts, capped per family as in a settlement.
    tr.familyIds.forEach((_, fi) => {
      const gross = idx.map((si): number => {
        const f = tr.goals[slots[si]!.goalIndex]!.facts[fi]!;
        if (isPerDay) {
          const avoided =
            f.status === "not-measurable" ? 0 : Math.max(0, (f.baselineDays ?? 0) - (f.daysInCare ?? 0));
          if (f.status !== "not-measurable") {
            attainmentNum[si] = qAdd(attainmentNum[si]!, rational(avoided));
            attainmentDen[si] = qAdd(attainmentDen[si]!, rational(f.baselineDays ?? 0));
          }
          expectedMet[si] = qAdd(expectedMet[si]!, rational(avoided));
          return times(price(slots[si]!), avoided);
        }
        if (f.status === "met") expectedMet[si] = qAdd(expectedMet[si]!, Q_ONE);
        return f.status === "met" ? price(slots[si]!) : 0;
      });
      const total = gross.reduce((s, g) => s + g, 0);
      const capped = cap !== null && total > cap ? allocateInUnits(cap, gross, unit) : gross;
      idx.forEach((si, k) => {
        exacts[si] = qAdd(exacts[si]!, rational(capped[k]!));
      });
    });
    // Unfinished families (same count in every slot of the track).
    const count = idx.length === 0 ? 0 : uncertainBySlot[idx[0]!]!.length;
    for (let u = 0; u < count; u++) {
      const projections = idx.map((si) => uncertainBySlot[si]![u]!);
      if (isPerDay) {
        const gross = idx.map((si, k) => qMul(rational(price(slots[si]!)), projections[k]!.daysAvoided));
        const total = qSum(gross);
        const scale = cap !== null && qCompareInt(total, cap) > 0 ? qDiv(rational(cap), total) : Q_ONE;
        idx.forEach((si, k) => {
          exacts[si] = qAdd(exacts[si]!, qMul(gross[k]!, scale));
          expectedMet[si] = qAdd(expectedMet[si]!, projections[k]!.daysAvoided);
          attainmentNum[si] = qAdd(attainmentNum[si]!, projections[k]!.daysAvoided);
          attainmentDen[si] = qAdd(attainmentDen[si]!, rational(projections[k]!.baselineDays));
        });
        continue;
      }
      const prices = idx.map((si) => price(slots[si]!));
      const maxTotal = prices.reduce((s, p) => s + p, 0);
      idx.forEach((si, k) => {
        expectedMet[si] = qAdd(expectedMet[si]!, projections[k]!.probability);
      });
      if (cap === null || maxTotal <= cap) {
        idx.forEach((si, k) => {
          exacts[si] = qAdd(exacts[si]!, qMul(rational(prices[k]!), projections[k]!.probability));
        });
        continue;
      }
      if (idx.length > MAX_GOALS_FOR_FAMILY_CAP_EXPECTATION)
        throw new ContractInputError({
          tracks: `For mange mål i sporet ${tr.track.code} til en præcis prognose`,
        });
      for (let mask = 0; mask < 1 << idx.length; mask++) {
        let probability = Q_ONE;
        const gross = prices.map((p, k): number => {
          const isMet = (mask >> k) & 1;
          const pk = projections[k]!.probability;
          probability = qMul(probability, isMet ? pk : qSub(Q_ONE, pk));
          return isMet ? p : 0;
        });
        if (probability.n === 0n) continue;
        const total = gross.reduce((s, g) => s + g, 0);
        const capped = total > cap ? allocateInUnits(cap, gross, unit) : gross;
        idx.forEach((si, k) => {
          exacts[si] = qAdd(exacts[si]!, qMul(rational(capped[k]!), probability));
        });
      }
    }
  });

  const goals = slots.map((slot, si) => {
    const counted = roster[slot.trackIndex]!.familyIds.length + uncertainBySlot[si]!.length;
    const attainment = isPerDay
      ? attainmentDen[si]!.n === 0n
        ? Q_ZERO
        : qDiv(attainmentNum[si]!, attainmentDen[si]!)
      : counted === 0
        ? Q_ZERO
        : qDiv(expectedMet[si]!, rational(counted));
    return {
      trackCode: slot.track.code,
      goalId: slot.track.goals[slot.goalIndex]!.id,
      counted,
      expectedMet: toFraction(expectedMet[si]!),
      expectedAttainment: toFraction(qClip01(attainment)),
      exactOre: toFraction(exacts[si]!),
    };
  });
  return { goals, exacts };
}

function qCompareInt(a: Rational, b: number): number {
  const r = a.n - BigInt(b) * a.d;
  return r < 0n ? -1 : r > 0n ? 1 : 0;
}
