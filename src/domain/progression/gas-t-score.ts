/**
 * Goal Attainment Scaling (Kiresuk & Sherman, 1968): each plan goal is scored −2…+2 (0 = the expected
 * outcome), and the goals combine into one T-score with mean 50 and standard deviation 10 under the
 * method's assumptions:
 *
 *     T = 50 + 10 · Σ wᵢ·xᵢ / √( (1 − ρ) · Σ wᵢ² + ρ · (Σ wᵢ)² )
 *
 * xᵢ the goal's score, wᵢ its weight (default 1), ρ the assumed correlation between goals' scores
 * (0.3 by convention). All goals at 0 give exactly 50; one goal at +2 (any weight) gives 70.
 */

/** The conventional inter-goal correlation of the GAS T-score. */
export const DEFAULT_GAS_RHO = 0.3;

/** One goal's attainment and weight. */
export interface GasGoalScore {
  /** Attainment −2…+2 (decimals allowed, e.g. a mean of raters). */
  score: number;
  /** Relative weight > 0 (default 1). */
  weight?: number;
}

/**
 * The weighted GAS T-score of a family's goals (50 = as expected; > 50 better than expected).
 * Not rounded.
 * @throws RangeError when there are no goals, a score is outside −2…+2, a weight is not a positive
 *   finite number, or ρ is outside [0, 1).
 */
export function computeGasTScore(goals: readonly GasGoalScore[], rho: number = DEFAULT_GAS_RHO): number {
  if (goals.length === 0) throw new RangeError("A GAS T-score needs at least one goal");
  if (!(rho >= 0 && rho < 1)) throw new RangeError(`rho must be in [0, 1): ${rho}`);
  let weighted = 0;
  let sumW = 0;
  let sumW2 = 0;
  for (const g of goals) {
    const w = g.weight ?? 1;
    if (!Number.isFinite(g.score) || g.score < -2 || g.score > 2) {
      throw new RangeError(`A goal attainment score must be in −2…+2: ${g.score}`);
    }
    if (!Number.isFinite(w) || w <= 0) throw new RangeError(`A goal weight must be > 0: ${w}`);
    weighted += w * g.score;
    sumW += w;
    sumW2 += w * w;
  }
  return 50 + (10 * weighted) / Math.sqrt((1 - rho) * sumW2 + rho * sumW * sumW);
}
