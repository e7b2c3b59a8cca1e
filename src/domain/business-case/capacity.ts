/**
 * Throughput of the effort: how many courses are completed each year.
 *
 *   completions per full year  c = (completedSharePct / 100) × familiesAtATime × 12 / courseLengthMonths
 *   completions in year 1         = c × rampUpSharePct / 100
 *   completions in year t ≥ 2     = c
 *
 * A slot held for a whole year by courses of D months turns over 12/D times a year; the completion
 * share θ removes the courses that stop early (e.g. at the review after about a year); ramp-up covers
 * the first year, when the slots are filled and few courses have reached their end yet.
 */

import type { Capacity } from "./scenario";

/**
 * Writes the completed courses of each year into `out[0 … horizonYears − 1]` (year 1 first). Courses
 * are fractional: they are expected values, not counts. Allocation-free; used by the kernel.
 * @param completedSharePct share of courses completed, 0–100.
 * @param rampUpSharePct year-1 throughput as a share of a full year's, 0–100.
 */
export function fillCompletions(
  out: Float64Array,
  horizonYears: number,
  familiesAtATime: number,
  courseLengthMonths: number,
  completedSharePct: number,
  rampUpSharePct: number,
): void {
  const perFullYear = ((completedSharePct / 100) * familiesAtATime * 12) / courseLengthMonths;
  for (let t = 0; t < horizonYears; t++) {
    out[t] = t === 0 ? (perFullYear * rampUpSharePct) / 100 : perFullYear;
  }
}

/**
 * Completed courses per year for years 1 … `horizonYears` (see the module comment for the formula).
 * Defaults: completion share 100 %, ramp-up 100 %.
 * @returns an array of length `horizonYears`; fractional values (expected courses).
 */
export function completionsPerYear(capacity: Capacity, horizonYears: number): number[] {
  const out = new Float64Array(horizonYears);
  fillCompletions(
    out,
    horizonYears,
    capacity.familiesAtATime,
    capacity.courseLengthMonths,
    capacity.completedSharePct ?? 100,
    capacity.rampUpSharePct ?? 100,
  );
  return Array.from(out);
}
