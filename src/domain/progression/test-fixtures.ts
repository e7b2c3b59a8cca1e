/**
 * Builders for the progression tests (not part of the public API): measurements scored with the
 * shipped instruments, and a small family with a 10-month course.
 */
import { type CalendarDate, calendarDate } from "../calendar-date.js";
import { getBuiltinInstrument } from "./builtin-instruments.js";
import type { FamilyData, FamilyMember, PlanGoal } from "./family-data.js";
import type { Respondent } from "./instrument.js";
import { createMeasurement, type Measurement } from "./measurement.js";
import type { ItemValues } from "./scoring.js";

/** A `CalendarDate` from a literal. @throws RangeError for an invalid date. */
export const day = (s: string): CalendarDate => calendarDate(s);

let sequence = 0;

/**
 * A measurement with a shipped instrument, scored by `createMeasurement`.
 * @param subject a person id, or `"family"` for the family.
 */
export function measure(
  instrumentCode: string,
  subject: string,
  measuredOn: string,
  values: ItemValues,
  extra: { id?: string; goalId?: string; supersedes?: string; respondent?: Respondent } = {},
): Measurement {
  const instrument = getBuiltinInstrument(instrumentCode);
  sequence += 1;
  return createMeasurement({
    id: extra.id ?? `m${sequence}`,
    subject:
      subject === "family" ? { kind: "family", familyId: "f1" } : { kind: "person", personId: subject },
    instrument,
    measuredOn: day(measuredOn),
    respondent: extra.respondent ?? instrument.versions[0]!.respondents[0]!,
    values,
    ...(extra.goalId ? { goalId: extra.goalId } : {}),
    ...(extra.supersedes ? { supersedes: extra.supersedes } : {}),
  });
}

/** Absence measurement of a child (percent of school days). */
export const absence = (
  child: string,
  on: string,
  pct: number,
  extra: { id?: string; supersedes?: string } = {},
) => measure("school-absence", child, on, { "absence-pct": pct }, extra);

/** Support hours per week for the family. */
export const supportHours = (on: string, hours: number) =>
  measure("support-hours", "family", on, { "hours-per-week": hours });

/** Placement-risk assessment of a child. */
export const placementRisk = (child: string, on: string, level: string) =>
  measure("placement-risk", child, on, { risk: level });

/** Goal-attainment score (−2…+2) of a plan goal. */
export function goalScore(goalId: string, on: string, score: -2 | -1 | 0 | 1 | 2): Measurement {
  const code = { "-2": "much-less", "-1": "less", "0": "expected", "1": "more", "2": "much-more" }[
    String(score)
  ]!;
  return measure("goal-attainment", "family", on, { attainment: code }, { goalId });
}

/** Course 2024-01-15 → 2024-11-15 (10 months). */
export const COURSE = { startedOn: day("2024-01-15"), endedOn: day("2024-11-15") };

/** A parent and two school children. */
export const MEMBERS: FamilyMember[] = [
  { id: "p1", role: "parent", birthDate: day("1988-05-02") },
  { id: "c1", role: "child", birthDate: day("2012-09-30") },
  { id: "c2", role: "child", birthDate: day("2015-02-11") },
];

/** A family with the given measurements and goals. */
export function family(measurements: Measurement[], goals: PlanGoal[] = [], course = COURSE): FamilyData {
  return { course, members: MEMBERS, measurements, goals };
}
