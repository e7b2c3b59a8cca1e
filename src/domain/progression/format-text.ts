/**
 * Formatting for messages and rule descriptions. Numbers: at most `maxDecimals` decimals, no trailing zeros, a
 * decimal comma in Danish ("0,5") and a point in English ("0.5"). No thousands separators, so the
 * output does not depend on the runtime's locale data.
 */

/** A display language of the domain's texts. */
export type Locale = "da" | "en";

/**
 * Formats a number for a sentence, e.g. `formatNumber(12.5, "da")` → "12,5".
 * @param maxDecimals decimals kept after rounding half away from zero (default 2).
 */
export function formatNumber(value: number, locale: Locale, maxDecimals = 2): string {
  const factor = 10 ** maxDecimals;
  const rounded = Math.sign(value) * (Math.round(Math.abs(value) * factor) / factor);
  const text = String(Object.is(rounded, -0) ? 0 : rounded);
  return locale === "da" ? text.replace(".", ",") : text;
}

/**
 * The word with its first letter in lower case, for use inside a sentence ("Skolefravær" →
 * "skolefravær"); left as it is when the second letter is upper case too (an acronym such as "GAS").
 */
export function lowerFirst(text: string): string {
  const second = text.charAt(1);
  if (second !== "" && second === second.toUpperCase() && second !== second.toLowerCase()) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}
