/**
 * Demo and golden case: Rødovre's "Invest before it happens" (Invester før det sker), built from the
 * assumptions stated in the published business case (see docs/business-case-engine.md), not from its
 * money table. Stated assumptions:
 *
 * - 4 extra caseworkers at about 500,000 DKK a year, and 25,000 DKK per family per year for supporting
 *   measures; 40 families at a time; courses average 18 months; the effort costs 3,000,000 DKK a year.
 * - 12.5 % success (every 8th course); a second scenario at 25 % doubles the cash-benefit and
 *   family-support effects.
 * - A person moved from cash benefit to work gains the municipality about 100,000 DKK a year.
 * - About one infant placement a year is prevented directly, with some attrition over time; a foster-
 *   care child costs about 500,000 DKK a year.
 * - A share of the courses prevents (postpones) a lighter family-support course costing about 180,000
 *   DKK a year, with an effect about 4 years out.
 * - Effects are not accumulated past year 5.
 *
 * Parameters the text does not state, chosen once to match the published *quantities* (completed
 * courses 13, 31, 55, 73, 92; persons off cash benefit 2, 4, 7, 10, 14; children not in foster care
 * 1, 2, 3, 3.5, 4; postponed family-support courses 0, 1, 2, 3, 5), never the money table:
 * completion share 75 % (some courses end at the review after about a year), ramp-up 65 % in year 1,
 * 1.1 persons off cash benefit per successful course (some families have two parents on cash
 * benefit), attrition of prevented placements 10 % a year, 0.55 postponed family-support courses per
 * successful course starting the year after it, each postponement lasting 4 years.
 */

import { fromKroner, type Ore } from "../money";
import { survivalFromAttritionPct } from "./effects";
import type { Scenario } from "./scenario";

/** Id of the 25 % variant of the Rødovre scenario. */
export const RODOVRE_VARIANT_25_ID = "succes-25";

/** Options for `createRodovreScenario`. */
export interface RodovreScenarioOptions {
  /** Calendar year of year 1; default 2026. */
  startYear?: number;
  /** Price level of the amounts; default the start year (the published prices are used as they are). */
  priceYear?: number;
  /** Horizon in years, 8–30; default 10 (payback falls in year 8). */
  horizonYears?: number;
  /** Success rate in percent; default 12.5. */
  successRatePct?: number;
}

/**
 * Builds the Rødovre scenario at 12.5 % success with a 25 % variant (`RODOVRE_VARIANT_25_ID`, scaling
 * the cash-benefit and family-support effects). All amounts are whole øre; payer: the municipality.
 */
export function createRodovreScenario(options: RodovreScenarioOptions = {}): Scenario {
  const startYear = options.startYear ?? 2026;
  const horizonYears = options.horizonYears ?? 10;
  const effectsFrozenAfterYear = 5;
  return {
    name: "Rødovre: Invester før det sker",
    priceYear: options.priceYear ?? startYear,
    startYear,
    horizonYears,
    discountRatePct: 3.5,
    capacity: {
      familiesAtATime: 40,
      courseLengthMonths: 18,
      completedSharePct: 75,
      rampUpSharePct: 65,
    },
    successRatePct: options.successRatePct ?? 12.5,
    costLines: [
      {
        id: "caseworkers",
        name: "4 ekstra rådgivere (2 fra beskæftigelse/voksen, 2 fra børn og familie)",
        kind: "fixed-per-year",
        payer: "municipality",
        amountOre: fromKroner(4 * 500_000),
      },
      {
        id: "supporting-measures",
        name: "Understøttende indsatser pr. familie",
        kind: "per-slot-per-year",
        payer: "municipality",
        amountOre: fromKroner(25_000),
      },
    ],
    effects: [
      {
        id: "cash-benefit",
        name: "Færre borgere på kontanthjælp",
        kind: "success-driven",
        personsPerSuccess: 1.1,
        lagYears: 0,
        durationYears: null,
        unitPriceOrePerYear: fromKroner(100_000),
        payerSharesPct: { municipality: 100 },
        freezeAfterYear: effectsFrozenAfterYear,
      },
      {
        id: "foster-care",
        name: "Færre børn i familiepleje (forebygget spædbørnsanbringelse)",
        kind: "fixed",
        eventsPerYear: 1,
        survivalPct: survivalFromAttritionPct(10, horizonYears),
        lagYears: 0,
        unitPriceOrePerYear: fromKroner(500_000),
        payerSharesPct: { municipality: 100 },
        freezeAfterYear: effectsFrozenAfterYear,
      },
      {
        id: "family-support",
        name: "Udskudte lettere familiestøtteforløb",
        kind: "success-driven",
        personsPerSuccess: 0.55,
        lagYears: 1,
        durationYears: 4,
        unitPriceOrePerYear: fromKroner(180_000),
        payerSharesPct: { municipality: 100 },
        freezeAfterYear: effectsFrozenAfterYear,
      },
    ],
    variants: [
      {
        id: RODOVRE_VARIANT_25_ID,
        name: "25 % succes",
        successRatePct: 25,
        scaledEffectIds: ["cash-benefit", "family-support"],
      },
    ],
  };
}

/** One year of the published money table at 12.5 % (thousand DKK in the source, here in øre). */
export interface RodovrePublishedYear {
  year: number;
  /** Saved that year. */
  savedOre: Ore;
  /** Accumulated balance (savings − 3,000,000 DKK a year). */
  accumulatedOre: Ore;
}

/** The published money table at 12.5 % success, years 1–7. */
export const RODOVRE_PUBLISHED_12_5: readonly RodovrePublishedYear[] = [
  [700, -2_300],
  [1_500, -3_800],
  [2_500, -4_300],
  [3_300, -4_000],
  [4_300, -2_700],
  [4_300, -1_400],
  [4_300, -100],
].map(([saved, accumulated], i) => ({
  year: i + 1,
  savedOre: fromKroner((saved as number) * 1_000),
  accumulatedOre: fromKroner((accumulated as number) * 1_000),
}));

/** The published quantities at 12.5 % success, cumulative by year 1–5. */
export const RODOVRE_PUBLISHED_QUANTITIES_12_5 = {
  completedCourses: [13, 31, 55, 73, 92],
  fewerOnCashBenefit: [2, 4, 7, 10, 14],
  fewerChildrenInFosterCare: [1, 2, 3, 3.5, 4],
  postponedFamilySupportCourses: [0, 1, 2, 3, 5],
} as const;
