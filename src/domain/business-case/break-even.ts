/**
 * The break-even success rate: the success rate at which the accumulated balance at the end of the
 * horizon is zero.
 *
 * Before rounding, every effect stock is linear in the scenario's success rate s (success-driven
 * stocks are p × s × Σ C × w; fixed and pinned effects do not depend on s) and costs do not depend on
 * it, so the unrounded balance is A(s) = A(0) + (A(100 %) − A(0)) × s. The closed form is
 *
 *   s* = 100 × −A(0) / (A(100 %) − A(0))   [percent]
 *
 * evaluated with two kernel runs. The rounded balance at s* differs from zero by at most half an øre
 * per effect and year (the rounding of the savings).
 */

import {
  type CompiledModel,
  compileScenario,
  createWorkspace,
  evaluateModel,
  SUCCESS_RATE_SLOT,
} from "./model";
import { parseScenario, type Scenario } from "./scenario";

/** The break-even success rate, or why there is none in 0–100 %. */
export type BreakEven =
  /** Break-even at `successRatePct` (0–100). */
  | { status: "found"; successRatePct: number }
  /** The balance at the horizon is ≥ 0 even at 0 % success. */
  | { status: "pays-back-at-zero" }
  /** The balance at the horizon is < 0 even at 100 % success (or nothing scales with the rate). */
  | { status: "not-reachable" };

/** Break-even on a compiled model (see the module comment). Allocates one workspace. */
export function findBreakEven(model: CompiledModel): BreakEven {
  const params = model.baseParams.slice();
  const ws = createWorkspace(model);
  const balanceAt = (successRatePct: number) => {
    params[SUCCESS_RATE_SLOT] = successRatePct;
    evaluateModel(model, params, ws);
    return ws.unroundedSavingsSum - ws.costsSum;
  };
  const atZero = balanceAt(0);
  if (atZero >= 0) return { status: "pays-back-at-zero" };
  const atFull = balanceAt(100);
  if (atFull < 0) return { status: "not-reachable" };
  const successRatePct = Math.min(100, Math.max(0, (100 * -atZero) / (atFull - atZero)));
  return { status: "found", successRatePct };
}

/**
 * The success rate (percent) at which the accumulated balance at the end of the horizon is zero, to
 * within rounding (≤ ½ øre per effect and year).
 * @throws BusinessCaseInputError when the scenario is invalid.
 */
export function breakEvenSuccessRate(scenario: Scenario): BreakEven {
  return findBreakEven(compileScenario(parseScenario(scenario)));
}
