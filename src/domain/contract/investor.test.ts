/**
 * IRR sanity and the investor's result.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, calendarDate } from "../calendar-date";
import { ore } from "../money";
import { calculateInvestorResult, xirr } from "./investor";

const d = calendarDate;
const flow = (date: string, amountOre: number) => ({ date: d(date), amountOre: ore(amountOre) });

describe("xirr", () => {
  it("is ~0 % when the repayment equals the investment after exactly one year (365 days)", () => {
    expect(xirr([flow("2022-01-01", -100_000_000), flow("2023-01-01", 100_000_000)])).toBeCloseTo(0, 10);
  });

  it("is ~10 % when 1.1× the investment comes back after one year", () => {
    expect(xirr([flow("2022-01-01", -100_000_000), flow("2023-01-01", 110_000_000)])).toBeCloseTo(0.1, 10);
  });

  it("counts days/365, so a leap year is slightly more than a year", () => {
    // 2024-01-01 → 2025-01-01 is 366 days: r = 1.1^(365/366) − 1
    const r = xirr([flow("2024-01-01", -100_000_000), flow("2025-01-01", 110_000_000)]);
    expect(r).toBeCloseTo(1.1 ** (365 / 366) - 1, 10);
  });

  it("handles losses: half back after two years → √0.5 − 1", () => {
    const r = xirr([flow("2022-01-01", -100_000_000), flow("2024-01-01", 50_000_000)]);
    expect(r).toBeCloseTo(0.5 ** (365 / 730) - 1, 10);
  });

  it("is null when undefined or not unique", () => {
    expect(xirr([flow("2022-01-01", -100), flow("2023-01-01", 0)])).toBeNull(); // nothing back
    expect(xirr([flow("2022-01-01", 100), flow("2023-01-01", 100)])).toBeNull(); // all received
    expect(xirr([flow("2022-01-01", -100), flow("2022-01-01", 100)])).toBeNull(); // one date
    expect(xirr([flow("2022-01-01", -100), flow("2023-01-01", 250), flow("2024-01-01", -154)])).toBeNull(); // two sign changes
    expect(xirr([])).toBeNull();
  });

  it("finds extreme rates: 1 øre back from 48 million DKK after a year", () => {
    const r = xirr([flow("2022-01-01", -4_800_000_000), flow("2023-01-01", 1)]);
    expect(r).not.toBeNull();
    expect(r!).toBeCloseTo(1 / 4_800_000_000 - 1, 12);
  });

  it("recovers the rate used to build the flows (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -90, max: 200 }),
        fc.integer({ min: 30, max: 3_650 }),
        fc.integer({ min: 1_000_000_000, max: 100_000_000_000 }),
        (ratePct, days, invested) => {
          const r = ratePct / 100;
          const start = d("2022-01-01");
          const back = Math.round(invested * (1 + r) ** (days / 365));
          const found = xirr([
            { date: start, amountOre: ore(-invested) },
            { date: addDays(start, days), amountOre: ore(back) },
          ]);
          if (back === 0) {
            // Nothing comes back in whole øre: the IRR is undefined.
            expect(
              xirr([flow("2022-01-01", -invested), { date: addDays(start, days), amountOre: ore(0) }]),
            ).toBeNull();
            return;
          }
          // The rate implied by the whole-øre amount (rounding to øre moves it slightly from r).
          const implied = (back / invested) ** (365 / days) - 1;
          expect(found).not.toBeNull();
          expect(Math.abs(found! - implied)).toBeLessThan(1e-9 * (1 + Math.abs(implied)));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("calculateInvestorResult", () => {
  it("reports repaid vs invested, loss, multiple and IRR", () => {
    const r = calculateInvestorResult(
      [flow("2022-01-01", 60_000_000), flow("2022-07-02", 40_000_000)],
      [flow("2024-01-01", 80_000_000)],
    );
    expect(r.investedOre).toBe(100_000_000);
    expect(r.repaidOre).toBe(80_000_000);
    expect(r.netOre).toBe(-20_000_000);
    expect(r.lossOre).toBe(20_000_000);
    expect(r.returnMultiple).toEqual({ numerator: "4", denominator: "5" });
    expect(r.cashFlows.map((f) => f.amountOre)).toEqual([-60_000_000, -40_000_000, 80_000_000]);
    expect(r.irr).toBeLessThan(0);
  });

  it("has no loss when more comes back", () => {
    const r = calculateInvestorResult([flow("2022-01-01", 100)], [flow("2023-01-01", 110)]);
    expect(r.lossOre).toBe(0);
    expect(r.irr).toBeCloseTo(0.1, 9);
  });
});
