/*
 * Percentages as people type and read them in the contract form, stored as basis points (10 000 bps =
 * 100 %). Exact: the text is read digit by digit, never through a floating-point number.
 */

/**
 * "40" → 4000, "12,5" → 1250, "0.25 %" → 25. Both "," and "." are read as the decimal mark (a
 * percentage has no thousands); at most two decimals.
 * @returns the basis points, or null when the text is not such a percentage.
 */
export function parsePctText(text: string): number | null {
  const s = text.trim().replace(/\s*%$/, "").replace(/\s/g, "");
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(s);
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? "").padEnd(2, "0") || "0");
  const bps = whole * 100 + fraction;
  return Number.isSafeInteger(bps) ? bps : null;
}

/** 4000 → "40", 1250 → "12,5" (Danish) or "12.5" (English), 25 → "0,25". */
export function pctText(bps: number, language: string): string {
  if (!Number.isSafeInteger(bps)) return "";
  const negative = bps < 0;
  const abs = Math.abs(bps);
  const whole = Math.floor(abs / 100);
  const fraction = String(abs % 100)
    .padStart(2, "0")
    .replace(/0+$/, "");
  const mark = language === "en" ? "." : ",";
  return `${negative ? "-" : ""}${whole}${fraction ? `${mark}${fraction}` : ""}`;
}
