/**
 * The business-case engine (SØM style): pure, deterministic, money in whole øre. See
 * docs/business-case-engine.md for the model and its formulas.
 */

export { type BreakEven, breakEvenSuccessRate } from "./break-even";
export {
  type BusinessCaseResult,
  type BusinessCaseTotals,
  calculateBusinessCase,
  type YearResult,
} from "./calculate";
export { completionsPerYear } from "./capacity";
export {
  type Distribution,
  distributionMode,
  type PertDistribution,
  sampleDistribution,
  type TriangularDistribution,
  type UniformDistribution,
} from "./distributions";
export { survivalFromAttritionPct } from "./effects";
export {
  DEFAULT_MONTE_CARLO_DRAWS,
  MAX_MONTE_CARLO_DRAWS,
  type MonteCarloOptions,
  type MonteCarloResult,
  type MonteCarloYear,
  type PaybackYearCount,
  runMonteCarlo,
  type UncertainParameter,
  validateMonteCarloOptions,
} from "./monte-carlo";
export {
  PARAMETER_KINDS,
  type ParameterRef,
  parameterBounds,
  parameterLabel,
  parameterValue,
} from "./parameters";
export type { Payback } from "./payback";
export { PAYER_LABELS_DA, PAYERS, type Payer, type PayerSharesPct } from "./payers";
export { createRng, type Rng } from "./random";
export {
  createRodovreScenario,
  RODOVRE_PUBLISHED_12_5,
  RODOVRE_PUBLISHED_QUANTITIES_12_5,
  RODOVRE_VARIANT_25_ID,
  type RodovrePublishedYear,
  type RodovreScenarioOptions,
} from "./rodovre-scenario";
export { roundToWholeOre, toOre } from "./rounding";
export {
  type Capacity,
  type CostLine,
  DEFAULT_DISCOUNT_RATE_PCT,
  type Effect,
  type FixedCostLine,
  type FixedEffect,
  MAX_HORIZON_YEARS,
  type OneOffCostLine,
  type PerSlotCostLine,
  parseScenario,
  type Scenario,
  type ScenarioValidation,
  type SuccessDrivenEffect,
  type ValidateScenarioOptions,
  type Variant,
  validateScenario,
} from "./scenario";
export {
  defaultSensitivityRanges,
  runSensitivity,
  type SensitivityRange,
  type SensitivityResult,
  type TornadoBar,
} from "./sensitivity";
export { BusinessCaseInputError, type FieldErrors } from "./validation";
export { applyVariant } from "./variants";
