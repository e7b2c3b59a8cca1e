import { asc, eq } from "drizzle-orm";
import { type Actor, authorize, can, type Permission, type Resource } from "../../../domain/access/index.js";
import type { ContractParty } from "../../../domain/contract/index.js";
import type { ActorContext } from "../../context.js";
import type { DbOrTx } from "../../db/client.js";
import { organisation, outcomeContract, project, projectParty } from "../../db/schema/index.js";
import { enforce, notFound } from "../../errors.js";

/*
 * Who reaches a contract and what they may do with it. The contract is the paying municipality's
 * record, shared with the project's parties (investor, provider, evaluator) through `project` reach.
 * Per-family lines of a statement are personal data: only users who may read the project's families
 * (family.read) see names; evaluators see pseudonyms; investors never see a family at all.
 */

export type ContractRow = typeof outcomeContract.$inferSelect;

export const contractResource = (c: Pick<ContractRow, "organisationId" | "projectId">): Resource => ({
  type: "contract",
  organisationIds: [c.organisationId],
  projectIds: [c.projectId],
});

/** The project's families as the policy sees them, for "may this user see the families behind it". */
const projectFamiliesResource = (c: Pick<ContractRow, "organisationId" | "projectId">): Resource => ({
  type: "family",
  organisationIds: [c.organisationId],
  projectIds: [c.projectId],
});

/** Loads a contract the actor may reach with `permission` (404 when hidden, 403 when only visible). */
export async function loadContractFor(
  ctx: ActorContext,
  db: DbOrTx,
  id: string,
  permission: Permission,
): Promise<ContractRow> {
  const [row] = await db.select().from(outcomeContract).where(eq(outcomeContract.id, id));
  if (!row) throw notFound("Kontrakten");
  enforce(authorize(ctx.actor, permission, contractResource(row)), "Kontrakten");
  return row;
}

/** How a statement's families are shown to this actor. */
export type FamilyVisibility = "names" | "pseudonyms" | "none";

export function familyVisibilityOf(actor: Actor, c: Pick<ContractRow, "organisationId" | "projectId">) {
  if (can(actor, "family.read", projectFamiliesResource(c))) return "names" as const;
  if (can(actor, "settlement.validate", contractResource(c))) return "pseudonyms" as const;
  return "none" as const;
}

/** The organisations the actor belongs to. */
export const organisationsOf = (actor: Actor) => new Set(actor.memberships.map((m) => m.organisationId));

/**
 * The project's parties as contract parties: the owner pays (unless the project names a separate
 * payer), the investor, the provider and the evaluator as they are on the project.
 */
export async function partiesOfProject(db: DbOrTx, projectId: string): Promise<ContractParty[]> {
  const rows = await db
    .select({ organisationId: projectParty.organisationId, part: projectParty.part, name: organisation.name })
    .from(projectParty)
    .innerJoin(organisation, eq(organisation.id, projectParty.organisationId))
    .where(eq(projectParty.projectId, projectId))
    .orderBy(asc(organisation.name));
  const hasPayer = rows.some((r) => r.part === "payer");
  const parties: ContractParty[] = [];
  for (const r of rows) {
    const role =
      r.part === "payer" || (r.part === "owner" && !hasPayer) ? "payer" : r.part === "owner" ? null : r.part;
    if (role) parties.push({ organisationId: r.organisationId, name: r.name, role });
  }
  return parties;
}

/** The project row, or 404. */
export async function loadProject(db: DbOrTx, projectId: string) {
  const [p] = await db.select().from(project).where(eq(project.id, projectId));
  if (!p) throw notFound("Projektet");
  return p;
}
