import { describe, expect, it } from "vitest";
import { type Distribution, readDistribution, sampleDistribution } from "./distributions";
import { createRng } from "./random";
import { FieldValidator } from "./validation";

function moments(d: Distribution, n = 40_000) {
  const rng = createRng(99);
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const x = sampleDistribution(d, rng);
    sum += x;
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  return { mean: sum / n, min, max };
}

describe("sampleDistribution", () => {
  it("uniform: mean (a + b)/2, inside [a, b]", () => {
    const m = moments({ kind: "uniform", min: 10, max: 20 });
    expect(m.mean).toBeCloseTo(15, 1);
    expect(m.min).toBeGreaterThanOrEqual(10);
    expect(m.max).toBeLessThanOrEqual(20);
  });

  it("triangular: mean (a + c + b)/3", () => {
    const m = moments({ kind: "triangular", min: 0, mode: 3, max: 12 });
    expect(m.mean).toBeCloseTo(5, 1);
    expect(m.min).toBeGreaterThanOrEqual(0);
    expect(m.max).toBeLessThanOrEqual(12);
  });

  it("PERT: mean (a + 4c + b)/6", () => {
    const m = moments({ kind: "pert", min: 0, mode: 3, max: 12 });
    expect(m.mean).toBeCloseTo(4, 1);
    expect(m.min).toBeGreaterThanOrEqual(0);
    expect(m.max).toBeLessThanOrEqual(12);
  });

  it("returns min exactly for a zero-width distribution without using the generator", () => {
    const rng = createRng(1);
    const reference = createRng(1);
    for (const kind of ["uniform", "triangular", "pert"] as const) {
      expect(sampleDistribution({ kind, min: 0.125, mode: 0.125, max: 0.125 } as Distribution, rng)).toBe(
        0.125,
      );
    }
    expect(rng.nextUint32()).toBe(reference.nextUint32());
  });
});

describe("readDistribution", () => {
  it("accepts a valid three-point estimate", () => {
    const v = new FieldValidator();
    expect(
      readDistribution(v, "d", { kind: "pert", min: 1, mode: 2, max: 3 }, { lowest: 0, highest: 100 }),
    ).toEqual({
      kind: "pert",
      min: 1,
      mode: 2,
      max: 3,
    });
    expect(v.isValid).toBe(true);
  });

  it("reports the field: out of bounds, mode outside [min, max], min above max, unknown kind", () => {
    const bounds = { lowest: 0, highest: 100 };
    const v = new FieldValidator();
    readDistribution(v, "a", { kind: "triangular", min: -1, mode: 2, max: 3 }, bounds);
    readDistribution(v, "b", { kind: "triangular", min: 1, mode: 5, max: 3 }, bounds);
    readDistribution(v, "c", { kind: "uniform", min: 4, max: 3 }, bounds);
    readDistribution(v, "d", { kind: "normal", min: 1, max: 3 }, bounds);
    expect(Object.keys(v.errors).sort()).toEqual(["a.min", "b.mode", "c.max", "d.kind"]);
  });
});
