/**
 * Comparisons of measured values with a small tolerance, so that floating-point noise (70 − 21 = 48.99…)
 * never decides whether a threshold is met.
 */

/** Relative tolerance of threshold comparisons. */
const RELATIVE_TOLERANCE = 1e-9;

function slack(a: number, b: number): number {
  return RELATIVE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/** a ≥ b, allowing for rounding noise. */
export function isAtLeast(a: number, b: number): boolean {
  return a >= b - slack(a, b);
}

/** a ≤ b, allowing for rounding noise. */
export function isAtMost(a: number, b: number): boolean {
  return a <= b + slack(a, b);
}

/** a > b by more than rounding noise. */
export function isAbove(a: number, b: number): boolean {
  return a > b + slack(a, b);
}

/** a < b by more than rounding noise. */
export function isBelow(a: number, b: number): boolean {
  return a < b - slack(a, b);
}
