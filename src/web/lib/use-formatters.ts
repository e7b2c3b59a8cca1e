import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { INTL_LOCALE, isLanguage } from "../i18n/i18n.js";
import { createFormatters, type Formatters } from "./formatters.js";

/** Numbers, money and dates in the interface language's format (da-DK, or en-GB in English). */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : "da";
  return useMemo(() => createFormatters(INTL_LOCALE[language]), [language]);
}
