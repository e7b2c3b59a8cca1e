/**
 * The family as the outcome rules see it: the course's dates, its members (with their role in the
 * family), their effective measurements and the plan goals. The server assembles it from storage; the
 * domain only reads it.
 */
import type { CalendarDate } from "../calendar-date.js";
import type { Measurement } from "./measurement.js";

/** All member roles, in display order. */
export const MEMBER_ROLES = ["parent", "child", "other-adult"] as const;

/** A member's role in the family (`family_membership.role`). */
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** A person in the family. */
export interface FamilyMember {
  /** The person's id (matches `Measurement.subject.personId`). */
  id: string;
  /** The member's role in the family. */
  role: MemberRole;
  /** Birth date, when known; used only by rules that filter members by age. */
  birthDate?: CalendarDate;
}

/** The course's dates. */
export interface CourseDates {
  /** The day the course started (treatment start; the baseline window opens here). */
  startedOn: CalendarDate;
  /** The day the course ended (completed or ended early); absent while it runs. */
  endedOn?: CalendarDate | null;
  /** The planned end, used by schedules while the course runs. */
  plannedEndOn?: CalendarDate | null;
}

/** A goal of the family's plan, as counted by "share of goals attained". */
export interface PlanGoal {
  /** The goal's id (matches `Measurement.goalId` of goal-attainment measurements). */
  id: string;
  /** Relative importance (> 0, default 1); used by the weighted share and the GAS T-score. */
  weight?: number;
  /** The member the goal is about, when it is not a goal for the whole family. */
  memberId?: string;
}

/** Everything `evaluateOutcomeRule` needs about one family's course. */
export interface FamilyData {
  /** The course being judged. */
  course: CourseDates;
  /** The family's members. */
  members: readonly FamilyMember[];
  /**
   * The family's measurements (person measurements of its members and family measurements). Superseded
   * records may be included; they are filtered out with `effectiveMeasurements`.
   */
  measurements: readonly Measurement[];
  /** The goals of the plan that count (the plan version in force at the point judged). */
  goals: readonly PlanGoal[];
}

/**
 * Whole years of age on a day (birthday-exact: a person born 2010-03-15 is 15 on 2025-03-15 and 14 the
 * day before; born 29 February, the birthday in other years is 1 March).
 * @throws RangeError when `on` is before `birthDate`.
 */
export function ageInYears(birthDate: CalendarDate, on: CalendarDate): number {
  if (on < birthDate) throw new RangeError(`Date ${on} is before the birth date ${birthDate}`);
  const [by, bmd] = [Number(birthDate.slice(0, 4)), birthDate.slice(5)];
  const [oy, omd] = [Number(on.slice(0, 4)), on.slice(5)];
  return oy - by - (omd < bmd ? 1 : 0);
}
