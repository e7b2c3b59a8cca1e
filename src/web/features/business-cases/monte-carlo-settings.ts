import {
  DEFAULT_MONTE_CARLO_DRAWS,
  type Distribution,
  type MonteCarloOptions,
  type ParameterRef,
  parameterBounds,
  parameterValue,
  type Scenario,
  type UncertainParameter,
  validateMonteCarloOptions,
} from "../../../domain/business-case/index.js";
import type { NumberValue } from "./scenario-draft.js";

/** One uncertain parameter as the Monte Carlo form holds it. Amounts are in kroner here. */
export interface UncertaintyRow {
  /** Stable key of the parameter (`unitPriceOrePerYear:cash-benefit`). */
  key: string;
  parameter: ParameterRef;
  isEnabled: boolean;
  kind: Distribution["kind"];
  min: NumberValue;
  mode: NumberValue;
  max: NumberValue;
}

/** The Monte Carlo form: seed, draws and the parameters that may vary. */
export interface MonteCarloSettings {
  seed: NumberValue;
  draws: NumberValue;
  rows: UncertaintyRow[];
}

/** The parameters the studio lets vary: success rate, course length, each effect's unit price and lag. */
export function candidateParameters(scenario: Scenario): ParameterRef[] {
  const refs: ParameterRef[] = [{ kind: "successRatePct" }, { kind: "courseLengthMonths" }];
  for (const e of scenario.effects) refs.push({ kind: "unitPriceOrePerYear", effectId: e.id });
  for (const e of scenario.effects) refs.push({ kind: "lagYears", effectId: e.id });
  return refs;
}

/** The stable key of a parameter. */
export function parameterKey(ref: ParameterRef): string {
  if (ref.kind === "costAmountOre") return `${ref.kind}:${ref.costLineId}`;
  return "effectId" in ref ? `${ref.kind}:${ref.effectId}` : ref.kind;
}

/** True for parameters entered in kroner (the engine holds them in øre). */
export function isMoneyParameter(ref: ParameterRef): boolean {
  return ref.kind === "unitPriceOrePerYear" || ref.kind === "costAmountOre";
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * A three-point estimate around the scenario's value: success rate ±50 %, course length −20/+25 %,
 * unit prices ±20 % (PERT), lags ±1 year; all inside the parameter's bounds. Success rate and unit
 * prices vary by default; course length and lags can be switched on.
 */
export function defaultUncertaintyRow(scenario: Scenario, parameter: ParameterRef): UncertaintyRow {
  const base = parameterValue(scenario, parameter);
  const bounds = parameterBounds(scenario, parameter);
  const clip = (v: number) => Math.min(bounds.highest, Math.max(bounds.lowest, v));
  let min: number;
  let max: number;
  let kind: Distribution["kind"] = "triangular";
  let isEnabled = false;
  switch (parameter.kind) {
    case "successRatePct":
      min = clip(base * 0.5);
      max = clip(base * 1.5);
      isEnabled = true;
      break;
    case "courseLengthMonths":
      min = Math.max(base * 0.8, 0.1);
      max = clip(base * 1.25);
      break;
    case "lagYears":
      min = clip(base - 1);
      max = clip(base + 1);
      break;
    default:
      min = clip(base * 0.8);
      max = clip(base * 1.2);
      kind = "pert";
      isEnabled = true;
  }
  const money = isMoneyParameter(parameter);
  const shown = (v: number) => (money ? Math.round(v / 100) : round(v, 2));
  return {
    key: parameterKey(parameter),
    parameter,
    isEnabled,
    kind,
    min: shown(min),
    mode: shown(base),
    max: shown(max),
  };
}

/** Default settings for a scenario: seed 1, 10,000 draws, every candidate parameter with its defaults. */
export function defaultMonteCarloSettings(scenario: Scenario): MonteCarloSettings {
  return {
    seed: 1,
    draws: DEFAULT_MONTE_CARLO_DRAWS,
    rows: candidateParameters(scenario).map((ref) => defaultUncertaintyRow(scenario, ref)),
  };
}

/**
 * The settings' rows for the scenario as it is now: rows of removed effects go, new effects get
 * their default rows, rows the user already set keep their values.
 */
export function reconcileRows(rows: readonly UncertaintyRow[], scenario: Scenario): UncertaintyRow[] {
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return candidateParameters(scenario).map((ref) => {
    const existing = byKey.get(parameterKey(ref));
    return existing ? { ...existing, parameter: ref } : defaultUncertaintyRow(scenario, ref);
  });
}

/** The result of `monteCarloOptionsOf`. */
export type MonteCarloOptionsCheck =
  | { ok: true; options: Omit<MonteCarloOptions, "onProgress">; uncertainties: readonly UncertainParameter[] }
  | { ok: false; errors: Record<string, string> };

const toNumber = (value: NumberValue): unknown => {
  if (value === "") return undefined;
  if (typeof value === "number") return value;
  const n = Number(value.replace(",", "."));
  return Number.isFinite(n) ? n : value;
};

/**
 * The engine's Monte Carlo options from the form, checked with `validateMonteCarloOptions`.
 * Errors are keyed `seed`, `draws` and `<row key>.<min|mode|max|kind>`.
 */
export function monteCarloOptionsOf(
  settings: MonteCarloSettings,
  scenario: Scenario,
): MonteCarloOptionsCheck {
  const enabled = settings.rows.filter((row) => row.isEnabled);
  const uncertainties = enabled.map((row) => {
    const factor = isMoneyParameter(row.parameter) ? 100 : 1;
    const value = (v: NumberValue) => {
      const n = toNumber(v);
      return typeof n === "number" ? Math.round(n * factor * 1e6) / 1e6 : n;
    };
    const distribution =
      row.kind === "uniform"
        ? { kind: row.kind, min: value(row.min), max: value(row.max) }
        : { kind: row.kind, min: value(row.min), mode: value(row.mode), max: value(row.max) };
    return { parameter: row.parameter, distribution };
  });
  const checked = validateMonteCarloOptions(scenario, {
    seed: toNumber(settings.seed),
    draws: toNumber(settings.draws),
    uncertainties,
  });
  if (checked.ok) {
    return { ok: true, options: checked.options, uncertainties: checked.options.uncertainties };
  }
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(checked.errors)) {
    const match = /^uncertainties\.(\d+)\.distribution\.?(\w*)$/.exec(path);
    const row = match ? enabled[Number(match[1])] : undefined;
    const key = row ? `${row.key}.${match?.[2] || "kind"}` : path;
    if (!errors[key]) errors[key] = message;
  }
  return { ok: false, errors };
}
