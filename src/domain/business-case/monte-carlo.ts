/**
 * Monte Carlo simulation of a business case. Each draw takes every uncertain parameter from its
 * distribution (triangular, PERT or uniform; see distributions.ts), keeps the others at the
 * scenario's values, and runs the same kernel as the deterministic calculation. The seed is an
 * argument: the same scenario, options and seed always give the same numbers.
 *
 * Draw order: for each draw, the uncertain parameters in the order given. Buffers are allocated once
 * per run; a draw allocates nothing.
 *
 * Percentiles use the nearest-rank method: P_q is the ⌈q·N⌉-th smallest of the N draws, so every
 * reported percentile is an amount that one of the draws produced (whole øre, no interpolation).
 */

import { type Ore, ore } from "../money";
import { type Distribution, readDistribution, sampleDistribution } from "./distributions";
import { compileScenario, createWorkspace, evaluateModel } from "./model";
import { type ParameterRef, parameterBounds, parameterSlot, readParameterRef } from "./parameters";
import { findPaybackIndex } from "./payback";
import { createRng } from "./random";
import { parseScenario, type Scenario } from "./scenario";
import { BusinessCaseInputError, FieldValidator, joinPath } from "./validation";

/** Number of draws when none is given. */
export const DEFAULT_MONTE_CARLO_DRAWS = 10_000;
/** The most draws one run accepts (memory grows with draws × horizon). */
export const MAX_MONTE_CARLO_DRAWS = 100_000;

/** A parameter and its distribution (in the parameter's own unit). */
export interface UncertainParameter {
  parameter: ParameterRef;
  distribution: Distribution;
}

/** Options of a Monte Carlo run. */
export interface MonteCarloOptions {
  /** Seed of the random generator: any safe integer. */
  seed: number;
  /** Number of draws, 1 – 100,000; default 10,000. */
  draws?: number;
  /** The uncertain parameters (each at most once). Parameters not listed keep the scenario's value. */
  uncertainties: readonly UncertainParameter[];
  /** Called after every 1,000 draws and at the end, with the draws done and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** Percentiles of the accumulated balance in one year. */
export interface MonteCarloYear {
  /** Year of the horizon, 1-based. */
  year: number;
  calendarYear: number;
  accumulatedP10Ore: Ore;
  accumulatedP50Ore: Ore;
  accumulatedP90Ore: Ore;
}

/** How many draws paid back in a given year. */
export interface PaybackYearCount {
  /** Year of the horizon, 1-based. */
  year: number;
  calendarYear: number;
  draws: number;
  /** 100 × draws / total draws. */
  sharePct: number;
}

/** The result of `runMonteCarlo`. */
export interface MonteCarloResult {
  draws: number;
  seed: number;
  /** Years 1 … horizon. */
  years: MonteCarloYear[];
  npvP10Ore: Ore;
  npvP50Ore: Ore;
  npvP90Ore: Ore;
  /** Share of the draws that pay back within the horizon, in percent. */
  paybackProbabilityPct: number;
  /** For each year 1 … horizon, the draws that pay back in it (see payback.ts); zeros included. */
  paybackYearDistribution: PaybackYearCount[];
  /** Draws that do not pay back within the horizon. */
  notPaidBackDraws: number;
}

/**
 * Reads and checks Monte Carlo options against a (valid) scenario: seed, draws, each uncertainty's
 * parameter and distribution (inside the parameter's bounds; no parameter twice). Never throws.
 * @returns clean options, or Danish messages keyed by field path (`seed`, `draws`,
 * `uncertainties.<i>.parameter…`, `uncertainties.<i>.distribution.<field>`).
 */
export function validateMonteCarloOptions(
  scenario: Scenario,
  options: unknown,
):
  | { ok: true; options: Required<Omit<MonteCarloOptions, "onProgress">> }
  | { ok: false; errors: Record<string, string> } {
  const v = new FieldValidator();
  const o = v.object("", options) ?? {};
  const seed = v.number("seed", o.seed, { isInteger: true });
  const draws = v.optionalNumber("draws", o.draws, DEFAULT_MONTE_CARLO_DRAWS, {
    min: 1,
    max: MAX_MONTE_CARLO_DRAWS,
    isInteger: true,
    rangeMessage: "Antal trækninger skal være 1–100.000",
  });
  const uncertainties: UncertainParameter[] = [];
  const seen = new Set<string>();
  (v.array("uncertainties", o.uncertainties) ?? []).forEach((item, i) => {
    const path = joinPath("uncertainties", i);
    const u = v.object(path, item);
    if (!u) return;
    const parameter = readParameterRef(v, joinPath(path, "parameter"), u.parameter, scenario);
    if (!parameter) return;
    const key = JSON.stringify(parameter);
    if (seen.has(key)) {
      v.fail(joinPath(path, "parameter"), "Parameteren har allerede en fordeling");
      return;
    }
    seen.add(key);
    const distribution = readDistribution(
      v,
      joinPath(path, "distribution"),
      u.distribution,
      parameterBounds(scenario, parameter),
    );
    if (distribution) uncertainties.push({ parameter, distribution });
  });
  if (!v.isValid || seed === undefined) return { ok: false, errors: v.errors };
  return { ok: true, options: { seed, draws, uncertainties } };
}

/** The q-quantile (0 < q ≤ 1) of sorted values by the nearest-rank method. */
function nearestRank(sorted: Float64Array, q: number): number {
  const rank = Math.max(1, Math.ceil(q * sorted.length - 1e-9));
  return sorted[rank - 1] as number;
}

/**
 * Runs the Monte Carlo simulation. Pure: no clock, no `Math.random`; the same inputs and seed give
 * the same result. A run whose distributions all have zero width equals the deterministic run
 * (every percentile is the deterministic accumulated balance). Rounding as in the deterministic run.
 * @throws BusinessCaseInputError for an invalid scenario or invalid options (Danish messages keyed by
 * field path).
 */
export function runMonteCarlo(input: Scenario, options: MonteCarloOptions): MonteCarloResult {
  const scenario = parseScenario(input);
  const checked = validateMonteCarloOptions(scenario, options);
  if (!checked.ok) throw new BusinessCaseInputError(checked.errors);
  const { seed, draws, uncertainties } = checked.options;
  const onProgress = options.onProgress;

  const model = compileScenario(scenario);
  const h = model.horizonYears;
  const ws = createWorkspace(model);
  const params = model.baseParams.slice();
  const slots = Int32Array.from(uncertainties, (u) => parameterSlot(model, u.parameter));
  const distributions = uncertainties.map((u) => u.distribution);
  const rng = createRng(seed);

  // accumulated[t * draws + i]: year-major, so each year's draws can be sorted in place.
  const accumulated = new Float64Array(h * draws);
  const npv = new Float64Array(draws);
  const paybackCounts = new Int32Array(h);
  let notPaidBack = 0;

  for (let i = 0; i < draws; i++) {
    for (let p = 0; p < slots.length; p++) {
      params[slots[p] as number] = sampleDistribution(distributions[p] as Distribution, rng);
    }
    evaluateModel(model, params, ws);
    for (let t = 0; t < h; t++) accumulated[t * draws + i] = ws.accumulated[t] as number;
    npv[i] = ws.npv;
    const payback = findPaybackIndex(ws.accumulated, h);
    if (payback < 0) notPaidBack++;
    else paybackCounts[payback] = (paybackCounts[payback] as number) + 1;
    if (onProgress && ((i + 1) % 1000 === 0 || i + 1 === draws)) onProgress(i + 1, draws);
  }

  const years: MonteCarloYear[] = [];
  for (let t = 0; t < h; t++) {
    const column = accumulated.subarray(t * draws, (t + 1) * draws).sort();
    years.push({
      year: t + 1,
      calendarYear: model.startYear + t,
      accumulatedP10Ore: ore(nearestRank(column, 0.1)),
      accumulatedP50Ore: ore(nearestRank(column, 0.5)),
      accumulatedP90Ore: ore(nearestRank(column, 0.9)),
    });
  }
  npv.sort();
  return {
    draws,
    seed,
    years,
    npvP10Ore: ore(nearestRank(npv, 0.1)),
    npvP50Ore: ore(nearestRank(npv, 0.5)),
    npvP90Ore: ore(nearestRank(npv, 0.9)),
    paybackProbabilityPct: (100 * (draws - notPaidBack)) / draws,
    paybackYearDistribution: Array.from(paybackCounts, (count, t) => ({
      year: t + 1,
      calendarYear: model.startYear + t,
      draws: count,
      sharePct: (100 * count) / draws,
    })),
    notPaidBackDraws: notPaidBack,
  };
}
