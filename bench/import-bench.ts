// Issue 5 §7: a CSV import of 100,000 measurement rows, check + commit, in under 10 s.
// `benchMeasurementImport` runs on a database and app built as in bench/run.ts (migrated, demo data,
// the app key that sealed the CPR numbers). Run alone: `npx tsx bench/import-bench.ts` (PGlite and a
// throwaway PostgreSQL 15; BENCH_DATABASES=pglite or postgres picks one, BENCH_IMPORT_ROWS the size).
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { addDays, addMonths, type CalendarDate } from "../src/domain/calendar-date.js";
import { danishDateOf } from "../src/domain/casework/index.js";
import { computeDueMeasurements, type MeasurementSchedule } from "../src/domain/progression/index.js";
import { systemClock } from "../src/server/context.js";
import { type Database, migrateDatabase, openDatabase, queryRows } from "../src/server/db/client.js";
import { type App, createApp } from "../src/server/http/app.js";
import { setLogLevel } from "../src/server/http/logger.js";
import { LoginRateLimiter } from "../src/server/modules/auth/login-rate-limiter.js";
import { cprLookupHash, sealCpr } from "../src/server/modules/casework/cpr-store.js";
import { demoCpr } from "../src/server/seed/casework-demo-data.js";
import { DEMO_PASSWORD } from "../src/server/seed/demo-data.js";
import { seedDemoData } from "../src/server/seed/seed.js";
import { postgresBinariesAvailable, startPostgresServer } from "../test/postgres-server.js";
import { testConfig } from "../test/test-config.js";

export interface ImportBenchResult {
  rows: number;
  courses: number;
  megabytes: number;
  /** Building the courses and the file (not part of the import). */
  setupMs: number;
  checkMs: number;
  commitMs: number;
}

const ROWS_PER_CHILD = 25;
const CHILDREN_PER_COURSE = 2;
const DAY_MS = 24 * 3600_000;

/**
 * Inserts courses in Vejle's ordinary track (children with CPR numbers), builds a school's absence file
 * of `rows` valid rows for them (one per due-slot window at most, the rest between windows), and
 * imports it as Vejle's project manager through the API: the dry run, then the commit.
 */
export async function benchMeasurementImport(o: {
  database: Database;
  app: App;
  appKey: Buffer;
  rows?: number;
}): Promise<ImportBenchResult> {
  const started = performance.now();
  const db = o.database.db;
  const rows = o.rows ?? 100_000;
  const today = danishDateOf(new Date());
  const [target] = await queryRows<{
    org: string;
    project: string;
    track: string;
    schedule: MeasurementSchedule;
    months: number;
  }>(
    db,
    sql`select p.organisation_id as org, p.id as project, t.id as track, t.measurement_schedule as schedule,
        coalesce(t.planned_duration_months, 10) as months
      from project p join organisation o on o.id = p.organisation_id join track t on t.project_id = p.id
      where o.name = 'Vejle Kommune' and t.code = 'ordinary'`,
  );
  if (!target) throw new Error("import bench: no Vejle ordinary track (seed the demo data first)");
  const courses = Math.ceil(rows / (ROWS_PER_CHILD * CHILDREN_PER_COURSE));
  const run = randomUUID().slice(0, 8);
  const acceptedOn = (i: number) => addDays(today, -(420 + (i % 200)));
  const birthOf = (i: number, k: number) =>
    danishDateOf(new Date(Date.UTC(2011, 0, 1) + ((i * CHILDREN_PER_COURSE + k) % 2500) * DAY_MS));

  // The households and courses, set-based (ids by md5 of the run, the course and the member).
  await db.transaction(async (tx) => {
    const id = (kind: string, expr: string) => sql.raw(`md5('${run}-${kind}-' || ${expr})::uuid`);
    await tx.execute(sql`insert into family (id, organisation_id, name)
      select ${id("f", "i")}, ${target.org}, 'Familien Import ' || i from generate_series(1, ${courses}) i`);
    await tx.execute(sql`insert into person (id, organisation_id, first_name, last_name, birth_date, sex,
        languages, danish_proficiency)
      select ${id("p", "i || '-' || k")}, ${target.org}, 'Barn ' || k, 'Import' || i,
        date '2011-01-01' + (((i - 1) * ${CHILDREN_PER_COURSE} + k - 1) % 2500), 'female', '["da"]', 'fluent'
      from generate_series(1, ${courses}) i, generate_series(1, ${CHILDREN_PER_COURSE}) k`);
    await tx.execute(sql`insert into family_membership (organisation_id, family_id, person_id, role, from_on)
      select ${target.org}, ${id("f", "i")}, ${id("p", "i || '-' || k")}, 'child', date '2015-01-01'
      from generate_series(1, ${courses}) i, generate_series(1, ${CHILDREN_PER_COURSE}) k`);
    await tx.execute(sql`insert into referral (id, organisation_id, project_id, track_id, family_id, reason,
        legal_basis, referred_on, state, state_since)
      select ${id("r", "i")}, ${target.org}, ${target.project}, ${target.track}, ${id("f", "i")}, 'Bench',
        'Barnets lov § 32', ${today}::date - (420 + (i - 1) % 200) - 20, 'accepted',
        ${today}::date - (420 + (i - 1) % 200)
      from generate_series(1, ${courses}) i`);
    await tx.execute(sql`insert into course (id, organisation_id, project_id, track_id, family_id, referral_id,
        state, state_since, accepted_on)
      select ${id("c", "i")}, ${target.org}, ${target.project}, ${target.track}, ${id("f", "i")},
        ${id("r", "i")}, 'active', ${today}::date - (420 + (i - 1) % 200), ${today}::date - (420 + (i - 1) % 200)
      from generate_series(1, ${courses}) i`);
  });
  const people = await queryRows<{ id: string; i: number; k: number }>(
    db,
    sql`select ${sql.raw(`md5('${run}-p-' || i || '-' || k)::uuid`)} as id, i, k
      from generate_series(1, ${courses}) i, generate_series(1, ${CHILDREN_PER_COURSE}) k order by i, k`,
  );
  const cprOf = new Map<string, string>();
  const identifiers = people.map((p, n) => {
    const cpr = demoCpr(birthOf(p.i - 1, p.k - 1), "female", n % 24);
    cprOf.set(p.id, cpr);
    return {
      person_id: p.id,
      organisation_id: target.org,
      cpr_sealed: sealCpr(o.appKey, p.id, cpr as never),
      lookup_hash: cprLookupHash(o.appKey, target.org, cpr as never),
    };
  });
  for (let s = 0; s < identifiers.length; s += 5000) {
    await db.execute(sql`insert into person_identifier (person_id, organisation_id, cpr_sealed, lookup_hash)
      select * from jsonb_to_recordset(${JSON.stringify(identifiers.slice(s, s + 5000))}::jsonb)
        as r(person_id uuid, organisation_id uuid, cpr_sealed text, lookup_hash text)`);
  }
  await db.execute(sql`analyze`);

  // The file: per child, days a week apart from the start, at most one inside each due window.
  const danish = (d: CalendarDate) => `${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)}`;
  const lines = ["CPR-nr.;Dato;Fravær %;Periode fra;Periode til"];
  for (const p of people) {
    if (lines.length > rows) break;
    const start = acceptedOn(p.i - 1);
    const windows = computeDueMeasurements(
      target.schedule,
      { startedOn: start, endedOn: null, plannedEndOn: addMonths(start, target.months) },
      [{ id: p.id, role: "child" }],
      { until: today },
    ).filter((s) => s.instrumentCode === "school-absence");
    const used = new Set<string>();
    const cpr = cprOf.get(p.id)!;
    let written = 0;
    for (
      let day = start;
      day <= today && written < ROWS_PER_CHILD && lines.length <= rows;
      day = addDays(day, 7)
    ) {
      const slot = windows.find((w) => day >= w.windowFrom && day <= w.windowTo);
      if (slot && used.has(slot.key)) continue;
      if (slot) used.add(slot.key);
      const pct = ((p.i * 7 + written * 3) % 400) / 10;
      lines.push(
        `${cpr.slice(0, 6)}-${cpr.slice(6)};${danish(day)};${String(pct).replace(".", ",")};${danish(addDays(day, -28))};${danish(day)}`,
      );
      written++;
    }
  }
  if (lines.length - 1 < rows) throw new Error(`import bench: only ${lines.length - 1} rows could be made`);
  const csv = `${lines.join("\r\n")}\r\n`;
  const body = {
    fileName: `fravaer-${run}.csv`,
    csv,
    instrumentCode: "school-absence",
    mapping: {
      "CPR-nr.": "cpr",
      Dato: "measuredOn",
      "Fravær %": "absence-pct",
      "Periode fra": "periodFrom",
      "Periode til": "periodTo",
    },
  };

  const login = await o.app.request("/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "projektleder@vejle.demo", password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`import bench: login → ${login.status}`);
  const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const post = (url: string) =>
    o.app.request(url, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, "x-csrf-token": csrfToken },
      body: JSON.stringify(body),
    });
  const url = `/api/projects/${target.project}/measurement-imports`;
  const setupMs = performance.now() - started;

  const t0 = performance.now();
  const checkRes = await post(`${url}/check`);
  const check = (await checkRes.json()) as { goodRowCount: number; badRowCount: number; problems: unknown[] };
  const checkMs = performance.now() - t0;
  if (checkRes.status !== 200 || check.badRowCount > 0 || check.goodRowCount !== rows) {
    throw new Error(`import bench: check → ${checkRes.status} ${JSON.stringify(check).slice(0, 500)}`);
  }
  const t1 = performance.now();
  const commitRes = await post(url);
  const commitMs = performance.now() - t1;
  if (commitRes.status !== 201)
    throw new Error(`import bench: commit → ${commitRes.status} ${await commitRes.text()}`);
  return { rows, courses, megabytes: Buffer.byteLength(csv) / 1e6, setupMs, checkMs, commitMs };
}

async function benchOn(label: string, database: Database, rows: number) {
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
  const r = await benchMeasurementImport({ database, app, appKey, rows });
  await database.close();
  const s = (ms: number) => (ms / 1000).toFixed(2);
  console.log(
    `| ${label} | ${r.rows} | ${r.courses} | ${r.megabytes.toFixed(1)} | ${s(r.checkMs)} | ${s(r.commitMs)} | ${s(r.checkMs + r.commitMs)} |`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  setLogLevel("silent");
  const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
  const databases = process.env.BENCH_DATABASES?.split(",").filter(Boolean) ?? ["pglite", "postgres"];
  console.log(`\nCSV import of measurements — ${os.cpus().length} cores (target: check + commit < 10 s)\n`);
  console.log("| database | rows | courses | MB | check s | commit s | total s |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  if (databases.includes("pglite")) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bundlinje-import-bench-"));
    await benchOn("pglite", await openDatabase({ kind: "pglite", dataDir }), rows);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  if (databases.includes("postgres") && postgresBinariesAvailable()) {
    const server = await startPostgresServer();
    try {
      const admin = new pg.Client({ connectionString: server.url() });
      await admin.connect();
      await admin.query("CREATE DATABASE bench");
      await admin.end();
      await benchOn("postgres", await openDatabase({ kind: "postgres", url: server.url("bench") }), rows);
    } finally {
      server.stop();
    }
  }
  process.exit(0);
}
