import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { CaseTask, TaskListQuery } from "../../../contracts/casework-tasks.js";
import { scope } from "../../../domain/access/index.js";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import { isOverdue, TASK_KIND_LABELS } from "../../../domain/casework/index.js";
import type { ActorContext } from "../../context.js";
import type { DbOrTx } from "../../db/client.js";
import { appUser, caseTask, caseTeamMember, course, family } from "../../db/schema/index.js";
import { AppError, notFound } from "../../errors.js";
import { courseScopeSql, loadCourseFor, readPurpose, todayOf } from "./case-access.js";
import { DOMAIN_KIND } from "./task-sync.js";

/*
 * "My tasks": the deadlines of the courses the actor is on (or, for team leaders, of the whole
 * municipality), overdue first. Tasks are derived by task-sync.ts; here they are read and completed.
 */

type TaskStatus = TaskListQuery["status"];

const statusFilter = (status: TaskStatus): SQL | undefined =>
  status === "open" ? isNull(caseTask.doneAt) : status === "done" ? isNotNull(caseTask.doneAt) : undefined;

/** Overdue open tasks first, then by due date (then id, for a stable order). */
/** Open work: overdue first, then by deadline. Done tasks alone: the most recently done first. */
const taskOrder = (today: CalendarDate, status: TaskStatus) =>
  status === "done"
    ? [desc(caseTask.doneAt), asc(caseTask.id)]
    : [
        sql`case when ${caseTask.doneAt} is null and ${caseTask.dueOn} < ${today} then 0 else 1 end`,
        asc(caseTask.dueOn),
        asc(caseTask.id),
      ];

const taskColumns = {
  id: caseTask.id,
  courseId: caseTask.courseId,
  kind: caseTask.kind,
  title: caseTask.title,
  dueOn: caseTask.dueOn,
  doneAt: caseTask.doneAt,
  familyId: course.familyId,
  familyName: family.name,
  doneByName: appUser.displayName,
};

type TaskRow = {
  id: string;
  courseId: string;
  kind: CaseTask["kind"];
  title: string;
  dueOn: string;
  doneAt: Date | null;
  familyId: string;
  familyName: string;
  doneByName: string | null;
};

/** A stored task as the API shows it, flagged as of `today`. */
export function presentTask(r: TaskRow, today: CalendarDate): CaseTask {
  return {
    id: r.id,
    courseId: r.courseId,
    familyId: r.familyId,
    familyName: r.familyName,
    kind: r.kind,
    kindLabel: TASK_KIND_LABELS[DOMAIN_KIND[r.kind]],
    title: r.title,
    dueOn: r.dueOn,
    isOverdue: r.doneAt === null && isOverdue(r.dueOn as CalendarDate, today),
    doneAt: r.doneAt ? r.doneAt.toISOString() : null,
    doneByName: r.doneByName,
  };
}

function selectTasks(db: DbOrTx) {
  return db
    .select(taskColumns)
    .from(caseTask)
    .innerJoin(course, eq(course.id, caseTask.courseId))
    .innerJoin(family, eq(family.id, course.familyId))
    .leftJoin(appUser, eq(appUser.id, caseTask.doneBy));
}

/**
 * The actor's tasks: of courses where they are on the active case team today, or with
 * `scope=organisation` every task of the municipalities they reach through the organisation (team
 * leaders). Always within the actor's `family.read` scope; optionally only one kind, or only the
 * overdue ones. Audited as `task.listed`.
 */
export async function listMyTasks(ctx: ActorContext, q: TaskListQuery) {
  const today = todayOf(ctx);
  const inScope = courseScopeSql(ctx.actor, "family.read", today);
  let where: SQL | undefined;
  if (q.scope === "organisation") {
    const s = scope(ctx.actor, "family.read");
    const organisationIds = s.kind === "some" ? s.organisationIds : [];
    if (organisationIds.length === 0) {
      throw new AppError("FORBIDDEN", "Kun teamledere kan se alle kommunens opgaver.");
    }
    where = and(inScope, inArray(course.organisationId, organisationIds));
  } else {
    where = and(
      inScope,
      sql`exists (select 1 from ${caseTeamMember} where ${caseTeamMember.courseId} = ${course.id}
        and ${caseTeamMember.userId} = ${ctx.actor.userId} and ${caseTeamMember.fromOn} <= ${today}
        and (${caseTeamMember.toOn} is null or ${caseTeamMember.toOn} >= ${today}))`,
    );
  }
  where = and(
    where,
    statusFilter(q.status),
    q.kind ? eq(caseTask.kind, q.kind) : undefined,
    q.overdue ? and(isNull(caseTask.doneAt), lt(caseTask.dueOn, today)) : undefined,
  );
  return ctx.db.transaction(async (tx) => {
    const rows = await selectTasks(tx)
      .where(where)
      .orderBy(...taskOrder(today, q.status))
      .limit(q.limit)
      .offset(q.offset);
    const [total] = await tx
      .select({ n: count() })
      .from(caseTask)
      .innerJoin(course, eq(course.id, caseTask.courseId))
      .where(where);
    await ctx.audit(tx, {
      type: "task.listed",
      purpose: q.scope === "organisation" ? "ledelse" : "sagsbehandling",
      payload: { rows: rows.length },
    });
    return { items: rows.map((r) => presentTask(r, today)), total: total?.n ?? 0 };
  });
}

/** The tasks of one course (404 when hidden). Audited as `task.listed` with the course's organisation. */
export async function listCourseTasks(ctx: ActorContext, courseId: string, status: TaskStatus) {
  return ctx.db.transaction(async (tx) => {
    const { row, resource, today } = await loadCourseFor(ctx, tx, courseId, "family.read");
    const rows = await selectTasks(tx)
      .where(and(eq(caseTask.courseId, courseId), statusFilter(status)))
      .orderBy(...taskOrder(today, status));
    await ctx.audit(tx, {
      type: "task.listed",
      organisationId: row.organisationId,
      projectId: row.projectId,
      purpose: readPurpose(ctx.actor, resource),
      payload: { rows: rows.length },
    });
    return { items: rows.map((r) => presentTask(r, today)), total: rows.length };
  });
}

/**
 * Marks a task done (who and when), with `family.write` on its course. A task is completed once: a
 * second completion is refused with 409 CONFLICT.
 */
export async function completeTask(ctx: ActorContext, taskId: string): Promise<CaseTask> {
  return ctx.db.transaction(async (tx) => {
    const [task] = await tx.select().from(caseTask).where(eq(caseTask.id, taskId));
    if (!task) throw notFound("Opgaven");
    const { row, today } = await loadCourseFor(ctx, tx, task.courseId, "family.write");
    const [done] = await tx
      .update(caseTask)
      .set({ doneAt: ctx.now(), doneBy: ctx.actor.userId })
      .where(and(eq(caseTask.id, taskId), isNull(caseTask.doneAt)))
      .returning({ id: caseTask.id });
    if (!done) throw new AppError("CONFLICT", "Opgaven er allerede markeret som udført.");
    await ctx.audit(tx, {
      type: "task.completed",
      subjectId: row.id,
      organisationId: row.organisationId,
      projectId: row.projectId,
      payload: { taskId, kind: task.kind },
    });
    const [presented] = await selectTasks(tx).where(eq(caseTask.id, taskId));
    return presentTask(presented!, today);
  });
}
