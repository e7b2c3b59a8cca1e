import { loadConfig } from "../config.js";
import { type Database, openDatabase } from "../db/client.js";
import { DataDirLockedError } from "../db/data-dir-lock.js";
import { setLogLevel } from "../http/logger.js";

/**
 * Runs a command-line task against the configured database (DATA_DIR or DATABASE_URL), respecting the
 * data-folder lock, and turns failures into a readable message and exit code 1.
 */
export async function runCli(task: (database: Database, args: string[]) => Promise<unknown>) {
  setLogLevel("warn");
  let database: Database | undefined;
  try {
    database = await openDatabase(loadConfig().database);
    const result = await task(database, process.argv.slice(2));
    const code = typeof result === "number" ? result : 0;
    await database.close();
    process.exit(code);
  } catch (err) {
    await database?.close().catch(() => {});
    if (err instanceof DataDirLockedError) console.error(err.message);
    else console.error(`Fejl: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
