/**
 * Property tests of the engine (fast-check): the invariants that must hold for every valid scenario,
 * not just the golden one.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ore } from "../money";
import { findBreakEven } from "./break-even";
import { calculateBusinessCase } from "./calculate";
import type { Distribution } from "./distributions";
import { compileScenario } from "./model";
import { runMonteCarlo, type UncertainParameter } from "./monte-carlo";
import { type ParameterRef, parameterValue } from "./parameters";
import { PAYERS, type PayerSharesPct } from "./payers";
import type { CostLine, Effect, Scenario } from "./scenario";

const pct = fc.integer({ min: 0, max: 10_000 }).map((x) => x / 100);
const payerSplit = fc.constantFrom<PayerSharesPct>(
  { municipality: 100 },
  { municipality: 60, state: 40 },
  { municipality: 33.3333, region: 33.3333, state: 33.3334 },
  { region: 100 },
);

function costLineArb(horizon: number): fc.Arbitrary<Omit<CostLine, "id">> {
  const amountOre = fc.integer({ min: 0, max: 2_000_000_000 }).map(ore); // up to 20 million DKK
  const payer = fc.constantFrom(...PAYERS);
  const year = fc.integer({ min: 1, max: horizon });
  return fc.oneof(
    fc.record({ name: fc.constant("Fast"), kind: fc.constant("fixed-per-year" as const), payer, amountOre }),
    fc.record({
      name: fc.constant("Pr. plads"),
      kind: fc.constant("per-slot-per-year" as const),
      payer,
      amountOre,
    }),
    fc.record({ name: fc.constant("Engang"), kind: fc.constant("one-off" as const), payer, amountOre, year }),
    fc
      .record({
        name: fc.constant("Periode"),
        kind: fc.constant("fixed-per-year" as const),
        payer,
        amountOre,
        a: year,
        b: year,
      })
      .map(({ a, b, ...line }) => ({ ...line, fromYear: Math.min(a, b), toYear: Math.max(a, b) })),
  );
}

function effectArb(horizon: number, kinds: "any" | "success-driven"): fc.Arbitrary<Omit<Effect, "id">> {
  const common = {
    unitPriceOrePerYear: fc.integer({ min: 0, max: 200_000_000 }).map(ore), // up to 2 million DKK a year
    payerSharesPct: payerSplit,
    lagYears: fc.oneof(
      fc.integer({ min: 0, max: horizon - 1 }),
      fc.integer({ min: 0, max: (horizon - 1) * 4 }).map((q) => q / 4),
    ),
    freezeAfterYear: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
  };
  const successDriven = fc.record(
    {
      name: fc.constant("Succesdrevet"),
      kind: fc.constant("success-driven" as const),
      personsPerSuccess: fc.integer({ min: 0, max: 300 }).map((x) => x / 100),
      durationYears: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
      ...common,
    },
    { requiredKeys: ["name", "kind", "personsPerSuccess", "durationYears", "unitPriceOrePerYear"] },
  );
  if (kinds === "success-driven") return successDriven;
  const fixed = fc.record(
    {
      name: fc.constant("Fast"),
      kind: fc.constant("fixed" as const),
      eventsPerYear: fc.integer({ min: 0, max: 300 }).map((x) => x / 100),
      survivalPct: fc.array(pct, { maxLength: 6 }),
      ...common,
    },
    { requiredKeys: ["name", "kind", "eventsPerYear", "unitPriceOrePerYear"] },
  );
  return fc.oneof(successDriven, fixed);
}

function scenarioArb(
  options: { effects?: "any" | "success-driven"; maxHorizon?: number } = {},
): fc.Arbitrary<Scenario> {
  return fc.integer({ min: 1, max: options.maxHorizon ?? 30 }).chain((horizonYears) =>
    fc
      .record({
        discountRatePct: fc.integer({ min: 0, max: 100 }).map((x) => x / 10),
        familiesAtATime: fc.integer({ min: 0, max: 80 }),
        courseLengthMonths: fc.integer({ min: 1, max: 48 }),
        completedSharePct: pct,
        rampUpSharePct: pct,
        successRatePct: pct,
        costLines: fc.array(costLineArb(horizonYears), { maxLength: 4 }),
        effects: fc.array(effectArb(horizonYears, options.effects ?? "any"), { maxLength: 4 }),
      })
      .map(
        (r): Scenario => ({
          name: "Genereret",
          priceYear: 2026,
          startYear: 2026,
          horizonYears,
          discountRatePct: r.discountRatePct,
          capacity: {
            familiesAtATime: r.familiesAtATime,
            courseLengthMonths: r.courseLengthMonths,
            completedSharePct: r.completedSharePct,
            rampUpSharePct: r.rampUpSharePct,
          },
          successRatePct: r.successRatePct,
          costLines: r.costLines.map((c, i) => ({ ...c, id: `c${i}` }) as CostLine),
          effects: r.effects.map((e, i) => ({ ...e, id: `e${i}` }) as Effect),
        }),
      ),
  );
}

describe("engine properties", () => {
  it("the accumulated balance is the exact running sum of net, and net = savings − costs", () => {
    fc.assert(
      fc.property(scenarioArb(), (scenario) => {
        const r = calculateBusinessCase(scenario);
        let running = 0n;
        for (const y of r.years) {
          const effectsSum = Object.values(y.savingsByEffectOre).reduce((s, x) => s + BigInt(x), 0n);
          const payerSum = PAYERS.reduce((s, p) => s + BigInt(y.savingsByPayerOre[p]), 0n);
          expect(effectsSum).toBe(BigInt(y.savingsOre));
          expect(payerSum).toBe(BigInt(y.savingsOre));
          expect(BigInt(y.netOre)).toBe(BigInt(y.savingsOre) - BigInt(y.costsOre));
          running += BigInt(y.netOre);
          expect(BigInt(y.accumulatedOre)).toBe(running);
          expect(Number.isSafeInteger(y.accumulatedOre)).toBe(true);
        }
        expect(BigInt(r.accumulatedAtHorizonOre)).toBe(running);
      }),
      { numRuns: 200 },
    );
  });

  it("NPV at 0 % equals the accumulated balance at the horizon", () => {
    fc.assert(
      fc.property(scenarioArb(), (scenario) => {
        const r = calculateBusinessCase({ ...scenario, discountRatePct: 0 });
        expect(r.npvOre).toBe(r.accumulatedAtHorizonOre);
        expect(r.years.map((y) => y.discountedNetOre)).toEqual(r.years.map((y) => y.netOre));
      }),
      { numRuns: 200 },
    );
  });

  it("at the break-even success rate the accumulated balance is 0 within 1 DKK", () => {
    let found = 0;
    fc.assert(
      fc.property(scenarioArb(), (scenario) => {
        const breakEven = findBreakEven(compileScenario(calculateBusinessCase(scenario).scenario));
        const at = (successRatePct: number) =>
          calculateBusinessCase({ ...scenario, successRatePct }).accumulatedAtHorizonOre;
        if (breakEven.status === "found") {
          found++;
          expect(Math.abs(at(breakEven.successRatePct))).toBeLessThanOrEqual(100);
        } else if (breakEven.status === "pays-back-at-zero") {
          expect(at(0)).toBeGreaterThanOrEqual(-100);
        } else {
          expect(at(100)).toBeLessThan(100);
        }
      }),
      { numRuns: 300 },
    );
    expect(found).toBeGreaterThan(20);
  });

  it("with only success-driven effects, no result falls when the success rate rises", () => {
    fc.assert(
      fc.property(scenarioArb({ effects: "success-driven" }), pct, pct, (scenario, a, b) => {
        const low = calculateBusinessCase({ ...scenario, successRatePct: Math.min(a, b) });
        const high = calculateBusinessCase({ ...scenario, successRatePct: Math.max(a, b) });
        low.years.forEach((y, t) => {
          const h = high.years[t]!;
          expect(h.savingsOre).toBeGreaterThanOrEqual(y.savingsOre);
          expect(h.netOre).toBeGreaterThanOrEqual(y.netOre);
          expect(h.accumulatedOre).toBeGreaterThanOrEqual(y.accumulatedOre);
          expect(h.discountedNetOre).toBeGreaterThanOrEqual(y.discountedNetOre);
          for (const id of Object.keys(y.effectStocks))
            expect(h.effectStocks[id]).toBeGreaterThanOrEqual(y.effectStocks[id]!);
        });
        expect(high.npvOre).toBeGreaterThanOrEqual(low.npvOre);
      }),
      { numRuns: 200 },
    );
  });

  it("Monte Carlo with zero-width distributions equals the deterministic run", () => {
    fc.assert(
      fc.property(
        scenarioArb({ maxHorizon: 15 }),
        fc.integer(),
        fc.constantFrom("uniform", "triangular", "pert"),
        (scenario, seed, kind) => {
          const deterministic = calculateBusinessCase(scenario);
          const refs: ParameterRef[] = [{ kind: "successRatePct" }, { kind: "courseLengthMonths" }];
          for (const e of scenario.effects) {
            refs.push({ kind: "unitPriceOrePerYear", effectId: e.id }, { kind: "lagYears", effectId: e.id });
          }
          const uncertainties: UncertainParameter[] = refs.map((parameter) => {
            const v = parameterValue(deterministic.scenario, parameter);
            const distribution = (
              kind === "uniform" ? { kind, min: v, max: v } : { kind, min: v, mode: v, max: v }
            ) as Distribution;
            return { parameter, distribution };
          });
          const mc = runMonteCarlo(scenario, { seed, draws: 7, uncertainties });
          mc.years.forEach((y, t) => {
            const acc = deterministic.years[t]!.accumulatedOre;
            expect([y.accumulatedP10Ore, y.accumulatedP50Ore, y.accumulatedP90Ore]).toEqual([acc, acc, acc]);
          });
          expect([mc.npvP10Ore, mc.npvP50Ore, mc.npvP90Ore]).toEqual([
            deterministic.npvOre,
            deterministic.npvOre,
            deterministic.npvOre,
          ]);
          const p = deterministic.payback;
          expect(mc.paybackProbabilityPct).toBe(p.isPaidBack ? 100 : 0);
          if (p.isPaidBack) expect(mc.paybackYearDistribution[p.year - 1]!.draws).toBe(7);
          else expect(mc.notPaidBackDraws).toBe(7);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("Monte Carlo: the same seed gives the same output", () => {
    fc.assert(
      fc.property(scenarioArb({ maxHorizon: 12 }), fc.integer(), (scenario, seed) => {
        const uncertainties: UncertainParameter[] = [
          {
            parameter: { kind: "successRatePct" },
            distribution: { kind: "pert", min: 0, mode: 10, max: 40 },
          },
          {
            parameter: { kind: "courseLengthMonths" },
            distribution: { kind: "triangular", min: 6, mode: 12, max: 30 },
          },
          ...scenario.effects.map(
            (e): UncertainParameter => ({
              parameter: { kind: "unitPriceOrePerYear", effectId: e.id },
              distribution: { kind: "uniform", min: 0, max: 100_000_000 },
            }),
          ),
        ];
        const a = runMonteCarlo(scenario, { seed, draws: 50, uncertainties });
        const b = runMonteCarlo(scenario, { seed, draws: 50, uncertainties });
        expect(b).toEqual(a);
      }),
      { numRuns: 50 },
    );
  });
});
