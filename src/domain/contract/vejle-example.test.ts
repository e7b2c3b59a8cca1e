/**
 * The Vejle worked example, settled and checked against the hand-computed table in vejle-example.ts.
 */
import { describe, expect, it } from "vitest";
import { calendarDate } from "../calendar-date";
import { fromKroner } from "../money";
import { settle } from "./settle";
import {
  createVejleAmendment,
  createVejleContract,
  createVejleOutcomes,
  VEJLE_EXPECTED_DKK,
  VEJLE_FINAL_PERIOD,
  VEJLE_PARTIES,
} from "./vejle-example";
import { acceptContractVersion, isFullyAccepted } from "./versions";

describe("Vejle worked example", () => {
  const s = settle(createVejleContract(), createVejleOutcomes(), VEJLE_FINAL_PERIOD);

  it("pays each goal and each family the hand-computed amounts", () => {
    for (const [key, expected] of Object.entries(VEJLE_EXPECTED_DKK.goals)) {
      const [trackCode, goalId] = key.split("/");
      const g = s.tracks.find((t) => t.trackCode === trackCode)!.goals.find((x) => x.goalId === goalId)!;
      expect(g.amountOre, key).toBe(fromKroner(expected.payment));
      expect(g.met, key).toBe(expected.met);
      const paid = g.lines.filter((l) => l.amountOre > 0);
      expect(
        paid.every((l) => l.amountOre === fromKroner(expected.perFamily)),
        key,
      ).toBe(true);
    }
    expect(s.tracks.map((t) => t.amountOre)).toEqual([
      fromKroner(VEJLE_EXPECTED_DKK.ordinary),
      fromKroner(VEJLE_EXPECTED_DKK.intensive),
    ]);
    expect(s.totalOre).toBe(fromKroner(VEJLE_EXPECTED_DKK.total));
    expect(s.fullRepaymentOre).toBe(fromKroner(5_040_000));
  });

  it("reports the not-measurable absence families, counted as not met", () => {
    const absence = s.tracks[0]!.goals.find((g) => g.goalId === "school-absence")!;
    expect([absence.counted, absence.met, absence.notMet, absence.notMeasurable]).toEqual([20, 8, 10, 2]);
    expect(absence.notMeasurableReasons).toEqual([
      { familyId: "vejle-o19", reason: "Ingen skolesøgende børn" },
      { familyId: "vejle-o20", reason: "Fraværsdata mangler ved afslutning" },
    ]);
    expect(absence.attainment).toEqual({ numerator: "1", denominator: "2" });
  });

  it("gives each family its goals' parts (o01: plan goals + absence)", () => {
    const o01 = s.tracks[0]!.familyTotals.find((f) => f.familyId === "vejle-o01")!;
    expect(o01.amountOre).toBe(fromKroner(69_120 + 56_700));
  });

  it("computes the investor's result and the municipality's cost", () => {
    expect(s.investor.investedOre).toBe(fromKroner(4_800_000));
    expect(s.investor.repaidOre).toBe(fromKroner(3_270_960));
    expect(s.investor.lossOre).toBe(fromKroner(VEJLE_EXPECTED_DKK.loss));
    expect(s.investor.returnMultiple).toEqual({ numerator: "13629", denominator: "20000" });
    expect(s.investor.returnMultipleDisplay).toBe(0.68145);
    // Independent bisection: −1.6M on 2022-01-03, 2023-01-02, 2024-01-02; +3,270,960 on 2027-03-31.
    expect(s.investor.irr).toBeCloseTo(-0.087021027, 8);
    expect(s.municipality).toEqual({
      payerOrganisationId: VEJLE_PARTIES.payer,
      costOre: fromKroner(3_270_960),
      averagePerFamilyOre: fromKroner(130_838) + 40, // 3,270,960 / 25 = 130,838.40
    });
  });

  it("names the contract version it used; the amendment adds an unpaid result goal", () => {
    expect(s.contract).toMatchObject({
      contractId: "vejle-familiebehandling",
      version: 1,
      isFullyAccepted: true,
    });
    let v2 = createVejleAmendment();
    expect(v2.version).toBe(2);
    expect(v2.amendment).toEqual({
      previousVersion: 1,
      reason: "Kriterierne for trivselsmålet er fastsat (resultatmål, ingen betaling)",
      author: "Ekstern evaluator (eksempel)",
    });
    expect(isFullyAccepted(v2)).toBe(false);
    for (const organisationId of Object.values(VEJLE_PARTIES)) {
      v2 = acceptContractVersion(v2, {
        organisationId,
        acceptedBy: "X",
        acceptedOn: calendarDate("2022-09-15"),
      });
    }
    const s2 = settle(v2, createVejleOutcomes(), VEJLE_FINAL_PERIOD);
    expect(s2.contract.version).toBe(2);
    expect(s2.contract.isFullyAccepted).toBe(true);
    expect(s2.totalOre).toBe(s.totalOre);
    const wellBeing = s2.tracks[0]!.goals.find((g) => g.goalId === "well-being")!;
    expect(wellBeing.amountOre).toBe(0);
    expect(wellBeing.notMeasurable).toBe(20);
  });
});
