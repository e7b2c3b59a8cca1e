import { z } from "zod";
import { DEPARTMENTS, GoalSchema, MeasureSchema } from "../domain/casework/index.js";
import { LanguageCodeSchema } from "./casework.js";
import { CalendarDateSchema, UuidSchema } from "./common.js";

/*
 * The API of Familiens Plan (versions, agreements, compare), the contact log with its notes, and a
 * family's timeline (issue 4 §4–§5). Personal data: every read is audited with its purpose.
 */

// ---------------------------------------------------------------------------------------------------
// Familiens Plan

/** The content of a plan version: goals and measures (validated by the domain's `validateFamilyPlan`). */
export const PlanContentSchema = z
  .object({ goals: z.array(GoalSchema), measures: z.array(MeasureSchema) })
  .meta({ id: "PlanContent" });

export const PlanSaveInputSchema = z
  .object({
    plan: z
      .unknown()
      .describe("A FamilyPlan ({ goals, measures }); validated with per-field Danish messages (plan.…)"),
    note: z.string().trim().max(2000, "Bemærkningen må højst have 2000 tegn").default(""),
    /** For clients that cannot send If-Match: the plan version the edit was based on (0 for the first). */
    baseVersion: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('Fallback for the If-Match header ("<version>"); the header wins when both are sent'),
  })
  .meta({ id: "PlanSaveInput" });
export type PlanSaveInput = z.input<typeof PlanSaveInputSchema>;

export const PlanAgreementSchema = z
  .object({
    id: z.string(),
    planVersion: z.number().int(),
    agreedOn: z.string(),
    note: z.string(),
    recordedByName: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "PlanAgreement" });
export type PlanAgreement = z.infer<typeof PlanAgreementSchema>;

export const PlanAgreementInputSchema = z
  .object({
    planVersion: z.number({ error: "Angiv hvilken version familien har accepteret" }).int().min(1),
    agreedOn: CalendarDateSchema,
    note: z.string().trim().max(2000, "Bemærkningen må højst have 2000 tegn").default(""),
  })
  .meta({ id: "PlanAgreementInput" });

/** A month's estimated cost of the plan's measures per department (exact øre; Σ departments = total). */
export const PlanMonthCostSchema = z
  .object({
    month: z.string().describe("YYYY-MM"),
    totalOre: z.number().int(),
    byDepartmentOre: z.record(z.enum(DEPARTMENTS), z.number().int()),
  })
  .meta({ id: "PlanMonthCost" });

/** One version of Familiens Plan as the plan page shows it (the current one, or an older one). */
export const FamilyPlanViewSchema = z
  .object({
    courseId: z.string(),
    /** 0 when no version has been saved yet. */
    version: z.number().int(),
    /** The course's current plan version (the If-Match of the next save). */
    currentVersion: z.number().int(),
    plan: PlanContentSchema,
    note: z.string(),
    createdAt: z.string().nullable(),
    createdByName: z.string().nullable(),
    /** The family's latest recorded agreement to this version. */
    agreement: PlanAgreementSchema.nullable(),
    /** This month and the next 11 (Danish calendar). */
    costByDepartment: z.array(PlanMonthCostSchema),
    /** This month's estimated total. */
    totalMonthlyCostOre: z.number().int(),
    abilities: z.object({ write: z.boolean() }),
  })
  .meta({ id: "FamilyPlanView" });
export type FamilyPlanView = z.infer<typeof FamilyPlanViewSchema>;

export const PlanVersionSummarySchema = z
  .object({
    version: z.number().int(),
    createdAt: z.string(),
    createdByName: z.string().nullable(),
    note: z.string(),
    goals: z.number().int(),
    measures: z.number().int(),
    agreedOn: z.string().nullable(),
  })
  .meta({ id: "PlanVersionSummary" });

export const PlanVersionParamSchema = z.object({
  id: UuidSchema,
  version: z.coerce.number().int().min(1),
});

export const PlanDiffQuerySchema = z.object({
  from: z.coerce.number().int().min(0).describe("0 = the empty plan before the first version"),
  to: z.coerce.number().int().min(0),
});

export const PlanFieldChangeSchema = z
  .object({ field: z.string(), before: z.unknown(), after: z.unknown() })
  .meta({ id: "PlanFieldChange" });

const diffEntry = <T extends z.ZodType>(item: T) =>
  z.object({
    id: z.string(),
    change: z.enum(["added", "removed", "changed"]),
    /** The goal in the family's words, or what the measure is (as in `to`, else as in `from`). */
    label: z.string(),
    /** For "changed": each top-level field that differs, with its value in `from` and in `to`. */
    fields: z.array(PlanFieldChangeSchema),
    before: item.nullable(),
    after: item.nullable(),
  });

export const PlanDiffSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    goals: z.array(diffEntry(GoalSchema)),
    measures: z.array(diffEntry(MeasureSchema)),
    isNoteChanged: z.boolean(),
  })
  .meta({ id: "PlanDiff" });
export type PlanDiff = z.infer<typeof PlanDiffSchema>;

// ---------------------------------------------------------------------------------------------------
// Contacts and notes

export const CONTACT_KINDS = ["home-visit", "phone", "video", "meeting", "network-meeting"] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** Danish labels of the contact kinds. */
export const CONTACT_KIND_LABELS: Readonly<Record<ContactKind, string>> = {
  "home-visit": "Hjemmebesøg",
  phone: "Telefonsamtale",
  video: "Videomøde",
  meeting: "Møde",
  "network-meeting": "Netværksmøde",
};

const noteBody = z
  .string({ error: "Skriv notatet" })
  .trim()
  .min(1, "Skriv notatet")
  .max(20_000, "Notatet må højst have 20.000 tegn");

export const ContactInputSchema = z
  .object({
    occurredAt: z.iso.datetime({ offset: true, error: "Tidspunktet skal være et tidspunkt (ISO 8601)" }),
    kind: z.enum(CONTACT_KINDS, { error: "Vælg kontaktform" }),
    participants: z.object({
      /** Members of the family who took part. */
      personIds: z.array(UuidSchema).max(30).default([]),
      /** Staff (users of the municipality or the provider). */
      userIds: z.array(UuidSchema).max(30).default([]),
      /** Others by role, e.g. "tolk", "lærer". */
      others: z
        .array(z.string().trim().min(1, "Skriv rollen").max(100, "Højst 100 tegn"))
        .max(30)
        .default([]),
    }),
    language: LanguageCodeSchema,
    interpreterUsed: z.boolean().default(false),
    durationMinutes: z
      .number({ error: "Varigheden skal være et antal minutter" })
      .int("Varigheden skal være et helt antal minutter")
      .min(1, "Varigheden skal være mindst 1 minut")
      .max(1440, "Varigheden kan højst være 1440 minutter (et døgn)"),
    /** Default: computed (before 08:00 or from 17:00 Danish time). `true` marks it out of hours anyway. */
    isOutOfHours: z.boolean().optional(),
    /** An optional first note about the contact. */
    note: noteBody.optional(),
  })
  .meta({ id: "ContactInput" });
export type ContactInput = z.input<typeof ContactInputSchema>;

export const NoteSchema = z
  .object({
    id: z.string(),
    body: z.string(),
    contactId: z.string().nullable(),
    correctsNoteId: z.string().nullable(),
    /** The latest note that corrects this one, if any. */
    correctedByNoteId: z.string().nullable(),
    isCorrected: z.boolean(),
    createdAt: z.string(),
    createdByName: z.string().nullable(),
  })
  .meta({ id: "Note" });
export type Note = z.infer<typeof NoteSchema>;

const NamedRefSchema = z.object({ id: z.string(), name: z.string() });

export const ContactSchema = z
  .object({
    id: z.string(),
    courseId: z.string(),
    occurredAt: z.string(),
    kind: z.enum(CONTACT_KINDS),
    participants: z.object({
      persons: z.array(NamedRefSchema),
      users: z.array(NamedRefSchema),
      others: z.array(z.string()),
    }),
    language: z.string(),
    interpreterUsed: z.boolean(),
    durationMinutes: z.number().int(),
    isOutOfHours: z.boolean(),
    createdAt: z.string(),
    createdByName: z.string().nullable(),
    notes: z.array(NoteSchema),
  })
  .meta({ id: "Contact" });
export type Contact = z.infer<typeof ContactSchema>;

export const NoteInputSchema = z
  .object({
    body: noteBody,
    contactId: UuidSchema.optional(),
    /** The note this one corrects (notes are never changed; a correction is a new note). */
    correctsNoteId: UuidSchema.optional(),
  })
  .meta({ id: "NoteInput" });
export type NoteInput = z.input<typeof NoteInputSchema>;

// ---------------------------------------------------------------------------------------------------
// Timeline

export const TIMELINE_KINDS = [
  "referral-transition",
  "course-transition",
  "plan-saved",
  "plan-agreed",
  "measure-start",
  "measure-end",
  "contact",
  "note",
  "review",
  "consent",
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const TimelineItemSchema = z
  .object({
    /** Stable key for lists: kind and record id. */
    id: z.string(),
    /** An ISO instant, or a calendar date (YYYY-MM-DD) for what happens on a day. */
    at: z.string(),
    kind: z.enum(TIMELINE_KINDS),
    title: z.string(),
    detail: z.string(),
    byName: z.string().nullable(),
    courseId: z.string().nullable(),
    /** A planned date after today (a measure's coming start or end). */
    isUpcoming: z.boolean(),
  })
  .meta({ id: "TimelineItem" });
export type TimelineItem = z.infer<typeof TimelineItemSchema>;

export const TimelineSchema = z
  .object({ familyId: z.string(), items: z.array(TimelineItemSchema) })
  .meta({ id: "Timeline" });
