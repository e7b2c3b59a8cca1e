import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { FamilyListQuerySchema } from "../../../contracts/casework.js";
import type { Actor } from "../../../domain/access/index.js";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import { OPEN_COURSE_STATES } from "../../../domain/casework/index.js";
import { type DbOrTx, queryRowsPrepared } from "../../db/client.js";
import { familyScopeSql } from "./case-access.js";

/** One family of the list page, with what its summary shows, as the database answers it. */
export interface FamilyPageRow {
  id: string;
  name: string;
  course_id: string | null;
  course_state: string | null;
  course_project_id: string | null;
  course_track_id: string | null;
  referral_id: string | null;
  referral_state: string | null;
  referral_project_id: string | null;
  referral_track_id: string | null;
  referral_caseworker: string | null;
  referral_caseworker_name: string | null;
  project_name: string | null;
  track_name: string | null;
  member_count: number;
  /** The current members' language lists, in membership order. */
  member_languages: string[][];
  interpreter_needed: boolean;
  /** The course's caseworkers on the case team today, earliest first. */
  caseworkers: { id: string; name: string }[];
  open_tasks: number;
  overdue_tasks: number;
  next_due_on: string | null;
}

/** A search term pg_trgm can take to its indexes: three letters or digits in a row. */
const TRIGRAM_TERM = /[\p{L}\p{N}]{3}/u;

const OPEN_STATES = sql.raw(`('${(OPEN_COURSE_STATES as readonly string[]).join("','")}')`);

/** A dated row (`from_on`, `to_on` inclusive, open when null) that holds on `today`. */
const currentOn = (alias: string, today: CalendarDate) =>
  sql`${sql.raw(alias)}.from_on <= ${today} and (${sql.raw(alias)}.to_on is null or ${sql.raw(alias)}.to_on >= ${today})`;

/**
 * The filters of the family list, on `family` and its current course (c) / referral (r). Sets are
 * uncorrelated subqueries, evaluated once; where a filter is one IN over a union rather than an OR of
 * conditions, the planner can start from the few families it finds instead of scanning them all.
 */
function familyListConditions(
  actor: Actor,
  q: z.output<typeof FamilyListQuerySchema>,
  today: CalendarDate,
): { where: SQL; searchHits?: SQL } {
  let searchHits: SQL | undefined;
  const conditions: SQL[] = [familyScopeSql(actor, "family.read", today) ?? sql`true`];
  if (q.q) {
    const like = `%${q.q.replaceAll(/[%_\\]/g, (c) => `\\${c}`)}%`;
    const memberName = sql`select fm.family_id from family_membership fm join person p on p.id = fm.person_id
      where (p.first_name || ' ' || p.last_name) ilike ${like}`;
    // A term of three letters or more goes through the trigram indexes (migration 0009). A shorter one
    // cannot, and matches most names anyway: then the page reads families in name order and stops
    // after `limit`, testing the family name first (the member search is built only when needed).
    if (TRIGRAM_TERM.test(q.q)) {
      // Found once (a CTE) for both the count and the page: a common trigram reads long index lists.
      searchHits = sql`select f.id from family f where f.name ilike ${like} union all ${memberName}`;
      conditions.push(sql`family.id in (select id from search_hits)`);
    } else {
      conditions.push(sql`(family.name ilike ${like} or family.id in (${memberName}))`);
    }
  }
  if (q.projectId) conditions.push(sql`coalesce(c.project_id, r.project_id) = ${q.projectId}`);
  if (q.trackId) conditions.push(sql`coalesce(c.track_id, r.track_id) = ${q.trackId}`);
  if (q.state === "referral") conditions.push(sql`c.id is null and r.id is not null`);
  else if (q.state === "open") conditions.push(sql`c.state in ${OPEN_STATES}`);
  else if (q.state) conditions.push(sql`c.state = ${q.state}`);
  if (q.caseworkerId) {
    // On the current course's case team today, or (no course yet) responsible for the current referral.
    conditions.push(sql`family.id in (select f.id from family f
        join case_team_member m on m.course_id = f.current_course_id
        where m.user_id = ${q.caseworkerId} and ${currentOn("m", today)}
      union all select f.id from family f join referral fr on fr.id = f.current_referral_id
        where fr.caseworker_user_id = ${q.caseworkerId}
          and not exists (select from course fc where fc.id = f.current_course_id))`);
  }
  if (q.overdue) {
    conditions.push(
      sql`c.id in (select t.course_id from case_task t where t.done_at is null and t.due_on < ${today})`,
    );
  }
  return { where: sql.join(conditions, sql` and `), searchHits };
}

/**
 * One page of the family list and the number of families that match, in one statement: PGlite runs
 * every query in turn on one connection, so each round trip is paid by every waiting request.
 * - The total is a scalar subquery beside the page, so each is planned on its own: the count without
 *   the joins it does not need, the page stopping after `limit` rows in name order (a window count
 *   over the page made it join every matching family first: slower for the plain list).
 * - The course, referral and summaries (members, caseworkers, tasks, names) are joined to the page's
 *   rows only, each an index lookup.
 * - The answer is one row: the total and the page as one JSON array. PGlite turns each column of each
 *   row into a JS value one at a time, which cost more than the page's query.
 */
export async function queryFamilyPage(
  db: DbOrTx,
  actor: Actor,
  q: z.output<typeof FamilyListQuerySchema>,
  today: CalendarDate,
): Promise<{ rows: FamilyPageRow[]; total: number }> {
  // Every condition is on `family` or its current course (c) / referral (r), joined one-to-one through
  // the pointers the database keeps (migration 0006).
  const { where, searchHits } = familyListConditions(actor, q, today);
  const from = sql`from family left join course c on c.id = family.current_course_id
    left join referral r on r.id = family.current_referral_id
    where ${where}`;
  const withSearch = searchHits ? sql`with search_hits as materialized (${searchHits}) ` : sql``;
  const [result] = await queryRowsPrepared<{ total: number; items: FamilyPageRow[] }>(
    db,
    sql`${withSearch}select (select count(*)::int ${from}) as total,
      coalesce((select json_agg(item order by item.name, item.id) from (select page.id, page.name,
          pc.id as course_id, pc.state as course_state, pc.project_id as course_project_id,
          pc.track_id as course_track_id, pf.id as referral_id, pf.state as referral_state,
          pf.project_id as referral_project_id, pf.track_id as referral_track_id,
          pf.caseworker_user_id as referral_caseworker, pr.name as project_name, tr.name as track_name,
          ru.display_name as referral_caseworker_name, m.member_count, m.member_languages,
          m.interpreter_needed, team.caseworkers, tasks.open_tasks, tasks.overdue_tasks, tasks.next_due_on
        from (select family.id, family.name, family.current_course_id, family.current_referral_id
          ${from} order by family.name, family.id limit ${q.limit} offset ${q.offset}) page
        left join course pc on pc.id = page.current_course_id
        left join referral pf on pf.id = page.current_referral_id
        left join project pr on pr.id = coalesce(pc.project_id, pf.project_id)
        left join track tr on tr.id = coalesce(pc.track_id, pf.track_id)
        left join app_user ru on ru.id = pf.caseworker_user_id
        left join lateral (select count(*)::int as member_count,
            coalesce(json_agg(p.languages order by fm.created_at, fm.id), '[]') as member_languages,
            coalesce(bool_or(p.interpreter_needed), false) as interpreter_needed
          from family_membership fm join person p on p.id = fm.person_id
          where fm.family_id = page.id and ${currentOn("fm", today)}) m on true
        left join lateral (select coalesce(json_agg(json_build_object('id', tm.user_id,
              'name', (select u.display_name from app_user u where u.id = tm.user_id))
              order by tm.from_on, tm.id), '[]') as caseworkers
          from case_team_member tm
          where tm.course_id = pc.id and tm.role = 'caseworker' and ${currentOn("tm", today)}) team on true
        left join lateral (select count(*)::int as open_tasks,
            (count(*) filter (where t.due_on < ${today}))::int as overdue_tasks,
            to_char(min(t.due_on), 'YYYY-MM-DD') as next_due_on
          from case_task t where t.course_id = pc.id and t.done_at is null) tasks on true
      ) item), '[]') as items`,
  );
  return { rows: result?.items ?? [], total: result?.total ?? 0 };
}
