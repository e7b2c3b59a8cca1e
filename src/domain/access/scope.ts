import type { Actor } from "./actor.js";
import type { Permission } from "./permissions.js";
import { reachOf } from "./policy-table.js";

/**
 * The set of records a permission reaches, as data that a repository turns into a SQL filter.
 * A record is in scope when ANY of the listed conditions holds. `none` means no record at all.
 */
export type Scope =
  | { kind: "all" }
  | { kind: "none" }
  | {
      kind: "some";
      /** Records owned by one of these organisations. */
      organisationIds: string[];
      /** Records that belong to one of these projects. */
      projectIds: string[];
      /** Records assigned to one of these organisations. */
      assignedOrganisationIds: string[];
      /** Records whose team includes this user, within these organisations (owner or assigned). */
      teamMember: { userId: string; organisationIds: string[] } | null;
      /** The actor's own user record. */
      selfUserId: string | null;
    };

const unique = (xs: string[]) => [...new Set(xs)].sort();

/**
 * The filter for lists, searches and reports: which records `permission` reaches for `actor`.
 * Always apply it; deny by default (`none`).
 */
export function scope(actor: Actor, permission: Permission): Scope {
  const organisationIds: string[] = [];
  const projectIds: string[] = [];
  const assignedOrganisationIds: string[] = [];
  const teamOrganisationIds: string[] = [];
  let selfUserId: string | null = null;
  for (const m of actor.memberships) {
    const reach = reachOf(m.role, permission);
    if (reach === undefined) continue;
    switch (reach) {
      case "any":
        return { kind: "all" };
      case "organisation":
        organisationIds.push(m.organisationId);
        break;
      case "project":
        organisationIds.push(m.organisationId);
        for (const p of actor.projectParties)
          if (p.organisationId === m.organisationId) projectIds.push(p.projectId);
        break;
      case "assigned-organisation":
        assignedOrganisationIds.push(m.organisationId);
        break;
      case "assigned":
        teamOrganisationIds.push(m.organisationId);
        break;
      case "self":
        selfUserId = actor.userId;
        break;
    }
  }
  const teamMember =
    teamOrganisationIds.length > 0
      ? { userId: actor.userId, organisationIds: unique(teamOrganisationIds) }
      : null;
  if (
    organisationIds.length === 0 &&
    projectIds.length === 0 &&
    assignedOrganisationIds.length === 0 &&
    teamMember === null &&
    selfUserId === null
  ) {
    return { kind: "none" };
  }
  return {
    kind: "some",
    organisationIds: unique(organisationIds),
    projectIds: unique(projectIds),
    assignedOrganisationIds: unique(assignedOrganisationIds),
    teamMember,
    selfUserId,
  };
}
