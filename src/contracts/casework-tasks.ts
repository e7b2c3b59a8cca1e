import { z } from "zod";
import { COURSE_STATES, DEPARTMENTS, GOAL_CATEGORIES, GOAL_STATUSES } from "../domain/casework/index.js";
import { CalendarDateSchema, UuidSchema } from "./common.js";

/*
 * The API of deadlines as tasks, reviews (revurdering) and caseloads (sagsstammer) — issue 4 §2–§3.
 * Personal data: every route reads through src/server/modules/casework/case-access.ts and writes an
 * audit row.
 */

const text = (max: number, what: string) =>
  z
    .string({ error: `${what} skal udfyldes` })
    .trim()
    .min(1, `${what} skal udfyldes`)
    .max(max, `${what} må højst have ${max} tegn`);

// ---------------------------------------------------------------------------------------------------
// Tasks

/** The kinds of stored task (the `case_task.kind` column). */
export const CASE_TASK_KINDS = ["review", "measure-follow-up", "investigation", "measurement-due"] as const;
export type CaseTaskKind = (typeof CASE_TASK_KINDS)[number];

export const TASK_STATUSES = ["open", "done", "all"] as const;

export const TaskListQuerySchema = z.object({
  status: z.enum(TASK_STATUSES, { error: "Vælg åbne, udførte eller alle opgaver" }).default("open"),
  /** `organisation`: every task of your municipality (team leaders); default: courses you are on. */
  scope: z.enum(["mine", "organisation"]).default("mine"),
  /** Only tasks of this kind. */
  kind: z.enum(CASE_TASK_KINDS, { error: "Ukendt opgavetype" }).optional(),
  /** `true`: only open tasks whose due date has passed (Danish date). */
  overdue: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type TaskListQuery = z.infer<typeof TaskListQuerySchema>;

export const CourseTaskListQuerySchema = z.object({
  status: z.enum(TASK_STATUSES, { error: "Vælg åbne, udførte eller alle opgaver" }).default("all"),
});

export const CaseTaskSchema = z
  .object({
    id: z.string(),
    courseId: z.string(),
    familyId: z.string(),
    familyName: z.string(),
    kind: z.enum(CASE_TASK_KINDS),
    /** Danish label of the kind, e.g. "Revurdering". */
    kindLabel: z.string(),
    title: z.string(),
    dueOn: z.string(),
    /** True from the day after `dueOn` (Danish date) while the task is open. */
    isOverdue: z.boolean(),
    doneAt: z.string().nullable(),
    doneByName: z.string().nullable(),
  })
  .meta({ id: "CaseTask" });
export type CaseTask = z.infer<typeof CaseTaskSchema>;

export const CaseTaskPageSchema = z
  .object({ items: z.array(CaseTaskSchema), total: z.number().int() })
  .meta({ id: "CaseTaskPage" });

// ---------------------------------------------------------------------------------------------------
// Reviews

export const REVIEW_DECISIONS = ["continue", "adjust", "end"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** Danish labels of the review decisions. */
export const REVIEW_DECISION_LABELS: Readonly<Record<ReviewDecision, string>> = {
  continue: "Fortsæt forløbet",
  adjust: "Justér forløbet",
  end: "Afslut forløbet",
};

export const ReviewInputSchema = z
  .object({
    heldOn: CalendarDateSchema,
    decision: z.enum(REVIEW_DECISIONS, { error: "Vælg en afgørelse: fortsæt, justér eller afslut" }),
    reasons: text(4000, "Begrundelsen for afgørelsen"),
  })
  .meta({ id: "ReviewInput" });
export type ReviewInput = z.input<typeof ReviewInputSchema>;

/** Where a measure stood on the day of the review. */
export const MEASURE_STATUSES = ["planned", "running", "ended"] as const;

/** What the review looked at: the plan as it was, and the contacts since the last review. */
export const ReviewSnapshotSchema = z
  .object({
    /** The plan version the review looked at (0: no plan saved yet). */
    planVersion: z.number().int(),
    goals: z.array(
      z.object({ id: z.string(), category: z.enum(GOAL_CATEGORIES), status: z.enum(GOAL_STATUSES) }),
    ),
    measures: z.array(
      z.object({
        id: z.string(),
        what: z.string(),
        department: z.enum(DEPARTMENTS),
        startOn: z.string(),
        endOn: z.string().nullable(),
        status: z.enum(MEASURE_STATUSES),
      }),
    ),
    /** Contacts from `contactsFromOn` (the day after the previous review, or the acceptance) to the review day, both included. */
    contactsFromOn: z.string(),
    contactsSinceLastReview: z.number().int(),
    contactsByKind: z.record(z.string(), z.number().int()),
  })
  .meta({ id: "ReviewSnapshot" });
export type ReviewSnapshot = z.infer<typeof ReviewSnapshotSchema>;

export const CourseReviewSchema = z
  .object({
    id: z.string(),
    courseId: z.string(),
    heldOn: z.string(),
    decision: z.enum(REVIEW_DECISIONS),
    decisionLabel: z.string(),
    reasons: z.string(),
    planVersion: z.number().int(),
    snapshot: ReviewSnapshotSchema,
    createdByName: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "CourseReview" });
export type CourseReview = z.infer<typeof CourseReviewSchema>;

// ---------------------------------------------------------------------------------------------------
// Caseloads

export const CASELOAD_STATUSES = ["ok", "warning", "over-hard-limit"] as const;
const TEAM_ROLES = ["caseworker", "consultant", "coordinator"] as const;

const LimitsSchema = z
  .object({ warningAtFamilies: z.number().int(), hardLimitFamilies: z.number().int() })
  .meta({ id: "CaseloadLimits" });

export const CaseloadQuerySchema = z.object({
  /** The municipality whose board to show; default: your own. */
  organisationId: UuidSchema.optional(),
});

export const CaseloadFamilySchema = z
  .object({
    familyId: z.string(),
    familyName: z.string(),
    courseId: z.string(),
    trackName: z.string(),
    /** The course's track weight in per cent (a family with two courses counts once, at the higher). */
    weightPct: z.number().int(),
    courseState: z.enum(COURSE_STATES),
    /** Open tasks of the course past their due date. */
    overdueTasks: z.number().int(),
  })
  .meta({ id: "CaseloadFamily" });

export const CaseloadWorkerSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    role: z.enum(TEAM_ROLES),
    organisationName: z.string(),
    familyCount: z.number().int(),
    /** Σ family weights in per cent of an ordinary family: 2500 = 25 families. */
    weightedLoadPct: z.number().int(),
    status: z.enum(CASELOAD_STATUSES),
    limits: LimitsSchema,
    /** Whether the limits are the worker's own (else the municipality's default). */
    hasOwnLimits: z.boolean(),
    overdueTasks: z.number().int(),
    families: z.array(CaseloadFamilySchema),
  })
  .meta({ id: "CaseloadWorker" });

export const CaseloadBoardSchema = z
  .object({
    organisationId: z.string().nullable(),
    organisationName: z.string().nullable(),
    asOf: z.string(),
    defaults: LimitsSchema,
    canManage: z.boolean(),
    workers: z.array(CaseloadWorkerSchema),
  })
  .meta({ id: "CaseloadBoard" });
export type CaseloadBoard = z.infer<typeof CaseloadBoardSchema>;

const families = (what: string) =>
  z
    .number({ error: `${what} skal være et tal` })
    .int(`${what} skal være et helt antal familier`)
    .min(1, `${what} skal være mindst 1 familie`)
    .max(500, `${what} må højst være 500 familier`);

export const CaseloadLimitsInputSchema = z
  .object({
    /** The municipality; default: the one you lead. */
    organisationId: UuidSchema.optional(),
    /** Null: the municipality's default. */
    userId: UuidSchema.nullable(),
    warningAtFamilies: families("Advarselsgrænsen"),
    hardLimitFamilies: families("Den faste grænse"),
  })
  .refine((l) => l.warningAtFamilies <= l.hardLimitFamilies, {
    message: "Advarselsgrænsen må ikke være højere end den faste grænse",
    path: ["warningAtFamilies"],
  })
  .meta({ id: "CaseloadLimitsInput" });

export const WorkerCaseloadLimitsParamsSchema = z.object({ userId: UuidSchema });

export const CaseloadLimitsSettingSchema = z
  .object({
    organisationId: z.string(),
    userId: z.string().nullable(),
    warningAtFamilies: z.number().int(),
    hardLimitFamilies: z.number().int(),
  })
  .meta({ id: "CaseloadLimitsSetting" });

export const CaseloadCheckInputSchema = z
  .object({
    userId: UuidSchema,
    courseId: UuidSchema,
    /** A team leader's reason for going over the hard limit (ignored from others). */
    overrideReason: z.string().trim().max(2000, "Begrundelsen må højst have 2000 tegn").optional(),
  })
  .meta({ id: "CaseloadCheckInput" });

export const CaseloadCheckSchema = z
  .object({
    userId: z.string(),
    status: z.enum(CASELOAD_STATUSES),
    isAllowed: z.boolean(),
    needsOverride: z.boolean(),
    loadBeforePct: z.number().int(),
    loadAfterPct: z.number().int(),
    limits: LimitsSchema,
    message: z.string(),
  })
  .meta({ id: "CaseloadCheck" });
export type CaseloadCheckResult = z.infer<typeof CaseloadCheckSchema>;

export const CaseloadReassignInputSchema = z
  .object({
    /** The municipality; default: the one you lead. */
    organisationId: UuidSchema.optional(),
    fromUserId: UuidSchema,
    toUserIds: z.array(UuidSchema).min(1, "Vælg mindst én medarbejder at flytte sagerne til").max(50),
    /** Absent: the worker's whole caseload; present: only these courses. */
    courseIds: z.array(UuidSchema).min(1, "Vælg mindst ét forløb").max(500).optional(),
    /** The day the new case team takes over (the old places end the day before). */
    on: CalendarDateSchema,
    /** A team leader's reason for going over the hard limit. */
    overrideReason: z.string().trim().max(2000, "Begrundelsen må højst have 2000 tegn").optional(),
    /** True: only show the plan. */
    dryRun: z.boolean().default(false),
  })
  .meta({ id: "CaseloadReassignInput" });
export type CaseloadReassignInput = z.input<typeof CaseloadReassignInputSchema>;

export const CaseloadReassignPlanSchema = z
  .object({
    applied: z.boolean(),
    on: z.string(),
    endOldOn: z.string(),
    moves: z.array(
      z.object({
        courseId: z.string(),
        familyId: z.string(),
        familyName: z.string(),
        fromUserId: z.string(),
        toUserId: z.string(),
        toName: z.string(),
      }),
    ),
    targets: z.array(
      z.object({
        userId: z.string(),
        name: z.string(),
        loadBeforePct: z.number().int(),
        loadAfterPct: z.number().int(),
        status: z.enum(CASELOAD_STATUSES),
        limits: LimitsSchema,
      }),
    ),
    needsOverride: z.boolean(),
    isAllowed: z.boolean(),
    message: z.string(),
  })
  .meta({ id: "CaseloadReassignPlan" });
export type CaseloadReassignPlan = z.infer<typeof CaseloadReassignPlanSchema>;
