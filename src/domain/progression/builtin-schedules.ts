/**
 * Example schedules for the two tracks of outcome-based family treatment (ordinary and intensive),
 * usable as they are or as a starting point for a track's own schedule. Courses last about 10 months;
 * progression is measured all through the course (every 3 months), at the end, and 12 and 24 months
 * after the end for the long-term effects.
 */
import {
  type MeasurementSchedule,
  type MeasurementScheduleInput,
  MeasurementScheduleSchema,
} from "./schedule.js";

const common: MeasurementScheduleInput["entries"] = [
  {
    instrumentCode: "well-being",
    subjects: "family",
    baselineWithinWeeks: 4,
    everyMonths: 3,
    followUpMonthsAfterEnd: [12, 24],
  },
  {
    instrumentCode: "well-being",
    subjects: "each-member",
    baselineWithinWeeks: 4,
    everyMonths: 3,
    followUpMonthsAfterEnd: [12, 24],
  },
  { instrumentCode: "family-areas", subjects: "family", baselineWithinWeeks: 4, everyMonths: 3 },
  {
    instrumentCode: "school-absence",
    subjects: "each-child",
    baselineWithinWeeks: 6,
    everyMonths: 3,
    followUpMonthsAfterEnd: [12, 24],
    windowDays: 21,
  },
  {
    instrumentCode: "support-hours",
    subjects: "family",
    baselineWithinWeeks: 4,
    everyMonths: 3,
    followUpMonthsAfterEnd: [12, 24],
  },
  { instrumentCode: "goal-attainment", subjects: "each-goal", everyMonths: 3 },
];

/** Ordinary family treatment: well-being, the nine areas, absence, support hours and goal attainment. */
export const ORDINARY_FAMILY_TREATMENT_SCHEDULE: MeasurementSchedule = MeasurementScheduleSchema.parse({
  schemaVersion: 1,
  entries: common,
});

/** Intensive family treatment: as ordinary, plus the caseworker's placement-risk assessment of each child. */
export const INTENSIVE_FAMILY_TREATMENT_SCHEDULE: MeasurementSchedule = MeasurementScheduleSchema.parse({
  schemaVersion: 1,
  entries: [
    ...common,
    {
      instrumentCode: "placement-risk",
      subjects: "each-child",
      baselineWithinWeeks: 2,
      everyMonths: 3,
      followUpMonthsAfterEnd: [12, 24],
    },
  ],
});
