import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../src/server/db/client.js";

/** Issue 4: the family list of a municipality with 10,000 courses. */
export const BENCH_FAMILIES = Number(process.env.BENCH_FAMILIES ?? 10_000);

/** Where the bench families go: Vejle's project and tracks, with Sara on every 500th case team. */
export async function benchTargets(database: Database) {
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
