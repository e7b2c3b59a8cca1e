import {
  applyVariant,
  type BusinessCaseResult,
  calculateBusinessCase,
  defaultSensitivityRanges,
  type MonteCarloResult,
  runMonteCarlo,
  runSensitivity,
  type Scenario,
  type UncertainParameter,
  validateMonteCarloOptions,
  validateScenario,
} from "../../../domain/business-case/index.js";
import { AppError } from "../../errors.js";

/** Bumped when the engine's results can change for the same input; stored with every version. */
export const ENGINE_VERSION = "1.0.0";

const toDetails = (errors: Record<string, string>, prefix = "") =>
  Object.entries(errors).map(([path, message]) => ({ path: prefix + (path || "(scenario)"), message }));

/** Validates a scenario with the engine's rules; throws VALIDATION_FAILED with per-field details. */
export function parseScenarioOrThrow(
  input: unknown,
  knownPriceRefs: ReadonlySet<string>,
  prefix = "scenario.",
): Scenario {
  const v = validateScenario(input, { knownPriceRefs });
  if (!v.ok)
    throw new AppError(
      "VALIDATION_FAILED",
      "Scenariet har fejl. Ret felterne og prøv igen.",
      toDetails(v.errors, prefix),
    );
  return v.scenario;
}

/** Default uncertainty for exports: success rate ±50 % (triangular), each unit price ±20 % (PERT). */
export function defaultUncertainties(s: Scenario): UncertainParameter[] {
  const r = s.successRatePct;
  return [
    {
      parameter: { kind: "successRatePct" },
      distribution: { kind: "triangular", min: r * 0.5, mode: r, max: Math.min(100, r * 1.5) },
    },
    ...s.effects.map((e) => ({
      parameter: { kind: "unitPriceOrePerYear" as const, effectId: e.id },
      distribution: {
        kind: "pert" as const,
        min: e.unitPriceOrePerYear * 0.8,
        mode: e.unitPriceOrePerYear,
        max: e.unitPriceOrePerYear * 1.2,
      },
    })),
  ];
}

export interface Calculation {
  result: BusinessCaseResult;
  sensitivity?: ReturnType<typeof runSensitivity>;
  monteCarlo?: MonteCarloResult;
}

/** Runs the engine: deterministic result, and optionally the tornado and a Monte Carlo run. */
export function calculate(
  scenarioIn: Scenario,
  options: { variantId?: string; sensitivity?: boolean; monteCarlo?: unknown },
): Calculation {
  let scenario = scenarioIn;
  if (options.variantId) {
    if (!scenario.variants?.some((v) => v.id === options.variantId)) {
      throw new AppError("VALIDATION_FAILED", "Varianten findes ikke i scenariet.", [
        { path: "variantId", message: "Ukendt variant" },
      ]);
    }
    scenario = applyVariant(scenario, options.variantId);
  }
  const out: Calculation = { result: calculateBusinessCase(scenario) };
  if (options.sensitivity) out.sensitivity = runSensitivity(scenario, defaultSensitivityRanges(scenario));
  if (options.monteCarlo !== undefined) {
    const mc = validateMonteCarloOptions(scenario, options.monteCarlo);
    if (!mc.ok)
      throw new AppError(
        "VALIDATION_FAILED",
        "Monte Carlo-indstillingerne har fejl.",
        toDetails(mc.errors, "monteCarlo."),
      );
    out.monteCarlo = runMonteCarlo(scenario, mc.options);
  }
  return out;
}
