import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { da } from "./da.js";
import { en } from "./en.js";
import { enServerMessages } from "./en-server-messages.js";

export const LANGUAGES = ["da", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "da";

/** The BCP 47 locale used for Intl formatting in each language. */
export const INTL_LOCALE: Record<Language, string> = { da: "da-DK", en: "en-GB" };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The active language (Danish unless English has been chosen). */
export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
}

void i18n.use(initReactI18next).init({
  resources: {
    da: { translation: da, serverMessages: {} },
    en: { translation: en, serverMessages: enServerMessages },
  },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  ns: ["translation", "serverMessages"],
  defaultNS: "translation",
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** Keeps <html lang> in step with the interface language (WCAG 3.1.1). */
function syncDocumentLanguage(language: string) {
  document.documentElement.lang = isLanguage(language) ? language : DEFAULT_LANGUAGE;
}
syncDocumentLanguage(i18n.language);
i18n.on("languageChanged", syncDocumentLanguage);

export { i18n };
