import { and, asc, desc, eq, inArray, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { CourseTransitionInputSchema, TeamMemberInputSchema } from "../../../contracts/casework.js";
import { CASE_TEAM_MEMBERSHIP_ROLES, can, caseTeamRoleOf } from "../../../domain/access/index.js";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import {
  transitionCourse as applyCourseEvent,
  listAllowedCourseEvents,
} from "../../../domain/casework/index.js";
import type { ActorContext } from "../../context.js";
import type { DbOrTx } from "../../db/client.js";
import { readAll } from "../../db/read-all.js";
import {
  appUser,
  caseTeamMember,
  course,
  courseTransition,
  family,
  membership,
  organisation,
  project,
  track,
} from "../../db/schema/index.js";
import { AppError, forbidden, staleVersion } from "../../errors.js";
import { syncMeasurementTasks } from "../progression/measurement-task-sync.js";
import { loadCourseFor, readPurpose } from "./case-access.js";
import { checkAssignment } from "./caseload.service.js";
import { syncCourseTasks } from "./task-sync.js";

/** Course summaries matching `where`, newest first. */
export async function presentCourseSummaries(db: DbOrTx, where: SQL | undefined) {
  const rows = await db
    .select({ c: course, projectName: project.name, trackName: track.name, providerName: organisation.name })
    .from(course)
    .innerJoin(project, eq(project.id, course.projectId))
    .innerJoin(track, eq(track.id, course.trackId))
    .leftJoin(organisation, eq(organisation.id, course.providerOrganisationId))
    .where(where)
    .orderBy(desc(course.acceptedOn), desc(course.createdAt));
  return rows.map(({ c, projectName, trackName, providerName }) => ({
    id: c.id,
    familyId: c.familyId,
    projectId: c.projectId,
    projectName,
    trackId: c.trackId,
    trackName,
    state: c.state,
    stateSince: c.stateSince,
    acceptedOn: c.acceptedOn,
    providerName: providerName ?? null,
  }));
}

/** A course's case team, past and present. */
export async function listTeam(db: DbOrTx, courseId: string, today: CalendarDate) {
  const rows = await db
    .select({ m: caseTeamMember, name: appUser.displayName, organisationName: organisation.name })
    .from(caseTeamMember)
    .innerJoin(appUser, eq(appUser.id, caseTeamMember.userId))
    .innerJoin(organisation, eq(organisation.id, caseTeamMember.memberOrganisationId))
    .where(eq(caseTeamMember.courseId, courseId))
    .orderBy(asc(caseTeamMember.fromOn), asc(appUser.displayName));
  return rows.map(({ m, name, organisationName }) => ({
    id: m.id,
    userId: m.userId,
    name,
    organisationId: m.memberOrganisationId,
    organisationName,
    role: m.role,
    fromOn: m.fromOn,
    toOn: m.toOn,
    isActive: m.fromOn <= today && (m.toOn === null || m.toOn >= today),
    overrideReason: m.overrideReason,
  }));
}

/** One course: state, history, allowed events and case team. Audited. */
export async function getCourse(ctx: ActorContext, id: string, db: DbOrTx = ctx.db) {
  const { row, resource, today } = await loadCourseFor(ctx, db, id, "family.read");
  const [[summary], [f], transitions, team] = await readAll(db, [
    () => presentCourseSummaries(db, eq(course.id, id)),
    () => db.select({ name: family.name }).from(family).where(eq(family.id, row.familyId)),
    () =>
      db
        .select({ t: courseTransition, byName: appUser.displayName })
        .from(courseTransition)
        .leftJoin(appUser, eq(appUser.id, courseTransition.byUserId))
        .where(eq(courseTransition.courseId, id))
        .orderBy(asc(courseTransition.createdAt)),
    () => listTeam(db, id, today),
  ]);
  await ctx.audit(db, {
    type: "course.viewed",
    subjectId: id,
    organisationId: row.organisationId,
    projectId: row.projectId,
    purpose: readPurpose(ctx.actor, resource),
    payload: { section: "overview" },
  });
  return {
    ...summary!,
    familyName: f!.name,
    organisationId: row.organisationId,
    providerOrganisationId: row.providerOrganisationId,
    referralId: row.referralId,
    planVersion: row.planVersion,
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
    allowedEvents: listAllowedCourseEvents(row.state),
    team,
    abilities: {
      write: can(ctx.actor, "family.write", resource),
      manageCaseload: can(ctx.actor, "caseload.manage", resource),
    },
  };
}

/** Moves a course through its state machine; an illegal move is refused with the machine's message. */
export async function transitionCourse(
  ctx: ActorContext,
  id: string,
  input: z.output<typeof CourseTransitionInputSchema>,
) {
  return ctx.db.transaction(async (tx) => {
    const { row, today } = await loadCourseFor(ctx, tx, id, "family.write");
    if (row.version !== input.version) throw staleVersion();
    if (input.on > today) {
      const message = "Datoen kan ikke ligge i fremtiden.";
      throw new AppError("VALIDATION_FAILED", message, [{ path: "on", message }]);
    }
    const result = applyCourseEvent(
      { state: row.state, since: row.stateSince as CalendarDate },
      input.event,
      {
        at: input.on as CalendarDate,
        reason: input.reason,
      },
    );
    if (!result.ok) {
      throw new AppError(
        result.code === "reason-required" ? "VALIDATION_FAILED" : "CONFLICT",
        result.message,
        result.code === "reason-required" ? [{ path: "reason", message: result.message }] : undefined,
      );
    }
    const [updated] = await tx
      .update(course)
      .set({ state: result.status.state, stateSince: result.status.since, version: row.version + 1 })
      .where(and(eq(course.id, id), eq(course.version, row.version)))
      .returning();
    if (!updated) throw staleVersion();
    await tx.insert(courseTransition).values({
      organisationId: row.organisationId,
      courseId: id,
      event: input.event,
      fromState: row.state,
      toState: result.status.state,
      onDate: input.on,
      reason: input.reason?.trim() ?? "",
      byUserId: ctx.actor.userId,
      createdAt: ctx.now(),
    });
    await ctx.audit(tx, {
      type: "course.transitioned",
      subjectId: id,
      organisationId: row.organisationId,
      projectId: row.projectId,
      payload: { event: input.event, from: row.state, to: result.status.state },
    });
    await syncCourseTasks(tx, id, today);
    // A transition or review moves the course's end, and with it the measurement schedule's slots.
    await syncMeasurementTasks(tx, id, today);
    return getCourse(ctx, id, tx);
  });
}

/** The users who may join the case team: the municipality's caseworkers and the provider's consultants. */
export async function listTeamCandidates(ctx: ActorContext, courseId: string) {
  const { row } = await loadCourseFor(ctx, ctx.db, courseId, "family.read");
  const orgs = [row.organisationId, ...(row.providerOrganisationId ? [row.providerOrganisationId] : [])];
  const rows = await ctx.db
    .select({
      userId: appUser.id,
      name: appUser.displayName,
      organisationId: organisation.id,
      organisationName: organisation.name,
      role: membership.role,
    })
    .from(membership)
    .innerJoin(appUser, eq(appUser.id, membership.userId))
    .innerJoin(organisation, eq(organisation.id, membership.organisationId))
    .where(
      and(
        inArray(membership.organisationId, orgs),
        eq(appUser.isActive, true),
        or(
          and(
            eq(membership.organisationId, row.organisationId),
            inArray(membership.role, [...CASE_TEAM_MEMBERSHIP_ROLES.caseworker]),
          ),
          inArray(membership.role, [...CASE_TEAM_MEMBERSHIP_ROLES.consultant]),
        ),
      ),
    )
    .orderBy(asc(appUser.displayName));
  return rows.map((r) => ({
    userId: r.userId,
    name: r.name,
    organisationId: r.organisationId,
    organisationName: r.organisationName,
    role: caseTeamRoleOf(r.role) ?? ("caseworker" as const),
  }));
}

/**
 * Puts a user on the case team. The caseload check runs first: over the hard limit needs a team
 * leader (caseload.manage) and a reason, which are stored and audited.
 */
export async function addTeamMember(
  ctx: ActorContext,
  courseId: string,
  input: z.output<typeof TeamMemberInputSchema>,
) {
  return ctx.db.transaction(async (tx) => {
    const { row, resource, today } = await loadCourseFor(ctx, tx, courseId, "family.write");
    const candidates = await tx
      .select({ organisationId: membership.organisationId, role: membership.role })
      .from(membership)
      .where(eq(membership.userId, input.userId));
    const fit =
      candidates.find((c) =>
        input.role === "consultant"
          ? c.organisationId === row.providerOrganisationId && caseTeamRoleOf(c.role) === "consultant"
          : c.organisationId === row.organisationId && caseTeamRoleOf(c.role) === "caseworker",
      ) ??
      (input.role === "coordinator"
        ? candidates.find(
            (c) => c.organisationId === row.organisationId || c.organisationId === row.providerOrganisationId,
          )
        : undefined);
    if (!fit) {
      const message =
        input.role === "consultant"
          ? "En familiekonsulent skal arbejde hos forløbets leverandør."
          : "En sagsbehandler skal arbejde i kommunen, der ejer sagen.";
      throw new AppError("VALIDATION_FAILED", message, [{ path: "userId", message }]);
    }
    const already = await tx
      .select({ id: caseTeamMember.id, toOn: caseTeamMember.toOn })
      .from(caseTeamMember)
      .where(and(eq(caseTeamMember.courseId, courseId), eq(caseTeamMember.userId, input.userId)));
    if (already.some((a) => a.toOn === null || a.toOn >= input.fromOn)) {
      throw new AppError("CONFLICT", "Medarbejderen er allerede på sagsteamet.");
    }
    const override = input.overrideReason?.trim();
    if (override && !can(ctx.actor, "caseload.manage", resource)) throw forbidden();
    const check = await checkAssignment(tx, {
      organisationId: row.organisationId,
      userId: input.userId,
      courseId,
      today,
      override: override ? { teamLeaderId: ctx.actor.userId, reason: override } : undefined,
    });
    if (!check.isAllowed) {
      throw new AppError("CONFLICT", check.message, [{ path: "overrideReason", message: check.message }]);
    }
    await tx.insert(caseTeamMember).values({
      organisationId: row.organisationId,
      courseId,
      userId: input.userId,
      memberOrganisationId: fit.organisationId,
      role: input.role,
      fromOn: input.fromOn,
      overrideReason: check.needsOverride ? (override ?? null) : null,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now(),
    });
    await ctx.audit(tx, {
      type: "course.team_member_added",
      subjectId: courseId,
      organisationId: row.organisationId,
      projectId: row.projectId,
      payload: {
        userId: input.userId,
        role: input.role,
        overrideUsed: check.needsOverride,
        loadAfterPct: check.loadAfterPct,
      },
    });
    return { team: await listTeam(tx, courseId, today), caseload: check };
  });
}

/** Ends a place on the case team (the day is the last day on the team). */
export async function endTeamMember(ctx: ActorContext, courseId: string, memberId: string, toOn: string) {
  return ctx.db.transaction(async (tx) => {
    const { row, today } = await loadCourseFor(ctx, tx, courseId, "family.write");
    const [m] = await tx
      .select()
      .from(caseTeamMember)
      .where(and(eq(caseTeamMember.id, memberId), eq(caseTeamMember.courseId, courseId)));
    if (!m) throw new AppError("NOT_FOUND", "Medlemmet af sagsteamet findes ikke.");
    if (m.toOn !== null) throw new AppError("CONFLICT", "Medlemmet er allerede gået fra sagsteamet.");
    if (toOn < m.fromOn) {
      const message = "Slutdatoen må ikke ligge før startdatoen.";
      throw new AppError("VALIDATION_FAILED", message, [{ path: "toOn", message }]);
    }
    await tx.update(caseTeamMember).set({ toOn }).where(eq(caseTeamMember.id, memberId));
    await ctx.audit(tx, {
      type: "course.team_member_ended",
      subjectId: courseId,
      organisationId: row.organisationId,
      projectId: row.projectId,
      payload: { userId: m.userId, memberId },
    });
    return { team: await listTeam(tx, courseId, today) };
  });
}
