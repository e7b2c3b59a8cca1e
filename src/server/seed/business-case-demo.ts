import { createRodovreScenario, type Scenario } from "../../domain/business-case/index.js";
import { ore } from "../../domain/money.js";

/** The Rødovre case from its stated assumptions, with the 25 % variant, priced from the catalogue. */
export function rodovreDemoScenario(): Scenario {
  const s = createRodovreScenario({ startYear: 2024 });
  const refs: Record<string, string> = {
    "cash-benefit": "cash-benefit-to-work-year",
    "foster-care": "foster-care-child-year-fit",
    "family-support": "family-support-course-year",
  };
  return { ...s, effects: s.effects.map((e) => (refs[e.id] ? { ...e, priceRef: refs[e.id] } : e)) };
}

/**
 * An illustrative business case for the Vejle programme: 25 families over two years in ~10-month
 * courses, 4.8 million DKK of family treatment over the three years in which courses run (the
 * calculation stops there: the engine's capacity has no end year). Effect sizes are examples.
 */
export function vejleDemoScenario(): Scenario {
  return {
    name: "Vejle: Familiebehandling på modersmål",
    priceYear: 2022,
    startYear: 2022,
    horizonYears: 3,
    discountRatePct: 3.5,
    capacity: { familiesAtATime: 11, courseLengthMonths: 10, completedSharePct: 90, rampUpSharePct: 60 },
    successRatePct: 40,
    costLines: [
      {
        id: "treatment",
        kind: "fixed-per-year",
        name: "Familiebehandling på modersmål (leverandør)",
        payer: "municipality",
        amountOre: ore(1_600_000_00),
        fromYear: 1,
        toYear: 3,
      },
      {
        id: "coordination",
        kind: "fixed-per-year",
        name: "Kommunal koordinering og visitation",
        payer: "municipality",
        amountOre: ore(200_000_00),
        fromYear: 1,
        toYear: 3,
      },
    ],
    effects: [
      {
        id: "placements",
        kind: "success-driven",
        name: "Færre børn anbragt i plejefamilie",
        unitPriceOrePerYear: ore(470_000_00),
        priceRef: "foster-family-child-year",
        personsPerSuccess: 0.2,
        lagYears: 0,
        durationYears: 3,
        freezeAfterYear: 3,
      },
      {
        id: "support-hours",
        kind: "success-driven",
        name: "12 færre støttetimer om ugen",
        unitPriceOrePerYear: ore(12 * 52 * 450_00),
        personsPerSuccess: 1,
        lagYears: 0,
        durationYears: 1,
        freezeAfterYear: 3,
      },
    ],
    variants: [{ id: "cautious", name: "Forsigtig: 30 % succes", successRatePct: 30 }],
  };
}
