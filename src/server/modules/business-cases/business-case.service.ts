import { and, count, desc, eq, inArray, isNull, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type {
  BusinessCaseCreateInputSchema,
  BusinessCaseUpdateInputSchema,
} from "../../../contracts/business-case.js";
import { authorize, type Resource, scope } from "../../../domain/access/index.js";
import { calculateBusinessCase, type Scenario } from "../../../domain/business-case/index.js";
import type { ActorContext } from "../../context.js";
import type { DbOrTx } from "../../db/client.js";
import { organisationNames } from "../../db/display-names.js";
import { readAll } from "../../db/read-all.js";
import { appUser, businessCase, businessCaseVersion, project, unitPrice } from "../../db/schema/index.js";
import { scopeFilter } from "../../db/scope-filter.js";
import { AppError, enforce, forbidden, notFound, staleVersion } from "../../errors.js";
import { ENGINE_VERSION, parseScenarioOrThrow } from "./scenario-calculation.js";
import { diffJson } from "./scenario-diff.js";

type Row = typeof businessCase.$inferSelect;
type VersionRow = typeof businessCaseVersion.$inferSelect;

/** A business case as the policy sees it: the owner's, and the project's parties' when shared. */
export const businessCaseResource = (
  b: Pick<Row, "organisationId" | "projectId" | "isSharedWithParties">,
): Resource => ({
  type: "business-case",
  organisationIds: [b.organisationId],
  projectIds: b.isSharedWithParties && b.projectId ? [b.projectId] : [],
});

/** Price catalogue codes the actor's scenarios may refer to: national plus their organisations'. */
export async function knownPriceRefs(db: DbOrTx, organisationIds: string[]): Promise<Set<string>> {
  const rows = await db
    .select({ code: unitPrice.code })
    .from(unitPrice)
    .where(
      or(
        isNull(unitPrice.organisationId),
        organisationIds.length > 0 ? inArray(unitPrice.organisationId, organisationIds) : undefined,
      ),
    );
  return new Set(rows.map((r) => r.code));
}

const actorOrganisationIds = (ctx: ActorContext) => [
  ...new Set(ctx.actor.memberships.map((m) => m.organisationId)),
];

function summarise(scenario: Scenario) {
  const r = calculateBusinessCase(scenario);
  return {
    accumulatedAtHorizonOre: r.accumulatedAtHorizonOre,
    paybackYears: r.payback.isPaidBack ? Math.round(r.payback.years * 1000) / 1000 : null,
  };
}

async function present(db: DbOrTx, rows: Row[]) {
  if (rows.length === 0) return [];
  const projectIds = rows.flatMap((r) => (r.projectId ? [r.projectId] : []));
  const [orgs, projects, versions] = await readAll(db, [
    () =>
      organisationNames(
        db,
        rows.map((r) => r.organisationId),
      ),
    () =>
      projectIds.length > 0
        ? db
            .select({ id: project.id, name: project.name })
            .from(project)
            .where(inArray(project.id, projectIds))
        : Promise.resolve([]),
    () =>
      db
        .select({
          businessCaseId: businessCaseVersion.businessCaseId,
          version: businessCaseVersion.version,
          accumulatedAtHorizonOre: businessCaseVersion.accumulatedAtHorizonOre,
          paybackYears: businessCaseVersion.paybackYears,
          createdAt: businessCaseVersion.createdAt,
          createdByName: appUser.displayName,
        })
        .from(businessCaseVersion)
        .leftJoin(appUser, eq(appUser.id, businessCaseVersion.createdBy))
        .where(
          inArray(
            businessCaseVersion.businessCaseId,
            rows.map((r) => r.id),
          ),
        ),
  ]);
  return rows.map((b) => {
    const v = versions.find((x) => x.businessCaseId === b.id && x.version === b.currentVersion);
    return {
      id: b.id,
      organisationId: b.organisationId,
      organisationName: orgs.get(b.organisationId) ?? "",
      projectId: b.projectId,
      projectName: projects.find((p) => p.id === b.projectId)?.name ?? null,
      name: b.name,
      description: b.description,
      isSharedWithParties: b.isSharedWithParties,
      currentVersion: b.currentVersion,
      updatedAt: (v?.createdAt ?? b.updatedAt).toISOString(),
      updatedByName: v?.createdByName ?? null,
      accumulatedAtHorizonOre: v?.accumulatedAtHorizonOre ?? null,
      paybackYear: v?.paybackYears ?? null,
      version: b.version,
    };
  });
}

function presentVersion(v: VersionRow & { createdByName?: string | null }) {
  return {
    version: v.version,
    scenario: v.scenario as unknown as Scenario,
    note: v.note,
    createdAt: v.createdAt.toISOString(),
    createdByName: v.createdByName ?? null,
    engineVersion: v.engineVersion,
  };
}

/** Business cases the actor may read, optionally for one project or organisation. */
export async function listBusinessCases(
  ctx: ActorContext,
  q: { projectId?: string; organisationId?: string; limit: number; offset: number },
) {
  const inProjects = (ids: string[]) =>
    and(eq(businessCase.isSharedWithParties, true), inArray(businessCase.projectId, ids)) as SQL;
  const where = and(
    scopeFilter(scope(ctx.actor, "businessCase.read"), {
      organisationId: businessCase.organisationId,
      inProjects,
    }),
    q.projectId ? eq(businessCase.projectId, q.projectId) : undefined,
    q.organisationId ? eq(businessCase.organisationId, q.organisationId) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(businessCase)
      .where(where)
      .orderBy(businessCase.name)
      .limit(q.limit)
      .offset(q.offset),
    ctx.db.select({ n: count() }).from(businessCase).where(where),
  ]);
  return { items: await present(ctx.db, rows), total: total?.n ?? 0 };
}

/** Loads one business case the actor may act on (404 when hidden, 403 when visible but not allowed). */
export async function loadBusinessCase(
  ctx: ActorContext,
  db: DbOrTx,
  id: string,
  permission: "businessCase.read" | "businessCase.write",
) {
  const [row] = await db.select().from(businessCase).where(eq(businessCase.id, id));
  if (!row) throw notFound("Businesscasen");
  const decision = authorize(ctx.actor, permission, businessCaseResource(row));
  enforce(decision, "Businesscasen");
  return row;
}

async function getVersionRow(db: DbOrTx, id: string, version: number) {
  const [v] = await db
    .select({ v: businessCaseVersion, createdByName: appUser.displayName })
    .from(businessCaseVersion)
    .leftJoin(appUser, eq(appUser.id, businessCaseVersion.createdBy))
    .where(and(eq(businessCaseVersion.businessCaseId, id), eq(businessCaseVersion.version, version)));
  if (!v) throw notFound(`Version ${version}`);
  return { ...v.v, createdByName: v.createdByName };
}

async function detail(ctx: ActorContext, db: DbOrTx, row: Row) {
  const [summary] = await present(db, [row]);
  const current = await getVersionRow(db, row.id, row.currentVersion);
  return {
    ...summary!,
    current: presentVersion(current),
    canEdit: authorize(ctx.actor, "businessCase.write", businessCaseResource(row)).allowed,
  };
}

/** One business case with its current scenario. */
export async function getBusinessCase(ctx: ActorContext, id: string) {
  return detail(ctx, ctx.db, await loadBusinessCase(ctx, ctx.db, id, "businessCase.read"));
}

/** Creates a business case with its first version (the scenario is validated by the engine). */
export async function createBusinessCase(
  ctx: ActorContext,
  input: z.infer<typeof BusinessCaseCreateInputSchema>,
  duplicatedFrom?: string,
) {
  if (
    !authorize(ctx.actor, "businessCase.write", {
      type: "business-case",
      organisationIds: [input.organisationId],
    }).allowed
  ) {
    throw forbidden();
  }
  const scenario = parseScenarioOrThrow(input.scenario, await knownPriceRefs(ctx.db, [input.organisationId]));
  const summary = summarise(scenario);
  return ctx.db.transaction(async (tx) => {
    if (input.projectId) {
      const [p] = await tx.select().from(project).where(eq(project.id, input.projectId));
      if (!p || p.organisationId !== input.organisationId) {
        throw new AppError("VALIDATION_FAILED", "Projektet hører ikke til organisationen.", [
          { path: "projectId", message: "Vælg et af organisationens projekter" },
        ]);
      }
    }
    const now = ctx.now();
    const [row] = await tx
      .insert(businessCase)
      .values({
        organisationId: input.organisationId,
        projectId: input.projectId ?? null,
        name: input.name,
        description: input.description,
        isSharedWithParties: input.isSharedWithParties,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(businessCaseVersion).values({
      businessCaseId: row!.id,
      version: 1,
      organisationId: row!.organisationId,
      projectId: row!.projectId,
      scenario: scenario as unknown as Record<string, unknown>,
      engineVersion: ENGINE_VERSION,
      ...summary,
      note: input.note,
      createdBy: ctx.actor.userId,
      createdAt: now,
    });
    await ctx.audit(tx, {
      type: "businessCase.created",
      subjectId: row!.id,
      organisationId: row!.organisationId,
      projectId: row!.projectId,
      payload: { version: 1, ...(duplicatedFrom ? { duplicatedFrom } : {}) },
    });
    return detail(ctx, tx, row!);
  });
}

/** Saves a new version; refused with 409 when someone saved a newer one since `basedOnVersion`. */
export async function saveBusinessCaseVersion(
  ctx: ActorContext,
  id: string,
  input: { scenario: unknown; note: string; basedOnVersion: number },
) {
  const probe = await loadBusinessCase(ctx, ctx.db, id, "businessCase.write");
  const scenario = parseScenarioOrThrow(input.scenario, await knownPriceRefs(ctx.db, [probe.organisationId]));
  const summary = summarise(scenario);
  return ctx.db.transaction(async (tx) => {
    const row = await loadBusinessCase(ctx, tx, id, "businessCase.write");
    if (row.currentVersion !== input.basedOnVersion) {
      throw new AppError(
        "STALE_VERSION",
        `Der er gemt en nyere version (${row.currentVersion}) siden du begyndte. Åbn den nyeste version, og indarbejd dine ændringer.`,
      );
    }
    const previous = await getVersionRow(tx, id, row.currentVersion);
    const next = row.currentVersion + 1;
    const now = ctx.now();
    await tx.insert(businessCaseVersion).values({
      businessCaseId: id,
      version: next,
      organisationId: row.organisationId,
      projectId: row.projectId,
      scenario: scenario as unknown as Record<string, unknown>,
      engineVersion: ENGINE_VERSION,
      ...summary,
      note: input.note,
      createdBy: ctx.actor.userId,
      createdAt: now,
    });
    const [updated] = await tx
      .update(businessCase)
      .set({ currentVersion: next, updatedAt: now })
      .where(and(eq(businessCase.id, id), eq(businessCase.currentVersion, row.currentVersion)))
      .returning();
    if (!updated) throw staleVersion();
    await ctx.audit(tx, {
      type: "businessCase.version_saved",
      subjectId: id,
      organisationId: row.organisationId,
      projectId: row.projectId,
      payload: { version: next, changedPaths: diffJson(previous.scenario, scenario).length },
    });
    return detail(ctx, tx, updated);
  });
}

/** Edits name, description or sharing (optimistic locking on `version`). */
export async function updateBusinessCase(
  ctx: ActorContext,
  id: string,
  input: z.infer<typeof BusinessCaseUpdateInputSchema>,
) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadBusinessCase(ctx, tx, id, "businessCase.write");
    if (row.version !== input.version) throw staleVersion();
    const { version, ...changes } = input;
    const [updated] = await tx
      .update(businessCase)
      .set({ ...changes, version: version + 1, updatedAt: ctx.now() })
      .where(and(eq(businessCase.id, id), eq(businessCase.version, version)))
      .returning();
    if (!updated) throw staleVersion();
    const fields = Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined);
    await ctx.audit(tx, {
      type: "businessCase.updated",
      subjectId: id,
      organisationId: row.organisationId,
      projectId: row.projectId,
      payload: { fields },
    });
    return detail(ctx, tx, updated);
  });
}

/** All versions, newest first. */
export async function listVersions(ctx: ActorContext, id: string) {
  await loadBusinessCase(ctx, ctx.db, id, "businessCase.read");
  const rows = await ctx.db
    .select({ v: businessCaseVersion, createdByName: appUser.displayName })
    .from(businessCaseVersion)
    .leftJoin(appUser, eq(appUser.id, businessCaseVersion.createdBy))
    .where(eq(businessCaseVersion.businessCaseId, id))
    .orderBy(desc(businessCaseVersion.version));
  return { items: rows.map((r) => presentVersion({ ...r.v, createdByName: r.createdByName })) };
}

/** One version. */
export async function getVersion(ctx: ActorContext, id: string, version: number) {
  await loadBusinessCase(ctx, ctx.db, id, "businessCase.read");
  return presentVersion(await getVersionRow(ctx.db, id, version));
}

/** The input paths that differ between two versions. */
export async function diffVersions(ctx: ActorContext, id: string, from: number, to: number) {
  await loadBusinessCase(ctx, ctx.db, id, "businessCase.read");
  const [a, b] = [await getVersionRow(ctx.db, id, from), await getVersionRow(ctx.db, id, to)];
  return { from, to, changes: diffJson(a.scenario, b.scenario) };
}

/** Copies the current version into a new business case of the same owner. */
export async function duplicateBusinessCase(ctx: ActorContext, id: string, name: string) {
  const row = await loadBusinessCase(ctx, ctx.db, id, "businessCase.read");
  const current = await getVersionRow(ctx.db, id, row.currentVersion);
  return createBusinessCase(
    ctx,
    {
      organisationId: row.organisationId,
      projectId: row.projectId,
      name,
      description: row.description,
      isSharedWithParties: false,
      scenario: current.scenario,
      note: `Kopi af "${row.name}" version ${row.currentVersion}`,
    },
    id,
  );
}

export { actorOrganisationIds, getVersionRow };
