import { useTranslation } from "react-i18next";
import type { CohortSubject, CohortView } from "../../../contracts/progression-cohort.js";
import type { Formatters } from "../../lib/formatters.js";

/** A name in the interface language: the English one when it exists and English is chosen. */
export function useLocalName(): (da: string, en: string | null | undefined) => string {
  const { i18n } = useTranslation();
  return (da, en) => (i18n.language === "en" && en ? en : da);
}

/** The words for what is counted: "familie"/"familier" or "familiemedlem"/"familiemedlemmer". */
export function useUnitWords(subject: CohortSubject) {
  const { t } = useTranslation();
  const key = `progressionCohort.cohort.units.${subject}` as const;
  return {
    one: t(`${key}.one`),
    other: t(`${key}.other`),
    capital: t(`${key}.capital`),
    lower: t(`${key}.lower`),
    count: (n: number) => (n === 1 ? t(`${key}.one`) : t(`${key}.other`)),
  };
}

/** "2 point", "5 procentpoint", "25 % af nulpunktsværdien": the smallest change that counts. */
export function useThresholdText(): (selection: CohortView["selection"], format: Formatters) => string {
  const { t } = useTranslation();
  return (selection, format) => {
    const { meaningfulChange: m } = selection;
    const value = format.number(m.value);
    return m.kind === "relative-pct"
      ? t("progressionCohort.cohort.method.relative", { value })
      : t(`progressionCohort.cohort.method.thresholds.${selection.scoreUnit}`, { value });
  };
}

/** A score value or a change for a table cell: up to two decimals. */
export function formatValue(format: Formatters, value: number, signed = false): string {
  const rounded = Math.round(value * 100) / 100;
  const text = format.number(rounded);
  return signed && rounded > 0 ? `+${text}` : text;
}
