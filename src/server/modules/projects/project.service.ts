import { and, asc, count, eq, ilike, inArray } from "drizzle-orm";
import type { ProjectCreateInput, ProjectUpdateInput } from "../../../contracts/admin.js";
import { authorize, type ProjectPart, type Resource, scope } from "../../../domain/access/index.js";
import type { ActorContext } from "../../context.js";
import type { DbOrTx } from "../../db/client.js";
import { organisationNames } from "../../db/display-names.js";
import { readAll } from "../../db/read-all.js";
import { organisation, project, projectParty, track } from "../../db/schema/index.js";
import { scopeFilter } from "../../db/scope-filter.js";
import { AppError, enforce, forbidden, notFound, staleVersion } from "../../errors.js";
import { ensureProjectInstruments } from "../progression/instrument-catalogue.js";

type ProjectRow = typeof project.$inferSelect;

/** Which kind of organisation may take which part in a project. */
const KIND_OF_PART: Record<ProjectPart, string> = {
  owner: "municipality",
  payer: "municipality",
  provider: "provider",
  investor: "investor",
  evaluator: "evaluator",
};

const resourceOf = (p: Pick<ProjectRow, "id" | "organisationId">): Resource => ({
  type: "project",
  organisationIds: [p.organisationId],
  projectIds: [p.id],
});

async function present(db: DbOrTx, rows: ProjectRow[]) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [tracks, parties, owners] = await readAll(db, [
    () => db.select().from(track).where(inArray(track.projectId, ids)).orderBy(asc(track.code)),
    () =>
      db
        .select({
          projectId: projectParty.projectId,
          organisationId: projectParty.organisationId,
          part: projectParty.part,
          organisationName: organisation.name,
          organisationKind: organisation.kind,
        })
        .from(projectParty)
        .innerJoin(organisation, eq(organisation.id, projectParty.organisationId))
        .where(inArray(projectParty.projectId, ids))
        .orderBy(asc(organisation.name)),
    () =>
      organisationNames(
        db,
        rows.map((r) => r.organisationId),
      ),
  ]);
  return rows.map((p) => ({
    id: p.id,
    organisationId: p.organisationId,
    organisationName: owners.get(p.organisationId) ?? "",
    name: p.name,
    description: p.description,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    status: p.status,
    version: p.version,
    tracks: tracks.filter((t) => t.projectId === p.id).map(({ projectId: _p, ...t }) => t),
    parties: parties.filter((x) => x.projectId === p.id).map(({ projectId: _p, ...x }) => x),
  }));
}

/** Projects the actor's organisations own or take part in (all for the platform admin). */
export async function listProjects(ctx: ActorContext, query: { q?: string; limit: number; offset: number }) {
  const where = and(
    scopeFilter(scope(ctx.actor, "project.read"), {
      organisationId: project.organisationId,
      projectId: project.id,
    }),
    query.q ? ilike(project.name, `%${query.q}%`) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(project)
      .where(where)
      .orderBy(asc(project.name))
      .limit(query.limit)
      .offset(query.offset),
    ctx.db.select({ n: count() }).from(project).where(where),
  ]);
  return { items: await present(ctx.db, rows), total: total?.n ?? 0 };
}

async function loadAuthorized(
  ctx: ActorContext,
  db: DbOrTx,
  id: string,
  permission: "project.read" | "project.manage",
) {
  const [row] = await db.select().from(project).where(eq(project.id, id));
  if (!row) throw notFound("Projektet");
  const decision = authorize(ctx.actor, permission, resourceOf(row));
  enforce(decision, "Projektet");
  return row;
}

/** One project with tracks and parties. */
export async function getProject(ctx: ActorContext, id: string) {
  const [p] = await present(ctx.db, [await loadAuthorized(ctx, ctx.db, id, "project.read")]);
  return p!;
}

async function checkParties(
  db: DbOrTx,
  ownerId: string,
  parties: { organisationId: string; part: ProjectPart }[],
) {
  const ids = [...new Set([ownerId, ...parties.map((p) => p.organisationId)])];
  const orgs = await db
    .select({ id: organisation.id, kind: organisation.kind })
    .from(organisation)
    .where(inArray(organisation.id, ids));
  const kindOf = new Map(orgs.map((o) => [o.id, o.kind]));
  if (kindOf.get(ownerId) !== "municipality") {
    throw new AppError("VALIDATION_FAILED", "Et projekt ejes af en kommune.", [
      { path: "organisationId", message: "Vælg en kommune" },
    ]);
  }
  const details = parties.flatMap((p, i) => {
    const kind = kindOf.get(p.organisationId);
    if (!kind) return [{ path: `parties.${i}.organisationId`, message: "Organisationen findes ikke" }];
    if (KIND_OF_PART[p.part] !== kind)
      return [
        { path: `parties.${i}.part`, message: "Organisationens type passer ikke til rollen i projektet" },
      ];
    return [];
  });
  if (new Set(parties.map((p) => p.organisationId)).size !== parties.length) {
    details.push({ path: "parties", message: "En organisation kan kun deltage én gang" });
  }
  if (details.length > 0)
    throw new AppError("VALIDATION_FAILED", "Projektets parter er ikke i orden.", details);
}

function checkTrackCodes(tracks: { code: string }[]) {
  if (new Set(tracks.map((t) => t.code)).size !== tracks.length) {
    throw new AppError("VALIDATION_FAILED", "To spor har samme kode.", [
      { path: "tracks", message: "Koderne skal være forskellige" },
    ]);
  }
}

/** Creates a project owned by a municipality, with its tracks and parties. */
export async function createProject(ctx: ActorContext, input: ProjectCreateInput) {
  const decision = authorize(ctx.actor, "project.manage", {
    type: "project",
    organisationIds: [input.organisationId],
  });
  if (!decision.allowed) throw forbidden();
  checkTrackCodes(input.tracks);
  const parties = input.parties.filter((p) => p.organisationId !== input.organisationId);
  return ctx.db.transaction(async (tx) => {
    await checkParties(tx, input.organisationId, parties);
    const [row] = await tx
      .insert(project)
      .values({
        organisationId: input.organisationId,
        name: input.name,
        description: input.description,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        status: input.status,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    const p = row!;
    await tx.insert(track).values(input.tracks.map((t) => ({ ...t, projectId: p.id })));
    // The shipped instruments, so the project can set up measurement schedules straight away.
    await ensureProjectInstruments(tx, p.id);
    await tx
      .insert(projectParty)
      .values([
        { projectId: p.id, organisationId: p.organisationId, part: "owner" as const },
        ...parties.map((x) => ({ projectId: p.id, organisationId: x.organisationId, part: x.part })),
      ]);
    await ctx.audit(tx, {
      type: "project.created",
      subjectId: p.id,
      organisationId: p.organisationId,
      projectId: p.id,
      payload: {
        trackCodes: input.tracks.map((t) => t.code),
        partyIds: parties.map((x) => x.organisationId),
      },
    });
    const [presented] = await present(tx, [p]);
    return presented!;
  });
}

/**
 * Edits a project. Tracks are matched by code: listed tracks are updated or added; a track left out
 * is kept (courses will refer to it). Parties, when given, replace the current ones (the owner stays).
 */
export async function updateProject(ctx: ActorContext, id: string, input: ProjectUpdateInput) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadAuthorized(ctx, tx, id, "project.manage");
    if (row.version !== input.version) throw staleVersion();
    const { version, tracks, parties, ...fields } = input;
    const startsOn = fields.startsOn ?? row.startsOn;
    const endsOn = fields.endsOn ?? row.endsOn;
    if (endsOn < startsOn) {
      throw new AppError("VALIDATION_FAILED", "Slutdatoen skal ligge efter startdatoen.", [
        { path: "endsOn", message: "Før startdatoen" },
      ]);
    }
    const [updated] = await tx
      .update(project)
      .set({ ...fields, version: version + 1, updatedAt: ctx.now() })
      .where(and(eq(project.id, id), eq(project.version, version)))
      .returning();
    if (!updated) throw staleVersion();
    if (tracks) {
      checkTrackCodes(tracks);
      for (const t of tracks) {
        await tx
          .insert(track)
          .values({ ...t, projectId: id })
          .onConflictDoUpdate({
            target: [track.projectId, track.code],
            set: {
              name: t.name,
              capacityFamilies: t.capacityFamilies,
              caseloadWeightPct: t.caseloadWeightPct,
              reviewIntervalMonths: t.reviewIntervalMonths,
            },
          });
      }
    }
    if (parties) {
      const others = parties.filter((p) => p.organisationId !== row.organisationId);
      await checkParties(tx, row.organisationId, others);
      await tx
        .delete(projectParty)
        .where(
          and(
            eq(projectParty.projectId, id),
            inArray(projectParty.part, ["payer", "provider", "investor", "evaluator"]),
          ),
        );
      if (others.length > 0)
        await tx
          .insert(projectParty)
          .values(others.map((x) => ({ projectId: id, organisationId: x.organisationId, part: x.part })));
    }
    const changed = [...Object.keys(fields), ...(tracks ? ["tracks"] : []), ...(parties ? ["parties"] : [])];
    await ctx.audit(tx, {
      type: "project.updated",
      subjectId: id,
      organisationId: row.organisationId,
      projectId: id,
      payload: { fields: changed },
    });
    const [presented] = await present(tx, [updated]);
    return presented!;
  });
}
