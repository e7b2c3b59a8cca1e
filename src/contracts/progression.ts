import { z } from "zod";
import {
  InstrumentSchema,
  InstrumentVersionSchema,
  MeasurementScheduleSchema,
  RESPONDENTS,
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

/** A new instrument with its first version (see the domain's `InstrumentSchema`). */
export const InstrumentCreateSchema = InstrumentSchema.meta({ id: "InstrumentCreate" });

/** A version's content; the number is given by the server (the next one). */
export const InstrumentVersionInputSchema = z
  .object({ definition: z.unknown() })
  .meta({ id: "InstrumentVersionInput" });

// ---------------------------------------------------------------------------------------------------
// Schedules

export const TrackScheduleSchema = z
  .object({
    trackId: UuidSchema,
    trackCode: z.string(),
    trackName: z.string(),
    plannedDurationMonths: z.number().int(),
    schedule: MeasurementScheduleSchema.nullable(),
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
