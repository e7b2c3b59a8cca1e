// Issue 5 §7: the cohort view of a project with 2,000 courses and 200,000 measurements under load
// (target p95 < 200 ms on PostgreSQL at 20 connections). Called by bench/run.ts with a started app and
// its database; aimed at loopback only and bounded in time.
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import type { Db } from "../src/server/db/client.js";
import { DEMO_PASSWORD } from "../src/server/seed/demo-data.js";
import { insertProgressionVolume } from "./progression-volume.js";

/** One measured case. */
export interface ProgressionBenchRow {
  case: string;
  connections: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

// autocannon reports p90, p97.5 and p99; p95 is interpolated between p90 and p97.5 (as bench/run.ts).
function percentile95(r: autocannon.Result): number {
  const l = r.latency as unknown as { p90: number; p97_5: number };
  return Math.round((l.p90 + ((95 - 90) / (97.5 - 90)) * (l.p97_5 - l.p90)) * 10) / 10;
}

async function login(baseUrl: string, email: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${email} → ${res.status}`);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

/**
 * Inserts the progression volume (bench/progression-volume.ts) into the demo database behind
 * `baseUrl`, then runs the cohort endpoints under load as Vejle's project manager (every course) and
 * caseworker (her 20 courses). `cases` narrows the run to cases whose name contains one of the strings.
 * @returns one row per case: requests per second and latency percentiles in ms.
 */
export async function benchProgression(options: {
  baseUrl: string;
  db: Db;
  seconds?: number;
  connections?: number;
  cases?: string[];
}): Promise<ProgressionBenchRow[]> {
  const { baseUrl, db } = options;
  const seconds = options.seconds ?? 5;
  const connections = options.connections ?? 20;
  const ids = (
    (await db.execute(sql`select o.id as organisation_id, u.id as user_id
      from organisation o, app_user u
      where o.name = 'Vejle Kommune' and u.email = 'sagsbehandler@vejle.demo'`)) as unknown as {
      rows: { organisation_id: string; user_id: string }[];
    }
  ).rows[0]!;
  const volume = await insertProgressionVolume(db, {
    organisationId: ids.organisation_id,
    caseworkerId: ids.user_id,
    courses: 2000,
    today: new Date().toISOString().slice(0, 10),
  });
  const manager = await login(baseUrl, "projektleder@vejle.demo");
  const caseworker = await login(baseUrl, "sagsbehandler@vejle.demo");
  const cohort = `/api/projects/${volume.projectId}/progression/cohort`;
  const cases: { name: string; path: string; cookie: string; connections: number }[] = [
    {
      name: "GET cohort: well-being per family (project manager, 2,000 courses, 200,000 measurements)",
      path: cohort,
      cookie: manager,
      connections,
    },
    {
      name: "GET cohort: school absence per child (4,000 children)",
      path: `${cohort}?instrument=school-absence`,
      cookie: manager,
      connections,
    },
    {
      name: "GET cohort: filtered by track, language and state",
      path: `${cohort}?track=${volume.trackIds[0]}&language=so&state=completed`,
      cookie: manager,
      connections,
    },
    {
      name: "GET cohort/courses: the families behind 'improved' (first 200)",
      path: `${cohort}/courses?bucket=improved`,
      cookie: manager,
      connections,
    },
    {
      name: "GET cohort: well-being per family (caseworker, her 20 courses)",
      path: cohort,
      cookie: caseworker,
      connections,
    },
  ];
  const rows: ProgressionBenchRow[] = [];
  for (const c of cases) {
    if (options.cases?.length && !options.cases.some((f) => c.name.includes(f))) continue;
    // One request first, so the first measured ones do not pay for cold caches.
    const warm = await fetch(`${baseUrl}${c.path}`, { headers: { cookie: c.cookie } });
    if (warm.status !== 200) throw new Error(`${c.path} → ${warm.status} ${await warm.text()}`);
    const r = await autocannon({
      url: `${baseUrl}${c.path}`,
      connections: c.connections,
      duration: seconds,
      headers: { cookie: c.cookie },
    });
    rows.push({
      case: c.name,
      connections: c.connections,
      rps: Math.round(r.requests.average),
      p50: r.latency.p50,
      p95: percentile95(r),
      p99: r.latency.p99,
      errors: r.errors + r.non2xx,
    });
  }
  return rows;
}
