import { inArray } from "drizzle-orm";
import type { DbOrTx } from "./client.js";
import { appUser, organisation } from "./schema/index.js";

/*
 * Display names by id, for the services that show who did what or which organisation a row belongs
 * to: one query for a whole page of rows, none when there is nothing to name.
 */

/** Display names of users, by id. */
export async function userNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: appUser.id, name: appUser.displayName })
    .from(appUser)
    .where(inArray(appUser.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Organisation names, by id. */
export async function organisationNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: organisation.id, name: organisation.name })
    .from(organisation)
    .where(inArray(organisation.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}
