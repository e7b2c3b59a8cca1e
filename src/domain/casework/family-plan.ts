/**
 * Familiens Plan — one plan around the whole family: goals written with the family in its own words,
 * and the measures of every department that serve them.
 *
 * Validation (`validateFamilyPlan`): every field's shape (zod), a measure's end on or after its start,
 * a sub-goal's target date not after its goal's, unique ids, measures linking only to goals of the
 * plan, goals about a member only for members of the family (when the members are given), cost ≥ 0.
 *
 * Monthly cost per department (`computeMonthlyCostByDepartment`): a measure's estimated cost per month
 * counts in full for a month it runs through, and pro rata by days for a month it runs part of
 * (start and end days included): exact amount = cost × active days / days in the month. The month's
 * total is the exact sum rounded ONCE, half-up, to whole øre; it is then split over the measures in
 * proportion to their exact amounts by largest remainder (`allocate` in money.ts), and a department's
 * amount is the sum of its measures' — so measures add up to departments and departments to the total,
 * exactly. A measure's share differs from its own exact amount by less than 1.5 øre.
 */
import { z } from "zod";
import { addDays, addMonths, type CalendarDate, compareDates, daysBetween } from "../calendar-date.js";
import { allocate, multiplyRatio, type Ore, ore, sum, times, ZERO } from "../money.js";
import {
  DateSchema,
  type FieldErrors,
  formatDanishDate,
  IdSchema,
  parseWith,
  TextSchema,
} from "./schema-primitives.js";

// ---------------------------------------------------------------------------------------------------
// Goals

/** Goal categories. */
export const GOAL_CATEGORIES = [
  "well-being",
  "school-day-care",
  "employment-education",
  "health",
  "finances",
  "housing",
  "parenting",
  "family-relations",
  "network-leisure",
  "language",
  "other",
] as const;
/** A goal category. */
export const GoalCategorySchema = z.enum(GOAL_CATEGORIES, { error: "Ukendt kategori for målet" });
/** A goal category. */
export type GoalCategory = z.infer<typeof GoalCategorySchema>;

/** Danish labels of the goal categories. */
export const GOAL_CATEGORY_LABELS: Readonly<Record<GoalCategory, string>> = {
  "well-being": "Trivsel",
  "school-day-care": "Skole og dagtilbud",
  "employment-education": "Beskæftigelse og uddannelse",
  health: "Sundhed",
  finances: "Økonomi",
  housing: "Bolig",
  parenting: "Forældreskab",
  "family-relations": "Familiens relationer",
  "network-leisure": "Netværk og fritid",
  language: "Sprog",
  other: "Andet",
};

/** Goal statuses. */
export const GOAL_STATUSES = [
  "not-started",
  "in-progress",
  "achieved",
  "partly-achieved",
  "not-achieved",
  "dropped",
] as const;
/** A goal's (or sub-goal's) status. */
export const GoalStatusSchema = z.enum(GOAL_STATUSES, { error: "Ukendt status for målet" });
/** A goal's (or sub-goal's) status. */
export type GoalStatus = z.infer<typeof GoalStatusSchema>;

/** Danish labels of the goal statuses. */
export const GOAL_STATUS_LABELS: Readonly<Record<GoalStatus, string>> = {
  "not-started": "Ikke påbegyndt",
  "in-progress": "I gang",
  achieved: "Opnået",
  "partly-achieved": "Delvist opnået",
  "not-achieved": "Ikke opnået",
  dropped: "Opgivet",
};

/** Whom a goal is about: the family as a whole, or one member. */
export const GoalSubjectSchema = z.discriminatedUnion(
  "kind",
  [z.object({ kind: z.literal("family") }), z.object({ kind: z.literal("member"), personId: IdSchema })],
  { error: "Angiv, om målet gælder familien eller et familiemedlem" },
);
/** Whom a goal is about. */
export type GoalSubject = z.infer<typeof GoalSubjectSchema>;

/** A goal-attainment level, −2 … +2 (0 = the expected outcome). */
export const GasLevelSchema = z
  .int({ error: "Niveauet skal være et helt tal fra −2 til +2" })
  .min(-2, { error: "Niveauet skal være et helt tal fra −2 til +2" })
  .max(2, { error: "Niveauet skal være et helt tal fra −2 til +2" });

/** A goal-attainment scale: what each level −2…+2 means for this goal, and optionally where the family is now. */
export const GoalAttainmentScaleSchema = z.object({
  levels: z.object({
    "-2": TextSchema,
    "-1": TextSchema,
    "0": TextSchema,
    "1": TextSchema,
    "2": TextSchema,
  }),
  currentLevel: GasLevelSchema.optional(),
});
/** A goal-attainment scale. */
export type GoalAttainmentScale = z.infer<typeof GoalAttainmentScaleSchema>;

/** A sub-goal: a step on the way to a goal. */
export const SubGoalSchema = z.object({
  id: IdSchema,
  text: TextSchema,
  status: GoalStatusSchema,
  targetDate: DateSchema.optional(),
});
/** A sub-goal. */
export type SubGoal = z.infer<typeof SubGoalSchema>;

/** A goal of the plan, in the family's own words. */
export const GoalSchema = z.object({
  id: IdSchema,
  subject: GoalSubjectSchema,
  /** The goal as the family puts it. */
  ownWords: TextSchema,
  category: GoalCategorySchema,
  targetDate: DateSchema,
  status: GoalStatusSchema,
  scale: GoalAttainmentScaleSchema.optional(),
  subGoals: z.array(SubGoalSchema).default([]),
});
/** A goal of the plan. */
export type Goal = z.infer<typeof GoalSchema>;

// ---------------------------------------------------------------------------------------------------
// Measures

/** The departments (and others) that run measures around a family. */
export const DEPARTMENTS = [
  "children-and-family",
  "job-centre",
  "social-and-psychiatry",
  "school",
  "day-care",
  "health-visitor",
  "provider",
  "other",
] as const;
/** A department. */
export const DepartmentSchema = z.enum(DEPARTMENTS, { error: "Ukendt afdeling" });
/** A department. */
export type Department = z.infer<typeof DepartmentSchema>;

/** Danish labels of the departments. */
export const DEPARTMENT_LABELS: Readonly<Record<Department, string>> = {
  "children-and-family": "Børn og Familie",
  "job-centre": "Jobcenter",
  "social-and-psychiatry": "Social og Psykiatri",
  school: "Skole",
  "day-care": "Dagtilbud",
  "health-visitor": "Sundhedspleje",
  provider: "Leverandøren",
  other: "Andet",
};

/** The highest estimated monthly cost accepted: 100 million DKK, in øre (keeps every product exact). */
export const MAX_MONTHLY_COST_ORE = 10_000_000_000;

/** How intensive a measure is: hours per week, or a number of times per period. */
export const MeasureIntensitySchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("hours-per-week"),
      hoursPerWeek: z
        .number({ error: "Timer pr. uge skal være et tal" })
        .positive({ error: "Timer pr. uge skal være større end 0" })
        .max(168, { error: "Timer pr. uge kan højst være 168" }),
    }),
    z.object({
      kind: z.literal("frequency"),
      times: z
        .int({ error: "Antal gange skal være et helt tal" })
        .min(1, { error: "Mindst 1 gang" })
        .max(1000, { error: "Højst 1000 gange" }),
      per: z.enum(["day", "week", "month", "year"], { error: "Vælg dag, uge, måned eller år" }),
    }),
  ],
  { error: "Angiv timer pr. uge eller hyppighed" },
);
/** How intensive a measure is. */
export type MeasureIntensity = z.infer<typeof MeasureIntensitySchema>;

/** A measure (foranstaltning/indsats) of any department, linked to the goals it serves. */
export const MeasureSchema = z
  .object({
    id: IdSchema,
    /** What is done, e.g. "Familiebehandling i hjemmet". */
    what: TextSchema,
    /** Who performs it, e.g. "Familiekonsulent fra leverandøren". */
    performedBy: TextSchema,
    /** The responsible user, when they have a user in Bundlinje. */
    responsibleUserId: IdSchema.optional(),
    /** The responsible person's name or function, when they have no user (e.g. the class teacher). */
    responsibleName: TextSchema.optional(),
    department: DepartmentSchema,
    /** Names the department when `department` is "other". */
    departmentOther: TextSchema.optional(),
    /** E.g. "Barnets lov § 32, stk. 1, nr. 3". */
    legalBasis: TextSchema.optional(),
    startOn: DateSchema,
    /** Last day (inclusive); open-ended when absent. */
    endOn: DateSchema.optional(),
    intensity: MeasureIntensitySchema.optional(),
    estimatedMonthlyCostOre: z
      .int({ error: "Prisen skal være et helt antal øre" })
      .min(0, { error: "Prisen må ikke være negativ" })
      .max(MAX_MONTHLY_COST_ORE, { error: "Prisen pr. måned er urealistisk høj" })
      .transform((v): Ore => ore(v)),
    goalIds: z.array(IdSchema).default([]),
  })
  .superRefine((m, ctx) => {
    if (m.endOn !== undefined && compareDates(m.endOn, m.startOn) < 0) {
      ctx.addIssue({ code: "custom", path: ["endOn"], message: "Slutdatoen må ikke ligge før startdatoen" });
    }
    if (m.responsibleUserId === undefined && m.responsibleName === undefined) {
      ctx.addIssue({ code: "custom", path: ["responsibleUserId"], message: "Angiv, hvem der er ansvarlig" });
    }
    if (m.department === "other" && m.departmentOther === undefined) {
      ctx.addIssue({ code: "custom", path: ["departmentOther"], message: "Skriv, hvilken afdeling det er" });
    }
  });
/** A measure of the plan. */
export type Measure = z.infer<typeof MeasureSchema>;

// ---------------------------------------------------------------------------------------------------
// The plan

function duplicates(ids: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return dup;
}

/** The content of one version of Familiens Plan (the version's who/when/agreement are stored beside it). */
export const FamilyPlanSchema = z
  .object({
    goals: z.array(GoalSchema).default([]),
    measures: z.array(MeasureSchema).default([]),
  })
  .superRefine((plan, ctx) => {
    const goalDup = duplicates(plan.goals.map((g) => g.id));
    plan.goals.forEach((g, gi) => {
      if (goalDup.has(g.id))
        ctx.addIssue({ code: "custom", path: ["goals", gi, "id"], message: "Målets id findes flere gange" });
      const subDup = duplicates(g.subGoals.map((s) => s.id));
      g.subGoals.forEach((s, si) => {
        if (subDup.has(s.id)) {
          ctx.addIssue({
            code: "custom",
            path: ["goals", gi, "subGoals", si, "id"],
            message: "Delmålets id findes flere gange",
          });
        }
        if (s.targetDate !== undefined && compareDates(s.targetDate, g.targetDate) > 0) {
          ctx.addIssue({
            code: "custom",
            path: ["goals", gi, "subGoals", si, "targetDate"],
            message: `Delmålets måldato ligger efter målets måldato (${formatDanishDate(g.targetDate)})`,
          });
        }
      });
    });
    const goalIds = new Set(plan.goals.map((g) => g.id));
    const measureDup = duplicates(plan.measures.map((m) => m.id));
    plan.measures.forEach((m, mi) => {
      if (measureDup.has(m.id)) {
        ctx.addIssue({
          code: "custom",
          path: ["measures", mi, "id"],
          message: "Indsatsens id findes flere gange",
        });
      }
      const linkDup = duplicates(m.goalIds);
      m.goalIds.forEach((id, li) => {
        if (!goalIds.has(id)) {
          ctx.addIssue({
            code: "custom",
            path: ["measures", mi, "goalIds", li],
            message: "Indsatsen henviser til et mål, som ikke findes i planen",
          });
        } else if (linkDup.has(id) && m.goalIds.indexOf(id) !== li) {
          ctx.addIssue({
            code: "custom",
            path: ["measures", mi, "goalIds", li],
            message: "Målet er valgt flere gange",
          });
        }
      });
    });
  });
/** The content of one version of Familiens Plan. */
export type FamilyPlan = z.infer<typeof FamilyPlanSchema>;
/** Familiens Plan as it arrives at a boundary (before defaults and branding). */
export type FamilyPlanInput = z.input<typeof FamilyPlanSchema>;

/**
 * Validates untrusted plan content: shape and every cross-field rule (see the module comment).
 * With `memberPersonIds`, a goal about a member must name a member of the family. Never throws;
 * errors are Danish, keyed by field path (e.g. `"measures.0.endOn"`).
 */
export function validateFamilyPlan(
  input: unknown,
  options: { readonly memberPersonIds?: readonly string[] } = {},
): { ok: true; plan: FamilyPlan } | { ok: false; errors: FieldErrors } {
  const parsed = parseWith(FamilyPlanSchema, input);
  if (!parsed.ok) return parsed;
  const plan = parsed.value;
  if (options.memberPersonIds) {
    const members = new Set(options.memberPersonIds);
    const errors: FieldErrors = {};
    plan.goals.forEach((g, gi) => {
      if (g.subject.kind === "member" && !members.has(g.subject.personId)) {
        errors[`goals.${gi}.subject.personId`] = "Målet gælder en person, som ikke er medlem af familien";
      }
    });
    if (Object.keys(errors).length > 0) return { ok: false, errors };
  }
  return { ok: true, plan };
}

// ---------------------------------------------------------------------------------------------------
// Monthly cost per department

/** A calendar month `YYYY-MM`. */
export const MonthSchema = z
  .string({ error: "Skal være en måned (ÅÅÅÅ-MM)" })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "Skal være en måned (ÅÅÅÅ-MM)" });

/** What the cost calculation needs from a measure. */
export type MeasureCostInput = Pick<
  Measure,
  "id" | "department" | "startOn" | "endOn" | "estimatedMonthlyCostOre"
>;

/** One measure's part of a month's cost. */
export interface MeasureMonthCost {
  readonly measureId: string;
  readonly department: Department;
  /** Days of the month the measure runs (start and end days included). */
  readonly activeDays: number;
  readonly amountOre: Ore;
}

/** A month's estimated cost of a plan's measures, per department and in total (exact øre). */
export interface MonthlyCost {
  readonly month: string;
  readonly daysInMonth: number;
  /** Every department, 0 when it has nothing running. Σ = `totalOre` exactly. */
  readonly byDepartmentOre: Readonly<Record<Department, Ore>>;
  readonly totalOre: Ore;
  /** The measures running in the month, by department then id. Σ per department = `byDepartmentOre`. */
  readonly lines: readonly MeasureMonthCost[];
}

/**
 * The estimated cost of the measures in `month` (`YYYY-MM`), per department — pro rata by days for
 * measures running part of the month, the total rounded once (half-up) and split exactly (see the
 * module comment).
 * @throws RangeError when `month` is not `YYYY-MM`.
 */
export function computeMonthlyCostByDepartment(
  measures: readonly MeasureCostInput[],
  month: string,
): MonthlyCost {
  if (!MonthSchema.safeParse(month).success) throw new RangeError(`Not a month (YYYY-MM): ${month}`);
  const first = `${month}-01` as CalendarDate;
  const next = addMonths(first, 1);
  const daysInMonth = daysBetween(first, next);
  const last = addDays(next, -1);

  const running = measures
    .map((m) => {
      const from = compareDates(m.startOn, first) > 0 ? m.startOn : first;
      const to = m.endOn !== undefined && compareDates(m.endOn, last) < 0 ? m.endOn : last;
      const activeDays = compareDates(from, to) <= 0 ? daysBetween(from, to) + 1 : 0;
      return {
        measureId: m.id,
        department: m.department,
        activeDays,
        exactTimesDays: times(m.estimatedMonthlyCostOre, activeDays),
      };
    })
    .filter((l) => l.activeDays > 0)
    .sort(
      (a, b) =>
        DEPARTMENTS.indexOf(a.department) - DEPARTMENTS.indexOf(b.department) ||
        (a.measureId < b.measureId ? -1 : a.measureId > b.measureId ? 1 : 0),
    );

  // cost × days is the exact amount times the days in the month; round the sum once.
  const totalOre = multiplyRatio(sum(running.map((l) => l.exactTimesDays)), 1, daysInMonth, "half-up");
  const weights = running.map((l) => l.exactTimesDays as number);
  const shares =
    totalOre === 0 || weights.every((w) => w === 0) ? running.map(() => ZERO) : allocate(totalOre, weights);

  const lines: MeasureMonthCost[] = running.map((l, i) => ({
    measureId: l.measureId,
    department: l.department,
    activeDays: l.activeDays,
    amountOre: shares[i] ?? ZERO,
  }));
  const byDepartmentOre = Object.fromEntries(
    DEPARTMENTS.map((d) => [d, sum(lines.filter((l) => l.department === d).map((l) => l.amountOre))]),
  ) as Record<Department, Ore>;
  return { month, daysInMonth, byDepartmentOre, totalOre, lines };
}
