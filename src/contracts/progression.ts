import { z } from "zod";
import {
  InstrumentSchema,
  type InstrumentVersion,
  InstrumentVersionSchema,
  MeasurementScheduleSchema,
  type MemberRole,
  RESPONDENTS,
  type ScheduleEntry,
  type ScheduleSubjects,
} from "../domain/progression/index.js";
import { CalendarDateSchema, InstantSchema, UuidSchema } from "./common.js";

/*
 * The API of progression measurement (issue 5): the project's instruments, a course's measurements and
 * due slots, recording and correcting. Trends are computed in the browser with the same domain
 * functions (src/domain/progression/trend.ts), so the API sends measurements, not charts.
 */

// ---------------------------------------------------------------------------------------------------
// Instruments

export const InstrumentVersionInfoSchema = z
  .object({
    id: UuidSchema,
    version: z.number().int(),
    /** True when a measurement was scored with it (it can no longer change). */
    isInUse: z.boolean(),
    createdAt: InstantSchema,
    definition: InstrumentVersionSchema,
  })
  .meta({ id: "InstrumentVersionInfo" });
export type InstrumentVersionInfo = z.infer<typeof InstrumentVersionInfoSchema>;

export const ProjectInstrumentSchema = z
  .object({
    id: UuidSchema,
    projectId: UuidSchema,
    code: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    description: z.string(),
    isBuiltin: z.boolean(),
    versions: z.array(InstrumentVersionInfoSchema),
  })
  .meta({ id: "ProjectInstrument" });
export type ProjectInstrument = z.infer<typeof ProjectInstrumentSchema>;

/** A new instrument with its first version (see the domain's `InstrumentSchema`); later ones are added one by one. */
export const InstrumentCreateSchema = InstrumentSchema.refine((i) => i.versions.length === 1, {
  path: ["versions"],
  message: "Et nyt måleredskab oprettes med én version; tilføj de næste bagefter",
}).meta({ id: "InstrumentCreate" });
export type InstrumentCreate = z.input<typeof InstrumentCreateSchema>;

/**
 * A new version of an instrument, or the edit of a version no measurement has used yet. `definition` is
 * the domain's `InstrumentVersion` without its number (the server gives it: the next one, or the edited
 * one's); it is checked with `InstrumentVersionSchema` and its problems come back per path
 * (`definition.items.1.scale.max`). The instrument's name and description may change with it.
 */
export const InstrumentVersionInputSchema = z
  .object({
    definition: z
      .unknown()
      .meta({ description: "An InstrumentVersion without `version` (see InstrumentCreate.versions)" }),
    name: z
      .string({ error: "Skal udfyldes" })
      .trim()
      .min(1, "Skal udfyldes")
      .max(500, "Højst 500 tegn")
      .optional(),
    nameEn: z.string().trim().max(500, "Højst 500 tegn").optional(),
    description: z.string().trim().max(2000, "Højst 2000 tegn").optional(),
    /** For a new version: the newest version the form started from; a newer one saved meanwhile → 409. */
    basedOnVersion: z.number().int().min(1).optional(),
  })
  .meta({ id: "InstrumentVersionInput" });
export type InstrumentVersionInput = z.input<typeof InstrumentVersionInputSchema>;

// ---------------------------------------------------------------------------------------------------
// Schedules

export const TrackScheduleSchema = z
  .object({
    trackId: UuidSchema,
    trackCode: z.string(),
    trackName: z.string(),
    plannedDurationMonths: z.number().int(),
    schedule: MeasurementScheduleSchema.nullable(),
    /** Courses on the track: their measurement-due tasks follow a change of the schedule. */
    courseCount: z.number().int(),
  })
  .meta({ id: "TrackSchedule" });
export type TrackSchedule = z.infer<typeof TrackScheduleSchema>;

export const TrackScheduleInputSchema = z
  .object({
    plannedDurationMonths: z
      .number({ error: "Angiv forløbets planlagte længde i måneder" })
      .int("Angiv hele måneder")
      .min(1, "Mindst 1 måned")
      .max(60, "Højst 60 måneder"),
    schedule: MeasurementScheduleSchema.nullable(),
  })
  .meta({ id: "TrackScheduleInput" });
export type TrackScheduleInput = z.input<typeof TrackScheduleInputSchema>;

/** The member roles each "each-…" choice of a schedule entry measures (as the domain's schedule does). */
const ROLES_OF_SUBJECTS: Record<Exclude<ScheduleSubjects, "family" | "each-goal">, readonly MemberRole[]> = {
  "each-child": ["child"],
  "each-adult": ["parent", "other-adult"],
  "each-parent": ["parent"],
  "each-member": ["parent", "child", "other-adult"],
};

const ROLE_NAMES_DA: Record<MemberRole, string> = {
  parent: "forældre",
  child: "børn",
  "other-adult": "andre voksne",
};

/**
 * Whether a schedule entry's subjects fit the instrument version new measurements use: a per-goal
 * instrument is measured for each goal and nothing else; a family instrument for the family; a person
 * instrument only for members whose role it applies to (a schedule must never owe a measurement
 * nobody can record).
 * @returns a Danish message for the entry's `subjects` field, or null when it fits.
 */
export function scheduleSubjectsProblem(
  instrument: { name: string; version: InstrumentVersion },
  subjects: ScheduleSubjects,
): string | null {
  const { name, version } = instrument;
  if (version.isPerGoal) {
    return subjects === "each-goal" ? null : `${name} måles pr. mål i planen: vælg «hvert mål»`;
  }
  if (subjects === "each-goal") return `${name} måles ikke pr. mål i planen`;
  if (subjects === "family") {
    return version.subjects.includes("family") ? null : `${name} måles om familiemedlemmer, ikke om familien`;
  }
  if (!version.subjects.includes("person")) return `${name} måles kun om familien samlet`;
  const allowed = version.memberRoles ?? ROLES_OF_SUBJECTS["each-member"];
  const outside = ROLES_OF_SUBJECTS[subjects].filter((r) => !allowed.includes(r));
  if (outside.length === 0) return null;
  return `${name} gælder kun ${allowed.map((r) => ROLE_NAMES_DA[r]).join(" og ")}`;
}

/** A problem with one field of a schedule entry. */
export interface ScheduleEntryProblem {
  field: "instrumentCode" | "subjects" | "atEnd";
  message: string;
}

/**
 * The checks of one schedule entry against the project's instruments that the schema alone cannot
 * make: the instrument exists, its newest version fits the entry's subjects, and the entry measures at
 * least once. Shared by the server (which refuses) and the web's schedule editor (which shows them).
 * @param instrument the project's instrument with the entry's code and its newest version, if any.
 */
export function scheduleEntryProblems(
  entry: Pick<
    ScheduleEntry,
    "instrumentCode" | "subjects" | "baselineWithinWeeks" | "everyMonths" | "atEnd" | "followUpMonthsAfterEnd"
  >,
  instrument: { name: string; version: InstrumentVersion } | undefined,
): ScheduleEntryProblem[] {
  const problems: ScheduleEntryProblem[] = [];
  if (!instrument) {
    problems.push({
      field: "instrumentCode",
      message: `Måleredskabet ${entry.instrumentCode} findes ikke i projektet`,
    });
  } else {
    const subjects = scheduleSubjectsProblem(instrument, entry.subjects);
    if (subjects) problems.push({ field: "subjects", message: subjects });
  }
  const measuresSometime =
    entry.baselineWithinWeeks !== undefined ||
    entry.everyMonths !== undefined ||
    entry.atEnd ||
    entry.followUpMonthsAfterEnd.length > 0;
  if (!measuresSometime) {
    problems.push({ field: "atEnd", message: "Vælg mindst ét tidspunkt, hvor der skal måles" });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------
// Measurements

export const MeasurementSubjectRefSchema = z.discriminatedUnion(
  "kind",
  [z.object({ kind: z.literal("person"), personId: UuidSchema }), z.object({ kind: z.literal("family") })],
  { error: "Angiv, om målingen gælder et familiemedlem eller familien" },
);

const ItemValueSchema = z.union([z.number(), z.string(), z.null()]);

export const MeasurementInputSchema = z
  .object({
    instrumentCode: z.string({ error: "Vælg et måleredskab" }).min(1, "Vælg et måleredskab"),
    /** The version to score with (default: the newest). */
    version: z.number().int().min(1).optional(),
    subject: MeasurementSubjectRefSchema,
    /** For goal attainment: the plan goal scored. */
    goalId: z.string().min(1).optional(),
    measuredOn: CalendarDateSchema,
    period: z.object({ from: CalendarDateSchema, to: CalendarDateSchema }).optional(),
    respondent: z.enum(RESPONDENTS, { error: "Vælg, hvem der har svaret" }),
    values: z.record(z.string(), ItemValueSchema),
    note: z.string().trim().max(2000, "Noten må højst have 2000 tegn").default(""),
  })
  .meta({ id: "MeasurementInput" });
export type MeasurementInput = z.input<typeof MeasurementInputSchema>;

export const MeasurementCorrectionSchema = MeasurementInputSchema.extend({
  correctionReason: z
    .string({ error: "Skriv, hvorfor målingen rettes" })
    .trim()
    .min(1, "Skriv, hvorfor målingen rettes")
    .max(500, "Begrundelsen må højst have 500 tegn"),
}).meta({ id: "MeasurementCorrection" });
export type MeasurementCorrection = z.input<typeof MeasurementCorrectionSchema>;

export const MeasurementRecordSchema = z
  .object({
    id: UuidSchema,
    courseId: UuidSchema,
    subject: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("person"), personId: UuidSchema }),
      z.object({ kind: z.literal("family"), familyId: UuidSchema }),
    ]),
    goalId: z.string().nullable(),
    instrumentCode: z.string(),
    instrumentVersion: z.number().int(),
    measuredOn: CalendarDateSchema,
    period: z.object({ from: CalendarDateSchema, to: CalendarDateSchema }).nullable(),
    respondent: z.enum(RESPONDENTS),
    values: z.record(z.string(), ItemValueSchema),
    scored: z.record(z.string(), z.number().nullable()),
    bands: z.record(z.string(), z.string()),
    note: z.string(),
    supersedesId: UuidSchema.nullable(),
    supersededById: UuidSchema.nullable(),
    correctionReason: z.string().nullable(),
    importId: UuidSchema.nullable(),
    recordedAt: InstantSchema,
    recordedByName: z.string().nullable(),
  })
  .meta({ id: "MeasurementRecord" });
export type MeasurementRecord = z.infer<typeof MeasurementRecordSchema>;

export const DUE_STATUSES = ["upcoming", "open", "done", "late", "overdue"] as const;

export const DueSlotSchema = z
  .object({
    key: z.string(),
    instrumentCode: z.string(),
    subject: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("family") }),
      z.object({ kind: z.literal("person"), personId: z.string() }),
      z.object({ kind: z.literal("goal"), goalId: z.string() }),
    ]),
    kind: z.enum(["baseline", "interval", "end", "follow-up"]),
    sequence: z.number().int(),
    dueOn: CalendarDateSchema,
    windowFrom: CalendarDateSchema,
    windowTo: CalendarDateSchema,
    status: z.enum(DUE_STATUSES),
    measurementId: z.string().nullable(),
    daysLate: z.number().int().nullable(),
  })
  .meta({ id: "DueSlot" });
export type DueSlot = z.infer<typeof DueSlotSchema>;

export const CourseMeasurementsSchema = z
  .object({
    course: z.object({
      id: UuidSchema,
      familyId: UuidSchema,
      state: z.string(),
      startedOn: CalendarDateSchema,
      plannedEndOn: CalendarDateSchema,
      endedOn: CalendarDateSchema.nullable(),
    }),
    /** The project's instruments (all versions: old measurements keep theirs). */
    instruments: z.array(InstrumentSchema),
    members: z.array(
      z.object({
        personId: UuidSchema,
        name: z.string(),
        role: z.enum(["parent", "child", "other-adult"]),
        birthDate: CalendarDateSchema,
      }),
    ),
    goals: z.array(z.object({ id: z.string(), ownWords: z.string(), personId: z.string().nullable() })),
    /** Every measurement of the course, corrected ones included (they say which record replaced them). */
    measurements: z.array(MeasurementRecordSchema),
    /** The track's schedule turned into this course's slots, with their state today. */
    due: z.array(DueSlotSchema),
    /** Whether you may record and correct measurements here. */
    canRecord: z.boolean(),
  })
  .meta({ id: "CourseMeasurements" });
export type CourseMeasurements = z.infer<typeof CourseMeasurementsSchema>;
