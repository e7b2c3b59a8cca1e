/**
 * Payback: the point after which the accumulated balance stays at or above zero for the rest of the
 * horizon. With accumulated balance A(t) (A(0) = 0 before year 1) and net N(t) of year t:
 *
 *   payback year    t* = the first year such that A(s) ≥ 0 for every s ≥ t*
 *   fraction        f  = −A(t* − 1) / N(t*) when A(t* − 1) < 0, else 0   (linear inside the year)
 *   payback time       = (t* − 1) + f years after the start
 *
 * A case whose balance is negative at the end of the horizon is "not paid back within the horizon";
 * a case that dips below zero again after crossing is paid back only at the last crossing.
 */

/** Payback of a business case. */
export type Payback =
  | {
      isPaidBack: true;
      /** The year of the horizon (1-based) in which the balance crosses zero for good. */
      year: number;
      /** The calendar year of `year`. */
      calendarYear: number;
      /** The share of that year that had passed at the crossing, 0 ≤ f ≤ 1 (linear interpolation). */
      fractionOfYear: number;
      /** Years from the start to the crossing: (year − 1) + fractionOfYear. */
      years: number;
    }
  | { isPaidBack: false };

/**
 * The 0-based index of the payback year, or −1 when not paid back within the horizon.
 * Allocation-free; used by the Monte Carlo run.
 * @param accumulated the accumulated balance per year (any unit).
 */
export function findPaybackIndex(accumulated: ArrayLike<number>, horizonYears: number): number {
  let index = horizonYears;
  while (index > 0 && (accumulated[index - 1] as number) >= 0) index--;
  return index === horizonYears ? -1 : index;
}

/**
 * Payback from the accumulated balance and net per year (same unit, index 0 = year 1).
 * @param startYear the calendar year of year 1.
 */
export function computePayback(
  accumulated: ArrayLike<number>,
  net: ArrayLike<number>,
  horizonYears: number,
  startYear: number,
): Payback {
  const index = findPaybackIndex(accumulated, horizonYears);
  if (index < 0) return { isPaidBack: false };
  const before = index === 0 ? 0 : (accumulated[index - 1] as number);
  const fractionOfYear = before < 0 ? -before / (net[index] as number) : 0;
  return {
    isPaidBack: true,
    year: index + 1,
    calendarYear: startYear + index,
    fractionOfYear,
    years: index + fractionOfYear,
  };
}
