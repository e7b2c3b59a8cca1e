import { and, desc, eq, inArray, isNull, lte, ne, type SQL } from "drizzle-orm";
import type { CaseTaskKind } from "../../../contracts/casework-tasks.js";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import {
  computeCaseworkTasks,
  isCourseOpen,
  type TaskDescriptor,
  type TaskKind,
} from "../../../domain/casework/index.js";
import type { DbOrTx } from "../../db/client.js";
import { caseTask, course, courseReview, planVersion, referral, track } from "../../db/schema/index.js";

/*
 * Derived deadlines, kept in step with the course (issue 4 §2). The rules are the domain's
 * (src/domain/casework/deadlines.ts); this file reads their inputs from the tables and upserts the
 * resulting tasks by (course_id, key):
 *
 * - review (revurdering): due `track.review_interval_months` after the course's acceptance
 *   (`accepted_on`), or after the latest review held since that let the course go on (decision
 *   continue/adjust). As in the domain, only while the course is `active` or in `review`; a course that
 *   has not started treatment yet has its investigation deadline instead, and gets its review task when
 *   the course service re-syncs on "start-treatment".
 * - follow-up of a measure: each measure of the course's current plan version, due 3 months after its
 *   start. Completing the task is the record of the follow-up (the key is the measure id, so the done
 *   task stays done across plan versions).
 * - children's investigation (børnefaglig undersøgelse): 4 months from the referral's `referred_on`.
 *   DECISION: only for courses whose referral's legal basis names an investigation — the word
 *   "undersøgelse", Barnets lov § 20 or Serviceloven § 50 — not for every new course: most referrals
 *   to the projects rest on measures decided after an investigation already finished, and a deadline
 *   that is not real would teach caseworkers to ignore the list. Open courses only.
 *
 * Closed and finished courses (completed, ended early, follow-up, closed) derive nothing, so their open
 * tasks disappear; done tasks are always kept (they are the record of what was done). Measurement-due
 * tasks belong to the measurement schedules and are never touched here.
 */

/** The stored kind of a domain task kind (the table says "investigation"). */
export const STORED_KIND: Readonly<Record<TaskKind, CaseTaskKind>> = {
  review: "review",
  "measure-follow-up": "measure-follow-up",
  "investigation-deadline": "investigation",
  "measurement-due": "measurement-due",
};

/** The domain kind of a stored kind (for the Danish label). */
export const DOMAIN_KIND: Readonly<Record<CaseTaskKind, TaskKind>> = {
  review: "review",
  "measure-follow-up": "measure-follow-up",
  investigation: "investigation-deadline",
  "measurement-due": "measurement-due",
};

/** Legal bases that mean a children's investigation is running. */
const INVESTIGATION_BASIS = /undersøgelse|barnets\s+lov\s*§\s*20\b|servicelovens?\s*§\s*50\b/i;

/** True when a referral's legal basis names a children's investigation. */
export function isInvestigationBasis(legalBasis: string): boolean {
  return INVESTIGATION_BASIS.test(legalBasis);
}

/** What a sync changed. */
export interface TaskSyncResult {
  inserted: number;
  updated: number;
  deleted: number;
}

/** The tasks a course should have now (no I/O beyond reading its inputs). */
async function deriveCourseTasks(
  tx: DbOrTx,
  courseId: string,
  today: CalendarDate | undefined,
): Promise<{ organisationId: string; tasks: TaskDescriptor[] } | undefined> {
  const [row] = await tx
    .select({
      course,
      reviewIntervalMonths: track.reviewIntervalMonths,
      referredOn: referral.referredOn,
      legalBasis: referral.legalBasis,
      childIds: referral.childIds,
    })
    .from(course)
    .innerJoin(track, eq(track.id, course.trackId))
    .innerJoin(referral, eq(referral.id, course.referralId))
    .where(eq(course.id, courseId));
  if (!row) return undefined;
  const c = row.course;
  if (!isCourseOpen(c.state)) return { organisationId: c.organisationId, tasks: [] };

  const reviewConditions: SQL[] = [
    eq(courseReview.courseId, c.id),
    inArray(courseReview.decision, ["continue", "adjust"]),
  ];
  if (today) reviewConditions.push(lte(courseReview.heldOn, today));
  const [lastReview] = await tx
    .select({ heldOn: courseReview.heldOn })
    .from(courseReview)
    .where(and(...reviewConditions))
    .orderBy(desc(courseReview.heldOn), desc(courseReview.createdAt))
    .limit(1);

  const [plan] =
    c.planVersion > 0
      ? await tx
          .select({ plan: planVersion.plan })
          .from(planVersion)
          .where(and(eq(planVersion.courseId, c.id), eq(planVersion.version, c.planVersion)))
      : [];

  const tasks = computeCaseworkTasks(
    {
      courses: [
        {
          courseId: c.id,
          familyId: c.familyId,
          trackId: c.trackId,
          state: c.state,
          startedOn: c.acceptedOn as CalendarDate,
          lastReviewedOn: lastReview?.heldOn as CalendarDate | undefined,
        },
      ],
      measures: (plan?.plan.measures ?? []).map((m) => ({
        measureId: m.id,
        familyId: c.familyId,
        courseId: c.id,
        title: m.what,
        startOn: m.startOn,
      })),
      investigations: isInvestigationBasis(row.legalBasis)
        ? [
            {
              investigationId: c.referralId,
              familyId: c.familyId,
              childPersonId: row.childIds[0] ?? c.familyId,
              startedOn: row.referredOn as CalendarDate,
            },
          ]
        : [],
    },
    { [c.trackId]: row.reviewIntervalMonths },
  );
  return { organisationId: c.organisationId, tasks };
}

/** The keys of the tasks a course should have now (for a caller that must tell old tasks from new). */
export async function deriveCourseTaskKeys(
  tx: DbOrTx,
  courseId: string,
  today?: CalendarDate,
): Promise<Set<string>> {
  const derived = await deriveCourseTasks(tx, courseId, today);
  return new Set((derived?.tasks ?? []).map((t) => t.key));
}

/**
 * Brings a course's derived tasks (review, measure follow-up, investigation) in line with the course:
 * inserts new ones, updates the due date and title of open ones, deletes open ones whose source is
 * gone; done tasks are kept as they are. Call it inside the transaction that changed the course
 * (acceptance, transition, plan save, review). `today` (Danish date) leaves out reviews dated later.
 * A missing course changes nothing.
 */
export async function syncCourseTasks(
  tx: DbOrTx,
  courseId: string,
  today?: CalendarDate,
): Promise<TaskSyncResult> {
  const result: TaskSyncResult = { inserted: 0, updated: 0, deleted: 0 };
  const derived = await deriveCourseTasks(tx, courseId, today);
  if (!derived) return result;
  const existing = await tx
    .select()
    .from(caseTask)
    .where(and(eq(caseTask.courseId, courseId), ne(caseTask.kind, "measurement-due")));
  const byKey = new Map(existing.map((t) => [t.key, t]));
  const wanted = new Set<string>();
  const toInsert: (typeof caseTask.$inferInsert)[] = [];
  for (const d of derived.tasks) {
    wanted.add(d.key);
    const found = byKey.get(d.key);
    if (!found) {
      toInsert.push({
        organisationId: derived.organisationId,
        courseId,
        kind: STORED_KIND[d.kind],
        key: d.key,
        title: d.title,
        dueOn: d.dueOn,
      });
    } else if (found.doneAt === null && (found.dueOn !== d.dueOn || found.title !== d.title)) {
      await tx.update(caseTask).set({ dueOn: d.dueOn, title: d.title }).where(eq(caseTask.id, found.id));
      result.updated++;
    }
  }
  if (toInsert.length > 0) {
    await tx.insert(caseTask).values(toInsert).onConflictDoNothing();
    result.inserted = toInsert.length;
  }
  const gone = existing.filter((t) => t.doneAt === null && !wanted.has(t.key)).map((t) => t.id);
  if (gone.length > 0) {
    await tx.delete(caseTask).where(and(inArray(caseTask.id, gone), isNull(caseTask.doneAt)));
    result.deleted = gone.length;
  }
  return result;
}

/**
 * Syncs the tasks of every course (of one organisation, or all): after the demo seed or an import.
 * Courses in any state are visited, so finished ones lose their stale open tasks too.
 */
export async function syncAllOpenCourseTasks(
  tx: DbOrTx,
  organisationId?: string,
  today?: CalendarDate,
): Promise<TaskSyncResult> {
  const courses = await tx
    .select({ id: course.id })
    .from(course)
    .where(organisationId ? eq(course.organisationId, organisationId) : undefined)
    .orderBy(course.id);
  const total: TaskSyncResult = { inserted: 0, updated: 0, deleted: 0 };
  for (const c of courses) {
    const r = await syncCourseTasks(tx, c.id, today);
    total.inserted += r.inserted;
    total.updated += r.updated;
    total.deleted += r.deleted;
  }
  return total;
}
