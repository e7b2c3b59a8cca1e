import { describe, expect, it } from "vitest";
import { fromKroner, ore } from "../money";
import { breakEvenSuccessRate } from "./break-even";
import { calculateBusinessCase } from "./calculate";
import { PAYERS } from "./payers";
import type { Scenario } from "./scenario";
import { BusinessCaseInputError } from "./validation";
import { applyVariant } from "./variants";

/** Small enough to check by hand: 10 completions a year, 100 % success. */
function handScenario(): Scenario {
  return {
    name: "Håndregnet",
    priceYear: 2026,
    startYear: 2026,
    horizonYears: 3,
    capacity: { familiesAtATime: 10, courseLengthMonths: 12 },
    successRatePct: 100,
    costLines: [
      {
        id: "staff",
        name: "Personale",
        kind: "fixed-per-year",
        payer: "municipality",
        amountOre: fromKroner(10_000),
      },
      {
        id: "slots",
        name: "Pr. plads",
        kind: "per-slot-per-year",
        payer: "region",
        amountOre: fromKroner(100),
      },
      {
        id: "start",
        name: "Opstart",
        kind: "one-off",
        payer: "state",
        amountOre: fromKroner(5_000),
        year: 1,
      },
    ],
    effects: [
      {
        id: "a",
        name: "Succesdrevet",
        kind: "success-driven",
        personsPerSuccess: 1,
        durationYears: null,
        unitPriceOrePerYear: fromKroner(1_000),
        payerSharesPct: { municipality: 33.3333, region: 33.3333, state: 33.3334 },
      },
      {
        id: "b",
        name: "Fast",
        kind: "fixed",
        eventsPerYear: 1,
        survivalPct: [50],
        unitPriceOrePerYear: ore(33_333),
      },
    ],
  };
}

describe("calculateBusinessCase", () => {
  const r = calculateBusinessCase(handScenario());

  it("computes stocks, rounded savings, costs, net and the accumulated balance", () => {
    expect(r.years.map((y) => y.completedCourses)).toEqual([10, 10, 10]);
    expect(r.years.map((y) => y.effectStocks)).toEqual([
      { a: 10, b: 1 },
      { a: 20, b: 1.5 },
      { a: 30, b: 2 },
    ]);
    // 33,333 × 1.5 = 49,999.5 øre → 50,000 (half away from zero)
    expect(r.years.map((y) => y.savingsByEffectOre.b)).toEqual([33_333, 50_000, 66_666]);
    expect(r.years.map((y) => y.costsOre)).toEqual([1_600_000, 1_100_000, 1_100_000]);
    expect(r.years.map((y) => y.netOre)).toEqual([-566_667, 950_000, 1_966_666]);
    expect(r.years.map((y) => y.accumulatedOre)).toEqual([-566_667, 383_333, 2_349_999]);
    expect(r.accumulatedAtHorizonOre).toBe(2_349_999);
  });

  it("splits savings and costs by payer so that the parts add up exactly", () => {
    for (const y of r.years) {
      expect(PAYERS.reduce((s, p) => s + y.savingsByPayerOre[p], 0)).toBe(y.savingsOre);
      expect(PAYERS.reduce((s, p) => s + y.netByPayerOre[p], 0)).toBe(y.netOre);
    }
    expect(r.years[0]!.costsByPayerOre).toEqual({ municipality: 1_000_000, region: 100_000, state: 500_000 });
    // effect b has no split: 100 % municipality
    expect(r.years[0]!.savingsByPayerOre.municipality - r.years[0]!.savingsByPayerOre.region).toBe(33_333);
  });

  it("discounts year t by (1 + r)^(t − 1) and rounds each discounted net once", () => {
    expect(r.years.map((y) => y.discountedNetOre)).toEqual([
      -566_667,
      Math.round(950_000 / 1.035),
      Math.round(1_966_666 / 1.035 ** 2),
    ]);
    expect(r.npvOre).toBe(r.years[2]!.accumulatedDiscountedOre);
  });

  it("interpolates the payback inside the year", () => {
    expect(r.payback).toEqual({
      isPaidBack: true,
      year: 2,
      calendarYear: 2027,
      fractionOfYear: 566_667 / 950_000,
      years: 1 + 566_667 / 950_000,
    });
  });

  it("reports ROI as (savings − costs) / costs in percent", () => {
    expect(r.roiPct).toBeCloseTo((100 * 2_349_999) / 3_800_000, 10);
  });

  it("says 'not paid back' when the balance ends below zero, and when it dips again after crossing", () => {
    const low = calculateBusinessCase({ ...handScenario(), successRatePct: 10 });
    expect(low.payback).toEqual({ isPaidBack: false });
    const dip = handScenario();
    dip.costLines.push({
      id: "late",
      name: "Sen udgift",
      kind: "one-off",
      payer: "state",
      amountOre: fromKroner(30_000),
      year: 3,
    });
    expect(calculateBusinessCase(dip).payback).toEqual({ isPaidBack: false });
  });

  it("finds the break-even success rate, or says why there is none", () => {
    const be = breakEvenSuccessRate(handScenario());
    expect(be.status).toBe("found");
    if (be.status !== "found") return;
    const atBreakEven = calculateBusinessCase({ ...handScenario(), successRatePct: be.successRatePct });
    expect(Math.abs(atBreakEven.accumulatedAtHorizonOre)).toBeLessThanOrEqual(100);
    const noCosts = { ...handScenario(), costLines: [] };
    expect(breakEvenSuccessRate(noCosts)).toEqual({ status: "pays-back-at-zero" });
    expect(calculateBusinessCase(noCosts).roiPct).toBeNull();
    const expensive = handScenario();
    expensive.costLines[0]!.amountOre = fromKroner(1_000_000);
    expect(breakEvenSuccessRate(expensive)).toEqual({ status: "not-reachable" });
  });

  it("throws BusinessCaseInputError for an invalid scenario", () => {
    expect(() => calculateBusinessCase({ ...handScenario(), horizonYears: 31 })).toThrow(
      BusinessCaseInputError,
    );
  });

  it("is deterministic", () => {
    expect(calculateBusinessCase(handScenario())).toEqual(r);
  });
});

describe("applyVariant", () => {
  it("sets the variant's success rate and pins the effects that do not scale", () => {
    const base: Scenario = {
      ...handScenario(),
      successRatePct: 50,
      effects: [
        ...handScenario().effects,
        {
          id: "c",
          name: "Skalerer ikke",
          kind: "success-driven",
          personsPerSuccess: 1,
          durationYears: 2,
          unitPriceOrePerYear: fromKroner(1_000),
        },
      ],
      variants: [{ id: "v", name: "Dobbelt", successRatePct: 100, scaledEffectIds: ["a"] }],
    };
    const v = applyVariant(base, "v");
    expect(v.successRatePct).toBe(100);
    expect(v.variants).toBeUndefined();
    const c = v.effects.find((e) => e.id === "c");
    expect(c?.kind === "success-driven" && c.pinnedSuccessRatePct).toBe(50);
    const a = calculateBusinessCase(base).years[2]!.effectStocks;
    const b = calculateBusinessCase(v).years[2]!.effectStocks;
    expect(b.a).toBe(2 * a.a!);
    expect(b.c).toBe(a.c);
    expect(() => applyVariant(base, "unknown")).toThrow(BusinessCaseInputError);
  });
});
