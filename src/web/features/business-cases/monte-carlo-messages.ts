import type { MonteCarloOptions, MonteCarloResult, Scenario } from "../../../domain/business-case/index.js";

/** A run request to the Monte Carlo worker. */
export interface MonteCarloWorkerRequest {
  runId: number;
  scenario: Scenario;
  options: Omit<MonteCarloOptions, "onProgress">;
}

/** What the worker answers: progress (every 1,000 draws), then the result or an error. */
export type MonteCarloWorkerResponse =
  | { type: "progress"; runId: number; done: number; total: number }
  | { type: "done"; runId: number; result: MonteCarloResult }
  | { type: "error"; runId: number; message: string; errors: Record<string, string> };
