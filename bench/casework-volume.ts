import { sql } from "drizzle-orm";
import type { Db } from "../src/server/db/client.js";

/**
 * Fills a municipality with `count` fictional families for the bench, each with three members, an
 * accepted referral, a course (states spread over the machine), a case team (one of 50 bench
 * caseworkers, plus `caseworkerId` on every 500th family) and a review task (every 7th overdue).
 * Set-based SQL with deterministic ids (md5 → uuid), so 10,000 families take seconds, not minutes.
 */
export async function insertBenchFamilies(
  db: Db,
  o: {
    organisationId: string;
    projectId: string;
    trackIds: string[];
    caseworkerId: string;
    count: number;
    today: string;
  },
) {
  const n = o.count;
  const tracks = sql.raw(`array[${o.trackIds.map((t) => `'${t}'::uuid`).join(",")}]`);
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into app_user (id, email, display_name)
      select md5('bench-u' || i)::uuid, 'bench-' || i || '@vejle.bench', 'Bench Sagsbehandler ' || i
      from generate_series(1, 50) i`);
    await tx.execute(sql`insert into membership (user_id, organisation_id, role)
      select md5('bench-u' || i)::uuid, ${o.organisationId}, 'caseworker' from generate_series(1, 50) i`);
    await tx.execute(sql`insert into family (id, organisation_id, name)
      select md5('bench-f' || i)::uuid, ${o.organisationId}, 'Familien Bench ' || lpad(i::text, 5, '0')
      from generate_series(1, ${n}) i`);
    await tx.execute(sql`insert into person (id, organisation_id, first_name, last_name, birth_date, sex,
        languages, danish_proficiency, interpreter_needed)
      select md5('bench-p' || i || '-' || k)::uuid, ${o.organisationId},
        (array['Amina','Omar','Leyla','Yusuf','Sara','Ali'])[1 + (i + k) % 6], 'Bench' || i,
        (date '1980-01-01' + ((i * 37 + k * 3650) % 12000))::date,
        (array['female','male'])[1 + (i + k) % 2],
        (array['["ar"]','["so"]','["tr"]','["fa"]','["ti"]','["ur"]','["ku"]','["pl"]'])[1 + i % 8]::jsonb,
        'basic', k = 1
      from generate_series(1, ${n}) i, generate_series(1, 3) k`);
    await tx.execute(sql`insert into family_membership (organisation_id, family_id, person_id, role, from_on)
      select ${o.organisationId}, md5('bench-f' || i)::uuid, md5('bench-p' || i || '-' || k)::uuid,
        case when k = 1 then 'parent' else 'child' end, date '2020-01-01'
      from generate_series(1, ${n}) i, generate_series(1, 3) k`);
    await tx.execute(sql`insert into referral (id, organisation_id, project_id, track_id, family_id, reason,
        legal_basis, child_ids, referred_on, state, state_since)
      select md5('bench-r' || i)::uuid, ${o.organisationId}, ${o.projectId},
        (${tracks})[1 + i % ${o.trackIds.length}], md5('bench-f' || i)::uuid, 'Bench', 'Barnets lov § 32',
        '[]'::jsonb, ${o.today}::date - (i % 700) - 10, 'accepted', ${o.today}::date - (i % 700)
      from generate_series(1, ${n}) i`);
    await tx.execute(sql`insert into course (id, organisation_id, project_id, track_id, family_id, referral_id,
        state, state_since, accepted_on)
      select md5('bench-c' || i)::uuid, ${o.organisationId}, ${o.projectId},
        (${tracks})[1 + i % ${o.trackIds.length}], md5('bench-f' || i)::uuid, md5('bench-r' || i)::uuid,
        (array['accepted','baseline','active','active','active','review','completed','follow-up'])[1 + i % 8],
        ${o.today}::date - (i % 700), ${o.today}::date - (i % 700)
      from generate_series(1, ${n}) i`);
    await tx.execute(sql`insert into case_team_member (organisation_id, course_id, user_id,
        member_organisation_id, role, from_on)
      select ${o.organisationId}, md5('bench-c' || i)::uuid,
        case when i % 500 = 0 then ${o.caseworkerId}::uuid else md5('bench-u' || (1 + i % 50))::uuid end,
        ${o.organisationId}, 'caseworker', ${o.today}::date - (i % 700)
      from generate_series(1, ${n}) i`);
    await tx.execute(sql`insert into case_task (organisation_id, course_id, kind, key, title, due_on)
      select ${o.organisationId}, md5('bench-c' || i)::uuid, 'review', 'review', 'Opfølgning',
        case when i % 7 = 0 then ${o.today}::date - 3 else ${o.today}::date + (i % 300) end
      from generate_series(1, ${n}) i`);
  });
  await db.execute(sql`analyze`);
}
