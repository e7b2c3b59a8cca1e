/**
 * Money in Bundlinje is an integer number of øre (1 DKK = 100 øre), branded so that a plain number
 * cannot be passed where an amount is expected. Every arithmetic step on money goes through this
 * module: exact parsing, ratio multiplication with an explicit rounding mode, and `allocate()` so
 * that parts always add up to the whole.
 *
 * Amounts are JavaScript numbers holding safe integers (|x| ≤ 2^53 − 1 øre ≈ 90 trillion DKK), which
 * is what JSON carries; intermediate products use BigInt so that no step loses precision.
 */

declare const oreBrand: unique symbol;
/** An integer amount of øre. */
export type Ore = number & { readonly [oreBrand]: true };

/** How a non-integer result is turned into whole øre. */
export type RoundingMode = "half-up" | "half-even" | "down" | "up";

export class MoneyError extends Error {
  override name = "MoneyError";
}

/**
 * Brands a safe integer as øre.
 * @throws MoneyError when the value is not a safe integer.
 */
export function ore(value: number): Ore {
  if (!Number.isSafeInteger(value)) throw new MoneyError(`Not a whole number of øre: ${value}`);
  return value as Ore;
}

/** Zero øre. */
export const ZERO: Ore = 0 as Ore;

/** Whole kroner to øre (exact). @throws MoneyError for a non-integer number of kroner. */
export function fromKroner(kroner: number): Ore {
  if (!Number.isSafeInteger(kroner)) throw new MoneyError(`Not a whole number of kroner: ${kroner}`);
  return ore(kroner * 100);
}

/**
 * Parses a Danish or plain decimal amount in kroner into øre without floating point.
 * Accepts "1.234,56", "1234,56", "1234.56", "-12", "12,5" and "kr. 1.234,56".
 * A single "." with exactly 3 digits after it is read as a thousands separator (Danish style).
 * @throws MoneyError when the text is not an amount or has more than two decimals.
 */
export function parseKroner(text: string): Ore {
  let s = text
    .trim()
    .replace(/^kr\.?\s*/i, "")
    .replace(/\s*(kr\.?|DKK)$/i, "")
    .replace(/[\s\u00a0]/g, "");
  const negative = s.startsWith("-");
  if (negative || s.startsWith("+")) s = s.slice(1);
  let intPart: string;
  let fracPart = "";
  if (s.includes(",")) {
    const [i, f, ...rest] = s.split(",");
    if (rest.length > 0) throw new MoneyError(`Not an amount: "${text}"`);
    intPart = (i ?? "").replace(/\./g, "");
    fracPart = f ?? "";
  } else {
    const parts = s.split(".");
    const last = parts[parts.length - 1] ?? "";
    if (parts.length === 2 && last.length !== 3) {
      intPart = parts[0] ?? "";
      fracPart = last;
    } else {
      intPart = parts.join("");
    }
  }
  if (!/^\d+$/.test(intPart) || !/^\d{0,2}$/.test(fracPart)) throw new MoneyError(`Not an amount: "${text}"`);
  const value = BigInt(intPart) * 100n + BigInt(fracPart.padEnd(2, "0") || "0");
  return fromBigInt(negative ? -value : value);
}

function fromBigInt(v: bigint): Ore {
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new MoneyError("Amount out of range");
  }
  return Number(v) as Ore;
}

/** Sum of amounts (exact). */
export function add(...amounts: Ore[]): Ore {
  let total = 0n;
  for (const a of amounts) total += BigInt(a);
  return fromBigInt(total);
}

/** a − b (exact). */
export function subtract(a: Ore, b: Ore): Ore {
  return fromBigInt(BigInt(a) - BigInt(b));
}

/** Sum of a list of amounts (exact). */
export function sum(amounts: readonly Ore[]): Ore {
  return add(...amounts);
}

/** Larger of two amounts. */
export function max(a: Ore, b: Ore): Ore {
  return a >= b ? a : b;
}

/** Smaller of two amounts. */
export function min(a: Ore, b: Ore): Ore {
  return a <= b ? a : b;
}

/** An integer multiple of an amount (exact). @throws MoneyError for a non-integer factor. */
export function times(a: Ore, factor: number): Ore {
  if (!Number.isSafeInteger(factor)) throw new MoneyError(`Not an integer factor: ${factor}`);
  return fromBigInt(BigInt(a) * BigInt(factor));
}

/** Integer division of n by d with the given rounding mode (d ≠ 0). */
export function divideRounded(n: bigint, d: bigint, mode: RoundingMode): bigint {
  if (d === 0n) throw new MoneyError("Division by zero");
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const q = n / d; // truncates toward zero
  const r = n - q * d;
  if (r === 0n) return q;
  const sign = n < 0n ? -1n : 1n;
  const twiceAbsR = 2n * (r < 0n ? -r : r);
  switch (mode) {
    case "down":
      return n < 0n ? q - 1n : q; // floor
    case "up":
      return n < 0n ? q : q + 1n; // ceiling
    case "half-up":
      return twiceAbsR >= d ? q + sign : q;
    case "half-even":
      if (twiceAbsR > d) return q + sign;
      if (twiceAbsR < d) return q;
      return q % 2n === 0n ? q : q + sign;
  }
}

/**
 * a × numerator / denominator, rounded once with `mode` (default half-up, i.e. away from zero on .5).
 * Use it for shares and percentages: `multiplyRatio(x, 3, 4)`, `multiplyRatio(x, rateBps, 10_000)`.
 */
export function multiplyRatio(
  a: Ore,
  numerator: number,
  denominator: number,
  mode: RoundingMode = "half-up",
): Ore {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
    throw new MoneyError("A ratio must be made of integers");
  }
  return fromBigInt(divideRounded(BigInt(a) * BigInt(numerator), BigInt(denominator), mode));
}

/**
 * Splits `total` into parts proportional to integer `weights` so that the parts add up to `total`
 * exactly (largest-remainder method; ties go to the earlier part). Negative totals are split as the
 * mirror image of the positive total.
 * @throws MoneyError when weights are empty, negative, or all zero.
 */
export function allocate(total: Ore, weights: readonly number[]): Ore[] {
  if (weights.length === 0) throw new MoneyError("Nothing to allocate to");
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0))
    throw new MoneyError("Weights must be non-negative integers");
  const weightSum = weights.reduce((s, w) => s + BigInt(w), 0n);
  if (weightSum === 0n) throw new MoneyError("Weights must not all be zero");
  const negative = total < 0;
  const t = BigInt(negative ? -total : total);
  const floors = weights.map((w) => (t * BigInt(w)) / weightSum);
  const remainders = weights.map((w, i) => t * BigInt(w) - floors[i]! * weightSum);
  let left = t - floors.reduce((s, f) => s + f, 0n);
  const order = remainders
    .map((r, i) => ({ r, i }))
    .sort((x, y) => (x.r === y.r ? x.i - y.i : x.r > y.r ? -1 : 1));
  for (const { i } of order) {
    if (left === 0n) break;
    floors[i] = floors[i]! + 1n;
    left -= 1n;
  }
  return floors.map((f) => fromBigInt(negative ? -f : f));
}

/** Øre as a plain decimal string in kroner, e.g. 123456 → "1234.56" (for exports, not for display). */
export function toKronerString(a: Ore): string {
  const negative = a < 0;
  const abs = BigInt(negative ? -a : a);
  const s = `${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
  return negative ? `-${s}` : s;
}

/** Danish display, e.g. "1.234,56 kr." — use at the UI edge only. */
export function formatDkk(a: Ore, locale = "da-DK"): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency: "DKK" }).format(a / 100);
}
