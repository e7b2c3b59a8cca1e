import { and, desc, eq, inArray, isNull, lte } from "drizzle-orm";
import {
  type CourseReview,
  REVIEW_DECISION_LABELS,
  type ReviewDecision,
  type ReviewSnapshot,
} from "../../../contracts/casework-tasks.js";
import { addDays, type CalendarDate, compareDates, isCalendarDate } from "../../../domain/calendar-date.js";
import { COURSE_STATE_LABELS, danishDateOf, isCourseOpen } from "../../../domain/casework/index.js";
import type { ActorContext } from "../../context.js";
import type { DbOrTx } from "../../db/client.js";
import { appUser, caseTask, contact, type course, courseReview, planVersion } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { syncMeasurementTasks } from "../progression/measurement-task-sync.js";
import { loadCourseFor, readPurpose } from "./case-access.js";
import { deriveCourseTaskKeys, syncCourseTasks } from "./task-sync.js";

/*
 * Reviews (revurdering) of a course: a decision with reasons and a snapshot of what the review looked
 * at — the plan version with its goals' statuses and its measures, and the contacts since the previous
 * review. Recording a review completes the open review task and re-derives the tasks (the next review
 * falls due one interval after a "continue" or "adjust"). Moving the course (review → active, or to
 * completed/ended early) is the course service's job, not this one's.
 */

type CourseRow = typeof course.$inferSelect;
type ReviewRow = typeof courseReview.$inferSelect;

function presentReview(r: ReviewRow, createdByName: string | null): CourseReview {
  return {
    id: r.id,
    courseId: r.courseId,
    heldOn: r.heldOn,
    decision: r.decision,
    decisionLabel: REVIEW_DECISION_LABELS[r.decision],
    reasons: r.reasons,
    planVersion: r.planVersion,
    snapshot: r.snapshot as unknown as ReviewSnapshot,
    createdByName,
    createdAt: r.createdAt.toISOString(),
  };
}

async function selectReviews(db: DbOrTx, courseId: string, reviewId?: string) {
  return db
    .select({ review: courseReview, createdByName: appUser.displayName })
    .from(courseReview)
    .leftJoin(appUser, eq(appUser.id, courseReview.createdBy))
    .where(and(eq(courseReview.courseId, courseId), reviewId ? eq(courseReview.id, reviewId) : undefined))
    .orderBy(desc(courseReview.heldOn), desc(courseReview.createdAt));
}

/** The reviews of a course, newest first (404 when hidden). Audited as `course.viewed` (section reviews). */
export async function listReviews(ctx: ActorContext, courseId: string) {
  return ctx.db.transaction(async (tx) => {
    const { row, resource } = await loadCourseFor(ctx, tx, courseId, "family.read");
    const rows = await selectReviews(tx, courseId);
    await ctx.audit(tx, {
      type: "course.viewed",
      subjectId: row.id,
      organisationId: row.organisationId,
      projectId: row.projectId,
      purpose: readPurpose(ctx.actor, resource),
      payload: { section: "reviews" },
    });
    return { items: rows.map((r) => presentReview(r.review, r.createdByName)) };
  });
}

/** What the review looks at, as of the day it is held. */
async function takeSnapshot(tx: DbOrTx, c: CourseRow, heldOn: CalendarDate): Promise<ReviewSnapshot> {
  const [plan] =
    c.planVersion > 0
      ? await tx
          .select({ plan: planVersion.plan })
          .from(planVersion)
          .where(and(eq(planVersion.courseId, c.id), eq(planVersion.version, c.planVersion)))
      : [];
  const [previous] = await tx
    .select({ heldOn: courseReview.heldOn })
    .from(courseReview)
    .where(and(eq(courseReview.courseId, c.id), lte(courseReview.heldOn, heldOn)))
    .orderBy(desc(courseReview.heldOn))
    .limit(1);
  const fromOn = previous ? addDays(previous.heldOn as CalendarDate, 1) : (c.acceptedOn as CalendarDate);
  const contacts = await tx
    .select({ occurredAt: contact.occurredAt, kind: contact.kind })
    .from(contact)
    .where(eq(contact.courseId, c.id));
  const contactsByKind: Record<string, number> = {};
  let contactsSinceLastReview = 0;
  for (const k of contacts) {
    const day = danishDateOf(k.occurredAt);
    if (compareDates(day, fromOn) < 0 || compareDates(day, heldOn) > 0) continue;
    contactsSinceLastReview++;
    contactsByKind[k.kind] = (contactsByKind[k.kind] ?? 0) + 1;
  }
  return {
    planVersion: c.planVersion,
    goals: (plan?.plan.goals ?? []).map((g) => ({ id: g.id, category: g.category, status: g.status })),
    measures: (plan?.plan.measures ?? []).map((m) => ({
      id: m.id,
      what: m.what,
      department: m.department,
      startOn: m.startOn,
      endOn: m.endOn ?? null,
      status:
        compareDates(m.startOn, heldOn) > 0
          ? "planned"
          : m.endOn !== undefined && compareDates(m.endOn, heldOn) < 0
            ? "ended"
            : "running",
    })),
    contactsFromOn: fromOn,
    contactsSinceLastReview,
    contactsByKind,
  };
}

/**
 * Records a review of an open course (`family.write`): stores the decision, reasons and snapshot,
 * completes the open review task and re-derives the course's tasks. Refuses a finished or closed
 * course (409 CONFLICT) and a date in the future or before the acceptance (400).
 */
export async function recordReview(
  ctx: ActorContext,
  courseId: string,
  input: { heldOn: string; decision: ReviewDecision; reasons: string },
): Promise<CourseReview> {
  return ctx.db.transaction(async (tx) => {
    const { row, today } = await loadCourseFor(ctx, tx, courseId, "family.write");
    if (!isCourseOpen(row.state)) {
      throw new AppError(
        "CONFLICT",
        `Forløbet er ${COURSE_STATE_LABELS[row.state].toLowerCase()}, så der kan ikke holdes revurdering.`,
      );
    }
    if (!isCalendarDate(input.heldOn)) throw invalidHeldOn("Datoen skal være en gyldig dato (ÅÅÅÅ-MM-DD)");
    const heldOn = input.heldOn;
    if (compareDates(heldOn, today) > 0) throw invalidHeldOn("Revurderingen kan ikke dateres i fremtiden");
    if (compareDates(heldOn, row.acceptedOn as CalendarDate) < 0) {
      throw invalidHeldOn(
        `Revurderingen kan ikke ligge før forløbet blev visiteret (${formatDanishDate(row.acceptedOn)})`,
      );
    }
    const snapshot = await takeSnapshot(tx, row, heldOn);
    const [review] = await tx
      .insert(courseReview)
      .values({
        organisationId: row.organisationId,
        courseId,
        heldOn,
        decision: input.decision,
        reasons: input.reasons,
        planVersion: row.planVersion,
        snapshot: snapshot as unknown as Record<string, unknown>,
        createdBy: ctx.actor.userId,
        createdAt: ctx.now(),
      })
      .returning();
    // The review completes the open review task — but not the next one it makes due (a second review
    // on the same day leaves the next review open). "End" makes nothing due, so it completes them all.
    const upcoming =
      input.decision === "end" ? new Set<string>() : await deriveCourseTaskKeys(tx, courseId, today);
    const open = await tx
      .select({ id: caseTask.id, key: caseTask.key })
      .from(caseTask)
      .where(and(eq(caseTask.courseId, courseId), eq(caseTask.kind, "review"), isNull(caseTask.doneAt)));
    const completed = open.filter((t) => !upcoming.has(t.key)).map((t) => t.id);
    if (completed.length > 0) {
      await tx
        .update(caseTask)
        .set({ doneAt: ctx.now(), doneBy: ctx.actor.userId })
        .where(and(inArray(caseTask.id, completed), isNull(caseTask.doneAt)));
    }
    await syncCourseTasks(tx, courseId, today);
    await syncMeasurementTasks(tx, courseId, today);
    await ctx.audit(tx, {
      type: "review.recorded",
      subjectId: courseId,
      organisationId: row.organisationId,
      projectId: row.projectId,
      payload: { reviewId: review!.id, decision: input.decision },
    });
    const [presented] = await selectReviews(tx, courseId, review!.id);
    return presentReview(presented!.review, presented!.createdByName);
  });
}

/** 2026-03-02 → "2.3.2026". */
const formatDanishDate = (d: string) => {
  const [y, m, day] = d.split("-");
  return `${Number(day)}.${Number(m)}.${y}`;
};

const invalidHeldOn = (message: string) =>
  new AppError("VALIDATION_FAILED", message, [{ path: "heldOn", message }]);
