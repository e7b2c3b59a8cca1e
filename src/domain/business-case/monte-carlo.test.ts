import { describe, expect, it } from "vitest";
import { fromKroner } from "../money";
import { calculateBusinessCase } from "./calculate";
import { DEFAULT_MONTE_CARLO_DRAWS, runMonteCarlo, type UncertainParameter } from "./monte-carlo";
import { createRodovreScenario } from "./rodovre-scenario";
import { BusinessCaseInputError } from "./validation";

const uncertainties: UncertainParameter[] = [
  { parameter: { kind: "successRatePct" }, distribution: { kind: "pert", min: 5, mode: 12.5, max: 25 } },
  {
    parameter: { kind: "courseLengthMonths" },
    distribution: { kind: "triangular", min: 12, mode: 18, max: 24 },
  },
  {
    parameter: { kind: "unitPriceOrePerYear", effectId: "foster-care" },
    distribution: {
      kind: "triangular",
      min: fromKroner(400_000),
      mode: fromKroner(500_000),
      max: fromKroner(1_160_000),
    },
  },
  {
    parameter: { kind: "unitPriceOrePerYear", effectId: "cash-benefit" },
    distribution: { kind: "uniform", min: fromKroner(80_000), max: fromKroner(120_000) },
  },
  {
    parameter: { kind: "lagYears", effectId: "family-support" },
    distribution: { kind: "pert", min: 0, mode: 1, max: 4 },
  },
];

describe("runMonteCarlo", () => {
  it("runs 10,000 draws over a 10-year horizon in well under a second, reproducibly", () => {
    const scenario = createRodovreScenario();
    const started = performance.now();
    const a = runMonteCarlo(scenario, { seed: 2026, uncertainties });
    const elapsedMs = performance.now() - started;
    expect(a.draws).toBe(DEFAULT_MONTE_CARLO_DRAWS);
    expect(elapsedMs).toBeLessThan(1_000);
    expect(runMonteCarlo(scenario, { seed: 2026, uncertainties })).toEqual(a);
    expect(runMonteCarlo(scenario, { seed: 2027, uncertainties, draws: 10_000 })).not.toEqual(a);
  });

  it("orders P10 ≤ P50 ≤ P90, counts every draw once, and brackets the deterministic balance", () => {
    const scenario = createRodovreScenario();
    const mc = runMonteCarlo(scenario, { seed: 1, draws: 2_000, uncertainties });
    const deterministic = calculateBusinessCase(scenario);
    mc.years.forEach((y, t) => {
      expect(y.accumulatedP10Ore).toBeLessThanOrEqual(y.accumulatedP50Ore);
      expect(y.accumulatedP50Ore).toBeLessThanOrEqual(y.accumulatedP90Ore);
      const acc = deterministic.years[t]!.accumulatedOre;
      expect(acc).toBeGreaterThanOrEqual(y.accumulatedP10Ore);
      expect(acc).toBeLessThanOrEqual(y.accumulatedP90Ore);
    });
    const paidBack = mc.paybackYearDistribution.reduce((s, y) => s + y.draws, 0);
    expect(paidBack + mc.notPaidBackDraws).toBe(2_000);
    expect(mc.paybackProbabilityPct).toBeCloseTo((100 * paidBack) / 2_000, 10);
    expect(mc.paybackProbabilityPct).toBeGreaterThan(0);
    expect(mc.paybackProbabilityPct).toBeLessThan(100);
  });

  it("reports progress every 1,000 draws and at the end", () => {
    const calls: number[] = [];
    runMonteCarlo(createRodovreScenario(), {
      seed: 3,
      draws: 2_500,
      uncertainties,
      onProgress: (done) => calls.push(done),
    });
    expect(calls).toEqual([1_000, 2_000, 2_500]);
  });

  it("rejects invalid options with messages at the field", () => {
    const scenario = createRodovreScenario();
    try {
      runMonteCarlo(scenario, {
        seed: 1.5,
        draws: 0,
        uncertainties: [
          { parameter: { kind: "successRatePct" }, distribution: { kind: "uniform", min: 0, max: 120 } },
          {
            parameter: { kind: "lagYears", effectId: "nope" },
            distribution: { kind: "uniform", min: 0, max: 1 },
          },
          { parameter: { kind: "successRatePct" }, distribution: { kind: "uniform", min: 0, max: 10 } },
          { parameter: { kind: "courseLengthMonths" }, distribution: { kind: "uniform", min: 0, max: 10 } },
        ],
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(BusinessCaseInputError);
      expect(Object.keys((e as BusinessCaseInputError).errors).sort()).toEqual([
        "draws",
        "seed",
        "uncertainties.0.distribution.max",
        "uncertainties.1.parameter.effectId",
        "uncertainties.2.parameter",
        "uncertainties.3.distribution.min",
      ]);
    }
  });
});
