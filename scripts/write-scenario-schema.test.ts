import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ScenarioSchema } from "../src/contracts/business-case.js";
import { createRodovreScenario, validateScenario } from "../src/domain/business-case/index.js";
import { SCHEMA_FILE, scenarioSchemaText } from "./write-scenario-schema.js";

describe("the scenario file format", () => {
  it("docs/business-case-scenario.schema.json is generated from the zod schema (run npm run docs:schema)", () => {
    expect(fs.readFileSync(SCHEMA_FILE, "utf8")).toBe(scenarioSchemaText());
  });

  it("the zod schema and the engine's validator agree on valid and invalid scenarios", () => {
    const good = createRodovreScenario();
    expect(ScenarioSchema.safeParse(good).success).toBe(true);
    expect(validateScenario(good).ok).toBe(true);
    const bad = [
      { ...good, successRatePct: 120 },
      { ...good, horizonYears: 31 },
      { ...good, capacity: { ...good.capacity, courseLengthMonths: "atten" } },
      { ...good, costLines: [{ ...good.costLines[0]!, amountOre: -5 }] },
    ];
    for (const s of bad) {
      expect(ScenarioSchema.safeParse(s).success).toBe(false);
      expect(validateScenario(s).ok).toBe(false);
    }
  });
});
