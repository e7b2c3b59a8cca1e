import { and, asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type {
  ConsentInputSchema,
  FamilyListQuerySchema,
  FamilySummary,
  NewMemberInputSchema,
} from "../../../contracts/casework.js";
import { can } from "../../../domain/access/index.js";
import type { ActorContext } from "../../context.js";
import type { DbOrTx } from "../../db/client.js";
import { appUser, consent, course, familyMembership, person, referral } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { loadFamilyFor, readPurpose, todayOf } from "./case-access.js";
import { presentCourseSummaries } from "./course.service.js";
import { type FamilyPageRow, queryFamilyPage } from "./family-list.repository.js";
import { createPerson, presentPerson, sealedCprOf } from "./person.service.js";
import { presentReferralSummaries } from "./referral.service.js";

/**
 * The family list: families the actor may read, each with its latest course (or, before acceptance,
 * its latest referral), caseworkers and task counts. Filters: search by family or member name, project,
 * track, state, caseworker, overdue tasks. Paged; the read is audited.
 */
export async function listFamilies(ctx: ActorContext, q: z.output<typeof FamilyListQuerySchema>) {
  const today = todayOf(ctx);
  const { rows, total } = await queryFamilyPage(ctx.db, ctx.actor, q, today);
  const items = rows.map(presentFamilySummary);
  await ctx.audit(ctx.db, {
    type: "family.listed",
    purpose: "sagsoverblik",
    payload: {
      rows: items.length,
      filters: Object.entries(q)
        .filter(([k, v]) => v !== undefined && v !== false && k !== "limit" && k !== "offset")
        .map(([k]) => k),
    },
  });
  return { items, total, limit: q.limit, offset: q.offset };
}

function presentFamilySummary(r: FamilyPageRow): FamilySummary {
  // Before acceptance the referral's responsible caseworker stands in for the case team.
  const caseworkers = r.course_id
    ? r.caseworkers
    : r.referral_caseworker
      ? [{ id: r.referral_caseworker, name: r.referral_caseworker_name ?? "" }]
      : [];
  return {
    id: r.id,
    name: r.name,
    memberCount: r.member_count,
    languages: [...new Set(r.member_languages.flat())].filter((l) => l !== "da"),
    interpreterNeeded: r.interpreter_needed,
    projectId: r.course_project_id ?? r.referral_project_id,
    projectName: r.project_name,
    trackId: r.course_track_id ?? r.referral_track_id,
    trackName: r.track_name,
    courseId: r.course_id,
    courseState: r.course_state as FamilySummary["courseState"],
    referralId: r.referral_id,
    referralState: r.referral_state as FamilySummary["referralState"],
    caseworkers: [...new Map(caseworkers.map((c) => [c.id, c])).values()],
    openTasks: r.open_tasks,
    overdueTasks: r.overdue_tasks,
    nextDueOn: r.next_due_on,
  };
}

/** One family: members (CPR masked), consents, referrals and courses the actor may see. Audited. */
export async function getFamily(ctx: ActorContext, id: string) {
  const { row, resource, today } = await loadFamilyFor(ctx, ctx.db, id, "family.read");
  const members = await ctx.db
    .select({ m: familyMembership, p: person })
    .from(familyMembership)
    .innerJoin(person, eq(person.id, familyMembership.personId))
    .where(eq(familyMembership.familyId, id))
    .orderBy(asc(familyMembership.role), asc(person.birthDate));
  const sealed = await sealedCprOf(
    ctx.db,
    members.map((m) => m.p.id),
  );
  const consents = await ctx.db
    .select({ c: consent, byName: appUser.displayName })
    .from(consent)
    .leftJoin(appUser, eq(appUser.id, consent.recordedBy))
    .where(eq(consent.familyId, id))
    .orderBy(asc(consent.recordedOn), asc(consent.createdAt));
  const [referrals, courses] = await Promise.all([
    presentReferralSummaries(ctx.db, eq(referral.familyId, id)),
    presentCourseSummaries(ctx.db, eq(course.familyId, id)),
  ]);
  await ctx.audit(ctx.db, {
    type: "family.viewed",
    subjectId: id,
    organisationId: row.organisationId,
    purpose: readPurpose(ctx.actor, resource),
    payload: { section: "overview" },
  });
  return {
    id: row.id,
    name: row.name,
    organisationId: row.organisationId,
    version: row.version,
    members: members.map(({ m, p }) => ({
      membershipId: m.id,
      role: m.role,
      fromOn: m.fromOn,
      toOn: m.toOn,
      isCurrent: m.fromOn <= today && (m.toOn === null || m.toOn >= today),
      person: presentPerson(p, sealed.get(p.id), ctx.deps.appKey),
    })),
    consents: consents.map(({ c, byName }) => ({
      id: c.id,
      personId: c.personId,
      purpose: c.purpose,
      isGiven: c.isGiven,
      recordedOn: c.recordedOn,
      note: c.note,
      recordedByName: byName,
      createdAt: c.createdAt.toISOString(),
    })),
    referrals,
    courses,
    abilities: {
      write: can(ctx.actor, "family.write", resource),
      revealCpr: can(ctx.actor, "cpr.reveal", resource),
    },
  };
}

/**
 * Adds a member to a household inside the caller's transaction: a new person (with the duplicate
 * check) or a known person moving in. A person is in at most one household on a day.
 */
export async function addMemberInTx(
  ctx: ActorContext,
  tx: DbOrTx,
  familyRow: { id: string; organisationId: string },
  input: z.output<typeof NewMemberInputSchema>,
): Promise<{ personId: string; membershipId: string; newPerson: boolean }> {
  let personId = input.personId;
  const newPerson = personId === undefined;
  if (input.person) {
    personId = await createPerson(
      ctx,
      tx,
      familyRow.organisationId,
      input.person,
      input.acknowledgeDuplicates,
    );
  } else {
    const [p] = await tx.select().from(person).where(eq(person.id, personId!));
    if (!p || p.organisationId !== familyRow.organisationId)
      throw new AppError("NOT_FOUND", "Personen findes ikke i kommunen.");
    const overlapping = await tx
      .select({ id: familyMembership.id, familyId: familyMembership.familyId })
      .from(familyMembership)
      .where(
        and(
          eq(familyMembership.personId, personId!),
          sql`(${familyMembership.toOn} is null or ${familyMembership.toOn} >= ${input.fromOn})`,
        ),
      );
    if (overlapping.length > 0) {
      throw new AppError(
        "CONFLICT",
        overlapping.some((o) => o.familyId === familyRow.id)
          ? "Personen er allerede medlem af familien i den periode."
          : "Personen bor i en anden husstand på den dato. Afslut først medlemskabet dér (flyttedato).",
      );
    }
  }
  const [m] = await tx
    .insert(familyMembership)
    .values({
      organisationId: familyRow.organisationId,
      familyId: familyRow.id,
      personId: personId!,
      role: input.role,
      fromOn: input.fromOn,
      createdAt: ctx.now(),
    })
    .returning({ id: familyMembership.id });
  return { personId: personId!, membershipId: m!.id, newPerson };
}

/** Adds a member to a family the actor may write. */
export async function addMember(
  ctx: ActorContext,
  familyId: string,
  input: z.output<typeof NewMemberInputSchema>,
) {
  await ctx.db.transaction(async (tx) => {
    const { row } = await loadFamilyFor(ctx, tx, familyId, "family.write");
    const added = await addMemberInTx(ctx, tx, row, input);
    await ctx.audit(tx, {
      type: "family.member_added",
      subjectId: familyId,
      organisationId: row.organisationId,
      payload: { personId: added.personId, role: input.role, newPerson: added.newPerson },
    });
  });
  return getFamily(ctx, familyId);
}

/** Ends a membership on a day (the person moved out). */
export async function endMembership(ctx: ActorContext, familyId: string, membershipId: string, toOn: string) {
  await ctx.db.transaction(async (tx) => {
    const { row } = await loadFamilyFor(ctx, tx, familyId, "family.write");
    const [m] = await tx
      .select()
      .from(familyMembership)
      .where(and(eq(familyMembership.id, membershipId), eq(familyMembership.familyId, familyId)));
    if (!m) throw new AppError("NOT_FOUND", "Medlemskabet findes ikke.");
    if (m.toOn !== null) throw new AppError("CONFLICT", "Medlemskabet er allerede afsluttet.");
    if (toOn < m.fromOn) {
      const message = "Fraflytningsdatoen må ikke ligge før indflytningsdatoen.";
      throw new AppError("VALIDATION_FAILED", message, [{ path: "toOn", message }]);
    }
    await tx.update(familyMembership).set({ toOn }).where(eq(familyMembership.id, membershipId));
    await ctx.audit(tx, {
      type: "family.member_ended",
      subjectId: familyId,
      organisationId: row.organisationId,
      payload: { personId: m.personId, membershipId },
    });
  });
  return getFamily(ctx, familyId);
}

/** Records a consent given or withdrawn (append-only). */
export async function recordConsent(
  ctx: ActorContext,
  familyId: string,
  input: z.output<typeof ConsentInputSchema>,
) {
  await ctx.db.transaction(async (tx) => {
    const { row, today } = await loadFamilyFor(ctx, tx, familyId, "family.write");
    if (input.recordedOn > today) {
      const message = "Samtykket kan ikke dateres i fremtiden.";
      throw new AppError("VALIDATION_FAILED", message, [{ path: "recordedOn", message }]);
    }
    if (input.personId) {
      const [m] = await tx
        .select({ id: familyMembership.id })
        .from(familyMembership)
        .where(and(eq(familyMembership.familyId, familyId), eq(familyMembership.personId, input.personId)));
      if (!m) {
        const message = "Personen er ikke medlem af familien.";
        throw new AppError("VALIDATION_FAILED", message, [{ path: "personId", message }]);
      }
    }
    await tx.insert(consent).values({
      organisationId: row.organisationId,
      familyId,
      personId: input.personId ?? null,
      purpose: input.purpose,
      isGiven: input.isGiven,
      recordedOn: input.recordedOn,
      note: input.note,
      recordedBy: ctx.actor.userId,
      createdAt: ctx.now(),
    });
    await ctx.audit(tx, {
      type: "consent.recorded",
      subjectId: familyId,
      organisationId: row.organisationId,
      payload: { purpose: input.purpose, isGiven: input.isGiven, personId: input.personId ?? null },
    });
  });
  return getFamily(ctx, familyId);
}

/** Current parents of a family on a day: the consent givers for an acceptance. */
export async function currentParentIds(db: DbOrTx, familyId: string, on: string): Promise<string[]> {
  const rows = await db
    .select({ personId: familyMembership.personId })
    .from(familyMembership)
    .where(
      and(
        eq(familyMembership.familyId, familyId),
        eq(familyMembership.role, "parent"),
        sql`${familyMembership.fromOn} <= ${on} and (${familyMembership.toOn} is null or ${familyMembership.toOn} >= ${on})`,
      ),
    );
  return rows.map((r) => r.personId);
}
