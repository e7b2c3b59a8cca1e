import { type AnyColumn, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Scope } from "../../domain/access/index.js";

/** The columns of a table that the scope's conditions apply to; leave out what the table lacks. */
export interface ScopeColumns {
  organisationId?: AnyColumn | SQL;
  projectId?: AnyColumn | SQL;
  /** For records linked to organisations through another table: a condition for these organisations. */
  inOrganisations?: (organisationIds: string[]) => SQL;
  /** For records linked to projects through another table: a condition for these projects. */
  inProjects?: (projectIds: string[]) => SQL;
  userId?: AnyColumn | SQL;
}

const FALSE = sql`false`;

/**
 * Turns the policy's scope into a WHERE condition. Every list, search and report applies one; a scope
 * of `none` (or one whose conditions the table cannot express) matches nothing.
 */
export function scopeFilter(scope: Scope, columns: ScopeColumns): SQL | undefined {
  if (scope.kind === "all") return undefined;
  if (scope.kind === "none") return FALSE;
  const conditions: SQL[] = [];
  if (columns.organisationId && scope.organisationIds.length > 0) {
    conditions.push(inArray(columns.organisationId as AnyColumn, scope.organisationIds));
  }
  if (columns.inOrganisations && scope.organisationIds.length > 0)
    conditions.push(columns.inOrganisations(scope.organisationIds));
  if (scope.projectIds.length > 0) {
    if (columns.projectId) conditions.push(inArray(columns.projectId as AnyColumn, scope.projectIds));
    if (columns.inProjects) conditions.push(columns.inProjects(scope.projectIds));
  }
  if (columns.userId && scope.selfUserId) conditions.push(sql`${columns.userId} = ${scope.selfUserId}`);
  return conditions.length > 0 ? or(...conditions) : FALSE;
}
