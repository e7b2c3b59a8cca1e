import { danishDateOf } from "../../../domain/casework/index.js";
import type { Clock } from "../../context.js";
import type { Db } from "../../db/client.js";
import { logError, logInfo } from "../../http/logger.js";
import { syncAllMeasurementTasks } from "./measurement-task-sync.js";

/** How often measurement-due tasks are brought up to date (a measurement window opens with time alone). */
const EVERY_MS = 6 * 60 * 60_000;
/** The first run waits until the server has started answering. */
const FIRST_AFTER_MS = 5_000;

/**
 * Keeps measurement-due tasks current while the server runs: shortly after start and every six hours.
 * Safe to run on several app servers at once (the sync upserts by key). Returns a stop function.
 */
export function startMeasurementTaskSync(db: Db, clock: Clock): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const changed = await syncAllMeasurementTasks(db, danishDateOf(clock.now()));
      logInfo({ msg: "measurement tasks synced", changed });
    } catch (error) {
      logError(undefined, error);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(run, FIRST_AFTER_MS);
  const timer = setInterval(run, EVERY_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
