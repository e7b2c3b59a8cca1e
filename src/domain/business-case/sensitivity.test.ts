import { describe, expect, it } from "vitest";
import { fromKroner } from "../money";
import { calculateBusinessCase } from "./calculate";
import { createRodovreScenario } from "./rodovre-scenario";
import { defaultSensitivityRanges, runSensitivity } from "./sensitivity";
import { BusinessCaseInputError } from "./validation";

describe("runSensitivity (tornado)", () => {
  const scenario = createRodovreScenario();
  const result = runSensitivity(scenario);

  it("starts from the deterministic accumulated balance at the horizon", () => {
    expect(result.baselineAccumulatedOre).toBe(calculateBusinessCase(scenario).accumulatedAtHorizonOre);
  });

  it("sorts the bars by swing, largest first", () => {
    const swings = result.bars.map((b) => b.swingOre);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    expect(result.bars.length).toBe(defaultSensitivityRanges(scenario).length);
  });

  it("matches a full recalculation for each end of a bar", () => {
    const bar = result.bars.find((b) => b.parameter.kind === "successRatePct")!;
    expect(bar.label).toBe("Succesrate (%)");
    expect(bar.accumulatedAtLowOre).toBe(
      calculateBusinessCase({ ...scenario, successRatePct: bar.lowValue }).accumulatedAtHorizonOre,
    );
    expect(bar.accumulatedAtHighOre).toBe(
      calculateBusinessCase({ ...scenario, successRatePct: bar.highValue }).accumulatedAtHorizonOre,
    );
    expect(bar.changeAtLowOre).toBe(bar.accumulatedAtLowOre - result.baselineAccumulatedOre);
  });

  it("varies a cost line: +20 % on 2 million DKK a year over 10 years costs 4 million DKK", () => {
    const bar = result.bars.find(
      (b) => b.parameter.kind === "costAmountOre" && b.parameter.costLineId === "caseworkers",
    )!;
    expect(bar.changeAtHighOre).toBe(-fromKroner(4_000_000));
    expect(bar.changeAtLowOre).toBe(fromKroner(4_000_000));
  });

  it("rejects a range outside the parameter's bounds or naming an unknown effect", () => {
    expect(() =>
      runSensitivity(scenario, [
        { parameter: { kind: "successRatePct" }, low: -5, high: 20 },
        { parameter: { kind: "unitPriceOrePerYear", effectId: "nope" }, low: 0, high: 1 },
      ]),
    ).toThrow(BusinessCaseInputError);
  });
});
