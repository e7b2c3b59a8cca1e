import { describe, expect, it } from "vitest";
import { createRodovreScenario } from "./rodovre-scenario";
import { DEFAULT_DISCOUNT_RATE_PCT, parseScenario, validateScenario } from "./scenario";
import { BusinessCaseInputError } from "./validation";

function withChanges(
  change: (s: Record<string, unknown> & ReturnType<typeof createRodovreScenario>) => void,
) {
  const s = structuredClone(createRodovreScenario()) as Record<string, unknown> &
    ReturnType<typeof createRodovreScenario>;
  change(s);
  return s;
}

function errorsOf(input: unknown): Record<string, string> {
  const result = validateScenario(input);
  if (result.ok) throw new Error("expected validation errors");
  return result.errors;
}

describe("validateScenario", () => {
  it("fills defaults and drops unknown fields", () => {
    const s = withChanges((s) => {
      delete s.discountRatePct;
      delete s.capacity.completedSharePct;
      s.extra = "ignored";
    });
    const result = validateScenario(s);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.discountRatePct).toBe(DEFAULT_DISCOUNT_RATE_PCT);
    expect(result.scenario.capacity.completedSharePct).toBe(100);
    expect("extra" in result.scenario).toBe(false);
  });

  it("rejects a success rate outside 0–100 % with a Danish message at the field", () => {
    expect(errorsOf(withChanges((s) => (s.successRatePct = 120)))).toEqual({
      successRatePct: "Succesraten skal være mellem 0 og 100 %",
    });
    expect(errorsOf(withChanges((s) => (s.successRatePct = -1))).successRatePct).toBeDefined();
  });

  it("rejects a negative price, a horizon over 30 years and text where a number belongs", () => {
    const errors = errorsOf(
      withChanges((s) => {
        (s.effects[0] as { unitPriceOrePerYear: number }).unitPriceOrePerYear = -5;
        s.horizonYears = 31;
        (s.capacity as { courseLengthMonths: unknown }).courseLengthMonths = "atten";
      }),
    );
    expect(errors["effects.0.unitPriceOrePerYear"]).toBe("Prisen må ikke være negativ");
    expect(errors.horizonYears).toBe("Tidshorisonten skal være 1–30 år");
    expect(errors["capacity.courseLengthMonths"]).toBe("Skal være et tal");
  });

  it("rejects a lag beyond the horizon", () => {
    const errors = errorsOf(withChanges((s) => (s.effects[2]!.lagYears = 10)));
    expect(errors["effects.2.lagYears"]).toBe("Forsinkelsen ligger ud over tidshorisonten (højst 9 år)");
  });

  it("rejects an unknown price reference only when the known ones are given", () => {
    const s = withChanges((s) => (s.effects[0]!.priceRef = "national/kontanthjaelp-2010"));
    expect(validateScenario(s).ok).toBe(true);
    const result = validateScenario(s, { knownPriceRefs: new Set(["national/familiepleje-2019"]) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors["effects.0.priceRef"]).toBe("Ukendt prisreference");
  });

  it("rejects a payer split that does not add up to 100 % and unknown payers", () => {
    expect(
      errorsOf(withChanges((s) => (s.effects[0]!.payerSharesPct = { municipality: 60, state: 30 }))),
    ).toEqual({
      "effects.0.payerSharesPct": "Fordelingen på betalere skal give 100 % i alt",
    });
    expect(
      errorsOf(withChanges((s) => (s.effects[0]!.payerSharesPct = { kommune: 100 } as never)))[
        "effects.0.payerSharesPct.kommune"
      ],
    ).toBeDefined();
  });

  it("rejects duplicate ids, one-off years outside the horizon and unknown variant effects", () => {
    const errors = errorsOf(
      withChanges((s) => {
        s.effects[1]!.id = "cash-benefit";
        s.costLines.push({
          id: "start",
          name: "Opstart",
          kind: "one-off",
          payer: "municipality",
          amountOre: 100 as never,
          year: 11,
        });
        s.variants![0]!.scaledEffectIds = ["foster-care", "nope"];
      }),
    );
    expect(errors["effects.1.id"]).toBe("Id'et er allerede brugt");
    expect(errors["costLines.2.year"]).toBe("Året skal ligge inden for tidshorisonten (1–10)");
    expect(errors["variants.0.scaledEffectIds.1"]).toBe("Ukendt effekt");
  });

  it("asks for the duration of a success-driven effect (null for permanent)", () => {
    const errors = errorsOf(
      withChanges((s) => delete (s.effects[0] as { durationYears?: unknown }).durationYears),
    );
    expect(errors["effects.0.durationYears"]).toContain("null");
  });

  it("rejects input that is not an object", () => {
    expect(validateScenario("scenario").ok).toBe(false);
    expect(validateScenario(null).ok).toBe(false);
  });

  it("parseScenario throws BusinessCaseInputError carrying the field errors", () => {
    try {
      parseScenario(withChanges((s) => (s.horizonYears = 0)));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(BusinessCaseInputError);
      expect((e as BusinessCaseInputError).errors.horizonYears).toBeDefined();
    }
  });
});
