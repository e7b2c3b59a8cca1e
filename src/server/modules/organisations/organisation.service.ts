import { and, asc, count, eq, ilike, inArray, sql } from "drizzle-orm";
import type { OrganisationCreateInput, OrganisationUpdateInput } from "../../../contracts/admin.js";
import { authorize, can, type Resource, scope } from "../../../domain/access/index.js";
import type { ActorContext } from "../../context.js";
import type { DbOrTx } from "../../db/client.js";
import { organisation, projectParty } from "../../db/schema/index.js";
import { scopeFilter } from "../../db/scope-filter.js";
import { AppError, enforce, forbidden, notFound, staleVersion } from "../../errors.js";

type OrganisationRow = typeof organisation.$inferSelect;

function present(o: OrganisationRow) {
  return {
    id: o.id,
    name: o.name,
    kind: o.kind,
    externalCode: o.externalCode,
    requiresTwoFactor: o.requiresTwoFactor,
    isActive: o.isActive,
    version: o.version,
  };
}

async function resourceOf(db: DbOrTx, o: OrganisationRow): Promise<Resource> {
  const parties = await db
    .select({ projectId: projectParty.projectId })
    .from(projectParty)
    .where(eq(projectParty.organisationId, o.id));
  return { type: "organisation", organisationIds: [o.id], projectIds: parties.map((p) => p.projectId) };
}

const inProjects = (projectIds: string[]) =>
  inArray(
    organisation.id,
    sql`(select ${projectParty.organisationId} from ${projectParty} where ${inArray(projectParty.projectId, projectIds)})`,
  );

/** Organisations the actor may see, filtered by a search text. */
export async function listOrganisations(
  ctx: ActorContext,
  query: { q?: string; limit: number; offset: number },
) {
  const where = and(
    scopeFilter(scope(ctx.actor, "organisation.read"), { organisationId: organisation.id, inProjects }),
    query.q ? ilike(organisation.name, `%${query.q}%`) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(organisation)
      .where(where)
      .orderBy(asc(organisation.name))
      .limit(query.limit)
      .offset(query.offset),
    ctx.db.select({ n: count() }).from(organisation).where(where),
  ]);
  return { items: rows.map(present), total: total?.n ?? 0 };
}

async function loadAuthorized(
  ctx: ActorContext,
  db: DbOrTx,
  id: string,
  permission: "organisation.read" | "organisation.manage",
) {
  const [row] = await db.select().from(organisation).where(eq(organisation.id, id));
  if (!row) throw notFound("Organisationen");
  const decision = authorize(ctx.actor, permission, await resourceOf(db, row));
  enforce(decision, "Organisationen");
  return row;
}

/** One organisation. @throws NOT_FOUND when it does not exist or is hidden from the actor. */
export async function getOrganisation(ctx: ActorContext, id: string) {
  return present(await loadAuthorized(ctx, ctx.db, id, "organisation.read"));
}

/** Creates an organisation (platform admin). */
export async function createOrganisation(ctx: ActorContext, input: OrganisationCreateInput) {
  // A new organisation belongs to no one yet: only a platform-wide reach may create it.
  if (!can(ctx.actor, "organisation.manage", { type: "organisation", organisationIds: [] }))
    throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: organisation.id })
      .from(organisation)
      .where(eq(sql`lower(${organisation.name})`, input.name.toLowerCase()));
    if (existing) {
      throw new AppError("CONFLICT", "Der findes allerede en organisation med det navn.", [
        { path: "name", message: "Navnet er i brug" },
      ]);
    }
    const [row] = await tx
      .insert(organisation)
      .values({
        name: input.name,
        kind: input.kind,
        externalCode: input.externalCode ?? null,
        requiresTwoFactor: input.requiresTwoFactor,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    await ctx.audit(tx, {
      type: "organisation.created",
      subjectId: row!.id,
      organisationId: row!.id,
      payload: { kind: input.kind },
    });
    return present(row!);
  });
}

/** Edits an organisation; `version` must match (409 otherwise). */
export async function updateOrganisation(ctx: ActorContext, id: string, input: OrganisationUpdateInput) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadAuthorized(ctx, tx, id, "organisation.manage");
    if (row.version !== input.version) throw staleVersion();
    const { version: _v, ...changes } = input;
    const fields = Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined);
    const [updated] = await tx
      .update(organisation)
      .set({ ...changes, version: row.version + 1, updatedAt: ctx.now() })
      .where(and(eq(organisation.id, id), eq(organisation.version, input.version)))
      .returning();
    if (!updated) throw staleVersion();
    await ctx.audit(tx, {
      type: "organisation.updated",
      subjectId: id,
      organisationId: id,
      payload: { fields },
    });
    return present(updated);
  });
}
