/**
 * A small seeded pseudo-random number generator for the business-case engine. The domain layer never
 * calls `Math.random`: every random number comes from a generator created here from a seed that the
 * caller passes in, so that the same seed always gives the same numbers on every machine.
 *
 * The generator is xoshiro128** (Blackman & Vigna), seeded through splitmix32. It has a period of
 * 2^128 − 1, passes the usual statistical batteries for this size of output, and needs only 32-bit
 * integer arithmetic, which JavaScript does exactly with `Math.imul` and `>>>`.
 */

/** A stream of pseudo-random numbers. Holds mutable state: one stream per run, never shared. */
export interface Rng {
  /** The next unsigned 32-bit integer, uniform on 0 … 2^32 − 1. */
  nextUint32(): number;
  /** The next float, uniform on [0, 1) with 32 bits of resolution. */
  nextFloat(): number;
}

const TWO_TO_32 = 4_294_967_296;

/** One step of splitmix32: a good mixer for turning a seed into generator state. */
function splitmix32(state: number): [next: number, output: number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [next, (z ^ (z >>> 16)) >>> 0];
}

class Xoshiro128StarStar implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }

  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  nextFloat(): number {
    return this.nextUint32() / TWO_TO_32;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * Creates a seeded generator (xoshiro128**). Equal seeds give equal streams; any safe integer is a
 * valid seed (both its low and high 32 bits are mixed in, so 1 and 2^32 + 1 differ).
 * @param seed a safe integer (negative values are allowed).
 * @throws RangeError when `seed` is not a safe integer.
 */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`The seed must be a whole number: ${seed}`);
  const low = seed >>> 0;
  const high = Math.floor(seed / TWO_TO_32) >>> 0;
  let state = low ^ Math.imul(high, 0x27d4eb2f);
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [next, output] = splitmix32(state);
    state = next;
    words.push(output);
  }
  // xoshiro must not start from the all-zero state; splitmix32 makes that practically impossible,
  // but guard anyway so the generator can never get stuck at zero.
  if (!words.some((w) => w !== 0)) words[0] = 1;
  const [a, b, c, d] = words as [number, number, number, number];
  return new Xoshiro128StarStar(a, b, c, d);
}
