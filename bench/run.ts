// npm run bench — login and an authenticated list endpoint under load on loopback, on the embedded
// PGlite and on a throwaway PostgreSQL 15 server. Prints p50/p95 latency and requests per second.
// Bounded in time (BENCH_SECONDS per case, default 5) and aimed at 127.0.0.1 only.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { serve } from "@hono/node-server";
import autocannon from "autocannon";
import pg from "pg";
import {
  calculateBusinessCase,
  createRodovreScenario,
  runMonteCarlo,
} from "../src/domain/business-case/index.js";
import { systemClock } from "../src/server/context.js";
import { type Database, migrateDatabase, openDatabase } from "../src/server/db/client.js";
import { createApp } from "../src/server/http/app.js";
import { setLogLevel } from "../src/server/http/logger.js";
import { LoginRateLimiter } from "../src/server/modules/auth/login-rate-limiter.js";
import { DEMO_PASSWORD } from "../src/server/seed/demo-data.js";
import { seedDemoData } from "../src/server/seed/seed.js";
import { postgresBinariesAvailable, startPostgresServer } from "../test/postgres-server.js";
import { testConfig } from "../test/test-config.js";
import { BENCH_FAMILIES, benchTargets } from "./bench-targets.js";
import { insertBenchFamilies } from "./casework-volume.js";
import { benchSettlement } from "./contract-bench.js";
import { benchMeasurementImport, type ImportBenchResult } from "./import-bench.js";
import { benchProgression } from "./progression-bench.js";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
// While iterating: BENCH_CASES=families runs only the cases whose name contains it (comma-separated
// alternatives); BENCH_DATABASES=pglite or postgres runs only that database.
const CASE_FILTER = process.env.BENCH_CASES?.split(",").filter(Boolean) ?? [];
const DATABASES = process.env.BENCH_DATABASES?.split(",").filter(Boolean) ?? ["pglite", "postgres"];
// BENCH_CONNECTIONS=1 shows one request's own time (no queueing), to tell work from waiting.
const CONNECTIONS = process.env.BENCH_CONNECTIONS ? Number(process.env.BENCH_CONNECTIONS) : undefined;
setLogLevel("silent");

type Row = {
  database: string;
  case: string;
  connections: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
};

// The load comes from a worker thread: on the server's own event loop it was served only between
// requests, and with PGlite (whose queries run synchronously on that loop) new connections then waited
// seconds for their first answer — a queue no client on another machine sees.
async function runCase(url: string, options: Partial<autocannon.Options>): Promise<autocannon.Result> {
  return autocannon({ url, duration: SECONDS, workers: 1, ...options });
}

/** Whether a part of the bench runs under BENCH_CASES (all of it when the filter is empty). */
const wanted = (name: string) => CASE_FILTER.length === 0 || CASE_FILTER.some((f) => name.includes(f));

async function benchDatabase(
  label: string,
  database: Database,
): Promise<{ rows: Row[]; imported: ImportBenchResult | null }> {
  await migrateDatabase(database);
  const appKey = randomBytes(32);
  await seedDemoData(database.db, systemClock.now(), appKey);
  const app = createApp({
    database,
    config: testConfig,
    clock: systemClock,
    version: "bench",
    loginLimiter: new LoginRateLimiter(Number.MAX_SAFE_INTEGER),
    appKey,
  });
  await insertBenchFamilies(database.db, await benchTargets(database));
  // autocannon stops at the end of a case with requests still queued at the server; the next case
  // starts only when they are answered, so that it does not measure the previous one's backlog.
  let inFlight = 0;
  const fetchCounted: typeof app.fetch = async (...args) => {
    inFlight++;
    try {
      return await app.fetch(...args);
    } finally {
      inFlight--;
    }
  };
  const drained = async () => {
    for (let waited = 0; inFlight > 0 && waited < 30_000; waited += 20) await sleep(20);
  };
  const server = serve({ fetch: fetchCounted, port: 0, hostname: "127.0.0.1" });
  await new Promise((r) => server.once("listening", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "leder@vejle.demo", password: DEMO_PASSWORD }),
  });
  const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
  const caseworkerLogin = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "sagsbehandler@vejle.demo", password: DEMO_PASSWORD }),
  });
  const caseworkerCookie = caseworkerLogin.headers.get("set-cookie")!.split(";")[0]!;
  const rows: Row[] = [];
  const cases: { name: string; connections: number; opts: Partial<autocannon.Options> }[] = [
    {
      name: "POST /api/auth/login (argon2id)",
      connections: 8,
      opts: {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "projektleder@vejle.demo", password: DEMO_PASSWORD }),
      },
    },
    { name: "GET /api/projects (session + scope)", connections: 16, opts: { headers: { cookie } } },
    { name: "GET /api/users (session + scope)", connections: 16, opts: { headers: { cookie } } },
    {
      name: `GET /api/families?limit=50 (team leader, ${BENCH_FAMILIES} courses)`,
      connections: 20,
      opts: { headers: { cookie } },
    },
    {
      name: `GET /api/families?q=Bench%20001&overdue=true (team leader, search)`,
      connections: 20,
      opts: { headers: { cookie } },
    },
    {
      name: `GET /api/families?limit=50 (caseworker on the case team)`,
      connections: 20,
      opts: { headers: { cookie: caseworkerCookie } },
    },
  ];
  for (const c of cases) {
    if (!wanted(c.name)) continue;
    const path = c.name.split(" ")[1]!;
    const connections = CONNECTIONS ?? c.connections;
    // One unmeasured second first: PGlite's WebAssembly is compiled lazily, per code path.
    await runCase(`${base}${path}`, { connections, ...c.opts, duration: 1 });
    await drained();
    const r = await runCase(`${base}${path}`, { connections, ...c.opts });
    await drained();
    rows.push({
      database: label,
      case: c.name,
      connections,
      rps: Math.round(r.requests.average),
      p50: r.latency.p50,
      p95: (r.latency as unknown as { p97_5: number }).p97_5 !== undefined ? percentile95(r) : r.latency.p90,
      p99: r.latency.p99,
      errors: r.errors + r.non2xx,
    });
  }
  // Issue 5 §7: the cohort view of 2,000 courses and 200,000 measurements under load, then a CSV import
  // of 100,000 rows (the dry run and the commit, through the API).
  if (wanted("GET cohort")) {
    const progression = await benchProgression({
      baseUrl: base,
      db: database.db,
      seconds: SECONDS,
      connections: CONNECTIONS ?? 20,
      cases: CASE_FILTER,
    });
    rows.push(...progression.map((r) => ({ database: label, ...r })));
  }
  const imported = wanted("import") ? await benchMeasurementImport({ database, app, appKey }) : null;
  await new Promise((r) => server.close(r));
  await database.close();
  return { rows, imported };
}

// autocannon reports p90, p97.5 and p99; p95 is interpolated between p90 and p97.5.
function percentile95(r: autocannon.Result): number {
  const l = r.latency as unknown as { p90: number; p97_5: number };
  return Math.round((l.p90 + ((95 - 90) / (97.5 - 90)) * (l.p97_5 - l.p90)) * 10) / 10;
}

/** The business-case engine on one core: a deterministic 10-year run and a 10,000-draw Monte Carlo. */
function benchEngine() {
  const scenario = createRodovreScenario();
  const time = (runs: number, f: () => void) => {
    f(); // warm up
    const started = performance.now();
    for (let i = 0; i < runs; i++) f();
    return (performance.now() - started) / runs;
  };
  const deterministicMs = time(200, () => calculateBusinessCase(scenario));
  const monteCarloMs = time(5, () =>
    runMonteCarlo(scenario, {
      seed: 1,
      draws: 10_000,
      uncertainties: [
        {
          parameter: { kind: "successRatePct" },
          distribution: { kind: "triangular", min: 6, mode: 12.5, max: 19 },
        },
        {
          parameter: { kind: "courseLengthMonths" },
          distribution: { kind: "pert", min: 14, mode: 18, max: 24 },
        },
      ],
    }),
  );
  return { deterministicMs, monteCarloMs };
}

const engine = benchEngine();
const settlement = benchSettlement();
const results: Row[] = [];
const imports: { database: string; result: ImportBenchResult }[] = [];
const collect = (database: string, r: { rows: Row[]; imported: ImportBenchResult | null }) => {
  results.push(...r.rows);
  if (r.imported) imports.push({ database, result: r.imported });
};
if (DATABASES.includes("pglite")) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bundlinje-bench-"));
  collect("pglite", await benchDatabase("pglite", await openDatabase({ kind: "pglite", dataDir })));
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const wantsPostgres = DATABASES.includes("postgres");
if (wantsPostgres && postgresBinariesAvailable()) {
  const server = await startPostgresServer();
  try {
    const admin = new pg.Client({ connectionString: server.url() });
    await admin.connect();
    await admin.query("CREATE DATABASE bench");
    await admin.end();
    collect(
      "postgres",
      await benchDatabase("postgres", await openDatabase({ kind: "postgres", url: server.url("bench") })),
    );
  } finally {
    server.stop();
  }
} else if (wantsPostgres) {
  console.warn("PostgreSQL binaries not found: PostgreSQL case skipped.");
}

console.log(`\nBundlinje bench — ${os.cpus().length} cores, ${SECONDS} s per case, loopback\n`);
console.log("| database | case | conns | req/s | p50 ms | p95 ms | p99 ms | errors |");
console.log("|---|---|---:|---:|---:|---:|---:|---:|");
for (const r of results) {
  console.log(
    `| ${r.database} | ${r.case} | ${r.connections} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} |`,
  );
}
if (imports.length > 0) {
  const sec = (ms: number) => (ms / 1000).toFixed(2);
  console.log("\nCSV import of measurements (target: check + commit < 10 s)\n");
  console.log("| database | rows | courses | MB | check s | commit s | total s |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const { database, result: r } of imports) {
    console.log(
      `| ${database} | ${r.rows} | ${r.courses} | ${r.megabytes.toFixed(1)} | ${sec(r.checkMs)} | ${sec(r.commitMs)} | ${sec(r.checkMs + r.commitMs)} |`,
    );
  }
}
console.log(
  `\nBusiness-case engine (Rødovre, 10 years): deterministic run ${engine.deterministicMs.toFixed(3)} ms (target < 1 ms); ` +
    `Monte Carlo 10,000 draws ${engine.monteCarloMs.toFixed(1)} ms (target < 100 ms)`,
);
console.log(
  `Outcome contract settlement (${settlement.families.toLocaleString("en")} families × ${settlement.goals} goals): ` +
    `${settlement.ms.toFixed(0)} ms (target < 1,000 ms)`,
);
process.exit(0);
