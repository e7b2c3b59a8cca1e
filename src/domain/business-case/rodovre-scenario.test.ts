import { describe, expect, it } from "vitest";
import { fromKroner } from "../money";
import { calculateBusinessCase } from "./calculate";
import {
  createRodovreScenario,
  RODOVRE_PUBLISHED_12_5,
  RODOVRE_PUBLISHED_QUANTITIES_12_5,
  RODOVRE_VARIANT_25_ID,
} from "./rodovre-scenario";
import { validateScenario } from "./scenario";
import { applyVariant } from "./variants";

const TOLERANCE_ORE = fromKroner(150_000);

describe("Rødovre 'Invest before it happens' (golden case)", () => {
  const result = calculateBusinessCase(createRodovreScenario());

  it("is a valid scenario", () => {
    expect(validateScenario(createRodovreScenario()).ok).toBe(true);
  });

  it("costs 3,000,000 DKK every year (4 × 500,000 + 40 × 25,000)", () => {
    for (const y of result.years) expect(y.costsOre).toBe(fromKroner(3_000_000));
  });

  it.each(RODOVRE_PUBLISHED_12_5)(
    "year $year: savings and accumulated balance within ±150,000 DKK of the published table",
    (published) => {
      const ours = result.years[published.year - 1]!;
      expect(Math.abs(ours.savingsOre - published.savedOre)).toBeLessThanOrEqual(TOLERANCE_ORE);
      expect(Math.abs(ours.accumulatedOre - published.accumulatedOre)).toBeLessThanOrEqual(TOLERANCE_ORE);
    },
  );

  it("pays back after about 7 years (in year 8)", () => {
    expect(result.payback.isPaidBack).toBe(true);
    if (!result.payback.isPaidBack) return;
    expect(result.payback.years).toBeGreaterThan(6.5);
    expect(result.payback.years).toBeLessThan(7.5);
    expect(result.payback.year).toBe(8);
  });

  it("saves about 1.3 million DKK a year more than it costs from year 5", () => {
    for (const y of result.years.slice(4)) {
      expect(Math.abs(y.netOre - fromKroner(1_300_000))).toBeLessThanOrEqual(TOLERANCE_ORE);
    }
  });

  it("reproduces the published quantities closely (completed courses ±2, effect stocks ±1.5)", () => {
    const q = RODOVRE_PUBLISHED_QUANTITIES_12_5;
    for (let t = 0; t < 5; t++) {
      const y = result.years[t]!;
      expect(Math.abs(y.completedCoursesCumulative - q.completedCourses[t]!)).toBeLessThanOrEqual(2);
      expect(Math.abs(y.effectStocks["cash-benefit"]! - q.fewerOnCashBenefit[t]!)).toBeLessThanOrEqual(1.5);
      expect(Math.abs(y.effectStocks["foster-care"]! - q.fewerChildrenInFosterCare[t]!)).toBeLessThanOrEqual(
        1.5,
      );
      expect(
        Math.abs(y.effectStocks["family-support"]! - q.postponedFamilySupportCourses[t]!),
      ).toBeLessThanOrEqual(1.5);
    }
  });

  it("freezes the effects after year 5", () => {
    const year5 = result.years[4]!;
    for (const y of result.years.slice(5)) {
      expect(y.effectStocks).toEqual(year5.effectStocks);
      expect(y.savingsOre).toBe(year5.savingsOre);
    }
  });

  it("has its exact figures pinned (a change to the engine that moves them must be deliberate)", () => {
    expect(result.years.slice(0, 7).map((y) => [y.savingsOre, y.accumulatedOre])).toEqual([
      [67_875_000, -232_125_000],
      [156_462_500, -375_662_500],
      [249_212_500, -426_450_000],
      [337_912_500, -388_537_500],
      [422_967_500, -265_570_000],
      [422_967_500, -142_602_500],
      [422_967_500, -19_635_000],
    ]);
  });

  it("doubles the cash-benefit and family-support effects at 25 % and leaves the placements alone", () => {
    const base = createRodovreScenario();
    const at25 = calculateBusinessCase(applyVariant(base, RODOVRE_VARIANT_25_ID));
    expect(at25.scenario.successRatePct).toBe(25);
    for (let t = 0; t < base.horizonYears; t++) {
      const a = result.years[t]!.effectStocks;
      const b = at25.years[t]!.effectStocks;
      expect(b["cash-benefit"]).toBeCloseTo(2 * a["cash-benefit"]!, 12);
      expect(b["family-support"]).toBeCloseTo(2 * a["family-support"]!, 12);
      expect(b["foster-care"]).toBe(a["foster-care"]);
    }
    expect(at25.payback.isPaidBack && at25.payback.years).toBeLessThan(5);
  });
});
