import { and, asc, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type {
  ReferralAssignInputSchema,
  ReferralCreateInputSchema,
  ReferralListQuerySchema,
  ReferralTransitionInputSchema,
} from "../../../contracts/casework.js";
import { authorize, CASE_TEAM_MEMBERSHIP_ROLES, can } from "../../../domain/access/index.js";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import {
  transitionReferral as applyReferralEvent,
  type ConsentRecord,
  checkReferralAcceptance,
  listAllowedReferralEvents,
  OPEN_COURSE_STATES,
  type ReferralState,
} from "../../../domain/casework/index.js";
import type { ActorContext } from "../../context.js";
import type { DbOrTx } from "../../db/client.js";
import { readAll } from "../../db/read-all.js";
import {
  appUser,
  caseTeamMember,
  consent,
  course,
  courseTransition,
  family,
  familyMembership,
  membership,
  organisation,
  project,
  projectParty,
  referral,
  referralTransition,
  track,
} from "../../db/schema/index.js";
import { AppError, enforce, notFound, staleVersion } from "../../errors.js";
import { syncMeasurementTasks } from "../progression/measurement-task-sync.js";
import { courseResource, readPurpose, referralResource, referralScopeSql, todayOf } from "./case-access.js";
import { addMemberInTx, currentParentIds } from "./family.service.js";
import { syncCourseTasks } from "./task-sync.js";

type ReferralRow = typeof referral.$inferSelect;

/** Referral summaries matching `where`, newest first. */
export async function presentReferralSummaries(
  db: DbOrTx,
  where: SQL | undefined,
  page?: { limit: number; offset: number },
) {
  const q = db
    .select({
      r: referral,
      familyName: family.name,
      projectName: project.name,
      trackName: track.name,
      caseworkerName: appUser.displayName,
      courseId: course.id,
    })
    .from(referral)
    .innerJoin(family, eq(family.id, referral.familyId))
    .innerJoin(project, eq(project.id, referral.projectId))
    .innerJoin(track, eq(track.id, referral.trackId))
    .leftJoin(appUser, eq(appUser.id, referral.caseworkerUserId))
    .leftJoin(course, eq(course.referralId, referral.id))
    .where(where)
    .orderBy(desc(referral.referredOn), desc(referral.createdAt));
  const rows = page ? await q.limit(page.limit).offset(page.offset) : await q;
  return rows.map(({ r, familyName, projectName, trackName, caseworkerName, courseId }) => ({
    id: r.id,
    familyId: r.familyId,
    familyName,
    projectId: r.projectId,
    projectName,
    trackId: r.trackId,
    trackName,
    state: r.state,
    stateSince: r.stateSince,
    referredOn: r.referredOn,
    reason: r.reason,
    caseworker: r.caseworkerUserId ? { id: r.caseworkerUserId, name: caseworkerName ?? "" } : null,
    courseId: courseId ?? null,
  }));
}

const OPEN_REFERRAL_STATES: ReferralState[] = ["submitted", "screening", "wait-listed"];

/** The referral inbox: referrals the actor may read, newest first. Audited. */
export async function listReferrals(ctx: ActorContext, q: z.output<typeof ReferralListQuerySchema>) {
  const where = and(
    referralScopeSql(ctx.actor, "family.read"),
    q.state ? eq(referral.state, q.state) : undefined,
    q.open ? inArray(referral.state, OPEN_REFERRAL_STATES) : undefined,
    q.projectId ? eq(referral.projectId, q.projectId) : undefined,
  );
  const [items, [total]] = await Promise.all([
    presentReferralSummaries(ctx.db, where, q),
    ctx.db.select({ n: count() }).from(referral).where(where),
  ]);
  await ctx.audit(ctx.db, {
    type: "referral.listed",
    purpose: "visitation",
    payload: { rows: items.length, filters: q.state ? ["state"] : q.open ? ["open"] : [] },
  });
  return { items, total: total?.n ?? 0, limit: q.limit, offset: q.offset };
}

async function loadReferralFor(
  ctx: ActorContext,
  db: DbOrTx,
  id: string,
  permission: "family.read" | "family.write",
) {
  const [row] = await db.select().from(referral).where(eq(referral.id, id));
  if (!row) throw notFound("Henvisningen");
  // Once accepted, the referral is read through its course's case team.
  const [c] = row.state === "accepted" ? await db.select().from(course).where(eq(course.referralId, id)) : [];
  const resource = c ? await courseResource(db, c, todayOf(ctx)) : referralResource(row);
  enforce(authorize(ctx.actor, permission, resource), "Henvisningen");
  return { row, resource };
}

async function openCoursesOnTrack(db: DbOrTx, trackId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(course)
    .where(and(eq(course.trackId, trackId), inArray(course.state, [...OPEN_COURSE_STATES])));
  return row?.n ?? 0;
}

async function acceptanceCheck(db: DbOrTx, r: ReferralRow, asOf: CalendarDate) {
  const [[t], consents, parents, open] = await readAll(db, [
    () => db.select().from(track).where(eq(track.id, r.trackId)),
    () => db.select().from(consent).where(eq(consent.familyId, r.familyId)),
    () => currentParentIds(db, r.familyId, asOf),
    () => openCoursesOnTrack(db, r.trackId),
  ]);
  const records: ConsentRecord[] = consents.map((c) => ({
    subject: c.personId ? { kind: "person", personId: c.personId } : { kind: "family", familyId: c.familyId },
    purpose: c.purpose,
    status: c.isGiven ? "given" : "withdrawn",
    on: c.recordedOn as CalendarDate,
  }));
  // A consent recorded for the family as a whole counts for each parent.
  const familyWide = records.filter((c) => c.subject.kind === "family");
  const expanded: ConsentRecord[] = [
    ...records,
    ...parents.flatMap((personId) =>
      familyWide.map((c) => ({ ...c, subject: { kind: "person" as const, personId } })),
    ),
  ];
  return checkReferralAcceptance({
    status: { state: r.state, since: r.stateSince as CalendarDate },
    familyId: r.familyId,
    consentGiverIds: parents,
    consents: expanded,
    track: { name: t!.name, capacity: t!.capacityFamilies, openCourses: open },
    asOf,
  });
}

async function providersOf(db: DbOrTx, projectId: string) {
  return db
    .select({ id: organisation.id, name: organisation.name })
    .from(projectParty)
    .innerJoin(organisation, eq(organisation.id, projectParty.organisationId))
    .where(and(eq(projectParty.projectId, projectId), eq(projectParty.part, "provider")))
    .orderBy(asc(organisation.name));
}

/** One referral with its history, the events allowed now and the acceptance check. Audited. */
export async function getReferral(ctx: ActorContext, id: string, db: DbOrTx = ctx.db) {
  const { row, resource } = await loadReferralFor(ctx, db, id, "family.read");
  const today = todayOf(ctx);
  const [[summary], transitions, acceptance, providers] = await readAll(db, [
    () => presentReferralSummaries(db, eq(referral.id, id)),
    () =>
      db
        .select({ t: referralTransition, byName: appUser.displayName })
        .from(referralTransition)
        .leftJoin(appUser, eq(appUser.id, referralTransition.byUserId))
        .where(eq(referralTransition.referralId, id))
        .orderBy(asc(referralTransition.createdAt)),
    () => acceptanceCheck(db, row, today),
    () => providersOf(db, row.projectId),
  ]);
  await ctx.audit(db, {
    type: "referral.viewed",
    subjectId: id,
    organisationId: row.organisationId,
    projectId: row.projectId,
    purpose: readPurpose(ctx.actor, resource),
    payload: {},
  });
  return {
    ...summary!,
    legalBasis: row.legalBasis,
    childIds: row.childIds,
    version: row.version,
    transitions: transitions.map(({ t, byName }) => ({
      id: t.id,
      event: t.event,
      fromState: t.fromState,
      toState: t.toState,
      onDate: t.onDate,
      reason: t.reason,
      byName,
      createdAt: t.createdAt.toISOString(),
    })),
    allowedEvents: listAllowedReferralEvents(row.state),
    acceptance: {
      canAccept: acceptance.canAccept,
      problems: acceptance.problems.map((p) => ({
        ...p,
        personIds: p.personIds ? [...p.personIds] : undefined,
      })),
    },
    providers,
    abilities: { write: can(ctx.actor, "family.write", resource) },
  };
}

async function assertCaseworkerOf(db: DbOrTx, userId: string, organisationId: string) {
  const [m] = await db
    .select({ id: membership.id })
    .from(membership)
    .innerJoin(appUser, eq(appUser.id, membership.userId))
    .where(
      and(
        eq(membership.userId, userId),
        eq(membership.organisationId, organisationId),
        inArray(membership.role, [...CASE_TEAM_MEMBERSHIP_ROLES.caseworker]),
        eq(appUser.isActive, true),
      ),
    );
  if (!m) {
    const message = "Den valgte sagsbehandler arbejder ikke i kommunen.";
    throw new AppError("VALIDATION_FAILED", message, [{ path: "caseworkerUserId", message }]);
  }
}

/**
 * Submits a referral of a family (a new one with its members, or one already known) to a project
 * track. The referring municipality owns the case; the project must be one it runs.
 */
export async function createReferral(ctx: ActorContext, input: z.output<typeof ReferralCreateInputSchema>) {
  const id = await ctx.db.transaction(async (tx) => {
    const [p] = await tx.select().from(project).where(eq(project.id, input.projectId));
    if (!p) throw notFound("Projektet");
    const organisationId = p.organisationId;
    const resource = {
      type: "family" as const,
      organisationIds: [organisationId],
      projectIds: [p.id],
      teamUserIds: [ctx.actor.userId],
    };
    enforce(authorize(ctx.actor, "family.write", resource), "Projektet");
    const [t] = await tx
      .select()
      .from(track)
      .where(and(eq(track.id, input.trackId), eq(track.projectId, p.id)));
    if (!t) {
      const message = "Sporet hører ikke til projektet.";
      throw new AppError("VALIDATION_FAILED", message, [{ path: "trackId", message }]);
    }
    if (input.referredOn > todayOf(ctx)) {
      const message = "Henvisningsdatoen kan ikke ligge i fremtiden.";
      throw new AppError("VALIDATION_FAILED", message, [{ path: "referredOn", message }]);
    }
    const caseworkerUserId = input.caseworkerUserId ?? ctx.actor.userId;
    await assertCaseworkerOf(tx, caseworkerUserId, organisationId);

    let familyId = input.familyId;
    let childIds = input.childIds;
    let members = 0;
    if (input.newFamily) {
      const [f] = await tx
        .insert(family)
        .values({
          organisationId,
          name: input.newFamily.name,
          createdBy: ctx.actor.userId,
          createdAt: ctx.now(),
        })
        .returning();
      familyId = f!.id;
      const added = [];
      for (const [i, m] of input.newFamily.members.entries()) {
        try {
          added.push({ ...(await addMemberInTx(ctx, tx, f!, m)), role: m.role });
        } catch (e) {
          if (e instanceof AppError && e.details)
            throw new AppError(
              e.code,
              e.message,
              e.details.map((d) => ({ ...d, path: `newFamily.members.${i}.${d.path}` })),
            );
          throw e;
        }
      }
      members = added.length;
      childIds = added.filter((a) => a.role === "child").map((a) => a.personId);
    } else {
      const [f] = await tx.select().from(family).where(eq(family.id, familyId!));
      if (!f || f.organisationId !== organisationId) throw notFound("Familien");
      const memberIds = new Set(
        (
          await tx
            .select({ personId: familyMembership.personId })
            .from(familyMembership)
            .where(eq(familyMembership.familyId, f.id))
        ).map((m) => m.personId),
      );
      const stranger = childIds.find((c) => !memberIds.has(c));
      if (stranger) {
        const message = "Et af de valgte børn er ikke medlem af familien.";
        throw new AppError("VALIDATION_FAILED", message, [{ path: "childIds", message }]);
      }
    }
    const [r] = await tx
      .insert(referral)
      .values({
        organisationId,
        projectId: p.id,
        trackId: t.id,
        familyId: familyId!,
        reason: input.reason,
        legalBasis: input.legalBasis,
        childIds,
        referredOn: input.referredOn,
        state: "submitted",
        stateSince: input.referredOn,
        caseworkerUserId,
        createdBy: ctx.actor.userId,
        createdAt: ctx.now(),
      })
      .returning();
    await tx.insert(referralTransition).values({
      organisationId,
      referralId: r!.id,
      event: "submit",
      fromState: null,
      toState: "submitted",
      onDate: input.referredOn,
      reason: "",
      byUserId: ctx.actor.userId,
      createdAt: ctx.now(),
    });
    if (input.newFamily) {
      await ctx.audit(tx, {
        type: "family.created",
        subjectId: familyId!,
        organisationId,
        payload: { referralId: r!.id, members },
      });
    }
    await ctx.audit(tx, {
      type: "referral.submitted",
      subjectId: r!.id,
      organisationId,
      projectId: p.id,
      payload: { familyId: familyId!, trackId: t.id },
    });
    return r!.id;
  });
  return getReferral(ctx, id);
}

/** Hands a referral to another caseworker of the municipality. */
export async function assignReferral(
  ctx: ActorContext,
  id: string,
  input: z.output<typeof ReferralAssignInputSchema>,
) {
  await ctx.db.transaction(async (tx) => {
    const { row } = await loadReferralFor(ctx, tx, id, "family.write");
    if (row.version !== input.version) throw staleVersion();
    await assertCaseworkerOf(tx, input.caseworkerUserId, row.organisationId);
    await tx
      .update(referral)
      .set({ caseworkerUserId: input.caseworkerUserId, version: row.version + 1 })
      .where(eq(referral.id, id));
    await ctx.audit(tx, {
      type: "referral.transitioned",
      subjectId: id,
      organisationId: row.organisationId,
      projectId: row.projectId,
      payload: { event: "assign", from: row.state, to: row.state },
    });
  });
  return getReferral(ctx, id);
}

/**
 * Moves a referral (screening, accept, reject, wait-list). Accepting checks consent and the track's
 * capacity, then opens the course with the responsible caseworker (and the provider's consultant)
 * on its case team, all in one transaction.
 */
export async function transitionReferral(
  ctx: ActorContext,
  id: string,
  input: z.output<typeof ReferralTransitionInputSchema>,
) {
  return ctx.db.transaction(async (tx) => {
    const { row } = await loadReferralFor(ctx, tx, id, "family.write");
    if (row.version !== input.version) throw staleVersion();
    if (input.on > todayOf(ctx)) {
      const message = "Datoen kan ikke ligge i fremtiden.";
      throw new AppError("VALIDATION_FAILED", message, [{ path: "on", message }]);
    }
    const result = applyReferralEvent(
      { state: row.state, since: row.stateSince as CalendarDate },
      input.event,
      {
        at: input.on as CalendarDate,
        reason: input.reason,
      },
    );
    if (!result.ok) throw new AppError("CONFLICT", result.message);
    let courseId: string | undefined;
    if (input.event === "accept") {
      const check = await acceptanceCheck(tx, row, input.on as CalendarDate);
      if (!check.canAccept) {
        const blocking = check.problems.filter((p) => p.severity === "blocking");
        throw new AppError(
          "CONFLICT",
          blocking.map((p) => p.message).join(" "),
          blocking.map((p) => ({ path: p.code, message: p.message })),
        );
      }
      courseId = await openCourse(ctx, tx, row, input);
    }
    const [updated] = await tx
      .update(referral)
      .set({ state: result.status.state, stateSince: result.status.since, version: row.version + 1 })
      .where(and(eq(referral.id, id), eq(referral.version, row.version)))
      .returning();
    if (!updated) throw staleVersion();
    await tx.insert(referralTransition).values({
      organisationId: row.organisationId,
      referralId: id,
      event: input.event,
      fromState: row.state,
      toState: result.status.state,
      onDate: input.on,
      reason: input.reason?.trim() ?? "",
      byUserId: ctx.actor.userId,
      createdAt: ctx.now(),
    });
    await ctx.audit(tx, {
      type: "referral.transitioned",
      subjectId: id,
      organisationId: row.organisationId,
      projectId: row.projectId,
      payload: {
        event: input.event,
        from: row.state,
        to: result.status.state,
        ...(courseId ? { courseId } : {}),
      },
    });
    return getReferral(ctx, id, tx);
  });
}

async function openCourse(
  ctx: ActorContext,
  tx: DbOrTx,
  r: ReferralRow,
  input: z.output<typeof ReferralTransitionInputSchema>,
): Promise<string> {
  const providers = await providersOf(tx, r.projectId);
  const providerId = input.providerOrganisationId ?? (providers.length === 1 ? providers[0]!.id : undefined);
  if (input.providerOrganisationId && !providers.some((p) => p.id === input.providerOrganisationId)) {
    const message = "Leverandøren er ikke part i projektet.";
    throw new AppError("VALIDATION_FAILED", message, [{ path: "providerOrganisationId", message }]);
  }
  if (input.consultantUserId) {
    const [m] = providerId
      ? await tx
          .select({ id: membership.id })
          .from(membership)
          .where(
            and(
              eq(membership.userId, input.consultantUserId),
              eq(membership.organisationId, providerId),
              inArray(membership.role, [...CASE_TEAM_MEMBERSHIP_ROLES.consultant]),
            ),
          )
      : [];
    if (!m) {
      const message = "Familiekonsulenten arbejder ikke hos leverandøren.";
      throw new AppError("VALIDATION_FAILED", message, [{ path: "consultantUserId", message }]);
    }
  }
  const [c] = await tx
    .insert(course)
    .values({
      organisationId: r.organisationId,
      projectId: r.projectId,
      trackId: r.trackId,
      familyId: r.familyId,
      referralId: r.id,
      providerOrganisationId: providerId ?? null,
      state: "accepted",
      stateSince: input.on,
      acceptedOn: input.on,
      createdAt: ctx.now(),
    })
    .returning();
  await tx.insert(courseTransition).values({
    organisationId: r.organisationId,
    courseId: c!.id,
    event: "accept",
    fromState: null,
    toState: "accepted",
    onDate: input.on,
    reason: input.reason?.trim() ?? "",
    byUserId: ctx.actor.userId,
    createdAt: ctx.now(),
  });
  const team = [
    ...(r.caseworkerUserId
      ? [{ userId: r.caseworkerUserId, role: "caseworker" as const, org: r.organisationId }]
      : []),
    ...(input.consultantUserId && providerId
      ? [{ userId: input.consultantUserId, role: "consultant" as const, org: providerId }]
      : []),
  ];
  if (team.length > 0) {
    await tx.insert(caseTeamMember).values(
      team.map((m) => ({
        organisationId: r.organisationId,
        courseId: c!.id,
        userId: m.userId,
        memberOrganisationId: m.org,
        role: m.role,
        fromOn: input.on,
        createdBy: ctx.actor.userId,
        createdAt: ctx.now(),
      })),
    );
  }
  await syncCourseTasks(tx, c!.id, todayOf(ctx));
  await syncMeasurementTasks(tx, c!.id, todayOf(ctx));
  return c!.id;
}
