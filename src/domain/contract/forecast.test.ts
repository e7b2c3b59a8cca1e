/**
 * Forecast: hand-computed expectations for each mechanism, the scenarios, and consistency with the
 * settlement engine.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromKroner } from "../money";
import { forecastRepayment, metCountDistribution } from "./forecast";
import { ContractInputError } from "./model";
import type { FamilyGoalOutcome } from "./outcomes";
import { rational } from "./rational";
import { settle } from "./settle";
import { makeContract, outcomeRows, TEST_PERIOD } from "./test-fixtures";
import { createVejleContract } from "./vejle-example";

/** I = 1,000,000 DKK, no premium; one goal, threshold 50 %, target 75 %; 4 families expected. */
function steep() {
  return makeContract({
    tracks: [
      {
        code: "A",
        expectedFamilies: 4,
        goals: [
          {
            id: "g",
            payment: { kind: "weighted", weightBps: 10_000, thresholdBps: 5_000, targetBps: 7_500 },
          },
        ],
      },
    ],
    mechanism: { kind: "weighted-attainment", notMeasurable: "count-as-not-met", weighting: "per-contract" },
  });
}

describe("metCountDistribution", () => {
  it("is the exact Poisson-binomial distribution", () => {
    const { weights, denominator } = metCountDistribution([rational(1, 4), rational(1, 2)]);
    // P(0) = 3/4·1/2 = 3/8, P(1) = 1/4·1/2 + 3/4·1/2 = 1/2, P(2) = 1/8
    expect(weights.map((w) => Number(w) / Number(denominator))).toEqual([3 / 8, 1 / 2, 1 / 8]);
  });
});

describe("forecast — weighted attainment", () => {
  it("takes the exact expectation of the clipped attainment, not the attainment of the expected share", () => {
    // Finished: 1 met, 1 not met. In course: 2 families, each 25 %. K = 0, 1, 2 with 9/16, 6/16, 1/16.
    // x = (1 + K)/4 = 25 %, 50 %, 75 % → a = 0, 0, 1 → E[a] = 1/16 → 1,000,000/16 = 62,500 DKK.
    // (Plugging in E[x] = 37.5 % would give a = 0.)
    const f = forecastRepayment(steep(), {
      finished: outcomeRows("A", "g", { met: ["f1"], notMet: ["f2"] }),
      inCourse: ["c1", "c2"].map((familyId) => ({
        familyId,
        trackCode: "A",
        goals: [{ goalId: "g", metProbabilityBps: 2_500 }],
      })),
      notYetReferred: [],
    });
    expect(f.families).toEqual([
      { trackCode: "A", expected: 4, finished: 2, inCourse: 2, notYetReferred: 0 },
    ]);
    expect(f.expected.totalOre).toBe(fromKroner(62_500));
    expect(f.expected.method).toBe("exact-expectation");
    expect(f.expected.goals[0]?.expectedAttainment).toEqual({ numerator: "1", denominator: "16" });
    expect(f.expected.goals[0]?.expectedMet).toEqual({ numerator: "3", denominator: "2" });
    // As now: the finished share 1/2 → P(K = 2) = 1/4 → 250,000 DKK.
    expect(f.asNow.totalOre).toBe(fromKroner(250_000));
    expect(f.allMet.totalOre).toBe(fromKroner(1_000_000));
    expect(f.allMet.method).toBe("deterministic");
    expect(f.none.totalOre).toBe(0);
  });

  it("fills the not-yet-referred families from the assumption and flags a binding cap", () => {
    const contract = createVejleContract();
    const f = forecastRepayment(
      { ...contract, capOre: fromKroner(3_000_000) },
      {
        finished: [],
        inCourse: [],
        notYetReferred: [
          {
            trackCode: "ordinary",
            goals: contract.tracks[0]!.goals.map((g) => ({ goalId: g.id, metProbabilityBps: 6_000 })),
          },
          {
            trackCode: "intensive",
            goals: contract.tracks[1]!.goals.map((g) => ({ goalId: g.id, metProbabilityBps: 5_000 })),
          },
        ],
      },
    );
    expect(f.families.map((x) => x.notYetReferred)).toEqual([20, 5]);
    expect(f.allMet.totalOre).toBe(fromKroner(3_000_000));
    expect(f.allMet.capReductionOre).toBe(fromKroner(2_040_000));
    expect(f.expected.method).toBe("expectation-then-clamp");
    expect(f.asNow.notes.length).toBeGreaterThan(0); // nobody finished: as now falls back to expected
    expect(f.asNow.totalOre).toBe(f.expected.totalOre);
    expect(f.none.totalOre).toBe(0);
  });

  it("requires an assumption when a track still expects families", () => {
    expect(() => forecastRepayment(steep(), { finished: [], inCourse: [], notYetReferred: [] })).toThrow(
      ContractInputError,
    );
  });
});

describe("forecast — rate card", () => {
  it("enumerates the goal combinations when the family cap can bind", () => {
    // One family in course, each goal 50 %: 0 | 10,000 | 15,000 | 20,000 (capped; 8,000 + 12,000).
    // E = 45,000/4 = 11,250 DKK; g1 = (10,000 + 8,000)/4 = 4,500; g2 = (15,000 + 12,000)/4 = 6,750.
    const contract = makeContract({
      tracks: [
        {
          code: "A",
          expectedFamilies: 1,
          familyCapOre: fromKroner(20_000),
          goals: [
            { id: "g1", payment: { kind: "price", priceOre: fromKroner(10_000) } },
            { id: "g2", payment: { kind: "price", priceOre: fromKroner(15_000) } },
          ],
        },
      ],
      mechanism: { kind: "rate-card" },
    });
    const f = forecastRepayment(contract, {
      finished: [],
      inCourse: [
        {
          familyId: "c1",
          trackCode: "A",
          goals: [
            { goalId: "g1", metProbabilityBps: 5_000 },
            { goalId: "g2", metProbabilityBps: 5_000 },
          ],
        },
      ],
      notYetReferred: [],
    });
    expect(f.expected.totalOre).toBe(fromKroner(11_250));
    expect(f.expected.goals.map((g) => g.amountOre)).toEqual([fromKroner(4_500), fromKroner(6_750)]);
    expect(f.allMet.totalOre).toBe(fromKroner(20_000));
    expect(f.expected.method).toBe("exact-expectation");
  });
});

describe("forecast — per day out of care", () => {
  it("projects expected days (point projection)", () => {
    // 1,500 DKK/day. Finished F1: 365 − 200 = 165 days (247,500). In course F2: 365 − 300 = 65 (97,500).
    const contract = makeContract({
      tracks: [
        {
          code: "A",
          expectedFamilies: 2,
          goals: [{ id: "d", payment: { kind: "per-day", pricePerDayOre: fromKroner(1_500) } }],
        },
      ],
      mechanism: { kind: "per-day-out-of-care" },
      capOre: fromKroner(2_000_000),
    });
    const f = forecastRepayment(contract, {
      finished: [],
      finishedFacts: {
        careDays: [{ familyId: "F1", trackCode: "A", goalId: "d", baselineDays: 365, daysInCare: 200 }],
      },
      inCourse: [
        {
          familyId: "F2",
          trackCode: "A",
          goals: [{ goalId: "d", baselineDays: 365, expectedDaysInCare: 300 }],
        },
      ],
      notYetReferred: [],
    });
    expect(f.expected.totalOre).toBe(fromKroner(345_000));
    expect(f.expected.method).toBe("point-projection");
    expect(f.asNow.totalOre).toBe(fromKroner(495_000)); // F2 avoids 165/365 of its 365 days
    expect(f.allMet.totalOre).toBe(fromKroner(795_000));
    expect(f.none.totalOre).toBe(fromKroner(247_500));
  });
});

describe("forecast — consistency (property)", () => {
  it("all-met/none equal settlements, and expected lies between them", () => {
    const statuses = ["met", "not-met", "not-measurable"] as const;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...statuses), { minLength: 0, maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 0, maxLength: 5 }),
        (finishedStatuses, probabilities) => {
          const contract = makeContract({
            tracks: [
              {
                code: "A",
                expectedFamilies: finishedStatuses.length + probabilities.length,
                goals: [
                  {
                    id: "g",
                    payment: { kind: "weighted", weightBps: 10_000, thresholdBps: 2_000, targetBps: 7_000 },
                  },
                ],
              },
            ],
            mechanism: { kind: "weighted-attainment", notMeasurable: "exclude", weighting: "per-contract" },
            riskPremium: { kind: "rate", rateBps: 333 },
            capOre: fromKroner(2_000_000),
          });
          const finished: FamilyGoalOutcome[] = finishedStatuses.map((status, i) => ({
            familyId: `f${i}`,
            trackCode: "A",
            goalId: "g",
            status,
          }));
          const f = forecastRepayment(contract, {
            finished,
            inCourse: probabilities.map((p, i) => ({
              familyId: `c${i}`,
              trackCode: "A",
              goals: [{ goalId: "g", metProbabilityBps: p }],
            })),
            notYetReferred: [],
          });
          const asIf = (status: "met" | "not-met") =>
            settle(
              contract,
              [
                ...finished,
                ...probabilities.map((_, i) => ({ familyId: `c${i}`, trackCode: "A", goalId: "g", status })),
              ],
              TEST_PERIOD,
            ).totalOre;
          expect(f.allMet.totalOre).toBe(asIf("met"));
          expect(f.none.totalOre).toBe(asIf("not-met"));
          expect(f.expected.totalOre).toBeGreaterThanOrEqual(f.none.totalOre);
          expect(f.expected.totalOre).toBeLessThanOrEqual(f.allMet.totalOre);
          expect(f.expected.goals.reduce((s, g) => s + g.amountOre, 0)).toBe(f.expected.totalOre);
        },
      ),
      { numRuns: 60 },
    );
  });
});
