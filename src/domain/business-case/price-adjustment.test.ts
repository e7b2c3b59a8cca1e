import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromKroner, MoneyError, type Ore, ore } from "../money";
import { adjustPrice, adjustPriceToYear, type PriceIndexPoint } from "./price-adjustment";

const INDEX: PriceIndexPoint[] = [
  { year: 2019, indexValue: 100 },
  { year: 2020, indexValue: 101.3 },
  { year: 2024, indexValue: 112.7 },
  { year: 2026, indexValue: 116.45 },
];

describe("adjustPriceToYear", () => {
  it("moves a price by index_to / index_from", () => {
    // 470,000 DKK at 2019 prices → 2026: 470,000 × 116.45 / 100 = 547,315 DKK exactly.
    expect(adjustPriceToYear(fromKroner(470_000), 2019, 2026, INDEX)).toBe(fromKroner(547_315));
    // And back again.
    expect(adjustPriceToYear(fromKroner(547_315), 2026, 2019, INDEX)).toBe(fromKroner(470_000));
  });

  it("rounds once, to whole øre, half away from zero", () => {
    // 100 øre × 112.7 / 101.3 = 111.2537… øre → 111
    expect(adjustPriceToYear(ore(100), 2020, 2024, INDEX)).toBe(111);
    // 1 øre × 116.45 / 100 = 1.1645 → 1; 50 øre × 101.3 / 100 = 50.65 → 51
    expect(adjustPriceToYear(ore(1), 2019, 2026, INDEX)).toBe(1);
    expect(adjustPriceToYear(ore(50), 2019, 2020, INDEX)).toBe(51);
    // An exact half goes away from zero: 1 øre × 3 / 2 = 1.5 → 2, and −1.5 → −2.
    const halves: PriceIndexPoint[] = [
      { year: 1, indexValue: 2 },
      { year: 2, indexValue: 3 },
    ];
    expect(adjustPriceToYear(ore(1), 1, 2, halves)).toBe(2);
    expect(adjustPriceToYear(ore(-1), 1, 2, halves)).toBe(-2);
  });

  it("computes the ratio exactly (no floating-point drift before the rounding step)", () => {
    // 0.1 + 0.2 style traps: 3 × 1.1 / 1.0 in floats is 3.3000000000000003
    const index: PriceIndexPoint[] = [
      { year: 2020, indexValue: 1.0 },
      { year: 2021, indexValue: 1.1 },
    ];
    expect(adjustPriceToYear(ore(30), 2020, 2021, index)).toBe(33);
    // 45 × 1.1 = 49.5 exactly → 50 (a float product gives 49.50000000000001 or 49.49999…)
    expect(adjustPriceToYear(ore(45), 2020, 2021, index)).toBe(50);
  });

  it("leaves the price unchanged within the same year, even without an index row", () => {
    expect(adjustPriceToYear(fromKroner(180_000), 2030, 2030, [])).toBe(fromKroner(180_000));
  });

  it("refuses a year that is missing from the index, or a non-positive index value", () => {
    expect(() => adjustPriceToYear(fromKroner(1), 2018, 2026, INDEX)).toThrow(RangeError);
    expect(() => adjustPriceToYear(fromKroner(1), 2019, 2027, INDEX)).toThrow(/2027/);
    expect(adjustPrice(fromKroner(1), 2018, 2026, INDEX)).toEqual({
      ok: false,
      problem: "missing-from-year",
    });
    expect(adjustPrice(fromKroner(1), 2019, 2027, INDEX)).toEqual({ ok: false, problem: "missing-to-year" });
    const bad: PriceIndexPoint[] = [
      { year: 2019, indexValue: 0 },
      { year: 2020, indexValue: 100 },
    ];
    expect(adjustPrice(fromKroner(1), 2019, 2020, bad)).toEqual({ ok: false, problem: "invalid-index" });
  });

  it("reports the factor and the index values used", () => {
    const result = adjustPrice(fromKroner(100_000), 2019, 2024, INDEX);
    expect(result).toMatchObject({ ok: true, fromIndex: 100, toIndex: 112.7 });
    if (result.ok) expect(result.factor).toBeCloseTo(1.127, 12);
  });

  it("refuses a result beyond the safe integers instead of rounding it", () => {
    const index: PriceIndexPoint[] = [
      { year: 2000, indexValue: 0.001 },
      { year: 2001, indexValue: 999.984 },
    ];
    expect(() => adjustPriceToYear(9_007_343_373 as Ore, 2000, 2001, index)).toThrow(MoneyError);
  });

  it("is monotone in the index and round-trips within one øre", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (amount, a, b) => {
          const index: PriceIndexPoint[] = [
            { year: 2000, indexValue: a / 1000 },
            { year: 2001, indexValue: b / 1000 },
          ];
          const exact = (amount * b) / a;
          // A result beyond the safe integers is refused (MoneyError), never rounded: tested apart.
          fc.pre(exact < Number.MAX_SAFE_INTEGER / 2);
          const there = adjustPriceToYear(amount as Ore, 2000, 2001, index);
          expect(Math.abs(there - exact)).toBeLessThanOrEqual(0.5 + 1e-6 * Math.max(1, exact));
          if (b >= a) expect(there).toBeGreaterThanOrEqual(amount);
          else expect(there).toBeLessThanOrEqual(amount);
        },
      ),
    );
  });
});
