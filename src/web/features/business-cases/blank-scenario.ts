import { DEFAULT_DISCOUNT_RATE_PCT, type Scenario } from "../../../domain/business-case/index.js";
import { ore } from "../../../domain/money.js";

/**
 * A valid starting point for a new business case: a 10-year horizon from `startYear` at its price
 * level, 3.5 % discount rate, 20 families at a time on 12-month courses, 20 % success, one cost line
 * at 0 kr. and no effects yet.
 */
export function createBlankScenario(name: string, startYear: number): Scenario {
  return {
    name,
    priceYear: startYear,
    startYear,
    horizonYears: 10,
    discountRatePct: DEFAULT_DISCOUNT_RATE_PCT,
    capacity: { familiesAtATime: 20, courseLengthMonths: 12, completedSharePct: 100, rampUpSharePct: 100 },
    successRatePct: 20,
    costLines: [
      {
        id: "cost-1",
        name: "Medarbejdere",
        kind: "fixed-per-year",
        payer: "municipality",
        amountOre: ore(0),
      },
    ],
    effects: [],
  };
}
