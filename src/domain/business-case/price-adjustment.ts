/**
 * Price-level adjustment with a net price index (nettoprisindeks): a unit price stated at the price
 * level of year X is moved to the scenario's price year Y as
 *
 *   price_Y = price_X × index_Y / index_X
 *
 * rounded once, to whole øre, half away from zero. The ratio is formed with exact integer arithmetic
 * (money.ts `multiplyRatio`), so no floating-point error creeps in before the one rounding step.
 */

import { multiplyRatio, type Ore } from "../money";

/** One row of a price index: the index value of a calendar year (any base, e.g. 2020 = 100). */
export interface PriceIndexPoint {
  /** Calendar year. */
  year: number;
  /** The index value of the year, > 0 (e.g. 103.4). */
  indexValue: number;
}

/** Why a price cannot be adjusted between two years. */
export type PriceAdjustmentProblem = "missing-from-year" | "missing-to-year" | "invalid-index";

/** The outcome of `adjustPrice`. */
export type PriceAdjustment =
  | {
      ok: true;
      /** The price at the price level of `toYear`, whole øre. */
      amountOre: Ore;
      /** index_to / index_from (for display; the amount is computed exactly, not from this float). */
      factor: number;
      /** The index value of the from-year (null when the years are the same and the index lacks it). */
      fromIndex: number | null;
      /** The index value of the to-year (null when the years are the same and the index lacks it). */
      toIndex: number | null;
    }
  | { ok: false; problem: PriceAdjustmentProblem };

/** Most decimals of an index value taken into account (more are rounded half-up to this many). */
const MAX_INDEX_DECIMALS = 6;

/** An index value as an integer count of 10^-MAX_INDEX_DECIMALS (exact for up to 6 decimals). */
function scaledIndex(indexValue: number): number | undefined {
  if (!Number.isFinite(indexValue) || indexValue <= 0) return undefined;
  const scaled = Math.round(indexValue * 10 ** MAX_INDEX_DECIMALS);
  return Number.isSafeInteger(scaled) && scaled > 0 ? scaled : undefined;
}

/**
 * Moves a price from the price level of `fromYear` to that of `toYear`: amount × index(toYear) /
 * index(fromYear), rounded once to whole øre, half away from zero. The same year gives the amount
 * unchanged (even when the index lacks that year). Index values are read to 6 decimals.
 * Never throws for a missing year or a bad index value: it answers `{ ok: false, problem }`.
 * @param amountOre the price at the price level of `fromYear`, whole øre (may be negative).
 * @param index the price index rows (order does not matter; when a year appears twice, the last wins).
 * @throws MoneyError when the result exceeds ±2^53 øre.
 */
export function adjustPrice(
  amountOre: Ore,
  fromYear: number,
  toYear: number,
  index: readonly PriceIndexPoint[],
): PriceAdjustment {
  const byYear = new Map<number, number>();
  for (const row of index) byYear.set(row.year, row.indexValue);
  if (fromYear === toYear) {
    const same = byYear.get(fromYear) ?? null;
    return { ok: true, amountOre, factor: 1, fromIndex: same, toIndex: same };
  }
  const fromIndex = byYear.get(fromYear);
  const toIndex = byYear.get(toYear);
  if (fromIndex === undefined) return { ok: false, problem: "missing-from-year" };
  if (toIndex === undefined) return { ok: false, problem: "missing-to-year" };
  const from = scaledIndex(fromIndex);
  const to = scaledIndex(toIndex);
  if (from === undefined || to === undefined) return { ok: false, problem: "invalid-index" };
  return {
    ok: true,
    amountOre: multiplyRatio(amountOre, to, from, "half-up"),
    factor: toIndex / fromIndex,
    fromIndex,
    toIndex,
  };
}

/**
 * `adjustPrice`, throwing when the price cannot be adjusted.
 * @returns the price at the price level of `toYear`, whole øre.
 * @throws RangeError when a year is missing from the index or an index value is not a positive number.
 * @throws MoneyError when the result exceeds ±2^53 øre.
 */
export function adjustPriceToYear(
  amountOre: Ore,
  fromYear: number,
  toYear: number,
  index: readonly PriceIndexPoint[],
): Ore {
  const result = adjustPrice(amountOre, fromYear, toYear, index);
  if (!result.ok) {
    const year = result.problem === "missing-from-year" ? fromYear : toYear;
    throw new RangeError(
      result.problem === "invalid-index"
        ? "The price index has a value that is not a positive number"
        : `The price index has no value for ${year}`,
    );
  }
  return result.amountOre;
}
