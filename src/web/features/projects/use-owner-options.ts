import type { Organisation } from "../../../contracts/admin.js";
import { reachOf } from "../../../domain/access/index.js";
import { useCurrentMe } from "../../lib/use-me.js";

/**
 * The municipalities the user may create a project for: every one for the platform admin, otherwise
 * those where they hold a role with project.manage (a project manager's own municipality).
 */
export function useOwnerOptions(organisations: Organisation[]): Organisation[] {
  const me = useCurrentMe();
  const reaches = me.memberships.map((m) => ({
    organisationId: m.organisationId,
    reach: reachOf(m.role, "project.manage"),
  }));
  // The API refuses other owners: a project is owned by a municipality.
  const active = organisations.filter((o) => o.isActive && o.kind === "municipality");
  if (reaches.some((r) => r.reach === "any")) return active;
  const own = new Set(reaches.filter((r) => r.reach !== undefined).map((r) => r.organisationId));
  return active.filter((o) => own.has(o.id));
}
