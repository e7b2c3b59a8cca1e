import { useDebouncedValue } from "@mantine/hooks";
import { useMemo, useRef } from "react";
import {
  applyVariant,
  type BusinessCaseResult,
  calculateBusinessCase,
  runSensitivity,
  type Scenario,
  type SensitivityResult,
} from "../../../domain/business-case/index.js";

/** The deterministic results of a scenario (or one of its variants) and its tornado. */
export interface ScenarioResults {
  /** The scenario as calculated (the variant applied). */
  scenario: Scenario;
  result: BusinessCaseResult;
  sensitivity: SensitivityResult;
}

/**
 * The scenario as seen in a variant (`variantId` null or unknown = the scenario itself).
 */
export function scenarioForVariant(scenario: Scenario, variantId: string | null): Scenario {
  const variant = variantId ? scenario.variants?.find((v) => v.id === variantId) : undefined;
  return variant ? applyVariant(scenario, variant) : scenario;
}

/**
 * Calculates a valid scenario in the browser with the engine (a 10-year run and its tornado take
 * about a millisecond). Returns null when the engine refuses it (e.g. an amount beyond 2^53 øre).
 */
export function calculateScenario(scenario: Scenario, variantId: string | null): ScenarioResults | null {
  try {
    const applied = scenarioForVariant(scenario, variantId);
    return {
      scenario: applied,
      result: calculateBusinessCase(applied),
      sensitivity: runSensitivity(applied),
    };
  } catch {
    return null;
  }
}

/**
 * Results that follow the editor: recalculated shortly (120 ms) after the last change. While the
 * draft is invalid, the last valid results stay, marked `isStale`, so the charts do not flicker away.
 */
export function useScenarioResults(scenario: Scenario | null, variantId: string | null) {
  const [debounced] = useDebouncedValue(scenario, 120);
  const last = useRef<ScenarioResults | null>(null);
  const current = useMemo(
    () => (debounced ? calculateScenario(debounced, variantId) : null),
    [debounced, variantId],
  );
  if (current) last.current = current;
  return { results: current ?? last.current, isStale: scenario === null || current === null };
}
