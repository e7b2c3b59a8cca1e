/**
 * The catalogue of outcome rules a contract goal may name. A goal of an outcome contract refers to its
 * rule only by `{ ruleId, ruleVersion }` (see `src/domain/contract`); this table resolves that reference
 * to the rule the progression module evaluates. An entry is never edited: a changed rule is a new
 * `ruleVersion` (or a new id), so a settled contract keeps meaning what it meant when it was signed.
 */
import { getBuiltinInstrument, INSTRUMENT_CODES, SCORE_CODES } from "./builtin-instruments.js";
import {
  NO_CHILD_PLACED_OR_HIGH_RISK_RULE,
  PLAN_GOALS_ATTAINED_RULE,
  SCHOOL_ABSENCE_DOWN_70_RULE,
  SUPPORT_HOURS_DOWN_12_RULE,
} from "./builtin-outcome-rules.js";
import { findScoreDefinition, getLatestVersion } from "./instrument.js";
import { type OutcomeRule, OutcomeRuleSchema } from "./outcome-rule.js";

/** One rule a contract goal may name. */
export interface OutcomeRuleCatalogueEntry {
  /** Stable id, as stored in a contract goal's `outcomeRule.ruleId`. */
  readonly ruleId: string;
  /** Version of the rule under this id (≥ 1). */
  readonly ruleVersion: number;
  /** Danish name (shown in contracts and statements). */
  readonly name: string;
  /** English name. */
  readonly nameEn: string;
  /** The rule itself (parsed, defaults filled in). */
  readonly rule: OutcomeRule;
}

/** A reference to a catalogued rule (the shape of a contract goal's `outcomeRule`). */
export interface OutcomeRuleReference {
  ruleId: string;
  ruleVersion: number;
}

/**
 * The meaningful change of the shipped well-being score (2 points on the 1–10 scale), read from the
 * instrument rather than repeated here, so the rule and the trend views agree on what counts.
 */
function wellBeingMeaningfulChange(): number {
  const version = getLatestVersion(getBuiltinInstrument(INSTRUMENT_CODES.wellBeing));
  const score = findScoreDefinition(version, SCORE_CODES.wellBeing);
  if (score?.meaningfulChange.kind !== "absolute") {
    throw new RangeError("The well-being score has no absolute meaningful change");
  }
  return score.meaningfulChange.value;
}

/**
 * "The family's own well-being score (answered jointly) is up by at least its meaningful change (2 points
 * on 1–10) from baseline to the end of the course". The result goal of the Vejle amendment.
 */
export const WELL_BEING_UP_RULE: OutcomeRule = OutcomeRuleSchema.parse({
  schemaVersion: 1,
  kind: "change-from-baseline",
  instrumentCode: INSTRUMENT_CODES.wellBeing,
  score: SCORE_CODES.wellBeing,
  subjects: "family",
  comparison: "increase-by-abs",
  threshold: wellBeingMeaningfulChange(),
  at: { kind: "end-of-course" },
});

/** Every rule a contract goal may name, sorted by id and version. */
export const OUTCOME_RULE_CATALOGUE: readonly OutcomeRuleCatalogueEntry[] = Object.freeze(
  [
    {
      ruleId: "no-child-placed-or-at-risk",
      ruleVersion: 1,
      name: "Intet barn anbragt eller i høj risiko for anbringelse",
      nameEn: "No child placed or at high risk of placement",
      rule: NO_CHILD_PLACED_OR_HIGH_RISK_RULE,
    },
    {
      ruleId: "plan-goals-attained-80pct",
      ruleVersion: 1,
      name: "Mindst 80 % af handleplansmålene er nået",
      nameEn: "At least 80 % of the action-plan goals attained",
      rule: PLAN_GOALS_ATTAINED_RULE,
    },
    {
      ruleId: "school-absence-down-70pct",
      ruleVersion: 1,
      name: "Skolefravær ned med mindst 70 %",
      nameEn: "School absence down by at least 70 %",
      rule: SCHOOL_ABSENCE_DOWN_70_RULE,
    },
    {
      ruleId: "support-hours-down-12-per-week",
      ruleVersion: 1,
      name: "Støttetimer ned med mindst 12 om ugen",
      nameEn: "Support hours down by at least 12 a week",
      rule: SUPPORT_HOURS_DOWN_12_RULE,
    },
    {
      ruleId: "well-being-score-up",
      ruleVersion: 1,
      name: "Familiens trivsel op med mindst 2 point",
      nameEn: "Family well-being up by at least 2 points",
      rule: WELL_BEING_UP_RULE,
    },
  ].map((e) => Object.freeze(e)),
);

/**
 * Looks a rule up by the reference a contract goal stores.
 * @returns the entry, or undefined when no rule has this id and version.
 */
export function findOutcomeRule(ruleId: string, ruleVersion: number): OutcomeRuleCatalogueEntry | undefined {
  return OUTCOME_RULE_CATALOGUE.find((e) => e.ruleId === ruleId && e.ruleVersion === ruleVersion);
}

/**
 * The instrument codes a rule needs measurements of: e.g. `["goal-attainment"]` for a share-of-goals
 * rule, `["school-absence"]` for the absence rule. Sorted, without duplicates. Every rule kind of
 * schema version 1 reads exactly one instrument.
 */
export function instrumentsOfRule(rule: OutcomeRule): readonly string[] {
  switch (rule.kind) {
    case "change-from-baseline":
    case "value-at":
    case "none-at-or-above":
    case "share-of-goals-attained":
      return [rule.instrumentCode];
  }
}
