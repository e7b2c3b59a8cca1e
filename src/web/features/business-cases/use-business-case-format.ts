import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { INTL_LOCALE, isLanguage } from "../../i18n/i18n.js";

/** Number formats of the business-case pages (da-DK in Danish, en-GB in English). */
export interface BusinessCaseFormat {
  locale: string;
  /** Whole kroner from øre: "−2.300.000 kr." */
  kroner(amountOre: number): string;
  /** Compact kroner for chart axes: "−2,3 mio. kr." */
  kronerCompact(amountOre: number): string;
  /** A plain number with up to `digits` decimals: "12,5". */
  decimal(value: number, digits?: number): string;
  /** A percentage given in percent: 12.5 → "12,5 %". */
  percent(valuePct: number, digits?: number): string;
}

/** Creates the formats for one locale. */
export function createBusinessCaseFormat(locale: string): BusinessCaseFormat {
  const kroner = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "DKK",
    maximumFractionDigits: 0,
    minimumFractionDigits: 0,
  });
  const compact = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "DKK",
    notation: "compact",
    maximumFractionDigits: 1,
  });
  const decimals = new Map<number, Intl.NumberFormat>();
  const decimalFormat = (digits: number) => {
    let f = decimals.get(digits);
    if (!f) {
      f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
      decimals.set(digits, f);
    }
    return f;
  };
  return {
    locale,
    kroner: (amountOre) => kroner.format(Math.round(amountOre / 100) || 0),
    kronerCompact: (amountOre) => compact.format(amountOre / 100),
    decimal: (value, digits = 1) => decimalFormat(digits).format(value),
    percent: (valuePct, digits = 1) =>
      new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: digits }).format(
        valuePct / 100,
      ),
  };
}

/** The business-case formats in the interface language. */
export function useBusinessCaseFormat(): BusinessCaseFormat {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : "da";
  return useMemo(() => createBusinessCaseFormat(INTL_LOCALE[language]), [language]);
}
