import { MoneyError, type Ore, sum } from "../../../domain/money.js";
import { parseKronerText } from "../../lib/kroner-text.js";
import { parsePctText } from "./bps-text.js";

/*
 * Running totals the contract form shows while the user types (disbursements against the
 * investment, weights and track shares against 100 %). Null while a field is empty or unreadable.
 */

/** The sum of amounts typed in kroner, in øre (exact), or null. */
export function sumKronerTexts(texts: readonly string[], language: string): Ore | null {
  try {
    if (texts.some((text) => text.trim() === "")) return null;
    return sum(texts.map((text) => parseKronerText(text, language)));
  } catch (error) {
    if (error instanceof MoneyError) return null;
    throw error;
  }
}

/** One amount typed in kroner, in øre, or null. */
export function kronerOrNull(text: string, language: string): Ore | null {
  return sumKronerTexts([text], language);
}

/** The sum of percentages typed, in basis points, or null. */
export function sumPctTexts(texts: readonly string[]): number | null {
  let total = 0;
  for (const text of texts) {
    const bps = parsePctText(text);
    if (bps === null) return null;
    total += bps;
  }
  return total;
}
