/**
 * The scenario's uncertain parameters, named the same way for the sensitivity analysis (tornado) and
 * the Monte Carlo run. A `ParameterRef` is plain data (JSON-friendly); this module gives its Danish
 * label, its allowed range, its value in a scenario and its slot in the compiled model.
 */

import {
  COMPLETED_SHARE_SLOT,
  COURSE_LENGTH_SLOT,
  type CompiledModel,
  costSlot,
  effectSlot,
  RAMP_UP_SLOT,
  SUCCESS_RATE_SLOT,
} from "./model";
import type { Effect, Scenario } from "./scenario";
import { type FieldValidator, joinPath } from "./validation";

/** A parameter of a scenario that an analysis may vary. Units as in the scenario. */
export type ParameterRef =
  | { kind: "successRatePct" }
  | { kind: "courseLengthMonths" }
  | { kind: "completedSharePct" }
  | { kind: "rampUpSharePct" }
  | { kind: "unitPriceOrePerYear"; effectId: string }
  | { kind: "lagYears"; effectId: string }
  | { kind: "personsPerSuccess"; effectId: string }
  | { kind: "eventsPerYear"; effectId: string }
  | { kind: "costAmountOre"; costLineId: string };

/** The kinds of parameter, in a stable order. */
export const PARAMETER_KINDS = [
  "successRatePct",
  "courseLengthMonths",
  "completedSharePct",
  "rampUpSharePct",
  "unitPriceOrePerYear",
  "lagYears",
  "personsPerSuccess",
  "eventsPerYear",
  "costAmountOre",
] as const satisfies readonly ParameterRef["kind"][];

/** Inclusive bounds of a parameter (`lowest` may be exclusive for the course length, see `isLowestExclusive`). */
export interface ParameterBounds {
  lowest: number;
  highest: number;
  /** True when `lowest` itself is not allowed (course length must be > 0). */
  isLowestExclusive: boolean;
}

function costLineIndex(scenario: Scenario, costLineId: string): number {
  return scenario.costLines.findIndex((c) => c.id === costLineId);
}

function requireEffect(scenario: Scenario, effectId: string): Effect {
  const effect = scenario.effects.find((e) => e.id === effectId);
  if (!effect) throw new Error(`Unknown effect: ${effectId}`);
  return effect;
}

/**
 * The allowed range of a parameter in a scenario: percentages 0–100, amounts and quantities ≥ 0,
 * course length > 0 (≤ 600 months), lags 0 … horizon − 1.
 */
export function parameterBounds(scenario: Scenario, ref: ParameterRef): ParameterBounds {
  switch (ref.kind) {
    case "successRatePct":
    case "completedSharePct":
    case "rampUpSharePct":
      return { lowest: 0, highest: 100, isLowestExclusive: false };
    case "courseLengthMonths":
      return { lowest: 0, highest: 600, isLowestExclusive: true };
    case "lagYears":
      return { lowest: 0, highest: scenario.horizonYears - 1, isLowestExclusive: false };
    default:
      return { lowest: 0, highest: Number.POSITIVE_INFINITY, isLowestExclusive: false };
  }
}

/**
 * The parameter's value in the scenario (defaults filled).
 * @throws Error when the parameter names an effect or cost line that the scenario does not have, or
 * a quantity of the wrong kind of effect.
 */
export function parameterValue(scenario: Scenario, ref: ParameterRef): number {
  switch (ref.kind) {
    case "successRatePct":
      return scenario.successRatePct;
    case "courseLengthMonths":
      return scenario.capacity.courseLengthMonths;
    case "completedSharePct":
      return scenario.capacity.completedSharePct ?? 100;
    case "rampUpSharePct":
      return scenario.capacity.rampUpSharePct ?? 100;
    case "unitPriceOrePerYear":
      return requireEffect(scenario, ref.effectId).unitPriceOrePerYear;
    case "lagYears":
      return requireEffect(scenario, ref.effectId).lagYears ?? 0;
    case "personsPerSuccess": {
      const e = requireEffect(scenario, ref.effectId);
      if (e.kind !== "success-driven") throw new Error(`Not a success-driven effect: ${ref.effectId}`);
      return e.personsPerSuccess;
    }
    case "eventsPerYear": {
      const e = requireEffect(scenario, ref.effectId);
      if (e.kind !== "fixed") throw new Error(`Not a fixed effect: ${ref.effectId}`);
      return e.eventsPerYear;
    }
    case "costAmountOre": {
      const line = scenario.costLines.find((c) => c.id === ref.costLineId);
      if (!line) throw new Error(`Unknown cost line: ${ref.costLineId}`);
      return line.amountOre;
    }
  }
}

/**
 * The parameter's slot in a compiled model.
 * @throws Error when the parameter names an effect or cost line that the model does not have.
 */
export function parameterSlot(model: CompiledModel, ref: ParameterRef): number {
  switch (ref.kind) {
    case "successRatePct":
      return SUCCESS_RATE_SLOT;
    case "courseLengthMonths":
      return COURSE_LENGTH_SLOT;
    case "completedSharePct":
      return COMPLETED_SHARE_SLOT;
    case "rampUpSharePct":
      return RAMP_UP_SLOT;
    case "costAmountOre": {
      const j = model.costLines.findIndex((c) => c.id === ref.costLineId);
      if (j < 0) throw new Error(`Unknown cost line: ${ref.costLineId}`);
      return costSlot(model, j);
    }
    default: {
      const k = model.effects.findIndex((e) => e.id === ref.effectId);
      if (k < 0) throw new Error(`Unknown effect: ${ref.effectId}`);
      const field =
        ref.kind === "unitPriceOrePerYear"
          ? "unitPriceOrePerYear"
          : ref.kind === "lagYears"
            ? "lagYears"
            : "quantity";
      return effectSlot(k, field);
    }
  }
}

/** A Danish label for the parameter, e.g. "Enhedspris: Færre på kontanthjælp". */
export function parameterLabel(scenario: Scenario, ref: ParameterRef): string {
  const effectName = (id: string) => scenario.effects.find((e) => e.id === id)?.name ?? id;
  switch (ref.kind) {
    case "successRatePct":
      return "Succesrate (%)";
    case "courseLengthMonths":
      return "Forløbslængde (måneder)";
    case "completedSharePct":
      return "Andel gennemførte forløb (%)";
    case "rampUpSharePct":
      return "Indfasning i år 1 (%)";
    case "unitPriceOrePerYear":
      return `Enhedspris pr. år: ${effectName(ref.effectId)}`;
    case "lagYears":
      return `Forsinkelse (år): ${effectName(ref.effectId)}`;
    case "personsPerSuccess":
      return `Personer pr. succes: ${effectName(ref.effectId)}`;
    case "eventsPerYear":
      return `Forebyggede hændelser pr. år: ${effectName(ref.effectId)}`;
    case "costAmountOre":
      return `Omkostning: ${scenario.costLines.find((c) => c.id === ref.costLineId)?.name ?? ref.costLineId}`;
  }
}

/**
 * Reads a parameter reference from untrusted input and checks it against the scenario (the effect or
 * cost line must exist; `personsPerSuccess` needs a success-driven effect, `eventsPerYear` a fixed one).
 * Records Danish messages in `v` under `path`. Never throws.
 */
export function readParameterRef(
  v: FieldValidator,
  path: string,
  value: unknown,
  scenario: Scenario,
): ParameterRef | undefined {
  const o = v.object(path, value);
  if (!o) return undefined;
  const kind = v.oneOf(joinPath(path, "kind"), o.kind, PARAMETER_KINDS, "Ukendt parameter");
  if (!kind) return undefined;
  switch (kind) {
    case "successRatePct":
    case "courseLengthMonths":
    case "completedSharePct":
    case "rampUpSharePct":
      return { kind };
    case "costAmountOre": {
      const id = v.text(joinPath(path, "costLineId"), o.costLineId);
      if (id === undefined) return undefined;
      if (costLineIndex(scenario, id) < 0) {
        v.fail(joinPath(path, "costLineId"), "Ukendt omkostningslinje");
        return undefined;
      }
      return { kind, costLineId: id };
    }
    default: {
      const idPath = joinPath(path, "effectId");
      const id = v.text(idPath, o.effectId);
      if (id === undefined) return undefined;
      const effect = scenario.effects.find((e) => e.id === id);
      if (!effect) {
        v.fail(idPath, "Ukendt effekt");
        return undefined;
      }
      if (kind === "personsPerSuccess" && effect.kind !== "success-driven") {
        v.fail(idPath, "Personer pr. succes findes kun for succesdrevne effekter");
        return undefined;
      }
      if (kind === "eventsPerYear" && effect.kind !== "fixed") {
        v.fail(idPath, "Hændelser pr. år findes kun for faste effekter");
        return undefined;
      }
      return { kind, effectId: id };
    }
  }
}
