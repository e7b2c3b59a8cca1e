import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { addMonths, type CalendarDate } from "../../../domain/calendar-date.js";
import type {
  CourseDates,
  FamilyMember,
  MeasurementSchedule,
  PlanGoal,
} from "../../../domain/progression/index.js";
import type { DbOrTx } from "../../db/client.js";
import {
  type course,
  courseTransition,
  familyMembership,
  person,
  planVersion,
  track,
} from "../../db/schema/index.js";

/*
 * What the measurement schedule and the outcome rules need to know about one course, read from the
 * case-work tables:
 * - the dates: the course starts on its acceptance (`accepted_on`, when the baseline window opens),
 *   is planned to end `track.planned_duration_months` later, and ends on the day it became completed
 *   or ended early;
 * - the members: everyone in the household at some time between the start and the end (or today);
 * - the goals of the plan version the course is at.
 */

type CourseRow = typeof course.$inferSelect;

/** A member with the name shown on forms. */
export interface ProgressMember extends FamilyMember {
  name: string;
  birthDate: CalendarDate;
}

/** A plan goal with its wording. */
export interface ProgressGoal extends PlanGoal {
  ownWords: string;
}

/** The course as measurement sees it. */
export interface CourseProgress {
  row: CourseRow;
  dates: CourseDates & { plannedEndOn: CalendarDate };
  members: ProgressMember[];
  goals: ProgressGoal[];
  schedule: MeasurementSchedule | null;
}

const END_STATES = ["completed", "ended-early"];

/** Reads the course's dates, members, goals and its track's schedule. */
export async function loadCourseProgress(
  db: DbOrTx,
  row: CourseRow,
  today: CalendarDate,
): Promise<CourseProgress> {
  const [t] = await db
    .select({ months: track.plannedDurationMonths, schedule: track.measurementSchedule })
    .from(track)
    .where(eq(track.id, row.trackId));
  const [ended] = await db
    .select({ onDate: courseTransition.onDate })
    .from(courseTransition)
    .where(and(eq(courseTransition.courseId, row.id), inArray(courseTransition.toState, END_STATES)))
    .orderBy(asc(courseTransition.onDate))
    .limit(1);
  const startedOn = row.acceptedOn as CalendarDate;
  const endedOn = (ended?.onDate as CalendarDate | undefined) ?? null;
  const until = endedOn ?? today;
  const memberRows = await db
    .select({
      personId: familyMembership.personId,
      role: familyMembership.role,
      fromOn: familyMembership.fromOn,
      firstName: person.firstName,
      lastName: person.lastName,
      birthDate: person.birthDate,
    })
    .from(familyMembership)
    .innerJoin(person, eq(person.id, familyMembership.personId))
    .where(
      and(
        eq(familyMembership.familyId, row.familyId),
        sql`${familyMembership.fromOn} <= ${until}`,
        sql`(${familyMembership.toOn} is null or ${familyMembership.toOn} >= ${startedOn})`,
      ),
    )
    .orderBy(asc(familyMembership.role), asc(person.birthDate));
  const members = new Map<string, ProgressMember>();
  for (const m of memberRows) {
    if (members.has(m.personId)) continue;
    members.set(m.personId, {
      id: m.personId,
      role: m.role,
      name: `${m.firstName} ${m.lastName}`,
      birthDate: m.birthDate as CalendarDate,
    });
  }
  const [plan] =
    row.planVersion > 0
      ? await db
          .select({ plan: planVersion.plan })
          .from(planVersion)
          .where(and(eq(planVersion.courseId, row.id), eq(planVersion.version, row.planVersion)))
      : [];
  const goals: ProgressGoal[] = (plan?.plan.goals ?? []).map((g) => ({
    id: g.id,
    ownWords: g.ownWords,
    ...(g.subject.kind === "member" ? { memberId: g.subject.personId } : {}),
  }));
  return {
    row,
    dates: { startedOn, endedOn, plannedEndOn: addMonths(startedOn, t?.months ?? 10) },
    members: [...members.values()],
    goals,
    schedule: t?.schedule ?? null,
  };
}
