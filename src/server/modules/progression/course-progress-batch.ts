import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { addMonths, type CalendarDate } from "../../../domain/calendar-date.js";
import type { DbOrTx } from "../../db/client.js";
import {
  course,
  courseTransition,
  familyMembership,
  person,
  planVersion,
  track,
} from "../../db/schema/index.js";
import type { CourseProgress, ProgressGoal, ProgressMember } from "./course-progress.js";

/*
 * `loadCourseProgress` for many courses at once: the same rules (see course-progress.ts) in five
 * queries for the whole set instead of four per course, for the project-wide data-quality list. A test
 * (data-quality.test.ts) checks that both give the same answer.
 */

type CourseRow = typeof course.$inferSelect;

const END_STATES = ["completed", "ended-early"];

/** The progress of each course (by course id), as `loadCourseProgress` would read it one by one. */
export async function loadCourseProgressMany(
  db: DbOrTx,
  rows: readonly CourseRow[],
  today: CalendarDate,
): Promise<Map<string, CourseProgress>> {
  const out = new Map<string, CourseProgress>();
  if (rows.length === 0) return out;
  const courseIds = rows.map((r) => r.id);
  const familyIds = [...new Set(rows.map((r) => r.familyId))];
  const trackIds = [...new Set(rows.map((r) => r.trackId))];
  // One after another: a transaction's connection takes one query at a time (pg warns on Promise.all).
  const tracks = await db
    .select({ id: track.id, months: track.plannedDurationMonths, schedule: track.measurementSchedule })
    .from(track)
    .where(inArray(track.id, trackIds));
  const ends = await db
    .select({
      courseId: courseTransition.courseId,
      onDate: sql<string>`min(${courseTransition.onDate})::text`,
    })
    .from(courseTransition)
    .where(and(inArray(courseTransition.courseId, courseIds), inArray(courseTransition.toState, END_STATES)))
    .groupBy(courseTransition.courseId);
  const memberRows = await db
    .select({
      familyId: familyMembership.familyId,
      personId: familyMembership.personId,
      role: familyMembership.role,
      fromOn: familyMembership.fromOn,
      toOn: familyMembership.toOn,
      firstName: person.firstName,
      lastName: person.lastName,
      birthDate: person.birthDate,
    })
    .from(familyMembership)
    .innerJoin(person, eq(person.id, familyMembership.personId))
    .where(inArray(familyMembership.familyId, familyIds))
    .orderBy(asc(familyMembership.role), asc(person.birthDate));
  // Only the version each course is at.
  const plans = await db
    .select({ courseId: planVersion.courseId, plan: planVersion.plan })
    .from(planVersion)
    .innerJoin(course, and(eq(course.id, planVersion.courseId), eq(course.planVersion, planVersion.version)))
    .where(inArray(course.id, courseIds));
  const planByCourse = new Map(plans.map((p) => [p.courseId, p.plan]));
  const trackById = new Map(tracks.map((t) => [t.id, t]));
  const endById = new Map(ends.map((e) => [e.courseId, e.onDate as CalendarDate]));
  const membersByFamily = new Map<string, typeof memberRows>();
  for (const m of memberRows) {
    const list = membersByFamily.get(m.familyId);
    if (list) list.push(m);
    else membersByFamily.set(m.familyId, [m]);
  }
  for (const row of rows) {
    const t = trackById.get(row.trackId);
    const startedOn = row.acceptedOn as CalendarDate;
    const endedOn = endById.get(row.id) ?? null;
    const until = endedOn ?? today;
    const members = new Map<string, ProgressMember>();
    for (const m of membersByFamily.get(row.familyId) ?? []) {
      if (m.fromOn > until || (m.toOn !== null && m.toOn < startedOn) || members.has(m.personId)) continue;
      members.set(m.personId, {
        id: m.personId,
        role: m.role,
        name: `${m.firstName} ${m.lastName}`,
        birthDate: m.birthDate as CalendarDate,
      });
    }
    const plan = row.planVersion > 0 ? planByCourse.get(row.id) : undefined;
    const goals: ProgressGoal[] = (plan?.goals ?? []).map((g) => ({
      id: g.id,
      ownWords: g.ownWords,
      ...(g.subject.kind === "member" ? { memberId: g.subject.personId } : {}),
    }));
    out.set(row.id, {
      row,
      dates: { startedOn, endedOn, plannedEndOn: addMonths(startedOn, t?.months ?? 10) },
      members: [...members.values()],
      goals,
      schedule: t?.schedule ?? null,
    });
  }
  return out;
}
