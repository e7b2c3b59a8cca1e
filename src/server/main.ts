import fs from "node:fs";
import path from "node:path";
import { serve } from "@hono/node-server";
import { type AppConfig, loadConfig } from "./config.js";
import { systemClock } from "./context.js";
import { loadAppKey } from "./crypto/app-key.js";
import { migrateDatabase, openDatabase } from "./db/client.js";
import { DataDirLockedError } from "./db/data-dir-lock.js";
import { createApp } from "./http/app.js";
import { setLogLevel } from "./http/logger.js";
import { LoginRateLimiter } from "./modules/auth/login-rate-limiter.js";
import { startMeasurementTaskSync } from "./modules/progression/daily-task-sync.js";
import { DEMO_PASSWORD, DEMO_USERS } from "./seed/demo-data.js";
import { isDatabaseEmpty, seedDemoData } from "./seed/seed.js";

/** How long a stopping server keeps answering requests that arrive, before it stops accepting. */
const DRAIN_MS = 300;
const ROOT = path.resolve(import.meta.dirname, "../..");
export const VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;

/** Demo data is seeded unless NODE_ENV=production or --no-demo is given. */
export function isDemoMode(config: AppConfig, argv: string[]): boolean {
  return config.nodeEnv !== "production" && !argv.includes("--no-demo");
}

async function main() {
  const config = loadConfig();
  setLogLevel(config.logLevel);
  const demo = isDemoMode(config, process.argv);
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase(config.database);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(`\n${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  await migrateDatabase(database);
  const appKey = loadAppKey(config.appEncryptionKey, config.dataDir);
  let seeded = false;
  if (demo && (await isDatabaseEmpty(database.db))) {
    await seedDemoData(database.db, systemClock.now(), appKey);
    seeded = true;
  }
  const lifecycle = { isStopping: false };
  const app = createApp({
    database,
    config,
    clock: systemClock,
    version: VERSION,
    webDistDir: config.webDistDir ?? path.join(ROOT, "dist/web"),
    loginLimiter: new LoginRateLimiter(config.loginAttemptsPer10Min),
    appKey,
    lifecycle,
  });
  const stopTaskSync = startMeasurementTaskSync(database.db, systemClock);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host === "127.0.0.1" ? "localhost" : config.host}:${info.port}`;
    const where =
      database.kind === "pglite"
        ? `embedded PostgreSQL in ${config.database.kind === "pglite" ? config.database.dataDir : ""}`
        : "PostgreSQL server (DATABASE_URL)";
    console.log(`\nBundlinje ${VERSION} kører på ${url}  (database: ${where})`);
    if (demo) {
      console.log(`${seeded ? "Demodata er indlæst. " : ""}Demo-brugere (adgangskode "${DEMO_PASSWORD}"):`);
      for (const u of DEMO_USERS) console.log(`  ${u.email.padEnd(30)} ${u.role}`);
    } else if (seeded === false && (process.argv.includes("--no-demo") || config.nodeEnv === "production")) {
      console.log(
        "Produktionstilstand: ingen demodata. Opret den første administrator med `npm run admin:create`.",
      );
    }
    console.log("Stop med Ctrl-C.\n");
  });

  const shutdown = (signal: string) => {
    if (lifecycle.isStopping) return;
    lifecycle.isStopping = true;
    console.log(`\n${signal}: stopper — afslutter igangværende forespørgsler og lukker databasen…`);
    const force = setTimeout(() => {
      console.error("Lukning tog over 10 sekunder; afbryder.");
      process.exit(1);
    }, 10_000);
    force.unref();
    // Connections accepted just before the signal may not have delivered their request yet; Node's
    // close() would drop them as idle. Keep serving (with Connection: close) for a short drain
    // window, then stop accepting and wait for the requests in flight.
    setTimeout(() => {
      stopTaskSync();
      server.close(async () => {
        await database.close();
        console.log("Stoppet.");
        process.exit(0);
      });
    }, DRAIN_MS);
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
