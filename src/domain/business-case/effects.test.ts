import { describe, expect, it } from "vitest";
import { completionsPerYear } from "./capacity";
import { fillFixedStock, fillSuccessDrivenStock, survivalCurve, survivalFromAttritionPct } from "./effects";

describe("completionsPerYear", () => {
  it("is θ·N·12/D a year, with the ramp-up share in year 1", () => {
    expect(
      completionsPerYear(
        { familiesAtATime: 40, courseLengthMonths: 18, completedSharePct: 75, rampUpSharePct: 65 },
        3,
      ),
    ).toEqual([13, 20, 20]);
    expect(completionsPerYear({ familiesAtATime: 12, courseLengthMonths: 12 }, 2)).toEqual([12, 12]);
  });
});

describe("success-driven stock", () => {
  const completions = Float64Array.from([10, 10, 10, 10, 10, 10]);
  const stock = (lag: number, duration: number, freezeIndex = 5) => {
    const out = new Float64Array(6);
    fillSuccessDrivenStock(out, 0, completions, 6, 0.5, lag, duration, freezeIndex);
    return Array.from(out);
  };

  it("accumulates p·s·C from the lag on, permanently", () => {
    expect(stock(0, Number.POSITIVE_INFINITY)).toEqual([5, 10, 15, 20, 25, 30]);
    expect(stock(2, Number.POSITIVE_INFINITY)).toEqual([0, 0, 5, 10, 15, 20]);
  });

  it("drops each year's successes after the duration", () => {
    expect(stock(1, 2)).toEqual([0, 5, 10, 10, 10, 10]);
  });

  it("interpolates a fractional lag between the neighbouring whole lags", () => {
    expect(stock(1.5, Number.POSITIVE_INFINITY)).toEqual([0, 2.5, 7.5, 12.5, 17.5, 22.5]);
  });

  it("holds the stock of the freeze year afterwards", () => {
    expect(stock(0, Number.POSITIVE_INFINITY, 2)).toEqual([5, 10, 15, 15, 15, 15]);
  });
});

describe("fixed stock", () => {
  it("sums the surviving share of each year's prevented events", () => {
    const out = new Float64Array(4);
    fillFixedStock(out, 0, 4, 2, 0, survivalCurve([50, 25], 4), 3);
    // σ = 1, 0.5, 0.25, 0.25 (the last listed share holds)
    expect(Array.from(out)).toEqual([2, 3, 3.5, 4]);
  });

  it("means no attrition without a list, and shifts by the lag", () => {
    const out = new Float64Array(4);
    fillFixedStock(out, 0, 4, 1, 1, survivalCurve(undefined, 4), 3);
    expect(Array.from(out)).toEqual([0, 1, 2, 3]);
  });

  it("survivalFromAttritionPct gives (1 − a)^k in percent", () => {
    const s = survivalFromAttritionPct(10, 3);
    expect(s[0]).toBeCloseTo(90, 12);
    expect(s[1]).toBeCloseTo(81, 12);
    expect(s[2]).toBeCloseTo(72.9, 12);
    expect(() => survivalFromAttritionPct(110, 3)).toThrow(RangeError);
  });
});
