/**
 * Probability distributions for uncertain inputs (three-point estimates), as used by the Monte Carlo
 * run. A distribution is plain data so that it can travel as JSON; `sampleDistribution` draws from it
 * with a seeded generator from `random.ts`.
 */

import type { Rng } from "./random";
import type { FieldValidator } from "./validation";

/** Uniform between `min` and `max` (same unit as the parameter it describes). */
export interface UniformDistribution {
  kind: "uniform";
  min: number;
  max: number;
}

/** Triangular with lowest value `min`, most likely value `mode` and highest value `max`. */
export interface TriangularDistribution {
  kind: "triangular";
  min: number;
  mode: number;
  max: number;
}

/**
 * PERT (a scaled beta distribution) with lowest value `min`, most likely value `mode` and highest
 * value `max`; shape parameters α = 1 + 4·(mode − min)/(max − min), β = 1 + 4·(max − mode)/(max − min).
 * Puts less weight on the tails than the triangular distribution with the same three points.
 */
export interface PertDistribution {
  kind: "pert";
  min: number;
  mode: number;
  max: number;
}

/** A distribution of one uncertain input. */
export type Distribution = UniformDistribution | TriangularDistribution | PertDistribution;

/**
 * The most likely value of a distribution (its mode; the midpoint for a uniform distribution).
 */
export function distributionMode(d: Distribution): number {
  return d.kind === "uniform" ? (d.min + d.max) / 2 : d.mode;
}

/**
 * Reads and checks a distribution from untrusted input: finite numbers with min ≤ mode ≤ max, and
 * min and max inside `[bounds.lowest, bounds.highest]` (lowest excluded when `isLowestExclusive`). Records Danish messages in `v` under `path`
 * (e.g. `"uncertainties.0.distribution.max"`). Never throws.
 * @returns a clean copy of the distribution, or undefined when it is invalid.
 */
export function readDistribution(
  v: FieldValidator,
  path: string,
  value: unknown,
  bounds: { lowest: number; highest: number; isLowestExclusive?: boolean },
): Distribution | undefined {
  const d = v.object(path, value);
  if (!d) return undefined;
  const kind = v.oneOf(
    `${path}.kind`,
    d.kind,
    ["uniform", "triangular", "pert"] as const,
    "Fordelingen skal være uniform, trekant eller PERT",
  );
  if (!kind) return undefined;
  const rule = { min: bounds.lowest, max: bounds.highest, isMinExclusive: bounds.isLowestExclusive ?? false };
  const min = v.number(`${path}.min`, d.min, rule);
  const max = v.number(`${path}.max`, d.max, rule);
  const mode = kind === "uniform" ? min : v.number(`${path}.mode`, d.mode, rule);
  if (min === undefined || max === undefined || mode === undefined) return undefined;
  if (min > max) {
    v.fail(`${path}.max`, "Højeste værdi må ikke være mindre end laveste værdi");
    return undefined;
  }
  if (kind === "uniform") return { kind, min, max };
  if (mode < min || mode > max) {
    v.fail(`${path}.mode`, "Den mest sandsynlige værdi skal ligge mellem laveste og højeste værdi");
    return undefined;
  }
  return { kind, min, mode, max };
}

/**
 * Draws one value. A zero-width distribution (min = max) returns `min` exactly and consumes no
 * random numbers, so a Monte Carlo run with only zero-width distributions equals the deterministic
 * run to the øre. Assumes a distribution that passed `readDistribution`.
 * - uniform: min + (max − min)·u
 * - triangular: inverse of the cumulative distribution function (one uniform number)
 * - PERT: min + (max − min)·B with B ~ Beta(α, β) drawn as X/(X + Y), X ~ Gamma(α), Y ~ Gamma(β)
 *   (Marsaglia–Tsang; α, β ≥ 1)
 */
export function sampleDistribution(d: Distribution, rng: Rng): number {
  const { min, max } = d;
  if (min === max) return min;
  const width = max - min;
  switch (d.kind) {
    case "uniform":
      return min + width * rng.nextFloat();
    case "triangular": {
      const u = rng.nextFloat();
      const split = (d.mode - min) / width;
      return u < split
        ? min + Math.sqrt(u * width * (d.mode - min))
        : max - Math.sqrt((1 - u) * width * (max - d.mode));
    }
    case "pert": {
      const alpha = 1 + (4 * (d.mode - min)) / width;
      const beta = 1 + (4 * (max - d.mode)) / width;
      const x = sampleGamma(alpha, rng);
      const y = sampleGamma(beta, rng);
      return min + (width * x) / (x + y);
    }
  }
}

/** Gamma(shape, 1) for shape ≥ 1 by Marsaglia and Tsang's method. */
function sampleGamma(shape: number, rng: Rng): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleStandardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.nextFloat(); // (0, 1]
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Standard normal by Box–Muller (one value per two uniform numbers; no cached state). */
function sampleStandardNormal(rng: Rng): number {
  const u1 = 1 - rng.nextFloat(); // (0, 1], so the logarithm is finite
  const u2 = rng.nextFloat();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
