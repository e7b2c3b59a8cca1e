/**
 * Variants of a scenario, e.g. the same effort at 12.5 % and at 25 % success. A variant sets its own
 * success rate; the success-driven effects listed in `scaledEffectIds` (default: all) follow it, the
 * others are pinned at the scenario's own rate. Fixed effects never scale with the success rate.
 */

import type { Scenario, Variant } from "./scenario";
import { BusinessCaseInputError } from "./validation";

/**
 * The scenario as seen in a variant: name "<scenario> – <variant>", the variant's success rate, and
 * `pinnedSuccessRatePct` set to the scenario's rate on success-driven effects that do not scale. The
 * result has no variants of its own. Does not validate the result (`calculateBusinessCase` does).
 * @param variant a variant object, or the id of one of `scenario.variants`.
 * @throws BusinessCaseInputError when the id is not one of the scenario's variants.
 */
export function applyVariant(scenario: Scenario, variant: Variant | string): Scenario {
  const v = typeof variant === "string" ? scenario.variants?.find((x) => x.id === variant) : variant;
  if (!v) throw new BusinessCaseInputError({ variantId: "Ukendt variant" });
  const scaled = v.scaledEffectIds ? new Set(v.scaledEffectIds) : undefined;
  const { variants: _ignored, ...base } = scenario;
  return {
    ...base,
    name: `${scenario.name} – ${v.name}`,
    successRatePct: v.successRatePct ?? scenario.successRatePct,
    effects: scenario.effects.map((e) =>
      e.kind === "success-driven" && scaled && !scaled.has(e.id) && e.pinnedSuccessRatePct === undefined
        ? { ...e, pinnedSuccessRatePct: scenario.successRatePct }
        : e,
    ),
  };
}
