/**
 * The outcome-rule language: a small, serialisable description of "what counts as a result" for one
 * family, which payment goals of an outcome contract reference. A rule is JSON, validated by
 * `OutcomeRuleSchema` (a zod discriminated union on `kind`) and versioned by `schemaVersion` so that
 * stored rules stay readable when the language grows. Evaluation: `evaluateOutcomeRule`; a sentence for
 * the UI and the contract: `describeOutcomeRule`. The semantics are documented in
 * docs/progression-and-outcome-rules.md.
 *
 * Kinds:
 * - `change-from-baseline`: a score changes by at least a threshold (absolute or % of baseline) from the
 *   baseline to a point (end of course or months after it), per subject, aggregated over the members;
 * - `share-of-goals-attained`: at least a share of the plan's goals score at least `minScore` at a point;
 * - `none-at-or-above`: no member in scope is at or above a category level at a point (e.g. no child at
 *   high placement risk or placed);
 * - `value-at`: a score is at most / at least / below / above a value at a point.
 */
import { z } from "zod";
import { INSTRUMENT_CODES, SCORE_CODES } from "./builtin-instruments.js";
import { END_OF_COURSE, MeasurementPointSchema } from "./measurement-point.js";
import { CodeSchema, FiniteNumberSchema } from "./schema-primitives.js";

/** The current version of the rule format. */
export const OUTCOME_RULE_SCHEMA_VERSION = 1;

const SchemaVersion = z.literal(OUTCOME_RULE_SCHEMA_VERSION, {
  error: `Ukendt version af regelformatet (understøttet: ${OUTCOME_RULE_SCHEMA_VERSION})`,
});

/**
 * Whom a rule looks at: `family` — measurements of the family as a whole; `children`, `adults` (parents
 * and other adults), `parents`, `members` (everyone) — person measurements of members with those roles
 * who have at least one measurement of the instrument.
 */
export const MemberScopeSchema = z.enum(["family", "children", "adults", "parents", "members"], {
  error: "Ukendt målgruppe",
});
/** Whom a rule looks at. */
export type MemberScope = z.infer<typeof MemberScopeSchema>;

/**
 * How per-member results combine: `all` — every member in scope meets it; `any` — at least one does;
 * `mean` — the mean of the members' values meets it. Ignored for `family`.
 */
export const AggregateSchema = z.enum(["all", "any", "mean"], { error: "Ukendt sammenlægning" });
/** How per-member results combine. */
export type Aggregate = z.infer<typeof AggregateSchema>;

/** Keeps members of an age (whole years at the course start); members without a birth date are kept. */
export const AgeFilterSchema = z
  .object({
    /** Youngest age included. */
    minYears: z.number().int().min(0).max(120).optional(),
    /** Oldest age included. */
    maxYears: z.number().int().min(0).max(120).optional(),
  })
  .refine((a) => a.minYears === undefined || a.maxYears === undefined || a.minYears <= a.maxYears, {
    message: "Mindstealderen må ikke være over højestealderen",
    path: ["maxYears"],
  });
/** Keeps members of an age. */
export type AgeFilter = z.infer<typeof AgeFilterSchema>;

/** How a change from baseline is compared with the threshold (pct: percent of the baseline). */
export const ChangeComparisonSchema = z.enum(
  ["decrease-by-pct", "decrease-by-abs", "increase-by-pct", "increase-by-abs"],
  { error: "Ukendt sammenligning" },
);
/** How a change from baseline is compared with the threshold. */
export type ChangeComparison = z.infer<typeof ChangeComparisonSchema>;

/** How a value is compared with the threshold. */
export const ValueComparisonSchema = z.enum(["at-most", "at-least", "below", "above"], {
  error: "Ukendt sammenligning",
});
/** How a value is compared with the threshold. */
export type ValueComparison = z.infer<typeof ValueComparisonSchema>;

/** "A score changes by at least `threshold` from baseline to `at`". */
export const ChangeFromBaselineRuleSchema = z
  .object({
    schemaVersion: SchemaVersion,
    kind: z.literal("change-from-baseline"),
    /** The instrument's code. */
    instrumentCode: CodeSchema,
    /** The score's code. */
    score: CodeSchema,
    /** Whom the rule looks at. */
    subjects: MemberScopeSchema,
    /** How per-member results combine (default `all`). */
    aggregate: AggregateSchema.default("all"),
    /** Direction and unit of the change. */
    comparison: ChangeComparisonSchema,
    /** The least change: percent of baseline (≤ 100 for a decrease) or the score's unit; ≥ 0. */
    threshold: z.number({ error: "Skal være et tal" }).min(0, { message: "Skal være 0 eller mere" }),
    /** When the change is judged (default the end of the course). */
    at: MeasurementPointSchema.default(() => ({ ...END_OF_COURSE })),
    /** The baseline is the first measurement from the course start through this many weeks (default 6). */
    baselineWithinWeeks: z.number().int().min(0).max(52).default(6),
    /** Optional age filter on members. */
    ages: AgeFilterSchema.optional(),
  })
  .refine((r) => r.comparison !== "decrease-by-pct" || r.threshold <= 100, {
    message: "Et fald kan højst være 100 %",
    path: ["threshold"],
  });
/** "A score changes by at least `threshold` from baseline to `at`". */
export type ChangeFromBaselineRule = z.infer<typeof ChangeFromBaselineRuleSchema>;

/** "At least `minSharePct` % of the plan goals score at least `minScore` at `at`". */
export const ShareOfGoalsAttainedRuleSchema = z.object({
  schemaVersion: SchemaVersion,
  kind: z.literal("share-of-goals-attained"),
  /** The least share of goals attained, 0–100 %. */
  minSharePct: z.number({ error: "Skal være et tal" }).min(0).max(100, { message: "Højst 100 %" }),
  /** The least attainment score (−2…+2) for a goal to count as attained (default 0 = as expected). */
  minScore: z.number().min(-2).max(2).default(0),
  /** When true, the share is weighted by the goals' weights (default: each goal counts once). */
  isWeighted: z.boolean().default(false),
  /** When it is judged (default the end of the course). */
  at: MeasurementPointSchema.default(() => ({ ...END_OF_COURSE })),
  /** The goal-attainment instrument (default the shipped one). */
  instrumentCode: CodeSchema.default(INSTRUMENT_CODES.goalAttainment),
  /** Its per-goal score (default `attainment`). */
  score: CodeSchema.default(SCORE_CODES.goalAttainment),
});
/** "At least `minSharePct` % of the plan goals score at least `minScore`". */
export type ShareOfGoalsAttainedRule = z.infer<typeof ShareOfGoalsAttainedRuleSchema>;

/**
 * "No member in scope is at or above category `level` at `at`" (e.g. placement risk `high`: since
 * `placed` ranks above `high`, a placed child fails it too).
 */
export const NoneAtOrAboveRuleSchema = z.object({
  schemaVersion: SchemaVersion,
  kind: z.literal("none-at-or-above"),
  /** The instrument's code (its score must pass an ordered-categories item through). */
  instrumentCode: CodeSchema,
  /** The score's code. */
  score: CodeSchema,
  /** The category code from which a member fails, e.g. `high`. */
  level: CodeSchema,
  /** Whom the rule looks at (default `children`). */
  subjects: MemberScopeSchema.default("children"),
  /** When it is judged (default the end of the course). */
  at: MeasurementPointSchema.default(() => ({ ...END_OF_COURSE })),
  /** Optional age filter on members. */
  ages: AgeFilterSchema.optional(),
});
/** "No member in scope is at or above category `level`". */
export type NoneAtOrAboveRule = z.infer<typeof NoneAtOrAboveRuleSchema>;

/** "A score is at most / at least / below / above `threshold` at `at`". */
export const ValueAtRuleSchema = z.object({
  schemaVersion: SchemaVersion,
  kind: z.literal("value-at"),
  /** The instrument's code. */
  instrumentCode: CodeSchema,
  /** The score's code. */
  score: CodeSchema,
  /** Whom the rule looks at. */
  subjects: MemberScopeSchema,
  /** How per-member results combine (default `all`). */
  aggregate: AggregateSchema.default("all"),
  /** How the value is compared. */
  comparison: ValueComparisonSchema,
  /** The value compared with, in the score's unit. */
  threshold: FiniteNumberSchema,
  /** When it is judged (default the end of the course). */
  at: MeasurementPointSchema.default(() => ({ ...END_OF_COURSE })),
  /** Optional age filter on members. */
  ages: AgeFilterSchema.optional(),
});
/** "A score is at most / at least / below / above `threshold`". */
export type ValueAtRule = z.infer<typeof ValueAtRuleSchema>;

/** An outcome rule (any kind). Parse stored JSON with it; `z.input` is the shape with defaults optional. */
export const OutcomeRuleSchema = z.discriminatedUnion(
  "kind",
  [ChangeFromBaselineRuleSchema, ShareOfGoalsAttainedRuleSchema, NoneAtOrAboveRuleSchema, ValueAtRuleSchema],
  { error: "Ukendt regeltype" },
);
/** An outcome rule (defaults applied). */
export type OutcomeRule = z.infer<typeof OutcomeRuleSchema>;
/** An outcome rule as written (defaulted fields optional). */
export type OutcomeRuleInput = z.input<typeof OutcomeRuleSchema>;

/** Danish messages keyed by field path (`"at.months"`; `""` for the rule as a whole). */
export type OutcomeRuleErrors = Record<string, string>;

/** Thrown by `parseOutcomeRule` for an invalid rule. */
export class OutcomeRuleError extends Error {
  override name = "OutcomeRuleError";
  /** Danish messages keyed by field path. */
  readonly errors: OutcomeRuleErrors;

  /** @param errors at least one message keyed by field path. */
  constructor(errors: OutcomeRuleErrors) {
    const first = Object.entries(errors)[0];
    super(first ? `Ugyldig regel – ${first[0] || "regel"}: ${first[1]}` : "Ugyldig regel");
    this.errors = errors;
  }
}

/**
 * Reads an untrusted rule (stored JSON, API body). Never throws.
 * @returns the rule with defaults applied, or Danish messages keyed by field path (first per path).
 */
export function safeParseOutcomeRule(
  input: unknown,
): { ok: true; rule: OutcomeRule } | { ok: false; errors: OutcomeRuleErrors } {
  const result = OutcomeRuleSchema.safeParse(input);
  if (result.success) return { ok: true, rule: result.data };
  const errors: OutcomeRuleErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join(".");
    if (!(path in errors)) errors[path] = issue.message;
  }
  return { ok: false, errors };
}

/**
 * Reads an untrusted rule.
 * @throws OutcomeRuleError with Danish messages keyed by field path.
 */
export function parseOutcomeRule(input: unknown): OutcomeRule {
  const result = safeParseOutcomeRule(input);
  if (!result.ok) throw new OutcomeRuleError(result.errors);
  return result.rule;
}
