/**
 * Effect stocks: how many persons (or prevented events) each effect counts in each year. Savings are
 * the stock times the unit price (see `model.ts`); this module only models the quantities.
 *
 * Years are indexed from 0 here (index 0 = year 1). For an integer lag L:
 *
 *   success-driven  S(t) = p × s × Σ_{u ≤ t} C(u) × [L ≤ t − u < L + P]
 *   fixed           S(t) = E × Σ_{u ≤ t} σ(t − u − L),   σ(0) = 1, σ(k) = survivalPct[k − 1] / 100, σ(< 0) = 0
 *
 * with p persons per success, s the success rate (fraction), C(u) completed courses in year u, P the
 * duration (∞ for permanent), E events prevented per year and σ(k) the share still prevented k years
 * later (the last listed share holds beyond the list; no list = 1). A fractional lag L = ⌊L⌋ + φ is
 * the linear interpolation (1 − φ)·S_⌊L⌋ + φ·S_⌊L⌋+1, so results move smoothly when a Monte Carlo draw
 * varies the lag. With "freeze after year T", S(t) = S(T) for every t > T.
 */

/**
 * The survival shares for a constant yearly attrition: `[ (1 − a)^1, (1 − a)^2, … ]` in percent, for
 * `years` years (use it for `FixedEffect.survivalPct`).
 * @param attritionPct yearly attrition in percent, 0–100.
 * @throws RangeError when attritionPct is outside 0–100 or years is not a whole number ≥ 0.
 */
export function survivalFromAttritionPct(attritionPct: number, years: number): number[] {
  if (!(attritionPct >= 0 && attritionPct <= 100)) throw new RangeError("The attrition must be 0–100 %");
  if (!Number.isSafeInteger(years) || years < 0) throw new RangeError("Years must be a whole number ≥ 0");
  const keep = 1 - attritionPct / 100;
  return Array.from({ length: years }, (_, k) => 100 * keep ** (k + 1));
}

/**
 * σ(k) for k = 0 … horizonYears − 1 as fractions: σ(0) = 1, then the listed shares, the last one
 * holding beyond the list; no list means 1 throughout.
 */
export function survivalCurve(
  survivalPct: readonly number[] | undefined,
  horizonYears: number,
): Float64Array {
  const curve = new Float64Array(horizonYears);
  let last = 1;
  for (let k = 0; k < horizonYears; k++) {
    if (k === 0) curve[k] = 1;
    else {
      const listed = survivalPct?.[k - 1];
      if (listed !== undefined) last = listed / 100;
      curve[k] = last;
    }
  }
  return curve;
}

/**
 * Writes a success-driven effect's stock for each year into `out[offset + t]`, t = 0 … horizonYears − 1.
 * Allocation-free; used by the kernel.
 * @param completions completed courses per year (index 0 = year 1).
 * @param personsPerSuccessTimesRate p × s: persons affected per completed course.
 * @param lagYears ≥ 0, may be fractional.
 * @param durationYears whole years ≥ 1, or `Infinity` for a permanent effect.
 * @param freezeIndex index of the last year that accumulates (horizonYears − 1 when never frozen).
 */
export function fillSuccessDrivenStock(
  out: Float64Array,
  offset: number,
  completions: Float64Array,
  horizonYears: number,
  personsPerSuccessTimesRate: number,
  lagYears: number,
  durationYears: number,
  freezeIndex: number,
): void {
  const lagLow = Math.floor(lagYears);
  const phi = lagYears - lagLow;
  const last = Math.min(freezeIndex, horizonYears - 1);
  for (let t = 0; t < horizonYears; t++) {
    if (t > last) {
      out[offset + t] = out[offset + last] as number;
      continue;
    }
    let weighted = 0;
    for (let u = 0; u <= t; u++) {
      const age = t - u;
      let w = age >= lagLow && age < lagLow + durationYears ? 1 : 0;
      if (phi > 0) {
        const wHigh = age >= lagLow + 1 && age < lagLow + 1 + durationYears ? 1 : 0;
        w = (1 - phi) * w + phi * wHigh;
      }
      if (w !== 0) weighted += (completions[u] as number) * w;
    }
    out[offset + t] = weighted * personsPerSuccessTimesRate;
  }
}

/**
 * Writes a fixed effect's stock for each year into `out[offset + t]`, t = 0 … horizonYears − 1.
 * Allocation-free; used by the kernel.
 * @param eventsPerYear events prevented per year (≥ 0).
 * @param lagYears ≥ 0, may be fractional.
 * @param survival σ(k) for k = 0 … horizonYears − 1 (see `survivalCurve`).
 * @param freezeIndex index of the last year that changes (horizonYears − 1 when never frozen).
 */
export function fillFixedStock(
  out: Float64Array,
  offset: number,
  horizonYears: number,
  eventsPerYear: number,
  lagYears: number,
  survival: Float64Array,
  freezeIndex: number,
): void {
  const lagLow = Math.floor(lagYears);
  const phi = lagYears - lagLow;
  const last = Math.min(freezeIndex, horizonYears - 1);
  for (let t = 0; t < horizonYears; t++) {
    if (t > last) {
      out[offset + t] = out[offset + last] as number;
      continue;
    }
    let weighted = 0;
    for (let u = 0; u <= t; u++) {
      const age = t - u - lagLow;
      let w = age >= 0 ? (survival[age] as number) : 0;
      if (phi > 0) {
        const wHigh = age >= 1 ? (survival[age - 1] as number) : 0;
        w = (1 - phi) * w + phi * wHigh;
      }
      weighted += w;
    }
    out[offset + t] = weighted * eventsPerYear;
  }
}
