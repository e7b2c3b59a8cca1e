import { describe, expect, it } from "vitest";
import { createRng } from "./random";

describe("createRng (xoshiro128**)", () => {
  it("gives the same stream for the same seed and different streams for different seeds", () => {
    const take = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 5 }, () => rng.nextUint32());
    };
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
    expect(take(1)).not.toEqual(take(2 ** 32 + 1));
  });

  it("yields floats in [0, 1) with a mean near ½", () => {
    const rng = createRng(7);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = rng.nextFloat();
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
    }
    expect(outside).toBe(0);
    expect(sum / 20_000).toBeCloseTo(0.5, 1);
  });

  it("rejects a seed that is not a whole number", () => {
    expect(() => createRng(1.5)).toThrow(RangeError);
  });
});
