/**
 * Order statistics for cohort views: quantiles by linear interpolation between order statistics
 * (Hyndman–Fan type 7, the default of R, NumPy and Excel's QUARTILE.INC).
 */

/** Spread of a set of values. */
export interface Spread {
  /** Number of values. */
  n: number;
  /** Smallest value. */
  min: number;
  /** First quartile (25 %). */
  q1: number;
  /** Median (50 %). */
  median: number;
  /** Third quartile (75 %). */
  q3: number;
  /** Largest value. */
  max: number;
}

/**
 * The p-quantile (0 ≤ p ≤ 1) of values sorted ascending, type 7: h = (n − 1)·p, interpolated between
 * the values at ⌊h⌋ and ⌈h⌉.
 * @throws RangeError for an empty list or p outside [0, 1].
 */
export function quantileOfSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError("Quantile of an empty list");
  if (!(p >= 0 && p <= 1)) throw new RangeError(`Quantile p must be in [0, 1]: ${p}`);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return a + (h - lo) * (b - a);
}

/**
 * Median of a list (mean of the two middle values for an even count).
 * @throws RangeError for an empty list.
 */
export function median(values: readonly number[]): number {
  return quantileOfSorted(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

/**
 * n, min, quartiles and max of a list, or undefined for an empty list.
 */
export function spreadOf(values: readonly number[]): Spread | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    min: sorted[0]!,
    q1: quantileOfSorted(sorted, 0.25),
    median: quantileOfSorted(sorted, 0.5),
    q3: quantileOfSorted(sorted, 0.75),
    max: sorted[sorted.length - 1]!,
  };
}
