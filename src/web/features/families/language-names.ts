import { useTranslation } from "react-i18next";
import { daCasework } from "../../i18n/da-casework.js";

/** The language codes the forms offer (those with a name in da-casework.ts). */
export const LANGUAGE_CODES = Object.keys(daCasework.languages) as (keyof typeof daCasework.languages)[];

function isKnownCode(code: string): code is keyof typeof daCasework.languages {
  return Object.hasOwn(daCasework.languages, code);
}

/**
 * The name of a language in the interface language: our own list first, then the browser's
 * Intl.DisplayNames, and the code itself as the last resort.
 */
export function useLanguageName(): (code: string) => string {
  const { t, i18n } = useTranslation();
  return (code) => {
    if (isKnownCode(code)) return t(`casework.languages.${code}`);
    try {
      const name = new Intl.DisplayNames([i18n.language], { type: "language" }).of(code);
      if (name && name !== code) return i18n.language === "da" ? name.toLowerCase() : name;
    } catch {
      // An invalid code: show it as it is.
    }
    return code;
  };
}

/** "somali, arabisk": a list of language codes as names. */
export function useLanguageList(): (codes: readonly string[]) => string {
  const name = useLanguageName();
  return (codes) => codes.map(name).join(", ");
}

/** The select options for languages, sorted by name in the interface language. */
export function useLanguageOptions(): { value: string; label: string }[] {
  const name = useLanguageName();
  const { i18n } = useTranslation();
  return LANGUAGE_CODES.map((code) => ({ value: code, label: name(code) })).sort((a, b) =>
    a.label.localeCompare(b.label, i18n.language),
  );
}
