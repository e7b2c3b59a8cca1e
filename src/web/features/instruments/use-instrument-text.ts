import { useTranslation } from "react-i18next";
import type { ChangeThreshold, Item, Scale, ScoreDefinition } from "../../../domain/progression/index.js";
import { useFormatters } from "../../lib/use-formatters.js";

/** An instrument's parts in words, in the interface language ("Tal fra 1 til 10", "mindst 2 point"). */
export function useInstrumentText() {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const isEnglish = i18n.language === "en";
  const label = (x: { label: string; labelEn?: string | undefined }) =>
    isEnglish && x.labelEn ? x.labelEn : x.label;

  const scale = (s: Scale): string => {
    switch (s.kind) {
      case "numeric-range": {
        const range = t("instruments.scale.range", {
          min: format.number(s.min),
          max: format.number(s.max),
          unit: s.unit ? ` ${s.unit}` : "",
        });
        const step = s.step !== 1 ? ` ${t("instruments.scale.step", { step: format.number(s.step) })}` : "";
        const ends =
          s.minLabel || s.maxLabel
            ? ` (${[
                s.minLabel ? `${format.number(s.min)} = ${s.minLabel}` : "",
                s.maxLabel ? `${format.number(s.max)} = ${s.maxLabel}` : "",
              ]
                .filter(Boolean)
                .join(", ")})`
            : "";
        return `${range}${step}${ends}`;
      }
      case "ordered-categories":
        return t("instruments.scale.categories", {
          list: s.categories.map((c) => `${label(c)} (${format.number(c.value)})`).join(", "),
        });
      case "percentage":
        return t("instruments.scale.percentage", { count: s.decimals });
      case "hours":
        return t(`instruments.scale.hours.${s.per}`, { max: format.number(s.max) });
    }
  };

  const threshold = (c: ChangeThreshold): string =>
    c.kind === "absolute"
      ? t("instruments.threshold.absolute", { value: format.number(c.value) })
      : t("instruments.threshold.relative", { value: format.number(c.value) });

  const scoreRule = (s: ScoreDefinition, items: readonly Item[]): string => {
    const itemLabel = (code: string) => {
      const found = items.find((i) => i.code === code);
      return found ? label(found) : code;
    };
    if (s.kind === "item") return t("instruments.scoreKinds.itemOf", { item: itemLabel(s.item) });
    const list = s.items.map(itemLabel).join("; ");
    const base = t(`instruments.scoreKinds.${s.kind}Of`, { count: s.items.length, list });
    return s.minAnswered !== undefined && s.minAnswered < s.items.length
      ? `${base} ${t("instruments.scoreKinds.minAnswered", { count: s.minAnswered })}`
      : base;
  };

  return { label, scale, threshold, scoreRule };
}
