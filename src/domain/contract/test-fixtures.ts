/**
 * Small contracts for the tests of this module (each call builds a fresh object; nothing is shared).
 * Not used by the engine itself.
 */

import { calendarDate } from "../calendar-date";
import { fromKroner } from "../money";
import type { ContractVersion, ContractVersionInput } from "./model";
import { parseContractVersion } from "./model";
import type { FamilyGoalOutcome, SettlementPeriod } from "./outcomes";

/** A period ending 2023-12-31, settled on 2024-01-01 (one year after the fixture's disbursement). */
export const TEST_PERIOD: SettlementPeriod = {
  periodId: "p1",
  kind: "final",
  from: calendarDate("2023-01-01"),
  to: calendarDate("2023-12-31"),
  settlementDate: calendarDate("2024-01-01"),
};

/** A track of a fixture contract. */
export interface FixtureTrack {
  code: string;
  expectedFamilies?: number;
  budgetShareBps?: number;
  familyCapOre?: number | null;
  goals: { id: string; payment: ContractVersionInput["tracks"][number]["goals"][number]["payment"] }[];
}

/**
 * A valid contract with one investor and one payer, a single disbursement on 2023-01-01 of the whole
 * investment, and the given tracks and terms (defaults: 1,000,000 DKK, no premium, cap = investment,
 * floor 0, half-up to whole øre).
 * @throws ContractInputError when the terms are invalid.
 */
export function makeContract(terms: {
  tracks: FixtureTrack[];
  mechanism: ContractVersionInput["mechanism"];
  investmentOre?: number;
  riskPremium?: ContractVersionInput["riskPremium"];
  capOre?: number;
  floorOre?: number;
  rounding?: ContractVersionInput["rounding"];
}): ContractVersion {
  const investmentOre = terms.investmentOre ?? fromKroner(1_000_000);
  const input: ContractVersionInput = {
    contractId: "c1",
    version: 1,
    validFrom: "2022-12-01",
    title: "Testkontrakt",
    parties: [
      { organisationId: "payer", name: "Kommune", role: "payer" },
      { organisationId: "investor", name: "Fond", role: "investor" },
    ],
    investmentOre,
    disbursements: [{ date: "2023-01-01", amountOre: investmentOre }],
    riskPremium: terms.riskPremium ?? { kind: "amount", amountOre: 0 },
    capOre: terms.capOre ?? investmentOre,
    floorOre: terms.floorOre ?? 0,
    serviceWindow: { from: "2023-01-01", to: "2023-12-31" },
    followUpWindow: { from: "2024-01-01", to: "2024-12-31" },
    tracks: terms.tracks.map((t) => ({
      code: t.code,
      name: `Spor ${t.code}`,
      expectedFamilies: t.expectedFamilies ?? 0,
      ...(t.budgetShareBps === undefined ? {} : { budgetShareBps: t.budgetShareBps }),
      ...(t.familyCapOre === undefined ? {} : { familyCapOre: t.familyCapOre }),
      goals: t.goals.map((g) => ({
        id: g.id,
        name: `Mål ${g.id}`,
        outcomeRule: { ruleId: `rule-${g.id}`, ruleVersion: 1 },
        measurementPoint: "end-of-course",
        payment: g.payment,
      })),
    })),
    mechanism: terms.mechanism,
    rounding: terms.rounding ?? { mode: "half-up", unitOre: 1 },
    amendment: null,
    acceptances: [
      { organisationId: "payer", acceptedBy: "A", acceptedOn: "2022-12-01" },
      { organisationId: "investor", acceptedBy: "B", acceptedOn: "2022-12-01" },
    ],
  };
  return parseContractVersion(input);
}

/** Outcome rows for one goal: `met` family ids met, `notMet` not met, `notMeasurable` with a reason. */
export function outcomeRows(
  trackCode: string,
  goalId: string,
  groups: { met?: string[]; notMet?: string[]; notMeasurable?: string[] },
): FamilyGoalOutcome[] {
  return [
    ...(groups.met ?? []).map((familyId) => ({ familyId, trackCode, goalId, status: "met" as const })),
    ...(groups.notMet ?? []).map((familyId) => ({ familyId, trackCode, goalId, status: "not-met" as const })),
    ...(groups.notMeasurable ?? []).map((familyId) => ({
      familyId,
      trackCode,
      goalId,
      status: "not-measurable" as const,
      reason: "Måling mangler",
    })),
  ];
}
