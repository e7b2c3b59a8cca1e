import { describe, expect, it } from "vitest";
import { createRodovreScenario, parseScenario, runMonteCarlo } from "../../../domain/business-case/index.js";
import { defaultMonteCarloSettings, monteCarloOptionsOf, reconcileRows } from "./monte-carlo-settings.js";

describe("Monte Carlo settings", () => {
  const scenario = parseScenario(createRodovreScenario());

  it("offers success rate, course length, each unit price and each lag; success rate and prices vary by default", () => {
    const settings = defaultMonteCarloSettings(scenario);
    expect(settings.rows.map((r) => r.key)).toEqual([
      "successRatePct",
      "courseLengthMonths",
      "unitPriceOrePerYear:cash-benefit",
      "unitPriceOrePerYear:foster-care",
      "unitPriceOrePerYear:family-support",
      "lagYears:cash-benefit",
      "lagYears:foster-care",
      "lagYears:family-support",
    ]);
    expect(settings.rows.filter((r) => r.isEnabled).map((r) => r.key)).toEqual([
      "successRatePct",
      "unitPriceOrePerYear:cash-benefit",
      "unitPriceOrePerYear:foster-care",
      "unitPriceOrePerYear:family-support",
    ]);
    // Prices are shown in kroner and sent in øre.
    expect(settings.rows[2]).toMatchObject({ min: 80_000, mode: 100_000, max: 120_000, kind: "pert" });
    const check = monteCarloOptionsOf(settings, scenario);
    expect(check.ok).toBe(true);
    if (check.ok) {
      expect(check.options.uncertainties[1]?.distribution).toEqual({
        kind: "pert",
        min: 8_000_000,
        mode: 10_000_000,
        max: 12_000_000,
      });
      const result = runMonteCarlo(scenario, { ...check.options, draws: 200 });
      expect(result.draws).toBe(200);
    }
  });

  it("reports a bad three-point estimate at its row", () => {
    const settings = defaultMonteCarloSettings(scenario);
    const rows = settings.rows.map((r) =>
      r.key === "successRatePct" ? { ...r, min: 20, mode: 10, max: 30 } : r,
    );
    const check = monteCarloOptionsOf({ ...settings, rows, draws: 0 }, scenario);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.errors["successRatePct.mode"]).toMatch(/mellem laveste og højeste/);
      expect(check.errors.draws).toBeDefined();
    }
  });

  it("keeps the user's rows when the scenario changes, and drops rows of removed effects", () => {
    const settings = defaultMonteCarloSettings(scenario);
    const rows = settings.rows.map((r) => (r.key === "successRatePct" ? { ...r, max: 40 } : r));
    const fewer = { ...scenario, effects: scenario.effects.slice(0, 1), variants: [] };
    const next = reconcileRows(rows, fewer);
    expect(next.map((r) => r.key)).toEqual([
      "successRatePct",
      "courseLengthMonths",
      "unitPriceOrePerYear:cash-benefit",
      "lagYears:cash-benefit",
    ]);
    expect(next[0]?.max).toBe(40);
  });
});
