import { describe, expect, it } from "vitest";
import { ContractTermsSchema, createVejleContract } from "../../../domain/contract/index.js";
import { parsePctText, pctText } from "./bps-text.js";
import {
  emptyContractForm,
  formErrorsOf,
  formOfTerms,
  formPathOf,
  termsOfForm,
} from "./contract-form-values.js";
import { vejleExampleTerms } from "./vejle-example-terms.js";

const MESSAGES = { required: "Udfyld", amount: "Beløb", percent: "Procent", wholeNumber: "Heltal" };

describe("per cent as basis points", () => {
  it("reads typed per cent exactly, both decimal marks, at most two decimals", () => {
    expect(parsePctText("40")).toBe(4000);
    expect(parsePctText("12,5")).toBe(1250);
    expect(parsePctText("12.5 %")).toBe(1250);
    expect(parsePctText("0,07")).toBe(7);
    expect(parsePctText("33,33")).toBe(3333);
    expect(parsePctText("1,234")).toBeNull();
    expect(parsePctText("-5")).toBeNull();
    expect(parsePctText("")).toBeNull();
  });

  it("writes basis points as the text it reads back", () => {
    expect(pctText(4000, "da")).toBe("40");
    expect(pctText(1250, "da")).toBe("12,5");
    expect(pctText(1250, "en")).toBe("12.5");
    expect(pctText(7, "da")).toBe("0,07");
    for (const bps of [0, 1, 99, 100, 505, 3333, 10_000, 123_456]) {
      expect(parsePctText(pctText(bps, "da"))).toBe(bps);
      expect(parsePctText(pctText(bps, "en"))).toBe(bps);
    }
  });
});

describe("the contract form", () => {
  it("round-trips the Vejle terms: terms → form → the same terms, in Danish and English", () => {
    const terms = vejleExampleTerms();
    for (const language of ["da", "en"]) {
      const result = termsOfForm(formOfTerms(terms, language), language, MESSAGES);
      expect(result.ok).toBe(true);
      if (result.ok) {
        expect(result.terms).toEqual(terms);
        expect(ContractTermsSchema.safeParse(result.terms).success).toBe(true);
      }
    }
  });

  it("drops the version's identity, parties, amendment and acceptances from the example", () => {
    const terms = vejleExampleTerms() as Record<string, unknown>;
    for (const key of ["contractId", "version", "parties", "amendment", "acceptances"])
      expect(terms).not.toHaveProperty(key);
    expect(terms.investmentOre).toBe(createVejleContract().investmentOre);
  });

  it("turns kroner into whole øre and per cent into basis points without floating point", () => {
    const values = formOfTerms(vejleExampleTerms(), "da");
    values.investmentKr = "4.800.000,01";
    values.disbursements = [{ key: "d", date: "2022-01-03", amountKr: "4800000,01" }];
    values.riskPremium = { kind: "rate", ratePct: "5,25", amountKr: "" };
    values.capKr = "0,3";
    const goal = values.tracks[0]?.goals[0];
    if (goal) goal.payment.weightPct = "33,33";
    const result = termsOfForm(values, "da", MESSAGES);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.terms.investmentOre).toBe(480_000_001);
    expect(result.terms.disbursements[0]?.amountOre).toBe(480_000_001);
    expect(result.terms.riskPremium).toEqual({ kind: "rate", rateBps: 525 });
    expect(result.terms.capOre).toBe(30);
    expect(result.terms.tracks[0]?.goals[0]?.payment).toMatchObject({ weightBps: 3333 });
  });

  it("reports empty and unreadable fields at their form paths", () => {
    const values = emptyContractForm();
    values.investmentKr = "fire millioner";
    const first = values.tracks[0];
    if (first?.goals[0]) first.goals[0].payment.thresholdPct = "30 procent";
    const result = termsOfForm(values, "da", MESSAGES);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toMatchObject({
      title: "Udfyld",
      investmentKr: "Beløb",
      "disbursements.0.amountKr": "Udfyld",
      "tracks.0.code": "Udfyld",
      "tracks.0.goals.0.rule": "Udfyld",
      "tracks.0.goals.0.payment.thresholdPct": "Procent",
    });
    expect(result.errors).not.toHaveProperty("floorKr");
  });

  it("gives new goals unique ids from their rule", () => {
    const values = formOfTerms(vejleExampleTerms(), "da");
    const track = values.tracks[0];
    if (!track) throw new Error("no track");
    track.goals = track.goals.map((g) => ({ ...g, id: "", rule: "plan-goals-attained-80pct@1" }));
    const result = termsOfForm(values, "da", MESSAGES);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.terms.tracks[0]?.goals.map((g) => g.id)).toEqual([
      "plan-goals-attained-80pct",
      "plan-goals-attained-80pct-2",
      "plan-goals-attained-80pct-3",
    ]);
  });
});

describe("server paths to form fields", () => {
  it("maps øre to kroner fields, bps to per-cent fields and rules to the rule choice", () => {
    expect(formPathOf("terms.tracks.0.goals.1.payment.thresholdBps")).toBe(
      "tracks.0.goals.1.payment.thresholdPct",
    );
    expect(formPathOf("terms.capOre")).toBe("capKr");
    expect(formPathOf("terms.disbursements.2.amountOre")).toBe("disbursements.2.amountKr");
    expect(formPathOf("terms.riskPremium.rateBps")).toBe("riskPremium.ratePct");
    expect(formPathOf("terms.tracks.1.budgetShareBps")).toBe("tracks.1.budgetSharePct");
    expect(formPathOf("terms.tracks.0.goals.0.outcomeRule.ruleId")).toBe("tracks.0.goals.0.rule");
    expect(formPathOf("terms.tracks.0.goals.0.outcomeRule")).toBe("tracks.0.goals.0.rule");
    expect(formPathOf("terms.tracks.0.goals.3.id")).toBe("tracks.0.goals.3.rule");
    expect(formPathOf("terms.rounding.unitOre")).toBe("rounding.unitOre");
    expect(formPathOf("terms.tracks")).toBe("tracks");
    expect(formPathOf("terms")).toBe("");
  });

  it("keeps the first message per field", () => {
    expect(
      formErrorsOf([
        { path: "terms.capOre", message: "a" },
        { path: "terms.capOre", message: "b" },
        { path: "terms.tracks", message: "c" },
      ]),
    ).toEqual({ capKr: "a", tracks: "c" });
  });
});
