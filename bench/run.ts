// npm run bench — login and an authenticated list endpoint under load on loopback, on the embedded
// PGlite and on a throwaway PostgreSQL 15 server. Prints p50/p95 latency and requests per second.
// Bounded in time (BENCH_SECONDS per case, default 5) and aimed at 127.0.0.1 only.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { serve } from "@hono/node-server";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import pg from "pg";
import {
  calculateBusinessCase,
  createRodovreScenario,
  runMonteCarlo,
} from "../src/domain/business-case/index.js";
import { systemClock } from "../src/server/context.js";
import { type Database, migrateDatabase, openDatabase, queryRows } from "../src/server/db/client.js";
import { createApp } from "../src/server/http/app.js";
import { setLogLevel } from "../src/server/http/logger.js";
import { LoginRateLimiter } from "../src/server/modules/auth/login-rate-limiter.js";
import { DEMO_PASSWORD } from "../src/server/seed/demo-data.js";
import { seedDemoData } from "../src/server/seed/seed.js";
import { postgresBinariesAvailable, startPostgresServer } from "../test/postgres-server.js";
import { testConfig } from "../test/test-app.js";
import { insertBenchFamilies } from "./casework-volume.js";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
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

/** Issue 4: the family list of a municipality with 10,000 courses. */
const BENCH_FAMILIES = Number(process.env.BENCH_FAMILIES ?? 10_000);

async function benchTargets(database: Database) {
  const rows = await queryRows<{
    organisation_id: string;
    project_id: string;
    track_id: string;
    user_id: string;
  }>(
    database.db,
    sql`select p.organisation_id, p.id as project_id, t.id as track_id, u.id as user_id
      from project p join organisation o on o.id = p.organisation_id join track t on t.project_id = p.id
      join app_user u on u.email = 'sagsbehandler@vejle.demo'
      where o.name = 'Vejle Kommune'`,
  );
  return {
    organisationId: rows[0]!.organisation_id,
    projectId: rows[0]!.project_id,
    trackIds: rows.map((r) => r.track_id),
    caseworkerId: rows[0]!.user_id,
    count: BENCH_FAMILIES,
    today: new Date().toISOString().slice(0, 10),
  };
}

async function runCase(url: string, options: Partial<autocannon.Options>): Promise<autocannon.Result> {
  return autocannon({ url, duration: SECONDS, ...options });
}

async function benchDatabase(label: string, database: Database): Promise<Row[]> {
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
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
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
    const path = c.name.split(" ")[1]!;
    const r = await runCase(`${base}${path}`, { connections: c.connections, ...c.opts });
    rows.push({
      database: label,
      case: c.name,
      connections: c.connections,
      rps: Math.round(r.requests.average),
      p50: r.latency.p50,
      p95: (r.latency as unknown as { p97_5: number }).p97_5 !== undefined ? percentile95(r) : r.latency.p90,
      p99: r.latency.p99,
      errors: r.errors + r.non2xx,
    });
  }
  await new Promise((r) => server.close(r));
  await database.close();
  return rows;
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
const results: Row[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bundlinje-bench-"));
results.push(...(await benchDatabase("pglite", await openDatabase({ kind: "pglite", dataDir }))));
fs.rmSync(dataDir, { recursive: true, force: true });

if (postgresBinariesAvailable()) {
  const server = await startPostgresServer();
  try {
    const admin = new pg.Client({ connectionString: server.url() });
    await admin.connect();
    await admin.query("CREATE DATABASE bench");
    await admin.end();
    results.push(
      ...(await benchDatabase(
        "postgres",
        await openDatabase({ kind: "postgres", url: server.url("bench") }),
      )),
    );
  } finally {
    server.stop();
  }
} else {
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
console.log(
  `\nBusiness-case engine (Rødovre, 10 years): deterministic run ${engine.deterministicMs.toFixed(3)} ms (target < 1 ms); ` +
    `Monte Carlo 10,000 draws ${engine.monteCarloMs.toFixed(1)} ms (target < 100 ms)`,
);
process.exit(0);
