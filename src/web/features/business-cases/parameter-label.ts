import type { TFunction } from "i18next";
import type { ParameterRef, Scenario } from "../../../domain/business-case/index.js";

/**
 * The interface-language name of a scenario parameter (tornado bars, Monte Carlo rows), e.g.
 * "Enhedspris pr. år: Færre borgere på kontanthjælp".
 */
export function parameterLabelOf(ref: ParameterRef, scenario: Scenario, t: TFunction): string {
  const effectName = (id: string) => scenario.effects.find((e) => e.id === id)?.name ?? id;
  switch (ref.kind) {
    case "successRatePct":
    case "courseLengthMonths":
    case "completedSharePct":
    case "rampUpSharePct":
      return t(`businessCases.parameters.${ref.kind}`);
    case "costAmountOre":
      return t("businessCases.parameters.costAmountOre", {
        name: scenario.costLines.find((c) => c.id === ref.costLineId)?.name ?? ref.costLineId,
      });
    default:
      return t(`businessCases.parameters.${ref.kind}`, { name: effectName(ref.effectId) });
  }
}
