import { describe, expect, it } from "vitest";
import {
  createRodovreScenario,
  parseScenario,
  validateScenario,
} from "../../../domain/business-case/index.js";
import { fromKroner } from "../../../domain/money.js";
import { parseKronerText } from "../../lib/kroner-text.js";
import { draftOf, editorPathOf, newEffect, scenarioInputOf } from "./scenario-draft.js";

const MESSAGE = "Skriv et beløb i kroner";

describe("the scenario draft", () => {
  it("round-trips a scenario: draft → scenario JSON gives the same validated scenario", () => {
    const scenario = createRodovreScenario();
    for (const language of ["da", "en"]) {
      const { input, errors } = scenarioInputOf(draftOf(scenario, language), language, MESSAGE);
      expect(errors).toEqual({});
      const checked = validateScenario(input);
      expect(checked.ok).toBe(true);
      if (checked.ok) expect(checked.scenario).toEqual(parseScenario(scenario));
    }
  });

  it("shows amounts in kroner and reads them back exactly (no floating point)", () => {
    const draft = draftOf(createRodovreScenario(), "da");
    expect(draft.effects[0]?.unitPriceKr).toBe("100.000");
    expect(parseKronerText("1.234,56", "da")).toBe(123_456);
    expect(parseKronerText("1,234.56", "en")).toBe(123_456);
    const edited = {
      ...draft,
      effects: draft.effects.map((e, i) => (i === 0 ? { ...e, unitPriceKr: "0,29" } : e)),
    };
    expect(scenarioInputOf(edited, "da", MESSAGE).input.effects).toMatchObject([
      { unitPriceOrePerYear: 29 },
      {},
      {},
    ]);
  });

  it("reports an amount that is not kroner at its kroner field, and the engine's paths map to the editor's", () => {
    const draft = draftOf(createRodovreScenario(), "da");
    const bad = {
      ...draft,
      costLines: draft.costLines.map((c, i) => (i === 1 ? { ...c, amountKr: "25 tusind" } : c)),
    };
    expect(scenarioInputOf(bad, "da", MESSAGE).errors).toEqual({ "costLines.1.amountKr": MESSAGE });
    expect(editorPathOf("effects.2.unitPriceOrePerYear")).toBe("effects.2.unitPriceKr");
    expect(editorPathOf("costLines.0.amountOre")).toBe("costLines.0.amountKr");
    expect(editorPathOf("effects.1.lagYears")).toBe("effects.1.lagYears");
  });

  it("keeps the engine's messages at the fields the user typed in", () => {
    const draft = draftOf(createRodovreScenario(), "da");
    const bad = {
      ...draft,
      successRatePct: 130,
      effects: draft.effects.map((e, i) => (i === 1 ? { ...e, lagYears: 42 } : e)),
    };
    const checked = validateScenario(scenarioInputOf(bad, "da", MESSAGE).input);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(Object.keys(checked.errors)).toEqual(
        expect.arrayContaining(["successRatePct", "effects.1.lagYears"]),
      );
    }
  });

  it("turns a permanent effect into durationYears null and a new effect into a valid one once named and priced", () => {
    const draft = draftOf(createRodovreScenario(), "da");
    const effect = {
      ...newEffect(draft.effects),
      name: "Færre i misbrugsbehandling",
      unitPriceKr: "120.000",
    };
    const withEffect = { ...draft, effects: [...draft.effects, effect] };
    const { input } = scenarioInputOf(withEffect, "da", MESSAGE);
    const checked = validateScenario(input);
    expect(checked.ok).toBe(true);
    if (checked.ok) {
      expect(checked.scenario.effects[3]).toMatchObject({
        id: "effect-4",
        kind: "success-driven",
        durationYears: null,
        unitPriceOrePerYear: fromKroner(120_000),
      });
    }
  });
});
