/**
 * Runs the engine's Monte Carlo simulation off the main thread, so that typing in the studio never
 * stalls. Messages in: `{ runId, scenario, options }`; out: `progress`, then `done` or `error`.
 * Cancelling is done by terminating the worker.
 */
import {
  BusinessCaseInputError,
  type MonteCarloOptions,
  runMonteCarlo,
  type Scenario,
} from "../../../domain/business-case/index.js";
import type { MonteCarloWorkerRequest, MonteCarloWorkerResponse } from "./monte-carlo-messages.js";

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<MonteCarloWorkerRequest>) => void) | null;
  postMessage: (message: MonteCarloWorkerResponse) => void;
};

scope.onmessage = (event) => {
  const { runId, scenario, options } = event.data;
  try {
    const result = runMonteCarlo(scenario as Scenario, {
      ...(options as MonteCarloOptions),
      onProgress: (done, total) => scope.postMessage({ type: "progress", runId, done, total }),
    });
    scope.postMessage({ type: "done", runId, result });
  } catch (error) {
    scope.postMessage({
      type: "error",
      runId,
      message: error instanceof Error ? error.message : String(error),
      errors: error instanceof BusinessCaseInputError ? error.errors : {},
    });
  }
};
