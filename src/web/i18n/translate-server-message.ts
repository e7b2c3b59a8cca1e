import { i18n } from "./i18n.js";

/**
 * The API and the shared zod schemas speak Danish. In English, a known Danish sentence is replaced by
 * its translation (the `serverMessages` namespace, keyed by the Danish text); anything else is shown
 * as it came, which is better than hiding it.
 */
export function translateServerMessage(message: string): string {
  const translated = i18n.getResource(i18n.language, "serverMessages", message, { keySeparator: false });
  return typeof translated === "string" && translated ? translated : message;
}
