import type { Actor, ActorMembership, Resource, ResourceType } from "./actor.js";
import { PERMISSIONS, type Permission } from "./permissions.js";
import { type Reach, reachOf } from "./policy-table.js";

/** The permission that decides whether a record of a type is visible at all (404 vs 403). */
export const READ_PERMISSION_OF = {
  organisation: "organisation.read",
  project: "project.read",
  user: "user.read",
  audit: "audit.read",
  family: "family.read",
  "business-case": "businessCase.read",
  contract: "contract.read",
  economy: "economy.read",
} as const satisfies Record<ResourceType, Permission>;

export type Decision = { allowed: true } | { allowed: false; reason: "hidden" | "forbidden" };

function reaches(actor: Actor, m: ActorMembership, reach: Reach, r: Resource): boolean {
  const projectsOfMembership = () =>
    actor.projectParties.filter((p) => p.organisationId === m.organisationId).map((p) => p.projectId);
  switch (reach) {
    case "any":
      return true;
    case "self":
      return r.userId !== undefined && r.userId === actor.userId;
    case "organisation":
      return r.organisationIds.includes(m.organisationId);
    case "project": {
      if (r.organisationIds.includes(m.organisationId)) return true;
      const mine = projectsOfMembership();
      return (r.projectIds ?? []).some((p) => mine.includes(p));
    }
    case "assigned-organisation":
      return (r.assignedOrganisationIds ?? []).includes(m.organisationId);
    case "assigned":
      return (
        (r.teamUserIds ?? []).includes(actor.userId) &&
        (r.organisationIds.includes(m.organisationId) ||
          (r.assignedOrganisationIds ?? []).includes(m.organisationId))
      );
  }
}

/** True when any of the actor's memberships grants `permission` with a reach that covers `resource`. */
export function can(actor: Actor, permission: Permission, resource: Resource): boolean {
  return actor.memberships.some((m) => {
    const reach = reachOf(m.role, permission);
    return reach !== undefined && reaches(actor, m, reach, resource);
  });
}

/**
 * Decides one action on one record. Deny by default. A record the actor cannot even see is
 * `hidden` (answer 404, so existence does not leak); one they can see but not act on is `forbidden`
 * (403).
 */
export function authorize(actor: Actor, permission: Permission, resource: Resource): Decision {
  if (can(actor, permission, resource)) return { allowed: true };
  const readPermission = READ_PERMISSION_OF[resource.type];
  const visible = readPermission !== permission && can(actor, readPermission, resource);
  return { allowed: false, reason: visible ? "forbidden" : "hidden" };
}

/** Every permission the actor holds somewhere (for the web app to show what it can do). */
export function abilitiesOf(actor: Actor): Permission[] {
  return PERMISSIONS.filter((p) => actor.memberships.some((m) => reachOf(m.role, p) !== undefined));
}
