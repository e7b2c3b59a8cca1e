import type { TFunction } from "i18next";
import type { BusinessCaseFormat } from "./use-business-case-format.js";

/**
 * A scenario value as text for the diff between versions: amounts (…Ore) in kroner, percentages
 * with %, a permanent duration as "varig", lists and objects compactly; a missing value as "–".
 */
export function scenarioValueText(
  path: string,
  value: unknown,
  format: BusinessCaseFormat,
  t: TFunction,
): string {
  const leaf = path.split(".").at(-1) ?? "";
  if (value === undefined) return t("businessCases.versions.missing");
  if (value === null) return leaf === "durationYears" ? t("businessCases.editor.permanent") : "–";
  if (typeof value === "number") {
    if (/Ore(PerYear)?$/.test(leaf)) return format.kroner(value);
    if (/Pct$/.test(leaf) || path.includes("Pct.")) return format.percent(value, 4);
    return format.decimal(value, 4);
  }
  if (typeof value === "string") {
    const kinds: Record<string, string> = {
      "fixed-per-year": t("businessCases.costKinds.fixed-per-year"),
      "per-slot-per-year": t("businessCases.costKinds.per-slot-per-year"),
      "one-off": t("businessCases.costKinds.one-off"),
      "success-driven": t("businessCases.effectKinds.success-driven"),
      fixed: t("businessCases.effectKinds.fixed"),
      municipality: t("businessCases.payers.municipality"),
      region: t("businessCases.payers.region"),
      state: t("businessCases.payers.state"),
    };
    return (leaf === "kind" || leaf === "payer") && kinds[value] ? kinds[value] : value;
  }
  if (typeof value === "boolean") return value ? t("common.yes") : t("common.no");
  if (Array.isArray(value) && value.every((v) => typeof v === "number")) {
    return value.map((v) => format.decimal(v as number, 2)).join("; ");
  }
  if (typeof value === "object" && !Array.isArray(value) && "name" in (value as object)) {
    return String((value as { name: unknown }).name);
  }
  return JSON.stringify(value);
}
