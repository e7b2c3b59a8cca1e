/**
 * The effort's costs per year. A cost line's amount is multiplied by a per-year multiplier:
 *
 *   fixed per year      1 in the years fromYear … toYear (default the whole horizon), else 0
 *   per slot per year   familiesAtATime in the years fromYear … toYear, else 0
 *   one-off             1 in `year`, else 0
 *
 * and rounded to whole øre (exact when the amount is whole øre, as it is unless a sensitivity or Monte
 * Carlo run varies it).
 */

import type { CostLine } from "./scenario";

/**
 * The multiplier of a cost line's amount in each year 1 … horizonYears (index 0 = year 1).
 * @param familiesAtATime the number of family slots (for per-slot lines).
 */
export function costMultipliers(line: CostLine, horizonYears: number, familiesAtATime: number): Float64Array {
  const out = new Float64Array(horizonYears);
  if (line.kind === "one-off") {
    if (line.year >= 1 && line.year <= horizonYears) out[line.year - 1] = 1;
    return out;
  }
  const perYear = line.kind === "per-slot-per-year" ? familiesAtATime : 1;
  const from = Math.max(1, line.fromYear ?? 1);
  const to = Math.min(horizonYears, line.toYear ?? horizonYears);
  for (let year = from; year <= to; year++) out[year - 1] = perYear;
  return out;
}
