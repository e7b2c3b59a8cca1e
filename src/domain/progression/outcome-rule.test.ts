import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  NO_CHILD_PLACED_OR_HIGH_RISK_RULE,
  PLAN_GOALS_ATTAINED_RULE,
  SCHOOL_ABSENCE_DOWN_70_RULE,
  SUPPORT_HOURS_DOWN_12_RULE,
} from "./builtin-outcome-rules.js";
import { describeOutcomeRule } from "./describe-outcome-rule.js";
import {
  OutcomeRuleError,
  type OutcomeRuleInput,
  OutcomeRuleSchema,
  parseOutcomeRule,
  safeParseOutcomeRule,
} from "./outcome-rule.js";

const NAMED = [
  PLAN_GOALS_ATTAINED_RULE,
  SCHOOL_ABSENCE_DOWN_70_RULE,
  SUPPORT_HOURS_DOWN_12_RULE,
  NO_CHILD_PLACED_OR_HIGH_RISK_RULE,
];

describe("serialisation", () => {
  it("round-trips the named rules through JSON and the schema unchanged", () => {
    for (const rule of NAMED) expect(parseOutcomeRule(JSON.parse(JSON.stringify(rule)))).toEqual(rule);
  });

  it("fills defaults from the minimal JSON", () => {
    expect(parseOutcomeRule({ schemaVersion: 1, kind: "share-of-goals-attained", minSharePct: 80 })).toEqual({
      schemaVersion: 1,
      kind: "share-of-goals-attained",
      minSharePct: 80,
      minScore: 0,
      isWeighted: false,
      at: { kind: "end-of-course", windowDaysBefore: 60, windowDaysAfter: 30 },
      instrumentCode: "goal-attainment",
      score: "attainment",
    });
  });

  it("round-trips any valid rule (property)", () => {
    const code = fc.constantFrom("school-absence", "support-hours", "well-being", "x-1");
    const at = fc.oneof(
      fc.record({
        kind: fc.constant("end-of-course" as const),
        windowDaysBefore: fc.integer({ min: 0, max: 366 }),
      }),
      fc.record({ kind: fc.constant("months-after-end" as const), months: fc.integer({ min: 1, max: 120 }) }),
    );
    const scope = fc.constantFrom(
      "family" as const,
      "children" as const,
      "adults" as const,
      "parents" as const,
      "members" as const,
    );
    const aggregate = fc.constantFrom("all" as const, "any" as const, "mean" as const);
    const rule: fc.Arbitrary<OutcomeRuleInput> = fc.oneof(
      fc.record({
        schemaVersion: fc.constant(1 as const),
        kind: fc.constant("change-from-baseline" as const),
        instrumentCode: code,
        score: code,
        subjects: scope,
        aggregate,
        comparison: fc.constantFrom(
          "decrease-by-pct" as const,
          "decrease-by-abs" as const,
          "increase-by-pct" as const,
          "increase-by-abs" as const,
        ),
        threshold: fc.integer({ min: 0, max: 100 }),
        at,
        ages: fc.constant({ minYears: 6, maxYears: 16 }),
      }),
      fc.record({
        schemaVersion: fc.constant(1 as const),
        kind: fc.constant("share-of-goals-attained" as const),
        minSharePct: fc.integer({ min: 0, max: 100 }),
        minScore: fc.constantFrom(-2, -1, 0, 1, 2),
        isWeighted: fc.boolean(),
        at,
      }),
      fc.record({
        schemaVersion: fc.constant(1 as const),
        kind: fc.constant("none-at-or-above" as const),
        instrumentCode: code,
        score: code,
        level: fc.constantFrom("high", "medium"),
        at,
      }),
      fc.record({
        schemaVersion: fc.constant(1 as const),
        kind: fc.constant("value-at" as const),
        instrumentCode: code,
        score: code,
        subjects: scope,
        aggregate,
        comparison: fc.constantFrom(
          "at-most" as const,
          "at-least" as const,
          "below" as const,
          "above" as const,
        ),
        // JSON has no −0, so a round trip would turn it into 0.
        threshold: fc
          .double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true })
          .map((x) => (Object.is(x, -0) ? 0 : x)),
        at,
      }),
    );
    fc.assert(
      fc.property(rule, (input) => {
        const parsed = OutcomeRuleSchema.parse(input);
        expect(OutcomeRuleSchema.parse(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
      }),
      { numRuns: 200 },
    );
  });

  it("reports invalid rules field by field in Danish", () => {
    expect(
      safeParseOutcomeRule({ schemaVersion: 1, kind: "share-of-goals-attained", minSharePct: 120 }),
    ).toEqual({
      ok: false,
      errors: { minSharePct: "Højst 100 %" },
    });
    expect(safeParseOutcomeRule({ ...SCHOOL_ABSENCE_DOWN_70_RULE, threshold: 150 })).toEqual({
      ok: false,
      errors: { threshold: "Et fald kan højst være 100 %" },
    });
    const wrongVersion = safeParseOutcomeRule({ ...SUPPORT_HOURS_DOWN_12_RULE, schemaVersion: 2 });
    expect(wrongVersion.ok ? {} : wrongVersion.errors).toEqual({
      schemaVersion: "Ukendt version af regelformatet (understøttet: 1)",
    });
    expect(() => parseOutcomeRule({ kind: "magic" })).toThrow(OutcomeRuleError);
    try {
      parseOutcomeRule({ kind: "magic" });
    } catch (e) {
      expect((e as OutcomeRuleError).errors).toEqual({ kind: "Ukendt regeltype" });
    }
  });
});

describe("describeOutcomeRule", () => {
  it("renders the four named rules in Danish", () => {
    expect(NAMED.map((r) => describeOutcomeRule(r, "da"))).toEqual([
      "Mindst 80 % af familiens handleplansmål skal være nået med en målopfyldelse på mindst 0 (som forventet) ved forløbets afslutning.",
      "Skolefravær skal falde med mindst 70 % fra baseline (første måling inden for 6 uger efter forløbets start) til målingen ved forløbets afslutning – gennemsnit for familiens børn.",
      "Støttetimer skal falde med mindst 12 timer pr. uge fra baseline (første måling inden for 6 uger efter forløbets start) til målingen ved forløbets afslutning.",
      "Intet barn må ved forløbets afslutning være vurderet til »Høj risiko« eller »Anbragt« på risiko for anbringelse.",
    ]);
  });

  it("renders them in English", () => {
    expect(NAMED.map((r) => describeOutcomeRule(r, "en"))).toEqual([
      "At least 80% of the family's plan goals must be reached with a goal attainment of at least 0 (as expected) at the end of the course.",
      "School absence must fall by at least 70% from baseline (the first measurement within 6 weeks of the start of the course) to the measurement at the end of the course – mean over the family's children.",
      "Support hours must fall by at least 12 hours per week from baseline (the first measurement within 6 weeks of the start of the course) to the measurement at the end of the course.",
      "No child may be assessed as “High risk” or “Placed” on placement risk at the end of the course.",
    ]);
  });

  it("names follow-ups, ages, secondary scores and unknown instruments", () => {
    const followUp = parseOutcomeRule({
      schemaVersion: 1,
      kind: "value-at",
      instrumentCode: "family-areas",
      score: "economy",
      subjects: "family",
      comparison: "at-least",
      threshold: 6.5,
      at: { kind: "months-after-end", months: 12 },
    });
    expect(describeOutcomeRule(followUp, "da")).toBe(
      "Familiens situation på ni områder (økonomi) skal 12 måneder efter forløbets afslutning være mindst 6,5.",
    );
    const teens = parseOutcomeRule({
      ...SCHOOL_ABSENCE_DOWN_70_RULE,
      aggregate: "all",
      ages: { minYears: 6, maxYears: 16 },
    });
    expect(describeOutcomeRule(teens, "en")).toContain(
      "– for each child (aged 6–16 at the start of the course).",
    );
    const unknown = parseOutcomeRule({
      ...SUPPORT_HOURS_DOWN_12_RULE,
      instrumentCode: "custom-scale",
      score: "total",
    });
    expect(describeOutcomeRule(unknown, "da")).toMatch(
      /^custom-scale \(total\) skal falde med mindst 12 fra baseline/,
    );
  });
});
