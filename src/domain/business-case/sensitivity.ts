/**
 * One-way sensitivity analysis (the tornado): each parameter in turn is set to its low and its high
 * value, everything else held at the scenario's values, and the change in the accumulated balance at
 * the end of the horizon is recorded. Bars are sorted by swing |A(high) − A(low)|, largest first.
 */

import { type Ore, ore, subtract } from "../money";
import { compileScenario, createWorkspace, evaluateModel } from "./model";
import {
  type ParameterRef,
  parameterBounds,
  parameterLabel,
  parameterSlot,
  parameterValue,
  readParameterRef,
} from "./parameters";
import { parseScenario, type Scenario } from "./scenario";
import { BusinessCaseInputError, FieldValidator, joinPath } from "./validation";

/** A parameter's low and high value (in the parameter's own unit). */
export interface SensitivityRange {
  parameter: ParameterRef;
  low: number;
  high: number;
}

/** One bar of the tornado. */
export interface TornadoBar {
  parameter: ParameterRef;
  /** Danish label, e.g. "Enhedspris pr. år: Færre anbragte børn". */
  label: string;
  /** The parameter's value in the scenario. */
  baseValue: number;
  lowValue: number;
  highValue: number;
  /** Accumulated balance at the horizon with the low value. */
  accumulatedAtLowOre: Ore;
  /** Accumulated balance at the horizon with the high value. */
  accumulatedAtHighOre: Ore;
  /** accumulatedAtLowOre − the baseline. */
  changeAtLowOre: Ore;
  /** accumulatedAtHighOre − the baseline. */
  changeAtHighOre: Ore;
  /** |accumulatedAtHighOre − accumulatedAtLowOre|. */
  swingOre: Ore;
}

/** The result of `runSensitivity`. */
export interface SensitivityResult {
  /** Accumulated balance at the horizon with every parameter at the scenario's value. */
  baselineAccumulatedOre: Ore;
  /** Sorted by swing, largest first (ties keep the order of the ranges). */
  bars: TornadoBar[];
}

/**
 * Ranges for every parameter of the scenario: each relative parameter ±`relativeChangePct` % of its
 * value (success rate, course length, completion share, unit prices, persons per success, events per
 * year, cost amounts), each lag ±1 year; all clipped to the parameter's bounds. Parameters whose range
 * is empty (e.g. a price of 0) are left out. Expects a valid scenario.
 * @param relativeChangePct default 20.
 */
export function defaultSensitivityRanges(scenario: Scenario, relativeChangePct = 20): SensitivityRange[] {
  const f = relativeChangePct / 100;
  const refs: ParameterRef[] = [
    { kind: "successRatePct" },
    { kind: "courseLengthMonths" },
    { kind: "completedSharePct" },
  ];
  for (const e of scenario.effects) {
    refs.push({ kind: "unitPriceOrePerYear", effectId: e.id });
    refs.push(
      e.kind === "success-driven"
        ? { kind: "personsPerSuccess", effectId: e.id }
        : { kind: "eventsPerYear", effectId: e.id },
    );
    refs.push({ kind: "lagYears", effectId: e.id });
  }
  for (const line of scenario.costLines) refs.push({ kind: "costAmountOre", costLineId: line.id });
  const ranges: SensitivityRange[] = [];
  for (const parameter of refs) {
    const base = parameterValue(scenario, parameter);
    const bounds = parameterBounds(scenario, parameter);
    const step = parameter.kind === "lagYears" ? 1 : Math.abs(base) * f;
    const low = Math.max(bounds.lowest, base - step);
    const high = Math.min(bounds.highest, base + step);
    if (low === high || (bounds.isLowestExclusive && low <= bounds.lowest)) continue;
    ranges.push({ parameter, low, high });
  }
  return ranges;
}

/**
 * Runs the one-way sensitivity analysis. Rounding as in the deterministic run (a varied amount is
 * rounded where it becomes øre).
 * @param ranges default `defaultSensitivityRanges(scenario)`.
 * @throws BusinessCaseInputError for an invalid scenario (paths as in validateScenario) or an invalid
 * range (paths `ranges.<i>.parameter…`, `ranges.<i>.low`, `ranges.<i>.high`).
 */
export function runSensitivity(input: Scenario, ranges?: readonly SensitivityRange[]): SensitivityResult {
  const scenario = parseScenario(input);
  const checked = checkRanges(scenario, ranges ?? defaultSensitivityRanges(scenario));
  const model = compileScenario(scenario);
  const ws = createWorkspace(model);
  const h = model.horizonYears;
  evaluateModel(model, model.baseParams, ws);
  const baseline = ore(ws.accumulated[h - 1] as number);
  const params = model.baseParams.slice();
  const accumulatedWith = (slot: number, value: number): Ore => {
    params.set(model.baseParams);
    params[slot] = value;
    evaluateModel(model, params, ws);
    return ore(ws.accumulated[h - 1] as number);
  };
  const bars = checked.map(({ parameter, low, high }): TornadoBar => {
    const slot = parameterSlot(model, parameter);
    const atLow = accumulatedWith(slot, low);
    const atHigh = accumulatedWith(slot, high);
    const swing = subtract(atHigh, atLow);
    return {
      parameter,
      label: parameterLabel(scenario, parameter),
      baseValue: parameterValue(scenario, parameter),
      lowValue: low,
      highValue: high,
      accumulatedAtLowOre: atLow,
      accumulatedAtHighOre: atHigh,
      changeAtLowOre: subtract(atLow, baseline),
      changeAtHighOre: subtract(atHigh, baseline),
      swingOre: ore(Math.abs(swing)),
    };
  });
  const order = bars.map((bar, i) => ({ bar, i }));
  order.sort((a, b) => b.bar.swingOre - a.bar.swingOre || a.i - b.i);
  return { baselineAccumulatedOre: baseline, bars: order.map((x) => x.bar) };
}

function checkRanges(scenario: Scenario, ranges: readonly SensitivityRange[]): SensitivityRange[] {
  const v = new FieldValidator();
  const out: SensitivityRange[] = [];
  ranges.forEach((range, i) => {
    const path = joinPath("ranges", i);
    const parameter = readParameterRef(v, joinPath(path, "parameter"), range?.parameter, scenario);
    if (!parameter) return;
    const bounds = parameterBounds(scenario, parameter);
    const rule = {
      min: bounds.lowest,
      max: bounds.highest,
      isMinExclusive: bounds.isLowestExclusive,
    };
    const low = v.number(joinPath(path, "low"), range.low, rule);
    const high = v.number(joinPath(path, "high"), range.high, rule);
    if (low !== undefined && high !== undefined) out.push({ parameter, low, high });
  });
  if (!v.isValid) throw new BusinessCaseInputError(v.errors);
  return out;
}
