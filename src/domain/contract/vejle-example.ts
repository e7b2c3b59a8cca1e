/**
 * Worked example: the Vejle outcome-based family treatment contract (INDIGO-POJ-0262, see
 * ../shared/DOMAIN.md section A), settled with weighted attainment.
 *
 * From the public sources: investment 4,800,000 DKK; 20 ordinary and 5 intensive families; service
 * January 2022 – January 2025, follow-up 2 years; ordinary families paid on goals 1–3 (≥ 80 % of the
 * action-plan goals attained; support hours down ≥ 12 a week; school absence down ≥ 70 %), intensive
 * families also on "no child placed or at risk of placement" (target: 50 % of families); the
 * well-being goal's criteria were "to be set later".
 *
 * EXAMPLE values (not in the public sources — chosen to be plausible and to make the arithmetic easy to
 * follow): risk premium 5 % (500 bps); cap = investment + premium = 5,040,000 DKK; floor 0; the
 * investment split 60 % ordinary / 40 % intensive (an intensive family costs about 2.7 times an
 * ordinary one: 2,880,000 / 20 = 144,000 vs 1,920,000 / 5 = 384,000 DKK); goal weights, thresholds and
 * targets as in `createVejleContract`; three equal yearly disbursements; rounding half-up to whole
 * kroner; party names; the outcomes of the 25 families in `createVejleOutcomes`.
 */

import { calendarDate } from "../calendar-date";
import { fromKroner } from "../money";
import { type ContractVersion, type ContractVersionInput, parseContractVersion } from "./model";
import type { FamilyGoalOutcome, SettlementPeriod } from "./outcomes";
import { amendContract } from "./versions";

/** Organisation ids of the example's parties. */
export const VEJLE_PARTIES = {
  payer: "org-vejle-kommune",
  investor: "org-investor-example",
  provider: "org-provider-example",
  evaluator: "org-evaluator-example",
} as const;

const weighted = (weightBps: number, thresholdBps: number, targetBps: number) => ({
  kind: "weighted" as const,
  weightBps,
  thresholdBps,
  targetBps,
});

const rule = (ruleId: string) => ({ ruleId, ruleVersion: 1 });

/**
 * Version 1 of the Vejle contract (signed November 2021), accepted by all four parties. Goals (example
 * weights; threshold → target as shares of the track's counted families):
 *
 * | track | goal | weight | threshold → target |
 * |---|---|---|---|
 * | ordinary (60 % of I·(1+π)) | plan goals ≥ 80 % attained | 40 % | 30 % → 80 % |
 * | | support hours down ≥ 12/week | 30 % | 20 % → 60 % |
 * | | school absence down ≥ 70 % | 30 % | 20 % → 60 % |
 * | intensive (40 %) | plan goals ≥ 80 % attained | 30 % | 30 % → 80 % |
 * | | support hours down ≥ 12/week | 20 % | 20 % → 60 % |
 * | | school absence down ≥ 70 % | 20 % | 20 % → 60 % |
 * | | no child placed or at risk | 30 % | 20 % → 50 % (public target 50 %) |
 */
export function createVejleContract(): ContractVersion {
  const input: ContractVersionInput = {
    contractId: "vejle-familiebehandling",
    version: 1,
    validFrom: "2021-11-15",
    title: "Resultatbaseret familiebehandling, Vejle Kommune (eksempel)",
    parties: [
      { organisationId: VEJLE_PARTIES.payer, name: "Vejle Kommune", role: "payer" },
      {
        organisationId: VEJLE_PARTIES.investor,
        name: "Social investeringsfond (eksempel)",
        role: "investor",
      },
      {
        organisationId: VEJLE_PARTIES.provider,
        name: "Leverandør af familiebehandling (eksempel)",
        role: "provider",
      },
      { organisationId: VEJLE_PARTIES.evaluator, name: "Ekstern evaluator (eksempel)", role: "evaluator" },
    ],
    investmentOre: fromKroner(4_800_000),
    disbursements: [
      { date: "2022-01-03", amountOre: fromKroner(1_600_000) },
      { date: "2023-01-02", amountOre: fromKroner(1_600_000) },
      { date: "2024-01-02", amountOre: fromKroner(1_600_000) },
    ],
    riskPremium: { kind: "rate", rateBps: 500 },
    capOre: fromKroner(5_040_000),
    floorOre: 0,
    serviceWindow: { from: "2022-01-01", to: "2025-01-31" },
    followUpWindow: { from: "2025-02-01", to: "2027-01-31" },
    tracks: [
      {
        code: "ordinary",
        name: "Almindelig familiebehandling",
        expectedFamilies: 20,
        budgetShareBps: 6_000,
        goals: [
          {
            id: "plan-goals",
            name: "Mindst 80 % af handleplansmålene er nået",
            outcomeRule: rule("plan-goals-attained-80pct"),
            measurementPoint: "end-of-course",
            payment: weighted(4_000, 3_000, 8_000),
          },
          {
            id: "support-hours",
            name: "Støttetimer ned med mindst 12 om ugen",
            outcomeRule: rule("support-hours-down-12-per-week"),
            measurementPoint: "end-of-course",
            payment: weighted(3_000, 2_000, 6_000),
          },
          {
            id: "school-absence",
            name: "Skolefravær ned med mindst 70 %",
            outcomeRule: rule("school-absence-down-70pct"),
            measurementPoint: "end-of-course",
            payment: weighted(3_000, 2_000, 6_000),
          },
        ],
      },
      {
        code: "intensive",
        name: "Intensiv familiebehandling",
        expectedFamilies: 5,
        budgetShareBps: 4_000,
        goals: [
          {
            id: "plan-goals",
            name: "Mindst 80 % af handleplansmålene er nået",
            outcomeRule: rule("plan-goals-attained-80pct"),
            measurementPoint: "end-of-course",
            payment: weighted(3_000, 3_000, 8_000),
          },
          {
            id: "support-hours",
            name: "Støttetimer ned med mindst 12 om ugen",
            outcomeRule: rule("support-hours-down-12-per-week"),
            measurementPoint: "end-of-course",
            payment: weighted(2_000, 2_000, 6_000),
          },
          {
            id: "school-absence",
            name: "Skolefravær ned med mindst 70 %",
            outcomeRule: rule("school-absence-down-70pct"),
            measurementPoint: "end-of-course",
            payment: weighted(2_000, 2_000, 6_000),
          },
          {
            id: "no-placement",
            name: "Intet barn anbragt eller i risiko for anbringelse",
            outcomeRule: rule("no-child-placed-or-at-risk"),
            measurementPoint: "end-of-course",
            payment: weighted(3_000, 2_000, 5_000),
          },
        ],
      },
    ],
    mechanism: { kind: "weighted-attainment", notMeasurable: "count-as-not-met", weighting: "per-track" },
    rounding: { mode: "half-up", unitOre: 100 },
    amendment: null,
    acceptances: [
      {
        organisationId: VEJLE_PARTIES.payer,
        acceptedBy: "Direktør, Børn og Familie",
        acceptedOn: "2021-11-15",
      },
      { organisationId: VEJLE_PARTIES.investor, acceptedBy: "Investeringschef", acceptedOn: "2021-11-15" },
      { organisationId: VEJLE_PARTIES.provider, acceptedBy: "Direktør", acceptedOn: "2021-11-15" },
      { organisationId: VEJLE_PARTIES.evaluator, acceptedBy: "Projektleder", acceptedOn: "2021-11-15" },
    ],
  };
  return parseContractVersion(input);
}

/**
 * Version 2 (example amendment): the well-being goal's criteria are set after signing. It is added to
 * both tracks as a result goal with weight 0 — reported per family, never paid — so the money terms do
 * not change. Not yet accepted by any party (use `acceptContractVersion`).
 */
export function createVejleAmendment(v1: ContractVersion = createVejleContract()): ContractVersion {
  const wellBeing = {
    id: "well-being",
    name: "Familien oplever øget trivsel (resultatmål uden betaling)",
    outcomeRule: rule("well-being-score-up"),
    measurementPoint: "end-of-course",
    payment: weighted(0, 0, 5_000),
  };
  return amendContract(
    v1,
    { tracks: v1.tracks.map((t) => ({ ...t, goals: [...t.goals, wellBeing] })) },
    {
      reason: "Kriterierne for trivselsmålet er fastsat (resultatmål, ingen betaling)",
      author: "Ekstern evaluator (eksempel)",
      validFrom: calendarDate("2022-09-01"),
    },
  );
}

const ordinaryId = (i: number) => `vejle-o${String(i).padStart(2, "0")}`;
const intensiveId = (i: number) => `vejle-i${String(i).padStart(2, "0")}`;

/**
 * EXAMPLE outcomes of all 25 families at the final settlement:
 * ordinary — plan goals met by o01–o14 (14/20); support hours by o03–o12 (10/20); school absence by
 * o01, o02, o05, o07, o09, o11, o13, o15 (8/20), not measurable for o19 (no school-age child) and o20
 * (absence data missing), which count as not met; intensive — plan goals i01–i03 (3/5), support hours
 * i02, i04 (2/5), absence i05 (1/5), no placement i01, i03, i04 (3/5).
 */
export function createVejleOutcomes(): FamilyGoalOutcome[] {
  const rows: FamilyGoalOutcome[] = [];
  const absenceMet = new Set([1, 2, 5, 7, 9, 11, 13, 15]);
  for (let i = 1; i <= 20; i++) {
    const familyId = ordinaryId(i);
    const row = (goalId: string, isMet: boolean): FamilyGoalOutcome => ({
      familyId,
      trackCode: "ordinary",
      goalId,
      status: isMet ? "met" : "not-met",
    });
    rows.push(row("plan-goals", i <= 14), row("support-hours", i >= 3 && i <= 12));
    if (i === 19) {
      rows.push({
        familyId,
        trackCode: "ordinary",
        goalId: "school-absence",
        status: "not-measurable",
        reason: "Ingen skolesøgende børn",
      });
    } else if (i === 20) {
      rows.push({
        familyId,
        trackCode: "ordinary",
        goalId: "school-absence",
        status: "not-measurable",
        reason: "Fraværsdata mangler ved afslutning",
      });
    } else {
      rows.push(row("school-absence", absenceMet.has(i)));
    }
  }
  const intensive: Record<string, number[]> = {
    "plan-goals": [1, 2, 3],
    "support-hours": [2, 4],
    "school-absence": [5],
    "no-placement": [1, 3, 4],
  };
  for (let i = 1; i <= 5; i++) {
    for (const [goalId, met] of Object.entries(intensive)) {
      rows.push({
        familyId: intensiveId(i),
        trackCode: "intensive",
        goalId,
        status: met.includes(i) ? "met" : "not-met",
      });
    }
  }
  return rows;
}

/** The example's final settlement period (after the two-year follow-up). */
export const VEJLE_FINAL_PERIOD: SettlementPeriod = {
  periodId: "vejle-final",
  kind: "final",
  from: calendarDate("2022-01-01"),
  to: calendarDate("2027-01-31"),
  settlementDate: calendarDate("2027-03-31"),
};

/**
 * The hand-computed result of the example (DKK). I·(1+π) = 4,800,000 × 1.05 = 5,040,000; ordinary
 * budget 60 % = 3,024,000, intensive 40 % = 2,016,000.
 *
 * | goal | share x | a = clip((x − th)/(tg − th)) | payment = budget × w × a | per family |
 * |---|---|---|---|---|
 * | ordinary plan goals | 14/20 = 70 % | (0.70 − 0.30)/0.50 = 0.8 | 3,024,000 × 0.4 × 0.8 = 967,680 | 14 × 69,120 |
 * | ordinary support hours | 10/20 = 50 % | (0.50 − 0.20)/0.40 = 0.75 | 3,024,000 × 0.3 × 0.75 = 680,400 | 10 × 68,040 |
 * | ordinary school absence | 8/20 = 40 % | (0.40 − 0.20)/0.40 = 0.5 | 3,024,000 × 0.3 × 0.5 = 453,600 | 8 × 56,700 |
 * | intensive plan goals | 3/5 = 60 % | (0.60 − 0.30)/0.50 = 0.6 | 2,016,000 × 0.3 × 0.6 = 362,880 | 3 × 120,960 |
 * | intensive support hours | 2/5 = 40 % | (0.40 − 0.20)/0.40 = 0.5 | 2,016,000 × 0.2 × 0.5 = 201,600 | 2 × 100,800 |
 * | intensive school absence | 1/5 = 20 % | 0 | 0 | — |
 * | intensive no placement | 3/5 = 60 % | ≥ target → 1 | 2,016,000 × 0.3 × 1 = 604,800 | 3 × 201,600 |
 * | total | | | 3,270,960 (below the cap 5,040,000) | |
 *
 * Investor: invested 4,800,000, repaid 3,270,960, loss 1,529,040, multiple 0.68145.
 */
export const VEJLE_EXPECTED_DKK = {
  goals: {
    "ordinary/plan-goals": { payment: 967_680, perFamily: 69_120, met: 14 },
    "ordinary/support-hours": { payment: 680_400, perFamily: 68_040, met: 10 },
    "ordinary/school-absence": { payment: 453_600, perFamily: 56_700, met: 8 },
    "intensive/plan-goals": { payment: 362_880, perFamily: 120_960, met: 3 },
    "intensive/support-hours": { payment: 201_600, perFamily: 100_800, met: 2 },
    "intensive/school-absence": { payment: 0, perFamily: 0, met: 1 },
    "intensive/no-placement": { payment: 604_800, perFamily: 201_600, met: 3 },
  },
  ordinary: 2_101_680,
  intensive: 1_169_280,
  total: 3_270_960,
  loss: 1_529_040,
} as const;
