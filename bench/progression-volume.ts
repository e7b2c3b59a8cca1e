import { sql } from "drizzle-orm";
import type { Db } from "../src/server/db/client.js";
import { ensureProjectInstruments } from "../src/server/modules/progression/instrument-catalogue.js";

/** A deterministic id from a SQL text expression: md5 shaped as a version-4 UUID (the API checks the form). */
const uid = (expr: string) =>
  sql.raw(`overlay(overlay(md5(${expr}) placing '4' from 13) placing '8' from 17)::uuid`);

/**
 * A project of its own for the progression bench (issue 5 §7): `courses` fictional families (a parent
 * and two children), each with a course in one of two tracks, and 100 measurements per course — ten
 * series of ten monthly values: the family's and each member's well-being, the nine family areas,
 * each child's school absence and placement risk, the family's support hours. Courses started 330–700
 * days ago, so every value lies in the past; 40 % have been completed (280 days after the start).
 * Values drift with a per-family response (most improve, some stay, some get worse) plus a little
 * noise. Set-based SQL with deterministic ids (md5 → uuid): 200,000 measurements take seconds.
 * `caseworkerId` joins every 100th course's case team (a caseworker's view of 20 courses).
 */
export async function insertProgressionVolume(
  db: Db,
  o: { organisationId: string; caseworkerId: string; courses?: number; today: string },
): Promise<{ projectId: string; trackIds: string[]; measurements: number }> {
  const n = o.courses ?? 2000;
  const projectId = await db.transaction(async (tx) => {
    const [p] = (
      (await tx.execute(sql`insert into project (id, organisation_id, name, description, starts_on, ends_on, status)
        values (${uid("'pb-project'")}, ${o.organisationId}, 'Progression bench', 'Benchmark', date '2023-01-01',
          date '2028-12-31', 'active') returning id`)) as unknown as { rows: { id: string }[] }
    ).rows;
    await tx.execute(sql`insert into project_party (project_id, organisation_id, part)
      values (${p!.id}, ${o.organisationId}, 'owner')`);
    await tx.execute(sql`insert into track (id, project_id, code, name, capacity_families)
      values (${uid("'pb-t1'")}, ${p!.id}, 'ordinary', 'Almindelig (bench)', ${n}),
             (${uid("'pb-t2'")}, ${p!.id}, 'intensive', 'Intensiv (bench)', ${n})`);
    await ensureProjectInstruments(tx, p!.id);
    return p!.id;
  });
  const version = (code: string) =>
    sql`(select v.id from instrument_version v join instrument i on i.id = v.instrument_id
      where i.project_id = ${projectId} and i.code = ${code} and v.version = 1)`;
  // The course start of family i, as SQL over the series variable i.
  const start = sql.raw(`(date '${o.today}' - 330 - (i % 370))`);
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into family (id, organisation_id, name)
      select ${uid("'pb-f' || i")}, ${o.organisationId}, 'Familien Progression ' || lpad(i::text, 5, '0')
      from generate_series(1, ${n}) i`);
    await tx.execute(sql`insert into person (id, organisation_id, first_name, last_name, birth_date, sex,
        languages, danish_proficiency, interpreter_needed)
      select ${uid("'pb-p' || i || '-' || k")}, ${o.organisationId},
        (array['Amina','Omar','Leyla','Yusuf','Sara','Ali'])[1 + (i + k) % 6], 'Progression' || i,
        case when k = 1 then date '1985-01-01' + (i % 3000) else date '2012-01-01' + ((i * 7 + k) % 2500) end,
        (array['female','male'])[1 + (i + k) % 2],
        (array['["ar","da"]','["so","da"]','["tr"]','["fa","da"]','["ti"]','["ur"]','["ku","da"]','["pl"]'])[1 + i % 8]::jsonb,
        'basic', k = 1
      from generate_series(1, ${n}) i, generate_series(1, 3) k`);
    await tx.execute(sql`insert into family_membership (organisation_id, family_id, person_id, role, from_on)
      select ${o.organisationId}, ${uid("'pb-f' || i")}, ${uid("'pb-p' || i || '-' || k")},
        case when k = 1 then 'parent' else 'child' end, date '2020-01-01'
      from generate_series(1, ${n}) i, generate_series(1, 3) k`);
    await tx.execute(sql`insert into referral (id, organisation_id, project_id, track_id, family_id, reason,
        legal_basis, child_ids, referred_on, state, state_since)
      select ${uid("'pb-r' || i")}, ${o.organisationId}, ${projectId},
        case when i % 4 = 0 then ${uid("'pb-t2'")} else ${uid("'pb-t1'")} end, ${uid("'pb-f' || i")},
        'Bench', 'Barnets lov § 32', '[]'::jsonb, ${start} - 10, 'accepted', ${start}
      from generate_series(1, ${n}) i`);
    await tx.execute(sql`insert into course (id, organisation_id, project_id, track_id, family_id, referral_id,
        state, state_since, accepted_on)
      select ${uid("'pb-c' || i")}, ${o.organisationId}, ${projectId},
        case when i % 4 = 0 then ${uid("'pb-t2'")} else ${uid("'pb-t1'")} end, ${uid("'pb-f' || i")},
        ${uid("'pb-r' || i")},
        case when i % 5 < 2 then 'completed' else 'active' end,
        case when i % 5 < 2 then ${start} + 280 else ${start} end, ${start}
      from generate_series(1, ${n}) i`);
    await tx.execute(sql`insert into course_transition (organisation_id, course_id, event, from_state, to_state,
        on_date)
      select ${o.organisationId}, ${uid("'pb-c' || i")}, 'complete', 'active', 'completed', ${start} + 280
      from generate_series(1, ${n}) i where i % 5 < 2`);
    await tx.execute(sql`insert into case_team_member (organisation_id, course_id, user_id,
        member_organisation_id, role, from_on)
      select ${o.organisationId}, ${uid("'pb-c' || i")}, ${o.caseworkerId}, ${o.organisationId}, 'caseworker',
        ${start}
      from generate_series(1, ${n}) i where i % 100 = 0`);

    // Ten series of ten values per course. v(i, k, lo, hi): a value between lo and hi that moves with
    // the family's response (i % 4: 0 strong, 1 moderate, 2 none, 3 worse) over the months k.
    const insertSeries = async (
      code: string,
      members: string,
      valueSql: string,
      scoredSql: string,
      valuesSql: string,
      respondent: string,
    ) => {
      await tx.execute(sql`insert into measurement (id, organisation_id, project_id, course_id, family_id,
          person_id, instrument_version_id, instrument_code, instrument_version, measured_on, respondent,
          values, scored)
        select ${uid(`'pb-m-${code}-' || i || '-' || m || '-' || k`)}, ${o.organisationId},
          ${projectId}, ${uid("'pb-c' || i")}, ${uid("'pb-f' || i")},
          case when m = 0 then null else ${uid("'pb-p' || i || '-' || m")} end,
          ${version(code)}, ${code}, 1, ${start} + 5 + 30 * k + ((i * 7 + k * 3) % 10), ${respondent},
          ${sql.raw(valuesSql)}, ${sql.raw(scoredSql)}
        from generate_series(1, ${n}) i, unnest(${sql.raw(members)}) m, generate_series(0, 9) k,
          lateral (select ${sql.raw(valueSql)} as v) x`);
    };
    const drift = (lo: number, hi: number, up: boolean) => {
      const range = hi - lo;
      const base = up ? lo + 0.3 * range : hi - 0.3 * range;
      const step = `k * (array[2, 1, 0, -1])[1 + i % 4] * ${range / 20}`;
      return `least(${hi}, greatest(${lo}, ${base} ${up ? "+" : "-"} ${step} + ((i + k * 5) % 3 - 1)))`;
    };
    await insertSeries(
      "well-being",
      "array[0, 1, 2, 3]",
      `round(${drift(1, 10, true)})`,
      `jsonb_build_object('well-being', v)`,
      `jsonb_build_object('well-being', v)`,
      "parent",
    );
    await insertSeries(
      "family-areas",
      "array[0]",
      `round(${drift(1, 10, true)})`,
      `jsonb_build_object('total', v, 'children-and-parenting', v, 'relations-and-network', v, 'everyday-life', v,
        'parenting', v, 'home', v, 'children-school', v, 'children-development', v, 'family-relations', v,
        'network', v, 'economy', v, 'health', v, 'work-education', v)`,
      `jsonb_build_object('parenting', v, 'home', v, 'children-school', v, 'children-development', v,
        'family-relations', v, 'network', v, 'economy', v, 'health', v, 'work-education', v)`,
      "consultant",
    );
    await insertSeries(
      "school-absence",
      "array[2, 3]",
      `round(${drift(0, 40, false)})`,
      `jsonb_build_object('absence-pct', v, 'unauthorised-absence-pct', null)`,
      `jsonb_build_object('absence-pct', v, 'unauthorised-absence-pct', null)`,
      "school",
    );
    await insertSeries(
      "placement-risk",
      "array[2, 3]",
      `round(${drift(0, 3, false)})`,
      `jsonb_build_object('risk', v)`,
      `jsonb_build_object('risk', (array['none','low','medium','high'])[1 + v::int])`,
      "caseworker",
    );
    await insertSeries(
      "support-hours",
      "array[0]",
      `round(${drift(0, 20, false)})`,
      `jsonb_build_object('hours-per-week', v)`,
      `jsonb_build_object('hours-per-week', v)`,
      "caseworker",
    );
  });
  await db.execute(sql`analyze`);
  const rows = <T>(q: ReturnType<typeof sql>) =>
    db.execute(q).then((r) => (r as unknown as { rows: T[] }).rows);
  const [count] = await rows<{ n: number }>(
    sql`select count(*)::int as n from measurement where project_id = ${projectId}`,
  );
  const tracks = await rows<{ id: string }>(
    sql`select id from track where project_id = ${projectId} order by code`,
  );
  return { projectId, trackIds: tracks.map((t) => t.id), measurements: count!.n };
}
