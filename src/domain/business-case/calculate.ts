/**
 * The deterministic business case: results per year and the summary figures (NPV, payback,
 * break-even success rate, ROI). The numbers come from the kernel in model.ts; this module turns them
 * into `Ore` and forms every total, per-payer split and running balance with money.ts (exact integer
 * arithmetic).
 */

import { add, type Ore, ore, subtract, ZERO } from "../money";
import { type BreakEven, findBreakEven } from "./break-even";
import { compileScenario, createWorkspace, evaluateModel } from "./model";
import { computePayback, type Payback } from "./payback";
import { PAYERS, type Payer, splitByPayer, zeroByPayer } from "./payers";
import { parseScenario, type Scenario, type ValidateScenarioOptions } from "./scenario";

/** One year of the business case. Amounts in whole øre; stocks and courses are fractional expectations. */
export interface YearResult {
  /** Year of the horizon, 1-based. */
  year: number;
  /** Calendar year (startYear + year − 1). */
  calendarYear: number;
  /** Courses completed in the year. */
  completedCourses: number;
  /** Courses completed from year 1 to this year. */
  completedCoursesCumulative: number;
  /** Stock of each effect (persons or prevented events), by effect id. */
  effectStocks: Record<string, number>;
  /** Savings of each effect: round(unit price × stock), by effect id. */
  savingsByEffectOre: Record<string, Ore>;
  /** Savings by payer (each effect's savings split by its payer shares, parts adding up exactly). */
  savingsByPayerOre: Record<Payer, Ore>;
  /** Total savings. */
  savingsOre: Ore;
  /** Costs of each cost line, by cost line id. */
  costsByLineOre: Record<string, Ore>;
  /** Costs by payer. */
  costsByPayerOre: Record<Payer, Ore>;
  /** Total costs. */
  costsOre: Ore;
  /** Savings − costs by payer. */
  netByPayerOre: Record<Payer, Ore>;
  /** Savings − costs. */
  netOre: Ore;
  /** Σ net from year 1 to this year. */
  accumulatedOre: Ore;
  /** 1 / (1 + r)^(year − 1). */
  discountFactor: number;
  /** round(net × discountFactor). */
  discountedNetOre: Ore;
  /** Σ discounted net from year 1 to this year. */
  accumulatedDiscountedOre: Ore;
}

/** Totals over the horizon (undiscounted). */
export interface BusinessCaseTotals {
  savingsOre: Ore;
  costsOre: Ore;
  netOre: Ore;
  savingsByPayerOre: Record<Payer, Ore>;
  costsByPayerOre: Record<Payer, Ore>;
  netByPayerOre: Record<Payer, Ore>;
  /** Courses completed over the horizon. */
  completedCourses: number;
}

/** The result of `calculateBusinessCase`. */
export interface BusinessCaseResult {
  /** The validated scenario with defaults filled (what was calculated). */
  scenario: Scenario;
  /** Years 1 … horizon. */
  years: YearResult[];
  totals: BusinessCaseTotals;
  /** Net present value: Σ discounted net (equals the accumulated balance at the horizon at 0 %). */
  npvOre: Ore;
  /** The accumulated balance at the end of the horizon. */
  accumulatedAtHorizonOre: Ore;
  /** When the accumulated balance turns ≥ 0 for good (see payback.ts). */
  payback: Payback;
  /** The success rate at which the accumulated balance at the horizon is 0 (see break-even.ts). */
  breakEven: BreakEven;
  /** Return on investment in percent: 100 × (savings − costs) / costs over the horizon; null without costs. */
  roiPct: number | null;
}

/**
 * Calculates a business case year by year. Validates the scenario first; pure and deterministic.
 * Rounding: each effect's savings per year and each discounted net are rounded once to whole øre,
 * half away from zero (see rounding.ts); all other amounts are exact sums.
 * @throws BusinessCaseInputError with Danish messages keyed by field path when the scenario is invalid.
 * @throws MoneyError when an amount exceeds ±2^53 øre.
 */
export function calculateBusinessCase(
  input: Scenario,
  options: ValidateScenarioOptions = {},
): BusinessCaseResult {
  const scenario = parseScenario(input, options);
  const model = compileScenario(scenario);
  const ws = createWorkspace(model);
  evaluateModel(model, model.baseParams, ws);
  const h = model.horizonYears;

  const years: YearResult[] = [];
  let accumulated = ZERO;
  let accumulatedDiscounted = ZERO;
  let cumulativeCourses = 0;
  const totalSavingsByPayer = zeroByPayer();
  const totalCostsByPayer = zeroByPayer();
  for (let t = 0; t < h; t++) {
    const effectStocks: Record<string, number> = {};
    const savingsByEffectOre: Record<string, Ore> = {};
    const savingsByPayerOre = zeroByPayer();
    model.effects.forEach((e, k) => {
      const saved = ore(ws.savings[k * h + t] as number);
      effectStocks[e.id] = ws.stocks[k * h + t] as number;
      savingsByEffectOre[e.id] = saved;
      const split = splitByPayer(saved, e.payerWeights);
      for (const p of PAYERS) savingsByPayerOre[p] = add(savingsByPayerOre[p], split[p]);
    });
    const costsByLineOre: Record<string, Ore> = {};
    const costsByPayerOre = zeroByPayer();
    model.costLines.forEach((line, j) => {
      const cost = ore(ws.costs[j * h + t] as number);
      costsByLineOre[line.id] = cost;
      costsByPayerOre[line.payer] = add(costsByPayerOre[line.payer], cost);
    });
    const savingsOre = add(...PAYERS.map((p) => savingsByPayerOre[p]));
    const costsOre = add(...PAYERS.map((p) => costsByPayerOre[p]));
    const netOre = subtract(savingsOre, costsOre);
    const netByPayerOre = zeroByPayer();
    for (const p of PAYERS) {
      netByPayerOre[p] = subtract(savingsByPayerOre[p], costsByPayerOre[p]);
      totalSavingsByPayer[p] = add(totalSavingsByPayer[p], savingsByPayerOre[p]);
      totalCostsByPayer[p] = add(totalCostsByPayer[p], costsByPayerOre[p]);
    }
    accumulated = add(accumulated, netOre);
    const discountedNetOre = ore(ws.discountedNet[t] as number);
    accumulatedDiscounted = add(accumulatedDiscounted, discountedNetOre);
    const completedCourses = ws.completions[t] as number;
    cumulativeCourses += completedCourses;
    years.push({
      year: t + 1,
      calendarYear: model.startYear + t,
      completedCourses,
      completedCoursesCumulative: cumulativeCourses,
      effectStocks,
      savingsByEffectOre,
      savingsByPayerOre,
      savingsOre,
      costsByLineOre,
      costsByPayerOre,
      costsOre,
      netByPayerOre,
      netOre,
      accumulatedOre: accumulated,
      discountFactor: model.discountFactors[t] as number,
      discountedNetOre,
      accumulatedDiscountedOre: accumulatedDiscounted,
    });
  }

  const savingsOre = add(...PAYERS.map((p) => totalSavingsByPayer[p]));
  const costsOre = add(...PAYERS.map((p) => totalCostsByPayer[p]));
  const netByPayerOre = zeroByPayer();
  for (const p of PAYERS) netByPayerOre[p] = subtract(totalSavingsByPayer[p], totalCostsByPayer[p]);
  const netOre = subtract(savingsOre, costsOre);
  return {
    scenario,
    years,
    totals: {
      savingsOre,
      costsOre,
      netOre,
      savingsByPayerOre: totalSavingsByPayer,
      costsByPayerOre: totalCostsByPayer,
      netByPayerOre,
      completedCourses: cumulativeCourses,
    },
    npvOre: accumulatedDiscounted,
    accumulatedAtHorizonOre: accumulated,
    payback: computePayback(
      years.map((y) => y.accumulatedOre),
      years.map((y) => y.netOre),
      h,
      scenario.startYear,
    ),
    breakEven: findBreakEven(model),
    roiPct: costsOre === 0 ? null : (100 * netOre) / costsOre,
  };
}
