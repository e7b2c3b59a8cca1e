import { type Ore, parseKroner } from "../../domain/money.js";

/*
 * Amounts as people type and read them in a kroner input. Money is øre everywhere else; these two
 * functions are the only place the web app turns typed text into øre and back.
 */

/** Kroner as typed in Danish ("1.234,56"); in English a comma is a thousands separator. */
export function parseKronerText(text: string, language: string): Ore {
  const normalised = language === "en" ? text.replace(/,/g, "") : text;
  return parseKroner(normalised);
}

/** Øre as the text of a kroner input: "100.000" or "1.234,5" in Danish, "100,000" in English. */
export function kronerText(amountOre: number, language: string): string {
  if (!Number.isFinite(amountOre)) return "";
  return new Intl.NumberFormat(language === "en" ? "en-GB" : "da-DK", {
    maximumFractionDigits: 2,
  }).format(amountOre / 100);
}
