import { and, eq, inArray, isNull, lt, ne, or, type SQL, sql } from "drizzle-orm";
import type {
  CaseloadBoard,
  CaseloadCheckResult,
  CaseloadReassignPlan,
} from "../../../contracts/casework-tasks.js";
import { authorize, can, caseTeamRoleOf, type Resource, scope } from "../../../domain/access/index.js";
import { type CalendarDate, compareDates } from "../../../domain/calendar-date.js";
import {
  type CaseAssignment,
  type CaseloadCheck,
  type CaseloadLimits,
  type CaseloadOverride,
  type CaseloadSettings,
  checkCaseloadAssignment,
  classifyCaseload,
  computeCaseloads,
  DEFAULT_CASELOAD_LIMITS,
  OPEN_COURSE_STATES,
  planCaseloadReassignment,
  resolveCaseloadLimits,
} from "../../../domain/casework/index.js";
import type { ActorContext } from "../../context.js";
import type { DbOrTx } from "../../db/client.js";
import {
  appUser,
  caseloadLimit,
  caseTask,
  caseTeamMember,
  course,
  family,
  membership,
  organisation,
  track,
} from "../../db/schema/index.js";
import { AppError, enforce, forbidden, notFound } from "../../errors.js";
import { courseScopeSql, loadCourseFor, todayOf } from "./case-access.js";

/*
 * Caseloads (sagsstammer) of a municipality: who holds which families today, weighted by track, against
 * the municipality's limits (issue 4 §3). The counting rules are the domain's
 * (src/domain/casework/caseload.ts); this module reads case-team places and limits from the tables.
 *
 * A board belongs to one municipality: a worker's load on it counts the courses of that municipality
 * only (limits are set per municipality, and one municipality never sees another's families), so a
 * provider's consultant who serves two municipalities appears on both boards with each one's share.
 * Team leaders (caseload.read with reach "organisation") see every caseworker of the municipality and
 * everyone on its courses; caseworkers and consultants (reach "self") see only themselves.
 */

type TeamRole = (typeof caseTeamMember.$inferSelect)["role"];

/** One case-team place with what counting and presenting need. */
interface AssignmentRow {
  memberId: string;
  courseId: string;
  familyId: string;
  familyName: string;
  trackId: string;
  trackName: string;
  weightPct: number;
  courseState: (typeof course.$inferSelect)["state"];
  userId: string;
  role: TeamRole;
  memberOrganisationId: string;
  fromOn: string;
  toOn: string | null;
}

const activeOn = (on: CalendarDate) =>
  sql`${caseTeamMember.fromOn} <= ${on} and (${caseTeamMember.toOn} is null or ${caseTeamMember.toOn} >= ${on})`;

/** Case-team places on courses of `organisationId` active on `on` (open courses, or all but closed). */
async function loadAssignments(
  db: DbOrTx,
  options: {
    organisationId: string;
    on: CalendarDate;
    courseStates: "open" | "not-closed";
    userIds?: string[];
    where?: SQL | undefined;
  },
): Promise<AssignmentRow[]> {
  if (options.userIds && options.userIds.length === 0) return [];
  return db
    .select({
      memberId: caseTeamMember.id,
      courseId: course.id,
      familyId: course.familyId,
      familyName: family.name,
      trackId: course.trackId,
      trackName: track.name,
      weightPct: track.caseloadWeightPct,
      courseState: course.state,
      userId: caseTeamMember.userId,
      role: caseTeamMember.role,
      memberOrganisationId: caseTeamMember.memberOrganisationId,
      fromOn: caseTeamMember.fromOn,
      toOn: caseTeamMember.toOn,
    })
    .from(caseTeamMember)
    .innerJoin(course, eq(course.id, caseTeamMember.courseId))
    .innerJoin(family, eq(family.id, course.familyId))
    .innerJoin(track, eq(track.id, course.trackId))
    .where(
      and(
        eq(course.organisationId, options.organisationId),
        activeOn(options.on),
        options.courseStates === "open"
          ? inArray(course.state, [...OPEN_COURSE_STATES])
          : ne(course.state, "closed"),
        options.userIds ? inArray(caseTeamMember.userId, options.userIds) : undefined,
        options.where,
      ),
    )
    .orderBy(course.id, caseTeamMember.fromOn);
}

const toDomain = (rows: readonly AssignmentRow[]): CaseAssignment[] =>
  rows.map((r) => ({
    courseId: r.courseId,
    familyId: r.familyId,
    trackId: r.trackId,
    courseState: r.courseState,
    workerId: r.userId,
    fromOn: r.fromOn as CalendarDate,
    toOn: (r.toOn ?? undefined) as CalendarDate | undefined,
  }));

/**
 * A municipality's caseload settings: its default limits (the row without a user, else 20/25), each
 * worker's own limits, and the weights of the given tracks (track id → per cent).
 */
export async function loadCaseloadSettings(
  db: DbOrTx,
  organisationId: string,
  trackWeightsPct: Record<string, number>,
): Promise<CaseloadSettings> {
  const rows = await db.select().from(caseloadLimit).where(eq(caseloadLimit.organisationId, organisationId));
  const limitsOf = (r: typeof caseloadLimit.$inferSelect): CaseloadLimits => ({
    warningAtFamilies: r.warningAtFamilies,
    hardLimitFamilies: r.hardLimitFamilies,
  });
  const defaultRow = rows.find((r) => r.userId === null);
  const workerLimits: Record<string, CaseloadLimits> = {};
  for (const r of rows) if (r.userId !== null) workerLimits[r.userId] = limitsOf(r);
  return {
    defaultLimits: defaultRow ? limitsOf(defaultRow) : DEFAULT_CASELOAD_LIMITS,
    teamLimits: {},
    workerLimits,
    trackWeightsPct,
  };
}

const weightsOf = (rows: readonly { trackId: string; weightPct: number }[]) =>
  Object.fromEntries(rows.map((r) => [r.trackId, r.weightPct]));

const organisationResource = (organisationId: string): Resource => ({
  type: "organisation",
  organisationIds: [organisationId],
});

/**
 * Checks adding `userId` to the case team of `courseId` on `today`: the worker's weighted load in the
 * course's municipality after it, against their limits. Over the hard limit is allowed only with an
 * override (a team leader's, with a reason — whether the approver is a team leader is the caller's
 * policy check). Throws NOT_FOUND when the course does not exist.
 */
export async function checkAssignment(
  tx: DbOrTx,
  input: {
    organisationId: string;
    userId: string;
    courseId: string;
    today: CalendarDate;
    override?: CaseloadOverride | undefined;
  },
): Promise<CaseloadCheck> {
  const [c] = await tx
    .select({
      id: course.id,
      familyId: course.familyId,
      trackId: course.trackId,
      weightPct: track.caseloadWeightPct,
    })
    .from(course)
    .innerJoin(track, eq(track.id, course.trackId))
    .where(eq(course.id, input.courseId));
  if (!c) throw notFound("Forløbet");
  const rows = await loadAssignments(tx, {
    organisationId: input.organisationId,
    on: input.today,
    courseStates: "open",
    userIds: [input.userId],
  });
  const settings = await loadCaseloadSettings(tx, input.organisationId, {
    ...weightsOf(rows),
    [c.trackId]: c.weightPct,
  });
  return checkCaseloadAssignment({
    assignments: toDomain(rows),
    worker: { workerId: input.userId },
    course: { courseId: c.id, familyId: c.familyId, trackId: c.trackId },
    asOf: input.today,
    settings,
    override: input.override,
  });
}

// ---------------------------------------------------------------------------------------------------
// The board

async function organisationNames(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: organisation.id, name: organisation.name })
    .from(organisation)
    .where(inArray(organisation.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function userNames(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, { name: string; isActive: boolean }>();
  const rows = await db
    .select({ id: appUser.id, name: appUser.displayName, isActive: appUser.isActive })
    .from(appUser)
    .where(inArray(appUser.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, { name: r.name, isActive: r.isActive }]));
}

/**
 * The caseload board of a municipality as of today (Danish date): per worker the families, weighted
 * load, status against limits and overdue tasks. Team leaders see everyone; a caseworker or consultant
 * only themselves. Audited as `caseload.viewed`.
 */
export async function getCaseloadBoard(
  ctx: ActorContext,
  q: { organisationId?: string | undefined },
): Promise<CaseloadBoard> {
  const today = todayOf(ctx);
  const s = scope(ctx.actor, "caseload.read");
  if (s.kind !== "some") throw forbidden();
  const managedOrgs = s.organisationIds;
  const selfUserId = s.selfUserId;
  return ctx.db.transaction(async (tx) => {
    // Which municipality: the one asked for (when the actor reaches it), else the first they lead.
    let organisationId = q.organisationId ?? managedOrgs[0] ?? null;
    if (organisationId === null && selfUserId) {
      const [own] = await tx
        .select({ organisationId: course.organisationId })
        .from(caseTeamMember)
        .innerJoin(course, eq(course.id, caseTeamMember.courseId))
        .where(and(eq(caseTeamMember.userId, selfUserId), activeOn(today)))
        .orderBy(course.organisationId)
        .limit(1);
      organisationId =
        own?.organisationId ??
        ctx.actor.memberships.find((m) => m.organisationKind === "municipality")?.organisationId ??
        null;
    }
    if (q.organisationId && !managedOrgs.includes(q.organisationId)) {
      const isOwn = ctx.actor.memberships.some((m) => m.organisationId === q.organisationId);
      const [onCourse] = selfUserId
        ? await tx
            .select({ id: caseTeamMember.id })
            .from(caseTeamMember)
            .where(
              and(eq(caseTeamMember.userId, selfUserId), eq(caseTeamMember.organisationId, q.organisationId)),
            )
            .limit(1)
        : [];
      if (!isOwn && !onCourse) throw notFound("Organisationen");
    }
    const isManagement = organisationId !== null && managedOrgs.includes(organisationId);
    const settingsFor = (weights: Record<string, number>) =>
      organisationId
        ? loadCaseloadSettings(tx, organisationId, weights)
        : Promise.resolve<CaseloadSettings>({
            defaultLimits: DEFAULT_CASELOAD_LIMITS,
            teamLimits: {},
            workerLimits: {},
            trackWeightsPct: weights,
          });

    const inScope = courseScopeSql(ctx.actor, "caseload.read", today);
    const visible = or(inScope, selfUserId ? eq(caseTeamMember.userId, selfUserId) : undefined);
    const rows = organisationId
      ? await loadAssignments(tx, { organisationId, on: today, courseStates: "open", where: visible })
      : [];

    // Everyone who may hold a caseload here: for management, the municipality's caseworkers too.
    const workerIds = new Set(rows.map((r) => r.userId));
    const membershipRows =
      isManagement && organisationId
        ? await tx
            .select({
              userId: membership.userId,
              organisationId: membership.organisationId,
              role: membership.role,
            })
            .from(membership)
            .innerJoin(appUser, eq(appUser.id, membership.userId))
            .where(
              and(
                eq(membership.organisationId, organisationId),
                eq(membership.role, "caseworker"),
                eq(appUser.isActive, true),
              ),
            )
        : [];
    for (const m of membershipRows) workerIds.add(m.userId);
    if (!isManagement && selfUserId) {
      for (const id of [...workerIds]) if (id !== selfUserId) workerIds.delete(id);
      workerIds.add(selfUserId);
    }

    const settings = await settingsFor(weightsOf(rows));
    const caseloads = computeCaseloads(toDomain(rows), {
      asOf: today,
      settings,
      workerIds: [...workerIds],
    });

    const courseIds = [...new Set(rows.map((r) => r.courseId))];
    const overdue =
      courseIds.length > 0
        ? await tx
            .select({ courseId: caseTask.courseId, n: sql<number>`count(*)::int` })
            .from(caseTask)
            .where(
              and(inArray(caseTask.courseId, courseIds), isNull(caseTask.doneAt), lt(caseTask.dueOn, today)),
            )
            .groupBy(caseTask.courseId)
        : [];
    const overdueByCourse = new Map(overdue.map((o) => [o.courseId, Number(o.n)]));

    const users = await userNames(tx, [...workerIds]);
    const otherMemberships =
      workerIds.size > 0
        ? await tx
            .select({
              userId: membership.userId,
              organisationId: membership.organisationId,
              role: membership.role,
            })
            .from(membership)
            .where(inArray(membership.userId, [...workerIds]))
        : [];
    const orgNames = await organisationNames(tx, [
      ...(organisationId ? [organisationId] : []),
      ...rows.map((r) => r.memberOrganisationId),
      ...otherMemberships.map((m) => m.organisationId),
    ]);

    const workers = caseloads.map((load) => {
      const own = rows.filter((r) => r.userId === load.workerId);
      const roles = own.map((r) => r.role);
      const memberships = otherMemberships.filter((m) => m.userId === load.workerId);
      const role: TeamRole =
        (["caseworker", "consultant", "coordinator"] as const)
          .map((r) => ({ r, n: roles.filter((x) => x === r).length }))
          .sort((a, b) => b.n - a.n)
          .find((x) => x.n > 0)?.r ??
        (memberships.some((m) => caseTeamRoleOf(m.role) === "consultant") ? "consultant" : "caseworker");
      const workerOrgId =
        own[0]?.memberOrganisationId ??
        memberships.find((m) => m.organisationId === organisationId)?.organisationId ??
        memberships[0]?.organisationId;
      const limits = resolveCaseloadLimits(settings, { workerId: load.workerId });
      const countedCourseIds = load.families.flatMap((f) => f.courseIds);
      const byCourse = new Map(own.map((r) => [r.courseId, r]));
      return {
        userId: load.workerId,
        name: users.get(load.workerId)?.name ?? "",
        role,
        organisationName: (workerOrgId && orgNames.get(workerOrgId)) || "",
        familyCount: load.familyCount,
        weightedLoadPct: load.weightedLoadPct,
        status: classifyCaseload(load.weightedLoadPct, limits),
        limits,
        hasOwnLimits: Object.hasOwn(settings.workerLimits, load.workerId),
        overdueTasks: countedCourseIds.reduce((n, id) => n + (overdueByCourse.get(id) ?? 0), 0),
        families: countedCourseIds.flatMap((id) => {
          const r = byCourse.get(id);
          return r
            ? [
                {
                  familyId: r.familyId,
                  familyName: r.familyName,
                  courseId: r.courseId,
                  trackName: r.trackName,
                  weightPct: r.weightPct,
                  courseState: r.courseState,
                  overdueTasks: overdueByCourse.get(id) ?? 0,
                },
              ]
            : [];
        }),
      };
    });
    workers.sort((a, b) => a.name.localeCompare(b.name, "da") || (a.userId < b.userId ? -1 : 1));

    await ctx.audit(tx, {
      type: "caseload.viewed",
      organisationId,
      purpose: isManagement ? "ledelse" : "sagsbehandling",
      payload: { workers: workers.length },
    });
    return {
      organisationId,
      organisationName: organisationId ? (orgNames.get(organisationId) ?? null) : null,
      asOf: today,
      defaults: settings.defaultLimits,
      canManage:
        organisationId !== null && can(ctx.actor, "caseload.manage", organisationResource(organisationId)),
      workers,
    };
  });
}

// ---------------------------------------------------------------------------------------------------
// Limits

/** The municipality the actor manages caseloads of: the one named (404/403 when not theirs), else their first. */
function managedOrganisation(ctx: ActorContext, organisationId: string | undefined): string {
  if (organisationId) {
    enforce(authorize(ctx.actor, "caseload.manage", organisationResource(organisationId)), "Organisationen");
    return organisationId;
  }
  const s = scope(ctx.actor, "caseload.manage");
  const first = s.kind === "some" ? s.organisationIds[0] : undefined;
  if (!first) throw forbidden();
  return first;
}

/** True when the user works in the municipality or on one of its courses. */
async function worksFor(db: DbOrTx, organisationId: string, userId: string): Promise<boolean> {
  const [m] = await db
    .select({ id: membership.id })
    .from(membership)
    .where(and(eq(membership.userId, userId), eq(membership.organisationId, organisationId)))
    .limit(1);
  if (m) return true;
  const [t] = await db
    .select({ id: caseTeamMember.id })
    .from(caseTeamMember)
    .where(and(eq(caseTeamMember.userId, userId), eq(caseTeamMember.organisationId, organisationId)))
    .limit(1);
  return Boolean(t);
}

/**
 * Sets a municipality's default caseload limits (`userId` null) or one worker's (`caseload.manage`).
 * Audited as `caseload.limits_updated`.
 */
export async function updateCaseloadLimits(
  ctx: ActorContext,
  input: {
    organisationId?: string | undefined;
    userId: string | null;
    warningAtFamilies: number;
    hardLimitFamilies: number;
  },
) {
  const organisationId = managedOrganisation(ctx, input.organisationId);
  return ctx.db.transaction(async (tx) => {
    if (input.userId !== null && !(await worksFor(tx, organisationId, input.userId))) {
      throw notFound("Medarbejderen");
    }
    const where = and(
      eq(caseloadLimit.organisationId, organisationId),
      input.userId === null ? isNull(caseloadLimit.userId) : eq(caseloadLimit.userId, input.userId),
    );
    const [existing] = await tx.select().from(caseloadLimit).where(where);
    const values = { warningAtFamilies: input.warningAtFamilies, hardLimitFamilies: input.hardLimitFamilies };
    if (existing) {
      await tx
        .update(caseloadLimit)
        .set({ ...values, version: existing.version + 1 })
        .where(eq(caseloadLimit.id, existing.id));
    } else {
      await tx.insert(caseloadLimit).values({ organisationId, userId: input.userId, ...values });
    }
    await ctx.audit(tx, {
      type: "caseload.limits_updated",
      organisationId,
      payload: { userId: input.userId },
    });
    return { organisationId, userId: input.userId, ...values };
  });
}

/**
 * Removes one worker's own caseload limits (`caseload.manage`): the municipality's default applies to
 * them again, and is returned. Audited as `caseload.limits_updated` with `removed`. NOT_FOUND when the
 * worker does not work for the municipality or has no limits of their own.
 */
export async function removeWorkerCaseloadLimits(
  ctx: ActorContext,
  input: { organisationId?: string | undefined; userId: string },
) {
  const organisationId = managedOrganisation(ctx, input.organisationId);
  return ctx.db.transaction(async (tx) => {
    if (!(await worksFor(tx, organisationId, input.userId))) throw notFound("Medarbejderen");
    const removed = await tx
      .delete(caseloadLimit)
      .where(and(eq(caseloadLimit.organisationId, organisationId), eq(caseloadLimit.userId, input.userId)))
      .returning({ id: caseloadLimit.id });
    if (removed.length === 0) {
      throw new AppError(
        "NOT_FOUND",
        "Medarbejderen har ingen egne grænser; kommunens standard gælder allerede.",
      );
    }
    await ctx.audit(tx, {
      type: "caseload.limits_updated",
      organisationId,
      payload: { userId: input.userId, removed: true },
    });
    const { defaultLimits } = await loadCaseloadSettings(tx, organisationId, {});
    return { organisationId, userId: input.userId, ...defaultLimits };
  });
}

// ---------------------------------------------------------------------------------------------------
// Checking one assignment (the UI, before adding a team member)

/**
 * The caseload check of adding `userId` to a course's case team (`family.write` on the course). An
 * override reason counts only from an actor who manages the course's municipality's caseloads.
 */
export async function checkCourseAssignment(
  ctx: ActorContext,
  input: { userId: string; courseId: string; overrideReason?: string | undefined },
): Promise<CaseloadCheckResult> {
  return ctx.db.transaction(async (tx) => {
    const { row, today } = await loadCourseFor(ctx, tx, input.courseId, "family.write");
    const [user] = await tx.select({ id: appUser.id }).from(appUser).where(eq(appUser.id, input.userId));
    if (!user || !(await worksForCourse(tx, row, input.userId))) throw notFound("Medarbejderen");
    const reason = input.overrideReason?.trim();
    const override =
      reason && can(ctx.actor, "caseload.manage", organisationResource(row.organisationId))
        ? { teamLeaderId: ctx.actor.userId, reason }
        : undefined;
    const check = await checkAssignment(tx, {
      organisationId: row.organisationId,
      userId: input.userId,
      courseId: row.id,
      today,
      override,
    });
    await ctx.audit(tx, {
      type: "caseload.viewed",
      organisationId: row.organisationId,
      purpose: "sagsbehandling",
      payload: { workers: 1 },
    });
    return { userId: input.userId, ...check };
  });
}

/** True when the user works for the course's municipality or its provider. */
async function worksForCourse(db: DbOrTx, c: typeof course.$inferSelect, userId: string) {
  const orgs = [c.organisationId, ...(c.providerOrganisationId ? [c.providerOrganisationId] : [])];
  const [m] = await db
    .select({ id: membership.id })
    .from(membership)
    .where(and(eq(membership.userId, userId), inArray(membership.organisationId, orgs)))
    .limit(1);
  return Boolean(m);
}

// ---------------------------------------------------------------------------------------------------
// Reassigning a caseload

/**
 * Moves a worker's caseload (or some of its courses) to one or more colleagues from a day, in ONE
 * transaction: the old case-team places end the day before (`endOldOn`), new ones with the same role
 * begin on `on`. `dryRun` only returns the plan. Applying is refused with 409 CONFLICT when a target
 * would go over the hard limit without an override reason, or when there is nothing to move; then
 * nothing is written. Audited as `caseload.reassigned` (ids only); a dry run as `caseload.viewed`.
 */
export async function reassignCaseload(
  ctx: ActorContext,
  input: {
    organisationId?: string | undefined;
    fromUserId: string;
    toUserIds: string[];
    courseIds?: string[] | undefined;
    on: string;
    overrideReason?: string | undefined;
    dryRun: boolean;
  },
): Promise<CaseloadReassignPlan> {
  const organisationId = managedOrganisation(ctx, input.organisationId);
  const on = input.on as CalendarDate;
  return ctx.db.transaction(async (tx) => {
    const users = await userNames(tx, [input.fromUserId, ...input.toUserIds]);
    if (!users.has(input.fromUserId) || !(await worksFor(tx, organisationId, input.fromUserId))) {
      throw notFound("Medarbejderen");
    }
    for (const [i, id] of input.toUserIds.entries()) {
      const u = users.get(id);
      if (!u?.isActive) {
        const message = u
          ? `${u.name} er ikke længere aktiv og kan ikke overtage sager`
          : "Medarbejderen findes ikke";
        throw new AppError("VALIDATION_FAILED", message, [{ path: `toUserIds.${i}`, message }]);
      }
    }

    const all = await loadAssignments(tx, {
      organisationId,
      on,
      courseStates: "not-closed",
      userIds: [input.fromUserId, ...input.toUserIds],
    });
    const leaving = all.filter((r) => r.userId === input.fromUserId);
    if (input.courseIds) {
      const held = new Set(leaving.map((r) => r.courseId));
      const missing = input.courseIds.findIndex((id) => !held.has(id));
      if (missing >= 0) {
        const message = `${users.get(input.fromUserId)!.name} er ikke på sagsteamet for det valgte forløb pr. ${danish(on)}`;
        throw new AppError("VALIDATION_FAILED", message, [{ path: `courseIds.${missing}`, message }]);
      }
    }
    const chosen = input.courseIds ? new Set(input.courseIds) : undefined;
    const planned = all.filter((r) => r.userId !== input.fromUserId || !chosen || chosen.has(r.courseId));
    const settings = await loadCaseloadSettings(tx, organisationId, weightsOf(all));
    const reason = input.overrideReason?.trim();
    const plan = planCaseloadReassignment({
      fromWorkerId: input.fromUserId,
      targets: input.toUserIds.map((workerId) => ({ workerId })),
      assignments: toDomain(planned),
      on,
      settings,
      override: reason ? { teamLeaderId: ctx.actor.userId, reason } : undefined,
    });
    if (!plan.ok) {
      throw new AppError("VALIDATION_FAILED", plan.message, [{ path: "toUserIds", message: plan.message }]);
    }

    // The new places: the same role in the same organisation (a caseworker's place to a colleague of the
    // municipality, a consultant's to one of the provider's), skipping places the target already holds.
    const targetMemberships = await tx
      .select({ userId: membership.userId, organisationId: membership.organisationId })
      .from(membership)
      .where(inArray(membership.userId, input.toUserIds));
    const orgNames = await organisationNames(
      tx,
      leaving.map((r) => r.memberOrganisationId),
    );
    const toEnd: string[] = [];
    const toInsert: (typeof caseTeamMember.$inferInsert)[] = [];
    for (const move of plan.moves) {
      for (const old of leaving.filter((r) => r.courseId === move.courseId)) {
        if (compareDates(old.fromOn as CalendarDate, plan.endOldOn) > 0) {
          throw new AppError(
            "CONFLICT",
            `${users.get(input.fromUserId)!.name} begynder først på sagsteamet for ${old.familyName} den ${danish(old.fromOn)}. Vælg en senere dato for flytningen.`,
          );
        }
        const mayHold = targetMemberships.some(
          (m) => m.userId === move.toWorkerId && m.organisationId === old.memberOrganisationId,
        );
        if (!mayHold) {
          const message = `${users.get(move.toWorkerId)!.name} arbejder ikke for ${orgNames.get(old.memberOrganisationId) ?? "organisationen"} og kan ikke overtage pladsen på sagsteamet for ${old.familyName}`;
          throw new AppError("VALIDATION_FAILED", message, [{ path: "toUserIds", message }]);
        }
        toEnd.push(old.memberId);
        const alreadyThere = all.some(
          (r) => r.userId === move.toWorkerId && r.courseId === old.courseId && r.role === old.role,
        );
        if (!alreadyThere) {
          toInsert.push({
            organisationId,
            courseId: old.courseId,
            userId: move.toWorkerId,
            memberOrganisationId: old.memberOrganisationId,
            role: old.role,
            fromOn: plan.on,
            toOn: old.toOn,
            overrideReason: plan.needsOverride ? (reason ?? null) : null,
            createdBy: ctx.actor.userId,
            createdAt: ctx.now(),
          });
        }
      }
    }

    const familyNames = new Map(all.map((r) => [r.familyId, r.familyName]));
    const presented = {
      applied: false,
      on: plan.on,
      endOldOn: plan.endOldOn,
      moves: plan.moves.map((m) => ({
        courseId: m.courseId,
        familyId: m.familyId,
        familyName: familyNames.get(m.familyId) ?? "",
        fromUserId: m.fromWorkerId,
        toUserId: m.toWorkerId,
        toName: users.get(m.toWorkerId)?.name ?? "",
      })),
      targets: plan.targets.map((t) => ({
        userId: t.workerId,
        name: users.get(t.workerId)?.name ?? "",
        loadBeforePct: t.loadBeforePct,
        loadAfterPct: t.loadAfterPct,
        status: t.status,
        limits: t.limits,
      })),
      needsOverride: plan.needsOverride,
      isAllowed: plan.isAllowed,
      message: plan.message,
    };

    if (input.dryRun) {
      await ctx.audit(tx, {
        type: "caseload.viewed",
        organisationId,
        purpose: "ledelse",
        payload: { workers: input.toUserIds.length + 1 },
      });
      return presented;
    }
    if (plan.moves.length === 0) {
      throw new AppError(
        "CONFLICT",
        `${users.get(input.fromUserId)!.name} har ingen forløb at flytte pr. ${danish(on)}.`,
      );
    }
    if (!plan.isAllowed) throw new AppError("CONFLICT", plan.message);

    await tx.update(caseTeamMember).set({ toOn: plan.endOldOn }).where(inArray(caseTeamMember.id, toEnd));
    if (toInsert.length > 0) await tx.insert(caseTeamMember).values(toInsert);
    await ctx.audit(tx, {
      type: "caseload.reassigned",
      organisationId,
      payload: {
        fromUserId: input.fromUserId,
        moves: plan.moves.length,
        targets: [...new Set(plan.moves.map((m) => m.toWorkerId))],
        overrideUsed: plan.needsOverride,
      },
    });
    return { ...presented, applied: true };
  });
}

/** 2026-03-02 → "2.3.2026". */
function danish(d: string): string {
  const [y, m, day] = d.split("-");
  return `${Number(day)}.${Number(m)}.${y}`;
}
