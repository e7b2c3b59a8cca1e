import { z } from "zod";
import {
  type Department,
  type GoalCategory,
  GoalSchema,
  type GoalStatus,
  MeasureSchema,
} from "../../../domain/casework/family-plan.js";
import { MoneyError } from "../../../domain/money.js";
import { kronerText, parseKronerText } from "../../lib/kroner-text.js";
import type { FamilyPlanView, Goal, Measure } from "./plan-types.js";

/*
 * The plan editor's form values and their conversion to and from the API's plan: amounts are typed in
 * kroner and sent in øre, numbers are typed as text, optional parts are left out when blank. Error
 * paths of the plan (`goals.0.scale.levels.-2`, `measures.1.estimatedMonthlyCostOre`) are mapped to
 * the fields that show them.
 */

/** The GAS levels in the order the editor shows them: −2 … +2. */
export const GAS_LEVELS = ["-2", "-1", "0", "1", "2"] as const;
export type GasLevel = (typeof GAS_LEVELS)[number];

export const FREQUENCY_PERIODS = ["day", "week", "month", "year"] as const;
export type FrequencyPeriod = (typeof FREQUENCY_PERIODS)[number];

export interface SubGoalValues {
  id: string;
  text: string;
  status: GoalStatus;
  targetDate: string;
}

export interface GoalValues {
  id: string;
  /** "family", or the person id of the member the goal is about. */
  subject: string;
  ownWords: string;
  category: GoalCategory | "";
  targetDate: string;
  status: GoalStatus;
  hasScale: boolean;
  /** The description of each level, in the order of GAS_LEVELS. */
  levels: string[];
  /** "" (not assessed) or one of GAS_LEVELS. */
  currentLevel: string;
  subGoals: SubGoalValues[];
}

export interface MeasureValues {
  id: string;
  what: string;
  performedBy: string;
  responsibleUserId: string;
  responsibleName: string;
  department: Department | "";
  departmentOther: string;
  legalBasis: string;
  startOn: string;
  endOn: string;
  intensity: "" | "hours-per-week" | "frequency";
  hoursPerWeek: string;
  times: string;
  per: FrequencyPeriod;
  /** The estimated cost per month as typed, in kroner ("12.500" or "12.500,50"). */
  costKr: string;
  goalIds: string[];
}

export interface PlanFormValues {
  goals: GoalValues[];
  measures: MeasureValues[];
  note: string;
}

export const FAMILY_SUBJECT = "family";

/** The next free id with a prefix: g1, g2 … (ids only need to be unique within the plan). */
export function nextId(prefix: string, taken: readonly string[]): string {
  const used = new Set(taken);
  let n = taken.length + 1;
  for (let i = 1; i < n; i++) {
    if (!used.has(`${prefix}${i}`)) {
      n = i;
      break;
    }
  }
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

export function newGoalValues(id: string): GoalValues {
  return {
    id,
    subject: FAMILY_SUBJECT,
    ownWords: "",
    category: "",
    targetDate: "",
    status: "not-started",
    hasScale: false,
    levels: GAS_LEVELS.map(() => ""),
    currentLevel: "",
    subGoals: [],
  };
}

export function newMeasureValues(id: string, startOn: string): MeasureValues {
  return {
    id,
    what: "",
    performedBy: "",
    responsibleUserId: "",
    responsibleName: "",
    department: "",
    departmentOther: "",
    legalBasis: "",
    startOn,
    endOn: "",
    intensity: "",
    hoursPerWeek: "",
    times: "",
    per: "week",
    costKr: "",
    goalIds: [],
  };
}

const decimalText = (n: number, language: string) =>
  language === "en" ? String(n) : String(n).replace(".", ",");

function goalValues(g: Goal): GoalValues {
  return {
    id: g.id,
    subject: g.subject.kind === "member" ? g.subject.personId : FAMILY_SUBJECT,
    ownWords: g.ownWords,
    category: g.category,
    targetDate: g.targetDate,
    status: g.status,
    hasScale: g.scale !== undefined,
    levels: GAS_LEVELS.map((level) => g.scale?.levels[level] ?? ""),
    currentLevel: g.scale?.currentLevel === undefined ? "" : String(g.scale.currentLevel),
    subGoals: g.subGoals.map((s) => ({
      id: s.id,
      text: s.text,
      status: s.status,
      targetDate: s.targetDate ?? "",
    })),
  };
}

function measureValues(m: Measure, language: string): MeasureValues {
  return {
    id: m.id,
    what: m.what,
    performedBy: m.performedBy,
    responsibleUserId: m.responsibleUserId ?? "",
    responsibleName: m.responsibleName ?? "",
    department: m.department,
    departmentOther: m.departmentOther ?? "",
    legalBasis: m.legalBasis ?? "",
    startOn: m.startOn,
    endOn: m.endOn ?? "",
    intensity: m.intensity?.kind ?? "",
    hoursPerWeek:
      m.intensity?.kind === "hours-per-week" ? decimalText(m.intensity.hoursPerWeek, language) : "",
    times: m.intensity?.kind === "frequency" ? String(m.intensity.times) : "",
    per: m.intensity?.kind === "frequency" ? m.intensity.per : "week",
    costKr: kronerText(m.estimatedMonthlyCostOre, language),
    goalIds: [...m.goalIds],
  };
}

/** The editor's values for a saved plan (the note starts empty: it describes the next version). */
export function planFormValues(plan: FamilyPlanView["plan"], language: string): PlanFormValues {
  return {
    goals: plan.goals.map(goalValues),
    measures: plan.measures.map((m) => measureValues(m, language)),
    note: "",
  };
}

const optional = (text: string) => (text.trim() === "" ? undefined : text.trim());

/** A number typed with a decimal comma or point; NaN when it is not one (blank → undefined). */
export function parseDecimal(text: string): number | undefined {
  const s = text.trim().replace(",", ".");
  if (s === "") return undefined;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

/** Kroner as typed → øre; NaN when it is not an amount, undefined when blank. */
export function parseCostOre(text: string, language: string): number | undefined {
  if (text.trim() === "") return undefined;
  try {
    return parseKronerText(text, language);
  } catch (error) {
    if (error instanceof MoneyError) return Number.NaN;
    throw error;
  }
}

function toGoalInput(g: GoalValues) {
  return {
    id: g.id,
    subject: g.subject === FAMILY_SUBJECT ? { kind: "family" } : { kind: "member", personId: g.subject },
    ownWords: g.ownWords.trim(),
    category: g.category || undefined,
    targetDate: g.targetDate || undefined,
    status: g.status,
    ...(g.hasScale
      ? {
          scale: {
            levels: Object.fromEntries(GAS_LEVELS.map((level, i) => [level, (g.levels[i] ?? "").trim()])),
            ...(g.currentLevel === "" ? {} : { currentLevel: Number(g.currentLevel) }),
          },
        }
      : {}),
    subGoals: g.subGoals.map((s) => ({
      id: s.id,
      text: s.text.trim(),
      status: s.status,
      ...(s.targetDate ? { targetDate: s.targetDate } : {}),
    })),
  };
}

function toIntensity(m: MeasureValues) {
  if (m.intensity === "hours-per-week") {
    return { kind: "hours-per-week", hoursPerWeek: parseDecimal(m.hoursPerWeek) };
  }
  if (m.intensity === "frequency") return { kind: "frequency", times: parseDecimal(m.times), per: m.per };
  return undefined;
}

function toMeasureInput(m: MeasureValues, language: string) {
  const intensity = toIntensity(m);
  return {
    id: m.id,
    what: m.what.trim(),
    performedBy: m.performedBy.trim(),
    responsibleUserId: optional(m.responsibleUserId),
    responsibleName: optional(m.responsibleName),
    department: m.department || undefined,
    departmentOther: m.department === "other" ? optional(m.departmentOther) : undefined,
    legalBasis: optional(m.legalBasis),
    startOn: m.startOn || undefined,
    endOn: m.endOn || undefined,
    ...(intensity ? { intensity } : {}),
    estimatedMonthlyCostOre: parseCostOre(m.costKr, language),
    goalIds: m.goalIds,
  };
}

/** The plan the API receives (`{ goals, measures }`; øre, numbers, blank optional parts left out). */
export function toPlanInput(values: PlanFormValues, language: string) {
  return {
    goals: values.goals.map(toGoalInput),
    measures: values.measures.map((m) => toMeasureInput(m, language)),
  };
}

/**
 * The shape of each goal and measure, as the browser checks it before sending. The plan's
 * cross-field rules (a sub-goal's date within its goal's, links, members of the family) are the
 * server's: its messages come back per field.
 */
export const PlanShapeSchema = z.object({ goals: z.array(GoalSchema), measures: z.array(MeasureSchema) });

const MEASURE_FIELD: Record<string, string> = {
  estimatedMonthlyCostOre: "costKr",
  intensity: "intensity",
};

/**
 * The editor field that shows an error of the plan (`plan.goals.0.scale.levels.-2` →
 * `goals.0.levels.0`); paths outside goals and measures are returned without the `plan.` prefix.
 */
export function formPathOf(planPath: string): string {
  const path = planPath.replace(/^plan\./, "");
  const [list, index, field, ...rest] = path.split(".");
  if (index === undefined || field === undefined) return path;
  const at = `${list}.${index}`;
  if (list === "goals") {
    if (field === "subject") return `${at}.subject`;
    if (field === "scale") {
      if (rest[0] === "levels" && rest[1] !== undefined) {
        const i = GAS_LEVELS.indexOf(rest[1] as GasLevel);
        return i >= 0 ? `${at}.levels.${i}` : `${at}.levels.0`;
      }
      if (rest[0] === "currentLevel") return `${at}.currentLevel`;
      return `${at}.hasScale`;
    }
    return path;
  }
  if (list === "measures") {
    if (field === "intensity") {
      const sub = rest[0];
      if (sub === "hoursPerWeek" || sub === "times" || sub === "per") return `${at}.${sub}`;
      return `${at}.intensity`;
    }
    if (field === "goalIds") return `${at}.goalIds`;
    return `${at}.${MEASURE_FIELD[field] ?? field}`;
  }
  return path;
}

/** Errors keyed by plan paths → errors keyed by the editor's fields (the first message per field). */
export function toFormErrors(errors: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (typeof message !== "string" || !message) continue;
    const field = formPathOf(path);
    if (!out[field]) out[field] = message;
  }
  return out;
}

/** The indexes of a list's items that have an error (`goals.2.ownWords` → 2), so their editors open. */
export function indexesWithErrors(errors: Record<string, unknown>, list: "goals" | "measures"): number[] {
  const found = new Set<number>();
  for (const path of Object.keys(errors)) {
    const m = new RegExp(`^${list}\\.(\\d+)(\\.|$)`).exec(path);
    if (m) found.add(Number(m[1]));
  }
  return [...found].sort((a, b) => a - b);
}

/** Removes a goal and the links of the measures that served it. */
export function withoutGoal(values: PlanFormValues, index: number): PlanFormValues {
  const id = values.goals[index]?.id;
  return {
    ...values,
    goals: values.goals.filter((_, i) => i !== index),
    measures: values.measures.map((m) => ({ ...m, goalIds: m.goalIds.filter((g) => g !== id) })),
  };
}
