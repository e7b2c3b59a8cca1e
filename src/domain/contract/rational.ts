/**
 * Exact rational arithmetic for the settlement engine. Shares of families, attainments, weights and the
 * amounts before the single rounding step are fractions of big integers, so nothing that is paid ever
 * passes through floating point. Public results carry fractions as decimal strings (`Fraction`), which
 * JSON can hold without losing digits; `Rational` (bigint) is the working type.
 */

import { allocate, divideRounded, MoneyError, type Ore, ore, type RoundingMode, times } from "../money";

/** An exact fraction as decimal integer strings (JSON-safe). The denominator is > 0; the fraction is reduced. */
export interface Fraction {
  /** Decimal integer, may be negative. */
  readonly numerator: string;
  /** Decimal integer > 0. */
  readonly denominator: string;
}

/** An exact fraction of big integers, reduced, with a positive denominator. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/**
 * Builds a reduced rational n / d.
 * @throws MoneyError when d is 0 or a number argument is not a safe integer.
 */
export function rational(n: bigint | number, d: bigint | number = 1n): Rational {
  const bn = toBig(n);
  let bd = toBig(d);
  if (bd === 0n) throw new MoneyError("Division by zero");
  let nn = bn;
  if (bd < 0n) {
    nn = -nn;
    bd = -bd;
  }
  const g = gcd(nn, bd);
  return g > 1n ? { n: nn / g, d: bd / g } : { n: nn, d: bd };
}

function toBig(v: bigint | number): bigint {
  if (typeof v === "bigint") return v;
  if (!Number.isSafeInteger(v)) throw new MoneyError(`Not an integer: ${v}`);
  return BigInt(v);
}

/** 0 as a rational. */
export const Q_ZERO: Rational = { n: 0n, d: 1n };
/** 1 as a rational. */
export const Q_ONE: Rational = { n: 1n, d: 1n };

/** a + b (exact). */
export function qAdd(a: Rational, b: Rational): Rational {
  return a.d === b.d ? rational(a.n + b.n, a.d) : rational(a.n * b.d + b.n * a.d, a.d * b.d);
}

/** Sum of rationals (exact). */
export function qSum(values: readonly Rational[]): Rational {
  let s = Q_ZERO;
  for (const v of values) s = qAdd(s, v);
  return s;
}

/** a − b (exact). */
export function qSub(a: Rational, b: Rational): Rational {
  return qAdd(a, { n: -b.n, d: b.d });
}

/** a × b (exact). */
export function qMul(a: Rational, b: Rational): Rational {
  return rational(a.n * b.n, a.d * b.d);
}

/** a / b (exact). @throws MoneyError when b is 0. */
export function qDiv(a: Rational, b: Rational): Rational {
  return rational(a.n * b.d, a.d * b.n);
}

/** −1, 0 or 1 as a < b, a = b, a > b. */
export function qCompare(a: Rational, b: Rational): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** The value clipped to [0, 1]. */
export function qClip01(a: Rational): Rational {
  if (a.n <= 0n) return Q_ZERO;
  if (a.n >= a.d) return Q_ONE;
  return a;
}

/** A rational as a JSON-safe `Fraction`. */
export function toFraction(a: Rational): Fraction {
  return { numerator: a.n.toString(), denominator: a.d.toString() };
}

/** A `Fraction` back to a rational. @throws MoneyError when the strings are not integers or the denominator is 0. */
export function fromFraction(f: Fraction): Rational {
  if (!/^-?\d+$/.test(f.numerator) || !/^\d+$/.test(f.denominator)) {
    throw new MoneyError("A fraction must be made of integers");
  }
  return rational(BigInt(f.numerator), BigInt(f.denominator));
}

/**
 * The fraction as a percentage for display only (never for money): 100 × n / d rounded half-up to
 * `decimals` places, e.g. 2/3 → 66.67.
 */
export function toDisplayPct(a: Rational, decimals = 2): number {
  const scale = 10n ** BigInt(decimals);
  return Number(divideRounded(a.n * 100n * scale, a.d, "half-up")) / Number(scale);
}

/** The fraction as a float for display only (never for money). */
export function toDisplayNumber(a: Rational, decimals = 6): number {
  const scale = 10n ** BigInt(decimals);
  return Number(divideRounded(a.n * scale, a.d, "half-up")) / Number(scale);
}

/**
 * THE rounding step of a settlement: an exact amount in øre becomes whole units of `unitOre` (1 = øre,
 * 100 = whole kroner) with `mode`, and is returned in øre. E.g. 123456.5 øre, unit 100, half-up →
 * 123500 øre.
 * @throws MoneyError when the result is beyond ±2^53 øre.
 */
export function roundToUnit(amount: Rational, unitOre: number, mode: RoundingMode): Ore {
  const units = divideRounded(amount.n, amount.d * BigInt(unitOre), mode);
  const value = units * BigInt(unitOre);
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new MoneyError("Amount out of range");
  }
  return ore(Number(value));
}

/**
 * Largest-remainder split of a non-negative big integer by non-negative big-integer weights, exactly as
 * `allocate()` in money.ts does it (ties go to the earlier part), for weights beyond 2^53.
 * @throws MoneyError when weights are empty, negative or all zero, or the total is negative.
 */
export function allocateBig(total: bigint, weights: readonly bigint[]): bigint[] {
  if (weights.length === 0) throw new MoneyError("Nothing to allocate to");
  if (total < 0n) throw new MoneyError("Cannot allocate a negative total");
  if (weights.some((w) => w < 0n)) throw new MoneyError("Weights must be non-negative");
  const weightSum = weights.reduce((s, w) => s + w, 0n);
  if (weightSum === 0n) throw new MoneyError("Weights must not all be zero");
  const floors = weights.map((w) => (total * w) / weightSum);
  const remainders = weights.map((w, i) => total * w - floors[i]! * weightSum);
  let left = total - floors.reduce((s, f) => s + f, 0n);
  const order = remainders
    .map((r, i) => ({ r, i }))
    .sort((x, y) => (x.r === y.r ? x.i - y.i : x.r > y.r ? -1 : 1));
  for (const { i } of order) {
    if (left === 0n) break;
    floors[i] = floors[i]! + 1n;
    left -= 1n;
  }
  return floors;
}

/**
 * Splits `total` (øre, ≥ 0) with `allocate()` by integer weights, in whole units of `unitOre` when the
 * total is a whole number of units (so that a contract rounded to whole kroner has whole-kroner lines),
 * otherwise in øre. All-zero weights give all-zero parts when the total is 0.
 * @throws MoneyError when the total is positive and the weights are all zero.
 */
export function allocateInUnits(total: Ore, weights: readonly number[], unitOre: number): Ore[] {
  if (total === 0) return weights.map(() => ore(0));
  if (unitOre > 1 && total % unitOre === 0) {
    return allocate(ore(total / unitOre), weights).map((p) => times(p, unitOre));
  }
  return allocate(total, weights);
}

/**
 * Splits `total` (øre, ≥ 0) in proportion to exact rational weights by the largest-remainder method,
 * in whole units of `unitOre` when the total is a whole number of units. The parts add up to `total`
 * exactly; a zero weight always gets 0. All-zero weights give all-zero parts when the total is 0.
 * @throws MoneyError when the total is positive and the weights are all zero, or a weight is negative.
 */
export function apportionByRationals(total: Ore, weights: readonly Rational[], unitOre: number): Ore[] {
  if (total === 0) return weights.map(() => ore(0));
  const common = weights.reduce((l, w) => (l / gcd(l, w.d)) * w.d, 1n);
  const integerWeights = weights.map((w) => w.n * (common / w.d));
  const inUnits = unitOre > 1 && total % unitOre === 0;
  const unit = inUnits ? BigInt(unitOre) : 1n;
  const parts = allocateBig(BigInt(total) / unit, integerWeights);
  return parts.map((p) => ore(Number(p * unit)));
}
