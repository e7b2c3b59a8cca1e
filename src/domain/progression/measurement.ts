/**
 * A measurement: one instrument version filled in for one person or for the family, on one day, by one
 * respondent, with its item values and the scores computed from them. A correction is a new record that
 * `supersedes` the old one; the old one stays (auditors see it) but no longer counts.
 */
import { z } from "zod";
import { type CalendarDate, compareDates } from "../calendar-date.js";
import type { CourseDates } from "./family-data.js";
import {
  getInstrumentVersion,
  getLatestVersion,
  type Instrument,
  type Respondent,
  RespondentSchema,
} from "./instrument.js";
import { DateSchema, IdSchema } from "./schema-primitives.js";
import { type ItemValues, ProgressionInputError, type ScoringErrors, scoreItems } from "./scoring.js";

/** What a measurement is about: a person (a member) or the family. */
export const MeasurementSubjectSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("person"), personId: IdSchema }),
  z.object({ kind: z.literal("family"), familyId: IdSchema }),
]);
/** What a measurement is about. */
export type MeasurementSubject = z.infer<typeof MeasurementSubjectSchema>;

/** The period a rate or count refers to (e.g. the school days behind an absence %), both days inclusive. */
export const MeasurementPeriodSchema = z
  .object({ from: DateSchema, to: DateSchema })
  .refine((p) => p.from <= p.to, { message: "Perioden skal slutte efter den starter", path: ["to"] });
/** The period a rate or count refers to. */
export type MeasurementPeriod = z.infer<typeof MeasurementPeriodSchema>;

/** A stored measurement record (the JSON shape of a `measurement` row). */
export const MeasurementSchema = z.object({
  /** Unique id. */
  id: IdSchema,
  /** The person or the family measured. */
  subject: MeasurementSubjectSchema,
  /** The instrument's code. */
  instrumentCode: z.string().min(1),
  /** The instrument version it was scored with. */
  instrumentVersion: z.number().int().min(1),
  /** For per-goal instruments (goal attainment): the plan goal scored. */
  goalId: IdSchema.optional(),
  /** The day the measurement describes. */
  measuredOn: DateSchema,
  /** The period the values refer to, when they are rates or counts over a period. */
  period: MeasurementPeriodSchema.optional(),
  /** Who answered. */
  respondent: RespondentSchema,
  /** Item values keyed by item code (numbers, category codes, or null for not answered). */
  values: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
  /** Scored values keyed by score code (null: too few items answered). */
  scored: z.record(z.string(), z.number().nullable()),
  /** Cut-off bands keyed by score code. */
  bands: z.record(z.string(), z.string()).optional(),
  /** The id of the measurement this one corrects. */
  supersedes: IdSchema.optional(),
});
/** A stored measurement record. */
export type Measurement = z.infer<typeof MeasurementSchema>;

/** A stable key of a subject, e.g. `person:p1` or `family:f1`. */
export function subjectKey(subject: MeasurementSubject): string {
  return subject.kind === "person" ? `person:${subject.personId}` : `family:${subject.familyId}`;
}

/**
 * The measurements that count: every record not superseded by another record in the list. Chains work
 * (A ← B ← C leaves C). Input order is kept. A cycle of supersessions (which storage must prevent)
 * leaves none of its members.
 */
export function effectiveMeasurements<M extends Pick<Measurement, "id" | "supersedes">>(
  measurements: readonly M[],
): M[] {
  const superseded = new Set<string>();
  for (const m of measurements) if (m.supersedes !== undefined) superseded.add(m.supersedes);
  return measurements.filter((m) => !superseded.has(m.id));
}

/**
 * The supersession history of a measurement, newest first: the record itself, the one it corrected, the
 * one that one corrected, … (for auditors). Stops at a missing record or a cycle.
 */
export function correctionHistory(measurements: readonly Measurement[], id: string): Measurement[] {
  const byId = new Map(measurements.map((m) => [m.id, m]));
  const history: Measurement[] = [];
  const seen = new Set<string>();
  let current = byId.get(id);
  while (current && !seen.has(current.id)) {
    history.push(current);
    seen.add(current.id);
    current = current.supersedes === undefined ? undefined : byId.get(current.supersedes);
  }
  return history;
}

/** Measurements sorted by `measuredOn` (oldest first); the input order breaks ties. Does not mutate. */
export function sortByMeasuredOn<M extends Pick<Measurement, "measuredOn">>(measurements: readonly M[]): M[] {
  return measurements
    .map((m, i) => ({ m, i }))
    .sort((a, b) => compareDates(a.m.measuredOn, b.m.measuredOn) || a.i - b.i)
    .map((x) => x.m);
}

/**
 * Checks the day of a new measurement: not after `today` and not before the course started.
 * @returns a Danish message, or undefined when the date is acceptable.
 */
export function checkMeasuredOn(
  measuredOn: CalendarDate,
  course: Pick<CourseDates, "startedOn">,
  today: CalendarDate,
): string | undefined {
  if (measuredOn > today) return "Datoen ligger i fremtiden";
  if (measuredOn < course.startedOn) return `Datoen ligger før forløbets start (${course.startedOn})`;
  return undefined;
}

/** What `createMeasurement` needs. */
export interface MeasurementDraft {
  /** The new record's id (ids are arguments in the domain). */
  id: string;
  /** The person or the family measured. */
  subject: MeasurementSubject;
  /** The instrument. */
  instrument: Instrument;
  /** The version to score with (default: the newest). */
  version?: number;
  /** The plan goal (required for per-goal instruments, refused otherwise). */
  goalId?: string;
  /** The day measured. */
  measuredOn: CalendarDate;
  /** The period the values refer to. */
  period?: { from: CalendarDate; to: CalendarDate };
  /** Who answered. */
  respondent: Respondent;
  /** Item values keyed by item code. */
  values: ItemValues;
  /** The id of the record this one corrects. */
  supersedes?: string;
}

/**
 * Validates and scores a new measurement (or a correction, with `supersedes`). The result keeps the
 * instrument version it was scored with.
 * @throws ProgressionInputError with Danish messages keyed by item code or by `subject`, `goalId`,
 *   `respondent`, `period`.
 * @throws RangeError when the instrument has no such version.
 */
export function createMeasurement(draft: MeasurementDraft): Measurement {
  const version =
    draft.version === undefined
      ? getLatestVersion(draft.instrument)
      : getInstrumentVersion(draft.instrument, draft.version);
  const errors: ScoringErrors = {};
  if (!version.subjects.includes(draft.subject.kind)) {
    errors.subject =
      draft.subject.kind === "person"
        ? "Instrumentet måles for familien, ikke for en person"
        : "Instrumentet måles for en person, ikke for familien";
  }
  if (version.isPerGoal && draft.goalId === undefined) errors.goalId = "Vælg det mål, der scores";
  if (!version.isPerGoal && draft.goalId !== undefined) errors.goalId = "Instrumentet scores ikke pr. mål";
  if (draft.period && draft.period.from > draft.period.to)
    errors.period = "Perioden skal slutte efter den starter";
  const scoring = scoreItems(version, draft.values, { respondent: draft.respondent });
  if (!scoring.ok) Object.assign(errors, scoring.errors);
  if (Object.keys(errors).length > 0 || !scoring.ok) throw new ProgressionInputError(errors);
  return {
    id: draft.id,
    subject: draft.subject,
    instrumentCode: draft.instrument.code,
    instrumentVersion: version.version,
    ...(draft.goalId === undefined ? {} : { goalId: draft.goalId }),
    measuredOn: draft.measuredOn,
    ...(draft.period ? { period: draft.period } : {}),
    respondent: draft.respondent,
    values: scoring.values,
    scored: scoring.scored,
    ...(Object.keys(scoring.bands).length > 0 ? { bands: scoring.bands } : {}),
    ...(draft.supersedes === undefined ? {} : { supersedes: draft.supersedes }),
  };
}
