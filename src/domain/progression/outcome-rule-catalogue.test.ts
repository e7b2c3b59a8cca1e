import { describe, expect, it } from "vitest";
import { createVejleAmendment, createVejleContract } from "../contract/index.js";
import { BUILTIN_INSTRUMENTS } from "./builtin-instruments.js";
import {
  NO_CHILD_PLACED_OR_HIGH_RISK_RULE,
  PLAN_GOALS_ATTAINED_RULE,
  SCHOOL_ABSENCE_DOWN_70_RULE,
  SUPPORT_HOURS_DOWN_12_RULE,
} from "./builtin-outcome-rules.js";
import { describeOutcomeRule } from "./describe-outcome-rule.js";
import { checkOutcomeRuleReferences, evaluateOutcomeRule } from "./evaluate-outcome-rule.js";
import { OutcomeRuleSchema } from "./outcome-rule.js";
import {
  findOutcomeRule,
  instrumentsOfRule,
  OUTCOME_RULE_CATALOGUE,
  WELL_BEING_UP_RULE,
} from "./outcome-rule-catalogue.js";
import { day, family, measure } from "./test-fixtures.js";

const AFTER_END_FIXTURE = day("2024-12-31");

describe("the outcome-rule catalogue", () => {
  it("holds the four payment goals and the well-being result goal under the contract's ids", () => {
    expect(OUTCOME_RULE_CATALOGUE.map((e) => `${e.ruleId}@${e.ruleVersion}`)).toEqual([
      "no-child-placed-or-at-risk@1",
      "plan-goals-attained-80pct@1",
      "school-absence-down-70pct@1",
      "support-hours-down-12-per-week@1",
      "well-being-score-up@1",
    ]);
    expect(findOutcomeRule("plan-goals-attained-80pct", 1)?.rule).toBe(PLAN_GOALS_ATTAINED_RULE);
    expect(findOutcomeRule("support-hours-down-12-per-week", 1)?.rule).toBe(SUPPORT_HOURS_DOWN_12_RULE);
    expect(findOutcomeRule("school-absence-down-70pct", 1)?.rule).toBe(SCHOOL_ABSENCE_DOWN_70_RULE);
    expect(findOutcomeRule("no-child-placed-or-at-risk", 1)?.rule).toBe(NO_CHILD_PLACED_OR_HIGH_RISK_RULE);
    expect(findOutcomeRule("well-being-score-up", 1)?.rule).toBe(WELL_BEING_UP_RULE);
  });

  it("answers undefined for an unknown id or version", () => {
    expect(findOutcomeRule("plan-goals-attained-80pct", 2)).toBeUndefined();
    expect(findOutcomeRule("nope", 1)).toBeUndefined();
  });

  it("resolves every goal of the Vejle contract and its amendment", () => {
    for (const contract of [createVejleContract(), createVejleAmendment()]) {
      for (const track of contract.tracks) {
        for (const goal of track.goals) {
          expect(
            findOutcomeRule(goal.outcomeRule.ruleId, goal.outcomeRule.ruleVersion),
            goal.id,
          ).toBeDefined();
        }
      }
    }
  });

  it("has unique references, Danish and English names, and rules that are valid and refer to shipped instruments", () => {
    const keys = OUTCOME_RULE_CATALOGUE.map((e) => `${e.ruleId}@${e.ruleVersion}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of OUTCOME_RULE_CATALOGUE) {
      expect(e.name.length).toBeGreaterThan(0);
      expect(e.nameEn.length).toBeGreaterThan(0);
      expect(OutcomeRuleSchema.parse(JSON.parse(JSON.stringify(e.rule)))).toEqual(e.rule);
      expect(checkOutcomeRuleReferences(e.rule, BUILTIN_INSTRUMENTS), e.ruleId).toEqual({});
    }
    expect(Object.isFrozen(OUTCOME_RULE_CATALOGUE)).toBe(true);
  });

  it("names the instruments each rule needs", () => {
    const needs = Object.fromEntries(
      OUTCOME_RULE_CATALOGUE.map((e) => [e.ruleId, instrumentsOfRule(e.rule)]),
    );
    expect(needs).toEqual({
      "plan-goals-attained-80pct": ["goal-attainment"],
      "support-hours-down-12-per-week": ["support-hours"],
      "school-absence-down-70pct": ["school-absence"],
      "no-child-placed-or-at-risk": ["placement-risk"],
      "well-being-score-up": ["well-being"],
    });
  });
});

describe("well-being up by its meaningful change", () => {
  it("is the family's well-being score up by at least 2 points (the score's meaningful change)", () => {
    expect(WELL_BEING_UP_RULE).toMatchObject({
      kind: "change-from-baseline",
      instrumentCode: "well-being",
      score: "well-being",
      subjects: "family",
      comparison: "increase-by-abs",
      threshold: 2,
      at: { kind: "end-of-course" },
    });
    expect(describeOutcomeRule(WELL_BEING_UP_RULE, "da")).toContain("2");
  });

  const wb = (on: string, v: number) => measure("well-being", "family", on, { "well-being": v });

  it("is met at exactly +2 and not met at +1, not measurable without a baseline", () => {
    expect(
      evaluateOutcomeRule(
        WELL_BEING_UP_RULE,
        family([wb("2024-01-20", 4), wb("2024-11-10", 6)]),
        AFTER_END_FIXTURE,
      ).status,
    ).toBe("met");
    const notMet = evaluateOutcomeRule(
      WELL_BEING_UP_RULE,
      family([wb("2024-01-20", 4), wb("2024-11-10", 5)]),
      AFTER_END_FIXTURE,
    );
    expect(notMet.status).toBe("not-met");
    expect(notMet.reason).toBeTruthy();
    const missing = evaluateOutcomeRule(WELL_BEING_UP_RULE, family([wb("2024-11-10", 8)]), AFTER_END_FIXTURE);
    expect(missing.status).toBe("not-measurable");
    expect(missing.reason).toContain("baseline");
  });
});
