/**
 * The payment goals of outcome-based family treatment written as outcome rules (the contract's
 * thresholds from the public impact-bond register): at least 80 % of the action-plan goals attained;
 * school absence down 70 %; 12 fewer hours of municipal support a week; no child placed or at high risk
 * of placement. Ordinary families are paid on the first three, intensive families also on placement.
 */
import { INSTRUMENT_CODES, SCORE_CODES } from "./builtin-instruments.js";
import { type OutcomeRule, OutcomeRuleSchema } from "./outcome-rule.js";

/** "≥ 80 % of plan goals attained (score ≥ 0) at the end of the course". */
export const PLAN_GOALS_ATTAINED_RULE: OutcomeRule = OutcomeRuleSchema.parse({
  schemaVersion: 1,
  kind: "share-of-goals-attained",
  minSharePct: 80,
  minScore: 0,
  at: { kind: "end-of-course" },
});

/** "School absence down ≥ 70 % from baseline at the end of the course" (mean over the family's children with absence measurements). */
export const SCHOOL_ABSENCE_DOWN_70_RULE: OutcomeRule = OutcomeRuleSchema.parse({
  schemaVersion: 1,
  kind: "change-from-baseline",
  instrumentCode: INSTRUMENT_CODES.schoolAbsence,
  score: SCORE_CODES.absencePct,
  subjects: "children",
  aggregate: "mean",
  comparison: "decrease-by-pct",
  threshold: 70,
  at: { kind: "end-of-course" },
});

/** "Support hours down by ≥ 12 per week from baseline at the end of the course". */
export const SUPPORT_HOURS_DOWN_12_RULE: OutcomeRule = OutcomeRuleSchema.parse({
  schemaVersion: 1,
  kind: "change-from-baseline",
  instrumentCode: INSTRUMENT_CODES.supportHours,
  score: SCORE_CODES.hoursPerWeek,
  subjects: "family",
  comparison: "decrease-by-abs",
  threshold: 12,
  at: { kind: "end-of-course" },
});

/** "No child placed or at high risk of placement at the end of the course" (`placed` ranks above `high`). */
export const NO_CHILD_PLACED_OR_HIGH_RISK_RULE: OutcomeRule = OutcomeRuleSchema.parse({
  schemaVersion: 1,
  kind: "none-at-or-above",
  instrumentCode: INSTRUMENT_CODES.placementRisk,
  score: SCORE_CODES.placementRisk,
  level: "high",
  subjects: "children",
  at: { kind: "end-of-course" },
});
