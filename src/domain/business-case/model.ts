/**
 * The numeric kernel shared by the deterministic calculation, the sensitivity analysis, the break-even
 * search and the Monte Carlo run. A valid scenario is compiled once into flat typed arrays; every
 * parameter that an analysis may vary lives in one `Float64Array` slot, so a Monte Carlo draw only
 * overwrites a few slots and re-runs `evaluateModel` on a preallocated `Workspace` (no allocation per
 * draw). Because all analyses run this one function, a zero-width Monte Carlo run equals the
 * deterministic run to the øre.
 *
 * Money in the workspace is whole øre held in float64: each modelled amount is rounded once
 * (`roundToWholeOre`), and sums of whole numbers below 2^53 are exact in float64, so the kernel's
 * totals equal the exact integer sums that `calculate.ts` forms with money.ts.
 */

import { fillCompletions } from "./capacity";
import { costMultipliers } from "./costs";
import { fillFixedStock, fillSuccessDrivenStock, survivalCurve } from "./effects";
import { type Payer, payerWeights } from "./payers";
import { roundToWholeOre } from "./rounding";
import { DEFAULT_DISCOUNT_RATE_PCT, type Scenario } from "./scenario";

/** Slot of the scenario's success rate (percent) in the parameter vector. */
export const SUCCESS_RATE_SLOT = 0;
/** Slot of the mean course length (months). */
export const COURSE_LENGTH_SLOT = 1;
/** Slot of the completion share (percent). */
export const COMPLETED_SHARE_SLOT = 2;
/** Slot of the year-1 ramp-up share (percent). */
export const RAMP_UP_SLOT = 3;
const FIRST_EFFECT_SLOT = 4;
const SLOTS_PER_EFFECT = 3;

/** Which value of an effect a slot holds. */
export type EffectField = "unitPriceOrePerYear" | "lagYears" | "quantity";
const EFFECT_FIELD_OFFSET: Record<EffectField, number> = { unitPriceOrePerYear: 0, lagYears: 1, quantity: 2 };

/** An effect, compiled. */
export interface CompiledEffect {
  id: string;
  name: string;
  isSuccessDriven: boolean;
  /** Whole years, or Infinity for a permanent effect (success-driven only). */
  durationYears: number;
  /** Index of the last year that accumulates (horizon − 1 when never frozen). */
  freezeIndex: number;
  /** Pinned success rate in percent, or NaN when the effect follows the scenario's rate. */
  pinnedSuccessRatePct: number;
  /** σ(k) for fixed effects (see effects.ts); empty for success-driven ones. */
  survival: Float64Array;
  /** Integer payer weights in PAYERS order (see payers.ts). */
  payerWeights: number[];
}

/** A cost line, compiled. */
export interface CompiledCostLine {
  id: string;
  name: string;
  payer: Payer;
  /** The amount's multiplier per year (see costs.ts). */
  multipliers: Float64Array;
}

/** A scenario compiled for fast repeated evaluation. Immutable after compilation. */
export interface CompiledModel {
  horizonYears: number;
  startYear: number;
  familiesAtATime: number;
  /** The scenario's own parameter values (copy before changing). */
  baseParams: Float64Array;
  effects: CompiledEffect[];
  costLines: CompiledCostLine[];
  /** 1 / (1 + r)^(t − 1) for years t = 1 … horizon (index 0 = year 1, undiscounted). */
  discountFactors: Float64Array;
}

/** Preallocated buffers for one evaluation; reused across evaluations (results are overwritten). */
export interface Workspace {
  /** Completed courses per year. */
  completions: Float64Array;
  /** Effect stocks, effect k's year t at k × horizon + t. */
  stocks: Float64Array;
  /** Rounded savings in øre, same layout as `stocks`. */
  savings: Float64Array;
  /** Rounded costs in øre, cost line j's year t at j × horizon + t. */
  costs: Float64Array;
  /** Savings per year (øre). */
  savingsTotal: Float64Array;
  /** Costs per year (øre). */
  costsTotal: Float64Array;
  /** Savings − costs per year (øre). */
  net: Float64Array;
  /** Running sum of `net` (øre). */
  accumulated: Float64Array;
  /** round(net × discount factor) per year (øre). */
  discountedNet: Float64Array;
  /** Σ discountedNet (øre). */
  npv: number;
  /** Σ over years and effects of price × stock before rounding (øre, fractional); linear in the success rate. */
  unroundedSavingsSum: number;
  /** Σ costs over the horizon (øre). */
  costsSum: number;
}

/** The slot of an effect's field in the parameter vector. */
export function effectSlot(effectIndex: number, field: EffectField): number {
  return FIRST_EFFECT_SLOT + SLOTS_PER_EFFECT * effectIndex + EFFECT_FIELD_OFFSET[field];
}

/** The slot of a cost line's amount (øre) in the parameter vector. */
export function costSlot(model: CompiledModel, costLineIndex: number): number {
  return FIRST_EFFECT_SLOT + SLOTS_PER_EFFECT * model.effects.length + costLineIndex;
}

/**
 * Compiles a scenario that passed `validateScenario` (behaviour on an unvalidated scenario is
 * undefined). Does not round anything.
 */
export function compileScenario(scenario: Scenario): CompiledModel {
  const horizon = scenario.horizonYears;
  const effects = scenario.effects;
  const lines = scenario.costLines;
  const params = new Float64Array(FIRST_EFFECT_SLOT + SLOTS_PER_EFFECT * effects.length + lines.length);
  params[SUCCESS_RATE_SLOT] = scenario.successRatePct;
  params[COURSE_LENGTH_SLOT] = scenario.capacity.courseLengthMonths;
  params[COMPLETED_SHARE_SLOT] = scenario.capacity.completedSharePct ?? 100;
  params[RAMP_UP_SLOT] = scenario.capacity.rampUpSharePct ?? 100;
  const compiledEffects = effects.map((e, k): CompiledEffect => {
    params[effectSlot(k, "unitPriceOrePerYear")] = e.unitPriceOrePerYear;
    params[effectSlot(k, "lagYears")] = e.lagYears ?? 0;
    params[effectSlot(k, "quantity")] = e.kind === "success-driven" ? e.personsPerSuccess : e.eventsPerYear;
    return {
      id: e.id,
      name: e.name,
      isSuccessDriven: e.kind === "success-driven",
      durationYears: e.kind === "success-driven" ? (e.durationYears ?? Number.POSITIVE_INFINITY) : 0,
      freezeIndex: Math.min(e.freezeAfterYear ?? horizon, horizon) - 1,
      pinnedSuccessRatePct: e.kind === "success-driven" ? (e.pinnedSuccessRatePct ?? Number.NaN) : Number.NaN,
      survival: e.kind === "fixed" ? survivalCurve(e.survivalPct, horizon) : new Float64Array(0),
      payerWeights: payerWeights(e.payerSharesPct ?? { municipality: 100 }),
    };
  });
  const familiesAtATime = scenario.capacity.familiesAtATime;
  const model: CompiledModel = {
    horizonYears: horizon,
    startYear: scenario.startYear,
    familiesAtATime,
    baseParams: params,
    effects: compiledEffects,
    costLines: lines.map((line) => ({
      id: line.id,
      name: line.name,
      payer: line.payer,
      multipliers: costMultipliers(line, horizon, familiesAtATime),
    })),
    discountFactors: discountFactors(scenario.discountRatePct ?? DEFAULT_DISCOUNT_RATE_PCT, horizon),
  };
  lines.forEach((line, j) => {
    params[costSlot(model, j)] = line.amountOre;
  });
  return model;
}

/**
 * Discount factors 1 / (1 + r/100)^(t − 1) for t = 1 … horizonYears: year 1 is year 0 of the state's
 * model and is not discounted.
 */
export function discountFactors(discountRatePct: number, horizonYears: number): Float64Array {
  const out = new Float64Array(horizonYears);
  const base = 1 + discountRatePct / 100;
  for (let t = 0; t < horizonYears; t++) out[t] = 1 / base ** t;
  return out;
}

/** Allocates the buffers for evaluating `model`. */
export function createWorkspace(model: CompiledModel): Workspace {
  const h = model.horizonYears;
  return {
    completions: new Float64Array(h),
    stocks: new Float64Array(h * model.effects.length),
    savings: new Float64Array(h * model.effects.length),
    costs: new Float64Array(h * model.costLines.length),
    savingsTotal: new Float64Array(h),
    costsTotal: new Float64Array(h),
    net: new Float64Array(h),
    accumulated: new Float64Array(h),
    discountedNet: new Float64Array(h),
    npv: 0,
    unroundedSavingsSum: 0,
    costsSum: 0,
  };
}

/**
 * Evaluates the model with the parameter vector `params` (same layout as `model.baseParams`) into
 * `ws`. Allocation-free. Rounding happens here and only here (see rounding.ts):
 *   savings[k][t]      = round(unitPriceOrePerYear_k × stock_k(t))
 *   costs[j][t]        = round(amountOre_j × multiplier_j(t))
 *   net(t)             = Σ_k savings[k][t] − Σ_j costs[j][t]
 *   accumulated(t)     = Σ_{u ≤ t} net(u)
 *   discountedNet(t)   = round(net(t) / (1 + r)^(t − 1)),   npv = Σ_t discountedNet(t)
 */
export function evaluateModel(model: CompiledModel, params: Float64Array, ws: Workspace): void {
  const h = model.horizonYears;
  fillCompletions(
    ws.completions,
    h,
    model.familiesAtATime,
    params[COURSE_LENGTH_SLOT] as number,
    params[COMPLETED_SHARE_SLOT] as number,
    params[RAMP_UP_SLOT] as number,
  );
  const scenarioRate = (params[SUCCESS_RATE_SLOT] as number) / 100;
  ws.savingsTotal.fill(0);
  ws.costsTotal.fill(0);
  let unrounded = 0;
  const effects = model.effects;
  for (let k = 0; k < effects.length; k++) {
    const e = effects[k] as CompiledEffect;
    const slot = FIRST_EFFECT_SLOT + SLOTS_PER_EFFECT * k;
    const price = params[slot] as number;
    const lag = params[slot + 1] as number;
    const quantity = params[slot + 2] as number;
    const offset = k * h;
    if (e.isSuccessDriven) {
      const rate = Number.isNaN(e.pinnedSuccessRatePct) ? scenarioRate : e.pinnedSuccessRatePct / 100;
      fillSuccessDrivenStock(
        ws.stocks,
        offset,
        ws.completions,
        h,
        quantity * rate,
        lag,
        e.durationYears,
        e.freezeIndex,
      );
    } else {
      fillFixedStock(ws.stocks, offset, h, quantity, lag, e.survival, e.freezeIndex);
    }
    for (let t = 0; t < h; t++) {
      const value = price * (ws.stocks[offset + t] as number);
      unrounded += value;
      const saved = roundToWholeOre(value);
      ws.savings[offset + t] = saved;
      ws.savingsTotal[t] = (ws.savingsTotal[t] as number) + saved;
    }
  }
  let costsSum = 0;
  const lines = model.costLines;
  const firstCostSlot = FIRST_EFFECT_SLOT + SLOTS_PER_EFFECT * effects.length;
  for (let j = 0; j < lines.length; j++) {
    const amount = params[firstCostSlot + j] as number;
    const multipliers = (lines[j] as CompiledCostLine).multipliers;
    const offset = j * h;
    for (let t = 0; t < h; t++) {
      const m = multipliers[t] as number;
      const cost = m === 0 ? 0 : roundToWholeOre(amount * m);
      ws.costs[offset + t] = cost;
      ws.costsTotal[t] = (ws.costsTotal[t] as number) + cost;
      costsSum += cost;
    }
  }
  let accumulated = 0;
  let npv = 0;
  for (let t = 0; t < h; t++) {
    const net = (ws.savingsTotal[t] as number) - (ws.costsTotal[t] as number);
    accumulated += net;
    const discounted = roundToWholeOre(net * (model.discountFactors[t] as number));
    npv += discounted;
    ws.net[t] = net;
    ws.accumulated[t] = accumulated;
    ws.discountedNet[t] = discounted;
  }
  ws.npv = npv;
  ws.unroundedSavingsSum = unrounded;
  ws.costsSum = costsSum;
}
