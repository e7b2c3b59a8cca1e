/**
 * Small-cell suppression and the investor's view: golden cases, the Vejle example, and property tests
 * (fast-check) on random tables and random settlements.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate, fromKroner, ore } from "../money";
import {
  DEFAULT_MIN_CELL_SIZE,
  type InvestorExplanationNode,
  investorViewOfSettlement,
  type LinkedCountsInput,
  type SuppressedCell,
  suppressLinkedCounts,
} from "./aggregate-suppression";
import type { FamilyGoalOutcome, OutcomeStatus } from "./outcomes";
import { settle } from "./settle";
import { type FixtureTrack, makeContract, TEST_PERIOD } from "./test-fixtures";
import { createVejleContract, createVejleOutcomes, VEJLE_FINAL_PERIOD } from "./vejle-example";

const isHidden = (c: SuppressedCell | undefined) => c !== undefined && "suppressed" in c;
const shown = (c: SuppressedCell) => ("value" in c ? c.value : "—");

/**
 * Independent check that a hidden cell cannot be worked out: the cell is determined by the lines iff
 * removing its column lowers the rank of the lines restricted to the hidden cells (exact, bigint).
 */
function rank(rows: bigint[][]): number {
  const m = rows.map((r) => r.slice());
  let r = 0;
  const cols = m[0]?.length ?? 0;
  for (let c = 0; c < cols && r < m.length; c++) {
    const p = m.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    for (let i = r + 1; i < m.length; i++) {
      const f = m[i]![c]!;
      if (f === 0n) continue;
      const pv = m[r]![c]!;
      m[i] = m[i]!.map((x, k) => x * pv - m[r]![k]! * f);
    }
    r++;
  }
  return r;
}

function derivableByLines(input: LinkedCountsInput, hiddenKeys: readonly string[]): string[] {
  const rowsFor = (cols: readonly string[]) =>
    input.lines.map((l) => cols.map((k) => (k === l.total ? 1n : l.parts.includes(k) ? -1n : 0n)));
  const full = rank(rowsFor(hiddenKeys));
  return hiddenKeys.filter((k) => rank(rowsFor(hiddenKeys.filter((x) => x !== k))) < full);
}

/** Asserts the guarantees of `suppressLinkedCounts` for input without facts. */
function checkGuarantees(input: LinkedCountsInput, min: number) {
  const result = suppressLinkedCounts(input, { minCellSize: min });
  const value = new Map(input.cells.map((c) => [c.key, c.value]));
  for (const c of input.cells) {
    const out = result.cells[c.key];
    if (c.value > 0 && c.value < min) expect(isHidden(out), `${c.key}=${c.value} is small`).toBe(true);
    if (c.value === 0) expect(out).toEqual({ value: 0 });
    if (!isHidden(out)) expect(out).toEqual({ value: c.value });
  }
  for (const l of input.lines) {
    const members = [l.total, ...l.parts];
    const hiddenCount = members.filter((k) => isHidden(result.cells[k])).length;
    expect(hiddenCount === 0 || hiddenCount >= 2, `line ${l.total} has one hidden cell`).toBe(true);
    if (!isHidden(result.cells[l.total])) {
      const hiddenParts = l.parts.filter((k) => isHidden(result.cells[k]));
      const sum = hiddenParts.reduce((s, k) => s + value.get(k)!, 0);
      if (hiddenParts.length > 0) {
        expect(sum, `hidden parts of ${l.total}`).toBeGreaterThanOrEqual(min);
        expect(sum, `hidden parts of ${l.total} are all 1`).toBeGreaterThan(hiddenParts.length);
      }
    }
  }
  expect(derivableByLines(input, result.suppressedKeys)).toEqual([]);
  expect(result.derivableKeys).toEqual([]);
  return result;
}

/** A table with row, column and grand totals as cells and lines. */
function tableInput(table: number[][]): LinkedCountsInput {
  const cols = table[0]!.length;
  const cells: { key: string; value: number }[] = [];
  const lines: { total: string; parts: string[] }[] = [];
  table.forEach((row, r) => {
    row.forEach((value, c) => {
      cells.push({ key: `c${r}.${c}`, value });
    });
    cells.push({ key: `r${r}`, value: row.reduce((s, v) => s + v, 0) });
    lines.push({ total: `r${r}`, parts: row.map((_, c) => `c${r}.${c}`) });
  });
  for (let c = 0; c < cols; c++) {
    cells.push({ key: `k${c}`, value: table.reduce((s, row) => s + row[c]!, 0) });
    lines.push({ total: `k${c}`, parts: table.map((_, r) => `c${r}.${c}`) });
  }
  cells.push({ key: "g", value: table.flat().reduce((s, v) => s + v, 0) });
  lines.push({ total: "g", parts: table.map((_, r) => `r${r}`) });
  lines.push({ total: "g", parts: Array.from({ length: cols }, (_, c) => `k${c}`) });
  return { cells, lines };
}

const line = (total: [string, number], ...parts: [string, number][]): LinkedCountsInput => ({
  cells: [total, ...parts].map(([key, value]) => ({ key, value })),
  lines: [{ total: total[0], parts: parts.map(([k]) => k) }],
});

describe("suppressLinkedCounts", () => {
  it("hides 1–4, keeps 0 and large cells, and adds no complement when two small cells hide each other", () => {
    const r = checkGuarantees(line(["n", 20], ["met", 14], ["notMet", 4], ["nm", 2]), 5);
    expect(r.cells).toEqual({
      n: { value: 20 },
      met: { value: 14 },
      notMet: { suppressed: true },
      nm: { suppressed: true },
    });
    expect(DEFAULT_MIN_CELL_SIZE).toBe(5);
  });

  it("gives a line with one hidden cell a second one: the smallest non-zero visible part, never a 0", () => {
    const r = checkGuarantees(line(["n", 12], ["met", 9], ["notMet", 3], ["nm", 0]), 5);
    expect(r.suppressedKeys).toEqual(["met", "notMet"]);
    expect(r.cells.nm).toEqual({ value: 0 });
  });

  it("takes the total when no non-zero part is left to hide", () => {
    const r = checkGuarantees(line(["n", 9], ["met", 0], ["notMet", 3], ["nm", 6], ["x", 0]), 5);
    // 6 is the only visible non-zero part: hidden parts 3 + 6 = 9 ≥ 5.
    expect(r.suppressedKeys).toEqual(["notMet", "nm"]);
    const r2 = checkGuarantees(line(["n", 7], ["met", 7], ["notMet", 0]), 5);
    expect(r2.suppressedKeys).toEqual([]);
    const r3 = checkGuarantees(line(["n", 3], ["met", 3], ["notMet", 0]), 5);
    expect(r3.suppressedKeys).toEqual(["n", "met"]);
  });

  it("hides one more part when the hidden parts of a visible total form a small group (17 + 2 + 1)", () => {
    const r = checkGuarantees(line(["n", 20], ["met", 17], ["notMet", 2], ["nm", 1]), 5);
    expect(r.suppressedKeys).toEqual(["met", "notMet", "nm"]);
  });

  it("solves the lines together: a cell pinned by two lines gets its complement on both", () => {
    // 2 × 2 table: c0.0 = 3 is hidden; its row and its column each need a second hidden cell, and the
    // rectangle closes with c1.1 (else c0.1 − c1.1 would follow from the totals).
    const input = tableInput([
      [3, 10],
      [8, 20],
    ]);
    const r = checkGuarantees(input, 5);
    expect(r.suppressedKeys).toEqual(["c0.0", "c0.1", "c1.0", "c1.1"]);
  });

  it("treats facts as known: a published share hides the total too; a fact that pins a cell is reported", () => {
    // met / n = 1/5 is published: hiding 12 alone would still give met = 15 / 5.
    const input: LinkedCountsInput = {
      ...line(["n", 15], ["met", 3], ["notMet", 12], ["nm", 0]),
      facts: [
        [
          { key: "met", coefficient: 5 },
          { key: "n", coefficient: -1 },
        ],
      ],
    };
    expect(suppressLinkedCounts(input).suppressedKeys).toEqual(["n", "met", "notMet"]);
    // met = 3 is known outright (e.g. price × met): it stays hidden and derivable; the rest is protected.
    const known = suppressLinkedCounts({
      ...line(["n", 15], ["met", 3], ["notMet", 12], ["nm", 0]),
      facts: [[{ key: "met", coefficient: 1 }]],
    });
    expect(known.derivableKeys).toEqual(["met"]);
    expect(known.cells.notMet).toEqual({ value: 12 });
  });

  it("hides nothing with minCellSize 1 and rejects bad input", () => {
    expect(
      suppressLinkedCounts(line(["n", 2], ["a", 1], ["b", 1]), { minCellSize: 1 }).suppressedKeys,
    ).toEqual([]);
    expect(() => suppressLinkedCounts(line(["n", 2], ["a", 1], ["b", 2]))).toThrow(RangeError);
    expect(() => suppressLinkedCounts(line(["n", 1], ["a", 1], ["a", 0]))).toThrow(RangeError);
    expect(() => suppressLinkedCounts(line(["n", -1], ["a", -1]))).toThrow(RangeError);
    expect(() => suppressLinkedCounts(line(["n", 1], ["a", 1]), { minCellSize: 0 })).toThrow(RangeError);
    expect(() => suppressLinkedCounts({ cells: [], lines: [{ total: "x", parts: [] }] })).toThrow(RangeError);
  });

  it("property: random tables — small cells hidden, zeros shown, no hidden cell derivable along the lines", () => {
    const small = fc.oneof(
      { weight: 3, arbitrary: fc.integer({ min: 0, max: 6 }) },
      { weight: 2, arbitrary: fc.integer({ min: 0, max: 30 }) },
    );
    const tableArb = fc
      .record({ rows: fc.integer({ min: 1, max: 4 }), cols: fc.integer({ min: 1, max: 4 }) })
      .chain(({ rows, cols }) =>
        fc.array(fc.array(small, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
      );
    fc.assert(
      fc.property(tableArb, fc.constantFrom(5, 5, 5, 1, 2, 3, 10), (table, min) => {
        const input = tableInput(table);
        const a = checkGuarantees(input, min);
        expect(suppressLinkedCounts(input, { minCellSize: min })).toEqual(a); // deterministic
      }),
      { numRuns: 150 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------

const vejle = () => settle(createVejleContract(), createVejleOutcomes(), VEJLE_FINAL_PERIOD);

function familyNodes(node: { kind: string; children: unknown[] }): number {
  return (
    (node.kind === "family" ? 1 : 0) +
    node.children.reduce<number>((s, c) => s + familyNodes(c as InvestorExplanationNode), 0)
  );
}

describe("investorViewOfSettlement — Vejle", () => {
  const s = vejle();
  const v = investorViewOfSettlement(s);
  const goal = (trackCode: string, goalId: string) =>
    v.tracks.find((t) => t.trackCode === trackCode)!.goals.find((g) => g.goalId === goalId)!;
  const counts = (trackCode: string, goalId: string) => {
    const g = goal(trackCode, goalId);
    return [g.counted, g.met, g.notMet, g.notMeasurable].map(shown);
  };

  it("shows the large ordinary groups and hides every small one, with their complements", () => {
    expect(counts("ordinary", "plan-goals")).toEqual([20, 14, 6, 0]);
    expect(counts("ordinary", "support-hours")).toEqual([20, 10, 10, 0]);
    // 2 not measurable → hidden; its complement is not met (10), not met (8): 8 follows from the
    // payment (a = 0.5 of 20 counted), so hiding it would protect nothing.
    expect(counts("ordinary", "school-absence")).toEqual([20, 8, "—", "—"]);
    // Intensive: 5 families, and every payment gives the share met / 5 — the track's size is hidden (and
    // with it the total of all families), so that 3 met / 2 not met cannot be worked out.
    expect(shown(v.tracks[1]!.families)).toBe("—");
    expect(shown(v.families)).toBe("—");
    for (const goalId of ["plan-goals", "support-hours", "school-absence", "no-placement"]) {
      expect(counts("intensive", goalId)).toEqual(["—", "—", "—", 0]);
    }
    expect(v.suppression.derivable).toEqual([]);
  });

  it("never suppresses money or attainment, and matches the settlement to the øre", () => {
    expect(v.money.totalOre).toBe(fromKroner(3_270_960));
    expect(v.money.exactTotalOreDisplay).toBe(327_096_000);
    expect(v.money.capOre).toBe(fromKroner(5_040_000));
    expect(v.money.fullRepaymentOre).toBe(fromKroner(5_040_000));
    expect(v.investor.lossOre).toBe(fromKroner(1_529_040));
    expect(v.municipality).toEqual({
      payerOrganisationId: "org-vejle-kommune",
      costOre: fromKroner(3_270_960),
    });
    expect(goal("intensive", "plan-goals").amountOre).toBe(fromKroner(362_880));
    expect(goal("intensive", "plan-goals").attainmentPct).toBe(60);
  });

  it("contains no family id, no family node and no reason text; survives JSON", () => {
    const json = JSON.stringify(v);
    for (const row of createVejleOutcomes()) expect(json).not.toContain(row.familyId);
    expect(json).not.toContain("Fraværsdata mangler");
    expect(json).not.toContain("averagePerFamily");
    expect(familyNodes(v.explanation)).toBe(0);
    expect(v.explanation.children.map((t) => t.children.length)).toEqual([3, 4]);
    expect(JSON.parse(json)).toEqual(v);
  });
});

// ---------------------------------------------------------------------------------------------------

const STATUSES: OutcomeStatus[] = ["met", "not-met", "not-measurable"];
const familyId = (ti: number, fi: number) => `FAM#${ti}x${fi}#`;

/** A random weighted or rate-card contract with a random grid of outcomes (up to 14 families a track). */
const settlementArb = fc
  .record({
    goalsPerTrack: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
    kind: fc.constantFrom("weighted-count", "weighted-exclude", "rate-card"),
  })
  .chain(({ goalsPerTrack, kind }) => {
    const nGoals = goalsPerTrack.reduce((s, g) => s + g, 0);
    return fc.record({
      goalsPerTrack: fc.constant(goalsPerTrack),
      kind: fc.constant(kind),
      weights: fc
        .array(fc.integer({ min: 0, max: 100 }), { minLength: nGoals, maxLength: nGoals })
        .filter((a) => a.some((x) => x > 0)),
      terms: fc.array(
        fc
          .integer({ min: 0, max: 9_999 })
          .chain((th) =>
            fc.tuple(fc.constant(th), fc.constantFrom(th + 1, 10_000, Math.min(10_000, th + 2_500))),
          ),
        { minLength: nGoals, maxLength: nGoals },
      ),
      prices: fc.array(fc.integer({ min: 0, max: 50_000 }), { minLength: nGoals, maxLength: nGoals }),
      grid: fc.tuple(
        ...goalsPerTrack.map((g) =>
          fc.array(fc.array(fc.constantFrom(...STATUSES), { minLength: g, maxLength: g }), { maxLength: 14 }),
        ),
      ),
      minCellSize: fc.constantFrom(5, 5, 3),
    });
  })
  .map(({ goalsPerTrack, kind, weights, terms, prices, grid, minCellSize }) => {
    const weightBps = allocate(ore(10_000), weights).map(Number);
    let k = 0;
    const tracks: FixtureTrack[] = goalsPerTrack.map((g, ti) => ({
      code: `T${ti}`,
      goals: Array.from({ length: g }, (_, gi) => {
        const i = k++;
        const [thresholdBps, targetBps] = terms[i]!;
        return {
          id: `g${gi}`,
          payment:
            kind === "rate-card"
              ? { kind: "price" as const, priceOre: fromKroner(prices[i]!) }
              : { kind: "weighted" as const, weightBps: weightBps[i]!, thresholdBps, targetBps },
        };
      }),
    }));
    const contract = makeContract({
      tracks,
      investmentOre: fromKroner(10_000_000),
      mechanism:
        kind === "rate-card"
          ? { kind: "rate-card" }
          : {
              kind: "weighted-attainment",
              notMeasurable: kind === "weighted-exclude" ? "exclude" : "count-as-not-met",
              weighting: "per-contract",
            },
    });
    const outcomes: FamilyGoalOutcome[] = [];
    contract.tracks.forEach((t, ti) => {
      grid[ti]!.forEach((statuses, fi) => {
        statuses.forEach((status, gi) => {
          outcomes.push({ familyId: familyId(ti, fi), trackCode: t.code, goalId: t.goals[gi]!.id, status });
        });
      });
    });
    return { settlement: settle(contract, outcomes, TEST_PERIOD), outcomes, minCellSize };
  });

describe("investorViewOfSettlement — properties", () => {
  it("random settlements: no family id; small counts hidden; zeros shown; no line gives away a hidden count", () => {
    fc.assert(
      fc.property(settlementArb, ({ settlement: s, outcomes, minCellSize }) => {
        const v = investorViewOfSettlement(s, { minCellSize });
        const json = JSON.stringify(v);
        expect(json).not.toContain("FAM#");
        for (const o of outcomes) expect(json).not.toContain(o.familyId);
        expect(familyNodes(v.explanation)).toBe(0);

        const derivable = new Set(
          v.suppression.derivable.map((d) => `${d.trackCode}/${d.goalId}/${d.count}`),
        );
        const isUnknown = (c: SuppressedCell, ref: string) => isHidden(c) && !derivable.has(ref);
        const check = (c: SuppressedCell, actual: number) => {
          if (actual > 0 && actual < minCellSize) expect(isHidden(c)).toBe(true);
          if (actual === 0) expect(c).toEqual({ value: 0 });
          if (!isHidden(c)) expect(c).toEqual({ value: actual });
        };
        const all = s.tracks.reduce((n, t) => n + t.families, 0);
        check(v.families, all);
        const trackUnknown = s.tracks.map((t, ti) =>
          isUnknown(v.tracks[ti]!.families, `${t.trackCode}/null/families`),
        );
        const allLine = [isUnknown(v.families, "null/null/families"), ...trackUnknown].filter(Boolean).length;
        expect(allLine === 0 || allLine >= 2).toBe(true);
        s.tracks.forEach((t, ti) => {
          const tv = v.tracks[ti]!;
          check(tv.families, t.families);
          expect(tv.amountOre).toBe(t.amountOre);
          t.goals.forEach((g, gi) => {
            const gv = tv.goals[gi]!;
            const ref = (count: string) => `${t.trackCode}/${g.goalId}/${count}`;
            check(gv.counted, g.counted);
            check(gv.met, g.met);
            check(gv.notMet, g.notMet);
            check(gv.notMeasurable, g.notMeasurable);
            expect(gv.amountOre).toBe(g.amountOre);
            expect(gv.attainmentPct).toBe(g.attainmentPct);
            const unknownInLine = [
              trackUnknown[ti]!,
              isUnknown(gv.met, ref("met")),
              isUnknown(gv.notMet, ref("notMet")),
              isUnknown(gv.notMeasurable, ref("notMeasurable")),
            ].filter(Boolean).length;
            expect(unknownInLine === 0 || unknownInLine >= 2).toBe(true);
          });
        });
        // Only a rate-card payment (price × met) pins a count whatever is hidden (and, through the
        // shown share, the counts linked to it).
        if (v.suppression.derivable.length > 0) expect(s.mechanism).toBe("rate-card");
        expect(v.money.totalOre).toBe(s.totalOre);
      }),
      { numRuns: 120 },
    );
  });
});
