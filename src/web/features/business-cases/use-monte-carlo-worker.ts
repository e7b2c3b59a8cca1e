import { useCallback, useEffect, useRef, useState } from "react";
import type { MonteCarloOptions, MonteCarloResult, Scenario } from "../../../domain/business-case/index.js";
import type { MonteCarloWorkerRequest, MonteCarloWorkerResponse } from "./monte-carlo-messages.js";

/** A finished run. */
export interface MonteCarloOutcome {
  status: "done";
  result: MonteCarloResult;
  inputKey: string;
  durationMs: number;
}

/** The state of the Monte Carlo run. */
export type MonteCarloRun =
  | { status: "idle" }
  | { status: "running"; done: number; total: number; inputKey: string }
  | MonteCarloOutcome
  | { status: "cancelled" }
  | { status: "error"; message: string };

function createWorker(): Worker {
  return new Worker(new URL("./monte-carlo.worker.ts", import.meta.url), { type: "module" });
}

/**
 * Runs Monte Carlo in a Web Worker with progress and cancel. One run at a time: starting a new run
 * cancels the old one (the worker is terminated and a fresh one started). `inputKey` identifies what
 * was run, so the page can tell when the inputs have changed since.
 */
export function useMonteCarloWorker() {
  const [run, setRun] = useState<MonteCarloRun>({ status: "idle" });
  /** The last finished run (kept on screen while a new one runs, or after a cancel). */
  const [latest, setLatest] = useState<MonteCarloOutcome | null>(null);
  const workerRef = useRef<Worker | null>(null);
  const runIdRef = useRef(0);

  const stopWorker = useCallback(() => {
    workerRef.current?.terminate();
    workerRef.current = null;
  }, []);

  useEffect(() => stopWorker, [stopWorker]);

  const start = useCallback(
    (scenario: Scenario, options: Omit<MonteCarloOptions, "onProgress">, inputKey: string) => {
      stopWorker();
      const worker = createWorker();
      workerRef.current = worker;
      runIdRef.current += 1;
      const runId = runIdRef.current;
      const startedAt = performance.now();
      const total = options.draws ?? 10_000;
      setRun({ status: "running", done: 0, total, inputKey });
      worker.onmessage = (event: MessageEvent<MonteCarloWorkerResponse>) => {
        const message = event.data;
        if (message.runId !== runIdRef.current) return;
        if (message.type === "progress") {
          setRun({ status: "running", done: message.done, total: message.total, inputKey });
        } else if (message.type === "done") {
          const outcome: MonteCarloOutcome = {
            status: "done",
            result: message.result,
            inputKey,
            durationMs: performance.now() - startedAt,
          };
          setRun(outcome);
          setLatest(outcome);
          stopWorker();
        } else {
          setRun({ status: "error", message: Object.values(message.errors)[0] ?? message.message });
          stopWorker();
        }
      };
      worker.onerror = () => {
        if (runId !== runIdRef.current) return;
        setRun({ status: "error", message: "" });
        stopWorker();
      };
      const request: MonteCarloWorkerRequest = { runId, scenario, options };
      worker.postMessage(request);
    },
    [stopWorker],
  );

  const cancel = useCallback(() => {
    runIdRef.current += 1;
    stopWorker();
    setRun({ status: "cancelled" });
  }, [stopWorker]);

  return { run, latest, start, cancel };
}
