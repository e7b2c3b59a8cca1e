/**
 * The contract model: valid contracts parse; every bad input of the issue gets a Danish message at its
 * field; versions and acceptances.
 */
import { describe, expect, it } from "vitest";
import { calendarDate } from "../calendar-date";
import { fromKroner } from "../money";
import {
  type ContractVersionInput,
  effectiveWeight,
  fullRepaymentExact,
  fullRepaymentOre,
  parseContractVersion,
  validateContractVersion,
} from "./model";
import { createVejleAmendment, createVejleContract, VEJLE_PARTIES } from "./vejle-example";
import {
  acceptContractVersion,
  amendContract,
  isFullyAccepted,
  missingAcceptances,
  selectContractVersion,
} from "./versions";

/** The Vejle contract as plain input, to be broken in one place per test. */
function vejleInput(): ContractVersionInput {
  return structuredClone(createVejleContract());
}

function errorsOf(input: unknown): Record<string, string> {
  const r = validateContractVersion(input);
  if (r.ok) throw new Error("expected errors");
  return r.errors;
}

describe("contract validation", () => {
  it("accepts the Vejle contract and derives I·(1+π), full repayment and effective weights", () => {
    const c = createVejleContract();
    expect(fullRepaymentExact(c)).toEqual({ n: 504_000_000n, d: 1n });
    expect(fullRepaymentOre(c)).toBe(fromKroner(5_040_000));
    // ordinary 60 % × plan goals 40 % = 24 %
    expect(effectiveWeight(c, c.tracks[0]!, c.tracks[0]!.goals[0]!)).toEqual({ n: 6n, d: 25n });
  });

  it("keeps a fractional premium exact (1 øre × 1 bps)", () => {
    const input = vejleInput();
    input.riskPremium = { kind: "rate", rateBps: 1 };
    input.investmentOre = 333;
    input.disbursements = [{ date: "2022-01-03", amountOre: 333 }];
    const c = parseContractVersion(input);
    expect(fullRepaymentExact(c)).toEqual({ n: 3_330_333n, d: 10_000n });
    expect(fullRepaymentOre(c)).toBe(300); // whole kroner, half-up: 3.33 kr → 3 kr
  });

  it("rejects weights that do not sum to 100 % per track", () => {
    const input = vejleInput();
    input.tracks[0]!.goals[0]!.payment = {
      kind: "weighted",
      weightBps: 3_000,
      thresholdBps: 3_000,
      targetBps: 8_000,
    };
    expect(errorsOf(input)).toEqual({ "tracks.0.goals": "Vægtene i sporet skal tilsammen være 100 %" });
  });

  it("rejects track budget shares that do not sum to 100 %", () => {
    const input = vejleInput();
    input.tracks[1]!.budgetShareBps = 3_000;
    expect(errorsOf(input)).toEqual({ tracks: "Sporenes andele skal tilsammen være 100 %" });
  });

  it("rejects weights not summing to 100 % over the contract with per-contract weighting", () => {
    const input = vejleInput();
    input.mechanism = { kind: "weighted-attainment", notMeasurable: "exclude", weighting: "per-contract" };
    for (const t of input.tracks) delete t.budgetShareBps;
    expect(errorsOf(input)).toEqual({ tracks: "Vægtene skal tilsammen være 100 %" });
  });

  it("rejects a threshold above (or at) its target", () => {
    const input = vejleInput();
    input.tracks[0]!.goals[1]!.payment = {
      kind: "weighted",
      weightBps: 3_000,
      thresholdBps: 7_000,
      targetBps: 6_000,
    };
    expect(errorsOf(input)).toEqual({
      "tracks.0.goals.1.payment.thresholdBps": "Tærsklen skal ligge under målet",
    });
  });

  it("rejects a negative premium, a negative cap and a floor above the cap", () => {
    const input = vejleInput();
    input.riskPremium = { kind: "rate", rateBps: -100 };
    expect(errorsOf(input)).toEqual({ "riskPremium.rateBps": "Risikopræmien må ikke være negativ" });
    const amount = vejleInput();
    amount.riskPremium = { kind: "amount", amountOre: -1 };
    expect(errorsOf(amount)).toEqual({ "riskPremium.amountOre": "Beløbet må ikke være negativt" });
    const floor = vejleInput();
    floor.floorOre = fromKroner(6_000_000);
    expect(errorsOf(floor)).toEqual({ floorOre: "Gulvet må ikke være større end loftet" });
  });

  it("rejects money that is not whole øre, and a cap that is not whole rounding units", () => {
    const input = vejleInput();
    input.investmentOre = 1.5;
    expect(errorsOf(input).investmentOre).toBe("Beløbet skal være et helt antal øre");
    const cap = vejleInput();
    cap.capOre = fromKroner(5_040_000) + 50;
    expect(errorsOf(cap)).toEqual({ capOre: "Loftet skal være et helt antal afrundingsenheder" });
  });

  it("rejects disbursements that do not add up to the investment", () => {
    const input = vejleInput();
    input.disbursements = input.disbursements.slice(1);
    expect(errorsOf(input)).toEqual({
      disbursements: "Udbetalingerne skal tilsammen være lig med investeringen",
    });
  });

  it("rejects a goal whose payment does not match the mechanism", () => {
    const input = vejleInput();
    input.tracks[0]!.goals[0]!.payment = { kind: "price", priceOre: 100 };
    expect(errorsOf(input)["tracks.0.goals.0.payment.kind"]).toBe(
      "Målets betaling passer ikke til kontraktens betalingsmekanisme",
    );
  });

  it("rejects duplicate track codes and goal ids, a missing payer and foreign acceptances", () => {
    const input = vejleInput();
    input.tracks[1]!.code = "ordinary";
    input.tracks[0]!.goals[1]!.id = "plan-goals";
    input.parties = input.parties.filter((p) => p.role !== "payer");
    const errors = errorsOf(input);
    expect(errors["tracks.1.code"]).toBe("Sporkoden findes allerede");
    expect(errors["tracks.0.goals.1.id"]).toBe("Målets id findes allerede i sporet");
    expect(errors.parties).toBe("Kontrakten skal have præcis én betalende kommune");
    expect(errors["acceptances.0.organisationId"]).toBe("Ikke en part i kontrakten");
  });

  it("rejects a goal referring to a rule the track does not measure (when the caller can tell)", () => {
    const r = validateContractVersion(vejleInput(), {
      isRuleAvailable: (rule, trackCode) =>
        !(trackCode === "ordinary" && rule.ruleId === "no-child-placed-or-at-risk") &&
        rule.ruleId !== "school-absence-down-70pct",
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual({
        "tracks.0.goals.2.outcomeRule": "Målet henviser til en resultatregel, som sporet ikke måler",
        "tracks.1.goals.2.outcomeRule": "Målet henviser til en resultatregel, som sporet ikke måler",
      });
  });

  it("rejects a bad date and a window that ends before it starts", () => {
    const input = vejleInput();
    input.validFrom = "2021-02-30";
    input.serviceWindow = { from: "2025-01-01", to: "2022-01-01" };
    const errors = errorsOf(input);
    expect(errors.validFrom).toBe("Datoen skal være en gyldig dato (ÅÅÅÅ-MM-DD)");
    expect(errors["serviceWindow.to"]).toBe("Slutdatoen må ikke ligge før startdatoen");
  });

  it("gives zod's built-in messages in Danish", () => {
    const errors = errorsOf({ ...vejleInput(), title: 42 });
    expect(errors.title).toMatch(/Ugyldigt input/);
  });
});

describe("versions and amendments", () => {
  it("an amendment is a new version with reason and author, and the old one is untouched", () => {
    const v1 = createVejleContract();
    const before = structuredClone(v1);
    const v2 = createVejleAmendment(v1);
    expect(v1).toEqual(before);
    expect(v2.version).toBe(2);
    expect(v2.validFrom).toBe("2022-09-01");
    expect(missingAcceptances(v2)).toEqual(Object.values(VEJLE_PARTIES));
  });

  it("a later version needs an amendment; the first may not have one", () => {
    const input = vejleInput();
    input.version = 2;
    expect(errorsOf(input)).toEqual({ amendment: "En ændret version skal have begrundelse og forfatter" });
  });

  it("rejects an amendment valid before the previous version, and a double acceptance", () => {
    const v1 = createVejleContract();
    expect(() =>
      amendContract(v1, {}, { reason: "x", author: "y", validFrom: calendarDate("2020-01-01") }),
    ).toThrow(/validFrom/);
    expect(() =>
      acceptContractVersion(v1, {
        organisationId: VEJLE_PARTIES.payer,
        acceptedBy: "Z",
        acceptedOn: calendarDate("2022-01-01"),
      }),
    ).toThrow(/Parten har allerede accepteret/);
  });

  it("selects the highest fully accepted version in force on a date", () => {
    const v1 = createVejleContract();
    let v2 = createVejleAmendment(v1);
    expect(selectContractVersion([v1, v2], calendarDate("2023-01-01"))?.version).toBe(1);
    for (const organisationId of Object.values(VEJLE_PARTIES))
      v2 = acceptContractVersion(v2, {
        organisationId,
        acceptedBy: "X",
        acceptedOn: calendarDate("2022-09-15"),
      });
    expect(isFullyAccepted(v2)).toBe(true);
    expect(selectContractVersion([v2, v1], calendarDate("2023-01-01"))?.version).toBe(2);
    expect(selectContractVersion([v1, v2], calendarDate("2022-08-31"))?.version).toBe(1);
    expect(selectContractVersion([v1, v2], calendarDate("2021-01-01"))).toBeNull();
  });
});
