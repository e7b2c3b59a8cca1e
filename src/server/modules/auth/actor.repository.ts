import { and, eq, inArray } from "drizzle-orm";
import type { Actor } from "../../../domain/access/index.js";
import type { DbOrTx } from "../../db/client.js";
import { membership, organisation, projectParty } from "../../db/schema/index.js";

/**
 * Builds the policy's view of a user: roles in active organisations, and the projects those
 * organisations own or take part in (two queries). Read once per request.
 */
export async function loadActor(
  db: DbOrTx,
  userId: string,
): Promise<Actor & { organisationNames: Map<string, string>; requiresTwoFactor: boolean }> {
  const rows = await db
    .select({
      organisationId: membership.organisationId,
      role: membership.role,
      organisationKind: organisation.kind,
      organisationName: organisation.name,
      requiresTwoFactor: organisation.requiresTwoFactor,
    })
    .from(membership)
    .innerJoin(organisation, eq(organisation.id, membership.organisationId))
    .where(and(eq(membership.userId, userId), eq(organisation.isActive, true)));
  const organisationIds = [...new Set(rows.map((r) => r.organisationId))];
  // The owner of a project is also a party to it (part "owner"), so one table answers both.
  const projectParties =
    organisationIds.length > 0
      ? await db
          .select({ projectId: projectParty.projectId, organisationId: projectParty.organisationId })
          .from(projectParty)
          .where(inArray(projectParty.organisationId, organisationIds))
      : [];
  return {
    userId,
    memberships: rows.map((r) => ({
      organisationId: r.organisationId,
      organisationKind: r.organisationKind,
      role: r.role,
    })),
    projectParties,
    organisationNames: new Map(rows.map((r) => [r.organisationId, r.organisationName])),
    requiresTwoFactor: rows.some((r) => r.requiresTwoFactor),
  };
}
