import type { TFunction } from "i18next";

/** Scenario field names as the editor labels them (amounts are typed in kroner there). */
const LEAF_ALIASES: Record<string, string> = {
  amountOre: "amountKr",
  unitPriceOrePerYear: "unitPriceKr",
};

/** Field names whose label differs by the list they are in. */
const LIST_LEAF_KEYS: Record<string, Record<string, string>> = {
  costLines: { name: "costName", kind: "costKind" },
  effects: { name: "effectName", kind: "effectKind" },
  variants: { name: "variantName", successRatePct: "variantSuccessRatePct" },
};

function listItemName(scenario: unknown, list: string, index: number): string | undefined {
  const items = (scenario as Record<string, unknown> | null)?.[list];
  const item = Array.isArray(items) ? (items[index] as Record<string, unknown> | undefined) : undefined;
  const name = item?.name;
  return typeof name === "string" && name.trim() ? name.trim() : undefined;
}

/**
 * A readable Danish (or English) name of a scenario field path, for the error summary and the diff
 * between versions: `effects.1.lagYears` → "Effekt 2 (Færre på kontanthjælp) › Forsinkelse (år)".
 * @param scenario the scenario (or draft) the path belongs to, for the names of rows.
 */
export function describeScenarioPath(path: string, scenario: unknown, t: TFunction): string {
  if (path === "") return t("businessCases.paths.scenario");
  const labels = t("businessCases.fields", { returnObjects: true }) as Record<string, string>;
  const parts = path.split(".");
  const out: string[] = [];
  let list: string | undefined;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    const next = parts[i + 1];
    if (
      (part === "costLines" || part === "effects" || part === "variants") &&
      next !== undefined &&
      /^\d+$/.test(next)
    ) {
      const index = Number(next);
      const name = listItemName(scenario, part, index);
      const row = t(`businessCases.paths.${part}`, { number: index + 1 });
      out.push(name ? `${row} (${name})` : row);
      list = part;
      i++;
      continue;
    }
    if (part === "capacity") {
      out.push(t("businessCases.editor.capacityTitle"));
      continue;
    }
    if (/^\d+$/.test(part)) {
      const previous = parts[i - 1];
      out.push(
        previous === "survivalPct"
          ? t("businessCases.editor.afterYears", { count: Number(part) + 1 })
          : t("businessCases.paths.item", { number: Number(part) + 1 }),
      );
      continue;
    }
    if (part === "municipality" || part === "region" || part === "state") {
      out.push(t(`businessCases.payers.${part}`));
      continue;
    }
    const leaf = LEAF_ALIASES[part] ?? part;
    const key = (list && LIST_LEAF_KEYS[list]?.[leaf]) ?? leaf;
    out.push(labels[key] ?? part);
  }
  return out.join(" › ");
}
