import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeGasTScore } from "./gas-t-score.js";

describe("computeGasTScore (Kiresuk–Sherman, ρ = 0.3)", () => {
  it("gives 50 when every goal is met as expected, whatever the weights", () => {
    expect(computeGasTScore([{ score: 0 }])).toBe(50);
    expect(computeGasTScore([{ score: 0, weight: 3 }, { score: 0 }, { score: 0, weight: 0.5 }])).toBe(50);
  });

  it("matches hand-computed values", () => {
    // one goal at +2: 50 + 10·2/√(0.7 + 0.3) = 70
    expect(computeGasTScore([{ score: 2 }])).toBeCloseTo(70, 10);
    // +1, +1, 0 (weights 1): 50 + 10·2/√(0.7·3 + 0.3·9) = 50 + 20/√4.8 = 59.1287…
    expect(computeGasTScore([{ score: 1 }, { score: 1 }, { score: 0 }])).toBeCloseTo(59.128709, 5);
    // +1 (weight 2), −1 (weight 1): 50 + 10·1/√(0.7·5 + 0.3·9) = 50 + 10/√6.2 = 54.0161…
    expect(
      computeGasTScore([
        { score: 1, weight: 2 },
        { score: -1, weight: 1 },
      ]),
    ).toBeCloseTo(54.016097, 5);
    // ρ = 0: 50 + 10·(−2 −2)/√2 = 21.7157…
    expect(computeGasTScore([{ score: -2 }, { score: -2 }], 0)).toBeCloseTo(21.715729, 5);
  });

  it("throws on no goals, a score outside −2…+2, a weight ≤ 0, or ρ outside [0, 1)", () => {
    expect(() => computeGasTScore([])).toThrow(RangeError);
    expect(() => computeGasTScore([{ score: 3 }])).toThrow(RangeError);
    expect(() => computeGasTScore([{ score: 0, weight: 0 }])).toThrow(RangeError);
    expect(() => computeGasTScore([{ score: 0 }], 1)).toThrow(RangeError);
  });

  it("rises when a goal's score rises", () => {
    const goal = fc.record({
      score: fc.integer({ min: -2, max: 2 }),
      weight: fc.integer({ min: 1, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(goal, { minLength: 1, maxLength: 8 }), fc.nat(), (goals, pick) => {
        const i = pick % goals.length;
        if (goals[i]!.score === 2) return;
        const raised = goals.map((g, j) => (j === i ? { ...g, score: g.score + 1 } : g));
        expect(computeGasTScore(raised)).toBeGreaterThan(computeGasTScore(goals));
      }),
      { numRuns: 200 },
    );
  });
});
