/**
 * Property tests (fast-check) of the settlement engine, required by the issue: never above the cap;
 * all goals met by all families → investment plus premium (capped); nothing met → the floor; payments
 * never fall when more families meet a goal; the parts always sum to the total to the øre (per goal,
 * per family, per track, in the explanation tree); recomputing gives the same øre.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate, ore } from "../money";
import { type ContractVersion, fullRepaymentOre } from "./model";
import type { FamilyCareDays, FamilyGoalOutcome, OutcomeStatus } from "./outcomes";
import { type ExplanationNode, type Settlement, settle } from "./settle";
import { type FixtureTrack, makeContract, TEST_PERIOD } from "./test-fixtures";

const RUNS = 80;
const STATUSES: OutcomeStatus[] = ["met", "not-met", "not-measurable"];

/** Integer basis points summing to exactly 10,000 (some may be 0). */
const weightsArb = (n: number) =>
  fc
    .array(fc.integer({ min: 0, max: 100 }), { minLength: n, maxLength: n })
    .filter((a) => a.some((x) => x > 0))
    .map((a) => allocate(ore(10_000), a).map(Number));

const thresholdTargetArb = fc
  .integer({ min: 0, max: 9_999 })
  .chain((th) => fc.integer({ min: th + 1, max: 10_000 }).map((tg) => [th, tg] as const));

const unitArb = fc.constantFrom<1 | 100>(1, 100);

/** Cap and floor as whole units: cap anywhere from 0 to 1.5 × `scaleOre`, floor from 0 to cap. */
function capFloorArb(scaleOre: number, unit: number) {
  return fc
    .record({
      capBps: fc.integer({ min: 0, max: 15_000 }),
      floorBps: fc.integer({ min: 0, max: 10_000 }),
      hasFloor: fc.boolean(),
    })
    .map(({ capBps, floorBps, hasFloor }) => {
      const capOre = Math.floor((scaleOre * capBps) / 10_000 / unit) * unit;
      const floorOre = hasFloor ? Math.floor((capOre * floorBps) / 10_000 / unit) * unit : 0;
      return { capOre, floorOre };
    });
}

/** Families per track, each with a status per goal (or no row at all). */
function familyGridArb(goalsPerTrack: number[]) {
  return fc.tuple(
    ...goalsPerTrack.map((g) =>
      fc.array(
        fc.array(fc.option(fc.constantFrom(...STATUSES), { nil: undefined, freq: 8 }), {
          minLength: g,
          maxLength: g,
        }),
        {
          minLength: 0,
          maxLength: 9,
        },
      ),
    ),
  );
}

function outcomesFrom(
  contract: ContractVersion,
  grid: (OutcomeStatus | undefined)[][][],
): FamilyGoalOutcome[] {
  const rows: FamilyGoalOutcome[] = [];
  contract.tracks.forEach((t, ti) => {
    (grid[ti] ?? []).forEach((statuses, fi) => {
      statuses.forEach((status, gi) => {
        if (status !== undefined)
          rows.push({ familyId: `${t.code}-f${fi}`, trackCode: t.code, goalId: t.goals[gi]!.id, status });
      });
    });
  });
  return rows;
}

function enrolments(contract: ContractVersion, grid: unknown[][]) {
  return contract.tracks.flatMap((t, ti) =>
    (grid[ti] ?? []).map((_, fi) => ({ familyId: `${t.code}-f${fi}`, trackCode: t.code })),
  );
}

/** A weighted-attainment contract with random weights, thresholds, premium, cap, floor and rounding. */
const weightedCaseArb = fc
  .record({
    goalsPerTrack: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
    isPerTrack: fc.boolean(),
    exclude: fc.boolean(),
    investmentOre: fc.integer({ min: 1, max: 100_000_000_000 }),
    premium: fc.oneof(
      fc.integer({ min: 0, max: 3_000 }).map((rateBps) => ({ kind: "rate" as const, rateBps })),
      fc.integer({ min: 0, max: 1_000_000_000 }).map((amountOre) => ({ kind: "amount" as const, amountOre })),
    ),
    unit: unitArb,
  })
  .chain((base) => {
    const nGoals = base.goalsPerTrack.reduce((s, g) => s + g, 0);
    const full =
      base.investmentOre +
      (base.premium.kind === "amount"
        ? base.premium.amountOre
        : Math.ceil((base.investmentOre * base.premium.rateBps) / 10_000));
    return fc.record({
      base: fc.constant(base),
      contractWeights: weightsArb(nGoals),
      trackWeights: fc.tuple(...base.goalsPerTrack.map((g) => weightsArb(g))),
      budget: weightsArb(base.goalsPerTrack.length),
      thresholds: fc.array(thresholdTargetArb, { minLength: nGoals, maxLength: nGoals }),
      capFloor: capFloorArb(full, base.unit),
      grid: familyGridArb(base.goalsPerTrack),
    });
  })
  .map(({ base, contractWeights, trackWeights, budget, thresholds, capFloor, grid }) => {
    let k = 0;
    const tracks: FixtureTrack[] = base.goalsPerTrack.map((g, ti) => ({
      code: `T${ti}`,
      ...(base.isPerTrack ? { budgetShareBps: budget[ti]! } : {}),
      goals: Array.from({ length: g }, (_, gi) => {
        const [thresholdBps, targetBps] = thresholds[k]!;
        const weightBps = base.isPerTrack ? trackWeights[ti]![gi]! : contractWeights[k]!;
        k++;
        return { id: `g${gi}`, payment: { kind: "weighted" as const, weightBps, thresholdBps, targetBps } };
      }),
    }));
    const contract = makeContract({
      tracks,
      mechanism: {
        kind: "weighted-attainment",
        notMeasurable: base.exclude ? "exclude" : "count-as-not-met",
        weighting: base.isPerTrack ? "per-track" : "per-contract",
      },
      investmentOre: base.investmentOre,
      riskPremium: base.premium,
      capOre: capFloor.capOre,
      floorOre: capFloor.floorOre,
      rounding: { mode: "half-up", unitOre: base.unit },
    });
    return { contract, grid: grid as (OutcomeStatus | undefined)[][][] };
  });

/** A rate-card contract with random prices and caps. */
const rateCardCaseArb = fc
  .record({
    goalsPerTrack: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
    unit: unitArb,
  })
  .chain((base) =>
    fc.record({
      base: fc.constant(base),
      prices: fc.tuple(
        ...base.goalsPerTrack.map((g) =>
          fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: g, maxLength: g }),
        ),
      ),
      familyCaps: fc.array(fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }), {
        minLength: base.goalsPerTrack.length,
        maxLength: base.goalsPerTrack.length,
      }),
      capFloor: capFloorArb(100_000_000, base.unit),
      grid: familyGridArb(base.goalsPerTrack),
    }),
  )
  .map(({ base, prices, familyCaps, capFloor, grid }) => {
    const u = base.unit;
    const contract = makeContract({
      tracks: base.goalsPerTrack.map((g, ti) => {
        const cap = familyCaps[ti] ?? null;
        return {
          code: `T${ti}`,
          familyCapOre: cap === null ? null : cap - (cap % u),
          goals: Array.from({ length: g }, (_, gi) => {
            const p = prices[ti]![gi]!;
            return { id: `g${gi}`, payment: { kind: "price" as const, priceOre: p - (p % u) } };
          }),
        };
      }),
      mechanism: { kind: "rate-card" },
      capOre: capFloor.capOre,
      floorOre: capFloor.floorOre,
      rounding: { mode: "half-up", unitOre: u },
    });
    return { contract, grid: grid as (OutcomeStatus | undefined)[][][] };
  });

/** A per-day contract: one or two per-day goals per track, random care days. */
const perDayCaseArb = fc
  .record({
    goalsPerTrack: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 1, maxLength: 2 }),
    unit: unitArb,
    price: fc.integer({ min: 0, max: 500_000 }),
    familyCap: fc.option(fc.integer({ min: 0, max: 50_000_000 }), { nil: null }),
  })
  .chain((base) =>
    fc.record({
      base: fc.constant(base),
      capFloor: capFloorArb(200_000_000, base.unit),
      days: fc.tuple(
        ...base.goalsPerTrack.map((g) =>
          fc.array(
            fc.array(
              fc.record({
                baselineDays: fc.integer({ min: 0, max: 400 }),
                daysInCare: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null, freq: 6 }),
              }),
              { minLength: g, maxLength: g },
            ),
            { minLength: 0, maxLength: 8 },
          ),
        ),
      ),
    }),
  )
  .map(({ base, capFloor, days }) => {
    const u = base.unit;
    const contract = makeContract({
      tracks: base.goalsPerTrack.map((g, ti) => ({
        code: `T${ti}`,
        familyCapOre: base.familyCap === null ? null : base.familyCap - (base.familyCap % u),
        goals: Array.from({ length: g }, (_, gi) => ({
          id: `d${gi}`,
          payment: { kind: "per-day" as const, pricePerDayOre: base.price - (base.price % u) },
        })),
      })),
      mechanism: { kind: "per-day-out-of-care" },
      capOre: capFloor.capOre,
      floorOre: capFloor.floorOre,
      rounding: { mode: "half-up", unitOre: u },
    });
    const careDays: FamilyCareDays[] = contract.tracks.flatMap((t, ti) =>
      (days[ti] ?? []).flatMap((perGoal, fi) =>
        perGoal.map((d, gi) => ({
          familyId: `${t.code}-f${fi}`,
          trackCode: t.code,
          goalId: t.goals[gi]!.id,
          ...d,
        })),
      ),
    );
    return { contract, careDays };
  });

/** Sum violations in the explanation tree (amount and uncapped), as messages. */
function treeViolations(node: ExplanationNode, out: string[]): void {
  if (node.children.length === 0) return;
  if (node.children.reduce((s, c) => s + c.amountOre, 0) !== node.amountOre)
    out.push(`tree amount ${node.key}`);
  if (node.children.reduce((s, c) => s + c.uncappedOre, 0) !== node.uncappedOre)
    out.push(`tree uncapped ${node.key}`);
  for (const c of node.children) treeViolations(c, out);
}

/**
 * Every invariant that must hold for any settlement, collected as messages and asserted once (one
 * `expect` per case keeps the property tests fast).
 */
function expectConsistent(s: Settlement, contract: ContractVersion): void {
  const unit = contract.rounding.unitOre;
  const v: string[] = [];
  const check = (ok: boolean, message: string) => {
    if (!ok) v.push(message);
  };
  check(s.totalOre <= contract.capOre, "above cap");
  check(s.totalOre >= contract.floorOre, "below floor");
  check(
    s.totalOre === s.tracks.reduce((x, t) => x + t.amountOre, 0) + s.floorTopUpOre,
    "total ≠ Σ tracks + floor",
  );
  check(s.roundedTotalOre === s.tracks.reduce((x, t) => x + t.uncappedOre, 0), "rounded ≠ Σ tracks uncapped");
  check(
    s.totalOre === s.roundedTotalOre + s.floorTopUpOre - s.capReductionOre,
    "total ≠ rounded + floor − cap",
  );
  check(s.totalOre % unit === 0, "total not whole units");
  // The single rounding step is within half a unit of the exact total (half-up).
  const twiceDiff =
    2n * BigInt(s.roundedTotalOre) * BigInt(s.exactTotal.denominator) - 2n * BigInt(s.exactTotal.numerator);
  const bound = BigInt(unit) * BigInt(s.exactTotal.denominator);
  check(twiceDiff <= bound && -twiceDiff <= bound, "rounding off by more than half a unit");
  for (const t of s.tracks) {
    check(t.goals.reduce((x, g) => x + g.amountOre, 0) === t.amountOre, `track ${t.trackCode} ≠ Σ goals`);
    check(
      t.familyTotals.reduce((x, f) => x + f.amountOre, 0) === t.amountOre,
      `track ${t.trackCode} ≠ Σ families`,
    );
    for (const g of t.goals) {
      check(g.lines.reduce((x, l) => x + l.amountOre, 0) === g.amountOre, `goal ${g.goalId} ≠ Σ lines`);
      check(
        g.lines.reduce((x, l) => x + l.uncappedOre, 0) === g.uncappedOre,
        `goal ${g.goalId} uncapped ≠ Σ lines`,
      );
      check(g.met + g.notMet + g.notMeasurable === g.families, `goal ${g.goalId} counts`);
      for (const l of g.lines) {
        check(l.amountOre >= 0 && l.amountOre <= l.uncappedOre, `line ${l.familyId} out of range`);
        check(l.amountOre === 0 || l.status === "met", `line ${l.familyId} paid but not met`);
        check(l.amountOre % unit === 0, `line ${l.familyId} not whole units`);
      }
    }
  }
  treeViolations(s.explanation, v);
  expect(v).toEqual([]);
}

describe("weighted attainment (properties)", () => {
  it("stays within floor and cap, and the parts add up to the øre everywhere", () => {
    fc.assert(
      fc.property(weightedCaseArb, ({ contract, grid }) => {
        const s = settle(contract, outcomesFrom(contract, grid), TEST_PERIOD, {
          families: enrolments(contract, grid),
        });
        expectConsistent(s, contract);
      }),
      { numRuns: RUNS },
    );
  });

  it("all goals met by all families → investment plus premium (within floor and cap)", () => {
    fc.assert(
      fc.property(weightedCaseArb, ({ contract, grid }) => {
        const allMet = grid.map((fams) => fams.map((gs) => gs.map(() => "met" as const)));
        if (allMet.some((t) => t.length === 0)) return; // a track without families cannot attain
        const s = settle(contract, outcomesFrom(contract, allMet), TEST_PERIOD);
        const full = fullRepaymentOre(contract);
        expect(s.totalOre).toBe(Math.min(contract.capOre, Math.max(contract.floorOre, full)));
      }),
      { numRuns: RUNS },
    );
  });

  it("nothing met → the floor", () => {
    fc.assert(
      fc.property(
        weightedCaseArb,
        fc.constantFrom<OutcomeStatus>("not-met", "not-measurable"),
        ({ contract, grid }, status) => {
          const none = grid.map((fams) => fams.map((gs) => gs.map(() => status)));
          const s = settle(contract, outcomesFrom(contract, none), TEST_PERIOD);
          expect(s.totalOre).toBe(contract.floorOre);
          expect(s.floorTopUpOre).toBe(contract.floorOre);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("never pays less when one more family meets a goal", () => {
    fc.assert(
      fc.property(weightedCaseArb, fc.nat(), ({ contract, grid }, pick) => {
        const cells: [number, number, number][] = [];
        for (const [ti, fams] of grid.entries())
          for (const [fi, gs] of fams.entries())
            for (const [gi, st] of gs.entries()) if (st !== "met") cells.push([ti, fi, gi]);
        if (cells.length === 0) return;
        const [ti, fi, gi] = cells[pick % cells.length]!;
        const better = grid.map((fams) => fams.map((gs) => [...gs]));
        better[ti]![fi]![gi] = "met";
        const families = enrolments(contract, grid);
        const before = settle(contract, outcomesFrom(contract, grid), TEST_PERIOD, { families });
        const after = settle(contract, outcomesFrom(contract, better), TEST_PERIOD, { families });
        expect(after.totalOre).toBeGreaterThanOrEqual(before.totalOre);
        // Before the cap, the improved goal itself never falls either.
        const goalId = contract.tracks[ti]!.goals[gi]!.id;
        const g = (s: Settlement) => s.tracks[ti]!.goals.find((x) => x.goalId === goalId)!;
        expect(
          BigInt(g(after).exactOre.numerator) * BigInt(g(before).exactOre.denominator),
        ).toBeGreaterThanOrEqual(
          BigInt(g(before).exactOre.numerator) * BigInt(g(after).exactOre.denominator),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it("recomputing gives the same øre: twice, in another order, and after a JSON round trip", () => {
    fc.assert(
      fc.property(weightedCaseArb, ({ contract, grid }) => {
        const outcomes = outcomesFrom(contract, grid);
        const a = settle(contract, outcomes, TEST_PERIOD);
        const b = settle(structuredClone(contract), [...outcomes].reverse(), TEST_PERIOD);
        expect(b).toEqual(a);
        expect(JSON.parse(JSON.stringify(a))).toEqual(a);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("rate card (properties)", () => {
  it("stays within floor, cap and family caps; parts add up; more met never pays less", () => {
    fc.assert(
      fc.property(rateCardCaseArb, fc.nat(), ({ contract, grid }, pick) => {
        const families = enrolments(contract, grid);
        const s = settle(contract, outcomesFrom(contract, grid), TEST_PERIOD, { families });
        expectConsistent(s, contract);
        contract.tracks.forEach((t, ti) => {
          for (const f of s.tracks[ti]!.familyTotals) {
            if (t.familyCapOre !== null && t.familyCapOre !== undefined)
              expect(f.uncappedOre).toBeLessThanOrEqual(t.familyCapOre);
          }
        });
        const cells: [number, number, number][] = [];
        grid.forEach((fams, ti) => {
          fams.forEach((gs, fi) => {
            gs.forEach((st, gi) => {
              if (st !== "met") cells.push([ti, fi, gi]);
            });
          });
        });
        if (cells.length > 0) {
          const [ti, fi, gi] = cells[pick % cells.length]!;
          const better = grid.map((fams) => fams.map((gs) => [...gs]));
          better[ti]![fi]![gi] = "met";
          const after = settle(contract, outcomesFrom(contract, better), TEST_PERIOD, { families });
          expect(after.totalOre).toBeGreaterThanOrEqual(s.totalOre);
        }
        const none = grid.map((fams) => fams.map((gs) => gs.map(() => "not-met" as const)));
        expect(settle(contract, outcomesFrom(contract, none), TEST_PERIOD).totalOre).toBe(contract.floorOre);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("per day out of care (properties)", () => {
  it("stays within floor and cap; parts add up; fewer days in care never pay less", () => {
    fc.assert(
      fc.property(perDayCaseArb, fc.nat(), ({ contract, careDays }, pick) => {
        const s = settle(contract, [], TEST_PERIOD, { careDays });
        expectConsistent(s, contract);
        const measured = careDays
          .map((d, i) => [d, i] as const)
          .filter(([d]) => d.daysInCare !== null && d.daysInCare > 0);
        if (measured.length > 0) {
          const [, i] = measured[pick % measured.length]!;
          const better = careDays.map((d, j) => (j === i ? { ...d, daysInCare: d.daysInCare! - 1 } : d));
          expect(settle(contract, [], TEST_PERIOD, { careDays: better }).totalOre).toBeGreaterThanOrEqual(
            s.totalOre,
          );
        }
        const none = careDays.map((d) => ({ ...d, daysInCare: d.baselineDays }));
        expect(settle(contract, [], TEST_PERIOD, { careDays: none }).totalOre).toBe(contract.floorOre);
        expect(settle(contract, [], TEST_PERIOD, { careDays: [...careDays].reverse() })).toEqual(s);
      }),
      { numRuns: RUNS },
    );
  });
});
