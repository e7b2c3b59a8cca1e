// Profiling aid (not part of npm run bench): EXPLAIN ANALYZE of every query one family-list request
// runs, on a throwaway PostgreSQL server with the bench's 10,000 families.
//   npx tsx bench/explain-families.ts "/api/families?limit=50" leder@vejle.demo
import { randomBytes } from "node:crypto";
import pg from "pg";
import { systemClock } from "../src/server/context.js";
import { migrateDatabase, openDatabase } from "../src/server/db/client.js";
import { createApp } from "../src/server/http/app.js";
import { setLogLevel } from "../src/server/http/logger.js";
import { LoginRateLimiter } from "../src/server/modules/auth/login-rate-limiter.js";
import { DEMO_PASSWORD } from "../src/server/seed/demo-data.js";
import { seedDemoData } from "../src/server/seed/seed.js";
import { startPostgresServer } from "../test/postgres-server.js";
import { testConfig } from "../test/test-config.js";
import { benchTargets } from "./bench-targets.js";
import { insertBenchFamilies } from "./casework-volume.js";

setLogLevel("silent");
const [path = "/api/families?limit=50", email = "leder@vejle.demo"] = process.argv.slice(2);
const server = await startPostgresServer();
try {
  const admin = new pg.Client({ connectionString: server.url() });
  await admin.connect();
  await admin.query("CREATE DATABASE bench");
  await admin.end();
  const database = await openDatabase({ kind: "postgres", url: server.url("bench") });
  await migrateDatabase(database);
  const appKey = randomBytes(32);
  await seedDemoData(database.db, systemClock.now(), appKey);
  await insertBenchFamilies(database.db, await benchTargets(database));
  const app = createApp({
    database,
    config: testConfig,
    clock: systemClock,
    version: "bench",
    loginLimiter: new LoginRateLimiter(Number.MAX_SAFE_INTEGER),
    appKey,
  });
  const login = await app.request("/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
  await app.request(path, { headers: { cookie } });
  const seen: { text: string; values?: unknown[] }[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [q, v] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
    seen.push(typeof q === "string" ? { text: q, values: v } : { text: q.text, values: q.values ?? v });
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  const started = performance.now();
  const res = await app.request(path, { headers: { cookie } });
  const took = performance.now() - started;
  pg.Client.prototype.query = original;
  console.log(`${res.status} in ${took.toFixed(1)} ms, ${seen.length} queries`);
  const client = new pg.Client({ connectionString: server.url("bench") });
  await client.connect();
  await client.query("set random_page_cost = 1.1");
  for (const q of seen) {
    if (!/^\s*(select|with)/i.test(q.text)) {
      console.log(`\n-- ${q.text.slice(0, 120)}`);
      continue;
    }
    // The last of several runs: the first on a connection pays for its catalogue caches.
    let plan = await client.query(`explain (analyze, buffers off, timing off) ${q.text}`, q.values);
    for (let i = 0; i < 20; i++)
      plan = await client.query(`explain (analyze, buffers off, timing off) ${q.text}`, q.values);
    console.log(`\n-- ${q.text.replaceAll(/\s+/g, " ").slice(0, 160)}`);
    for (const row of plan.rows) console.log(row["QUERY PLAN"]);
  }
  // Each select alone, 200 times: its own time on the server (planning + execution), no queueing.
  for (const q of seen.filter((q) => /^\s*(select|with)/i.test(q.text))) {
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) await client.query(q);
    console.log(
      `${((performance.now() - t0) / 200).toFixed(2)} ms: ${q.text.replaceAll(/\s+/g, " ").slice(0, 90)}`,
    );
  }
  await client.end();
  await database.close();
} finally {
  server.stop();
}
process.exit(0);
