/**
 * Golden worked examples of the settlement engine, one or more per mechanism, with numbers computed by
 * hand (see docs/settlement-engine.md for the tables).
 */
import { describe, expect, it } from "vitest";
import { fromKroner } from "../money";
import { ContractInputError } from "./model";
import { MISSING_OUTCOME_REASON } from "./outcomes";
import { type ExplanationNode, type Settlement, settle } from "./settle";
import { makeContract, outcomeRows, TEST_PERIOD } from "./test-fixtures";

/**
 * Weighted attainment, 7 families, I = 1,000,000 DKK, premium 7 % → I·(1+π) = 107,000,000 øre.
 * g1: weight 50 %, threshold 0 %, target 100 %; met by 3 of 7 → a = 3/7.
 * g2: weight 50 %, threshold 20 %, target 80 %; met by 4 of 7 → a = (4/7 − 1/5)/(3/5) = 13/21.
 * E1 = 107,000,000 × 1/2 × 3/7 = 160,500,000/7 = 22,928,571.43 øre
 * E2 = 107,000,000 × 1/2 × 13/21 = 695,500,000/21 = 33,119,047.62 øre
 * Σ = 1,177,000,000/21 = 56,047,619.05 øre.
 */
function sevenFamilies(options: { unitOre?: 1 | 100; capOre?: number } = {}) {
  const contract = makeContract({
    tracks: [
      {
        code: "A",
        expectedFamilies: 7,
        goals: [
          { id: "g1", payment: { kind: "weighted", weightBps: 5_000, thresholdBps: 0, targetBps: 10_000 } },
          {
            id: "g2",
            payment: { kind: "weighted", weightBps: 5_000, thresholdBps: 2_000, targetBps: 8_000 },
          },
        ],
      },
    ],
    mechanism: { kind: "weighted-attainment", notMeasurable: "count-as-not-met", weighting: "per-contract" },
    riskPremium: { kind: "rate", rateBps: 700 },
    capOre: options.capOre ?? 107_000_000,
    rounding: { mode: "half-up", unitOre: options.unitOre ?? 1 },
  });
  const f = ["f1", "f2", "f3", "f4", "f5", "f6", "f7"];
  const outcomes = [
    ...outcomeRows("A", "g1", { met: ["f1", "f2", "f3"], notMet: ["f4", "f5", "f6", "f7"] }),
    ...outcomeRows("A", "g2", { met: ["f4", "f5", "f6", "f7"], notMet: ["f1", "f2", "f3"] }),
  ];
  return { contract, outcomes, families: f };
}

function goal(s: Settlement, trackCode: string, goalId: string) {
  const g = s.tracks.find((t) => t.trackCode === trackCode)?.goals.find((x) => x.goalId === goalId);
  if (!g) throw new Error(`no goal ${trackCode}/${goalId}`);
  return g;
}

function paidLines(s: Settlement, trackCode: string, goalId: string) {
  return goal(s, trackCode, goalId)
    .lines.filter((l) => l.amountOre > 0)
    .map((l) => [l.familyId, l.amountOre]);
}

function expectTreeAddsUp(node: ExplanationNode): void {
  if (node.children.length > 0) {
    expect(node.children.reduce((s, c) => s + c.amountOre, 0)).toBe(node.amountOre);
    expect(node.children.reduce((s, c) => s + c.uncappedOre, 0)).toBe(node.uncappedOre);
    node.children.forEach(expectTreeAddsUp);
  }
}

describe("weighted attainment — golden", () => {
  it("rounds once (half-up to whole øre) and apportions the total over goals and families", () => {
    const { contract, outcomes } = sevenFamilies();
    const s = settle(contract, outcomes, TEST_PERIOD);
    expect(s.exactTotal).toEqual({ numerator: "1177000000", denominator: "21" });
    expect(s.roundedTotalOre).toBe(56_047_619);
    expect(s.totalOre).toBe(56_047_619);
    const g1 = goal(s, "A", "g1");
    const g2 = goal(s, "A", "g2");
    expect(g1.attainment).toEqual({ numerator: "3", denominator: "7" });
    expect(g1.attainmentPct).toBe(42.86);
    expect(g2.share).toEqual({ numerator: "4", denominator: "7" });
    expect(g2.attainment).toEqual({ numerator: "13", denominator: "21" });
    expect(g2.attainmentPct).toBe(61.9);
    expect(g1.exactOre).toEqual({ numerator: "160500000", denominator: "7" });
    // 22,928,571.43 + 33,119,047.62: the extra øre goes to the larger remainder (g2's .62).
    expect([g1.amountOre, g2.amountOre]).toEqual([22_928_571, 33_119_048]);
    expect(paidLines(s, "A", "g1")).toEqual([
      ["f1", 7_642_857],
      ["f2", 7_642_857],
      ["f3", 7_642_857],
    ]);
    expect(paidLines(s, "A", "g2")).toEqual([
      ["f4", 8_279_762],
      ["f5", 8_279_762],
      ["f6", 8_279_762],
      ["f7", 8_279_762],
    ]);
    expect(g1.counted).toBe(7);
    expect(g1.met).toBe(3);
    expect(g1.notMet).toBe(4);
    expect(s.capReductionOre).toBe(0);
    expectTreeAddsUp(s.explanation);
  });

  it("rounds half-up to whole kroner when the contract says so, and every line is whole kroner", () => {
    const { contract, outcomes } = sevenFamilies({ unitOre: 100 });
    const s = settle(contract, outcomes, TEST_PERIOD);
    // 560,476.19 DKK → 560,476 DKK; goals 229,285.98 / 331,190.02 → 229,286 / 331,190
    expect(s.totalOre).toBe(fromKroner(560_476));
    expect([goal(s, "A", "g1").amountOre, goal(s, "A", "g2").amountOre]).toEqual([
      fromKroner(229_286),
      fromKroner(331_190),
    ]);
    expect(paidLines(s, "A", "g1").map(([, a]) => a)).toEqual([
      fromKroner(76_429),
      fromKroner(76_429),
      fromKroner(76_428),
    ]);
    expect(paidLines(s, "A", "g2").map(([, a]) => a)).toEqual([
      fromKroner(82_798),
      fromKroner(82_798),
      fromKroner(82_797),
      fromKroner(82_797),
    ]);
  });

  it("scales the goals down with allocate by their uncapped amounts when the cap binds", () => {
    const { contract, outcomes } = sevenFamilies({ capOre: 50_000_000 });
    const s = settle(contract, outcomes, TEST_PERIOD);
    expect(s.roundedTotalOre).toBe(56_047_619);
    expect(s.totalOre).toBe(50_000_000);
    expect(s.capReductionOre).toBe(6_047_619);
    // allocate(50,000,000, [22,928,571, 33,119,048])
    expect(goal(s, "A", "g1").amountOre).toBe(20_454_545);
    expect(goal(s, "A", "g2").amountOre).toBe(29_545_455);
    expect(goal(s, "A", "g1").uncappedOre).toBe(22_928_571);
    expect(paidLines(s, "A", "g1").map(([, a]) => a)).toEqual([6_818_182, 6_818_182, 6_818_181]);
    expect(paidLines(s, "A", "g2").map(([, a]) => a)).toEqual([7_386_364, 7_386_364, 7_386_364, 7_386_363]);
    expectTreeAddsUp(s.explanation);
  });

  it("counts not-measurable families as not met by default, or leaves them out with exclude-not-measurable", () => {
    const tracks = [
      {
        code: "A",
        goals: [
          {
            id: "g",
            payment: { kind: "weighted" as const, weightBps: 10_000, thresholdBps: 2_000, targetBps: 6_000 },
          },
        ],
      },
    ];
    const outcomes = outcomeRows("A", "g", { met: ["a", "b"], notMet: ["c", "d"], notMeasurable: ["e"] });
    const counted = settle(
      makeContract({
        tracks,
        mechanism: {
          kind: "weighted-attainment",
          notMeasurable: "count-as-not-met",
          weighting: "per-contract",
        },
      }),
      outcomes,
      TEST_PERIOD,
    );
    // x = 2/5 → a = (0.4 − 0.2)/0.4 = 1/2 → 500,000 DKK
    expect(goal(counted, "A", "g").counted).toBe(5);
    expect(goal(counted, "A", "g").attainment).toEqual({ numerator: "1", denominator: "2" });
    expect(counted.totalOre).toBe(fromKroner(500_000));
    expect(goal(counted, "A", "g").notMeasurableReasons).toEqual([
      { familyId: "e", reason: "Måling mangler" },
    ]);
    const excluded = settle(
      makeContract({
        tracks,
        mechanism: { kind: "weighted-attainment", notMeasurable: "exclude", weighting: "per-contract" },
      }),
      outcomes,
      TEST_PERIOD,
    );
    // x = 2/4 → a = (0.5 − 0.2)/0.4 = 3/4 → 750,000 DKK
    expect(goal(excluded, "A", "g").counted).toBe(4);
    expect(goal(excluded, "A", "g").lines.find((l) => l.familyId === "e")?.isCounted).toBe(false);
    expect(excluded.totalOre).toBe(fromKroner(750_000));
  });

  it("pays the floor when nothing is met, as its own line", () => {
    const contract = makeContract({
      tracks: [
        {
          code: "A",
          goals: [
            { id: "g", payment: { kind: "weighted", weightBps: 10_000, thresholdBps: 0, targetBps: 5_000 } },
          ],
        },
      ],
      mechanism: {
        kind: "weighted-attainment",
        notMeasurable: "count-as-not-met",
        weighting: "per-contract",
      },
      floorOre: fromKroner(100_000),
    });
    const s = settle(contract, outcomeRows("A", "g", { notMet: ["a", "b"] }), TEST_PERIOD);
    expect(s.totalOre).toBe(fromKroner(100_000));
    expect(s.floorTopUpOre).toBe(fromKroner(100_000));
    expect(s.explanation.children.map((c) => [c.kind, c.amountOre])).toEqual([
      ["track", 0],
      ["floor-top-up", fromKroner(100_000)],
    ]);
    expect(s.investor.lossOre).toBe(fromKroner(900_000));
  });

  it("uses per-track budgets: effective weight = track share × goal weight", () => {
    const contract = makeContract({
      tracks: [
        {
          code: "A",
          budgetShareBps: 7_500,
          goals: [
            { id: "g", payment: { kind: "weighted", weightBps: 10_000, thresholdBps: 0, targetBps: 10_000 } },
          ],
        },
        {
          code: "B",
          budgetShareBps: 2_500,
          goals: [
            { id: "g", payment: { kind: "weighted", weightBps: 10_000, thresholdBps: 0, targetBps: 10_000 } },
          ],
        },
      ],
      mechanism: { kind: "weighted-attainment", notMeasurable: "count-as-not-met", weighting: "per-track" },
    });
    const s = settle(
      contract,
      [...outcomeRows("A", "g", { met: ["a1"], notMet: ["a2"] }), ...outcomeRows("B", "g", { met: ["b1"] })],
      TEST_PERIOD,
    );
    // A: 1,000,000 × 0.75 × 1/2 = 375,000; B: 1,000,000 × 0.25 × 1 = 250,000
    expect(s.tracks.map((t) => t.amountOre)).toEqual([fromKroner(375_000), fromKroner(250_000)]);
    expect(goal(s, "A", "g").effectiveWeight).toEqual({ numerator: "3", denominator: "4" });
  });

  it("a family without a row for a goal counts as not measurable, with the missing-outcome reason", () => {
    const { contract } = sevenFamilies();
    const s = settle(contract, outcomeRows("A", "g1", { met: ["f1"] }), TEST_PERIOD, {
      families: [{ familyId: "f9", trackCode: "A" }],
    });
    const g2 = goal(s, "A", "g2");
    expect(g2.notMeasurable).toBe(2);
    expect(g2.notMeasurableReasons).toEqual([
      { familyId: "f1", reason: MISSING_OUTCOME_REASON },
      { familyId: "f9", reason: MISSING_OUTCOME_REASON },
    ]);
    expect(goal(s, "A", "g1").notMeasurable).toBe(1);
  });

  it("warns when no family is counted for a goal", () => {
    const { contract } = sevenFamilies();
    const s = settle(contract, [], TEST_PERIOD);
    expect(s.totalOre).toBe(0);
    expect(s.warnings.map((w) => w.code)).toEqual(["no-families-counted", "no-families-counted"]);
    expect(s.municipality.averagePerFamilyOre).toBeNull();
  });
});

describe("rate card — golden", () => {
  /** g1 10,000 DKK, g2 15,000 DKK per family; family cap 20,000 DKK. */
  function rateCard(capOre: number) {
    const contract = makeContract({
      tracks: [
        {
          code: "A",
          familyCapOre: fromKroner(20_000),
          goals: [
            { id: "g1", payment: { kind: "price", priceOre: fromKroner(10_000) } },
            { id: "g2", payment: { kind: "price", priceOre: fromKroner(15_000) } },
          ],
        },
      ],
      mechanism: { kind: "rate-card" },
      capOre,
      rounding: { mode: "half-up", unitOre: 100 },
    });
    const outcomes = [
      ...outcomeRows("A", "g1", { met: ["F1", "F2"], notMet: ["F3"], notMeasurable: ["F4"] }),
      ...outcomeRows("A", "g2", { met: ["F1", "F3"], notMet: ["F2", "F4"] }),
    ];
    return { contract, outcomes };
  }

  it("caps each family, then sums (contract cap not binding)", () => {
    const { contract, outcomes } = rateCard(fromKroner(50_000));
    const s = settle(contract, outcomes, TEST_PERIOD);
    // F1: 25,000 → 20,000 split 8,000 / 12,000; F2: 10,000; F3: 15,000; F4: 0
    expect(paidLines(s, "A", "g1")).toEqual([
      ["F1", fromKroner(8_000)],
      ["F2", fromKroner(10_000)],
    ]);
    expect(paidLines(s, "A", "g2")).toEqual([
      ["F1", fromKroner(12_000)],
      ["F3", fromKroner(15_000)],
    ]);
    expect(goal(s, "A", "g1").familyCapReductionOre).toBe(fromKroner(2_000));
    expect(goal(s, "A", "g2").familyCapReductionOre).toBe(fromKroner(3_000));
    expect(goal(s, "A", "g1").lines[0]?.grossOre).toBe(fromKroner(10_000));
    expect(s.tracks[0]?.familyTotals.map((f) => f.amountOre)).toEqual([
      fromKroner(20_000),
      fromKroner(10_000),
      fromKroner(15_000),
      0,
    ]);
    expect(s.totalOre).toBe(fromKroner(45_000));
    expect(goal(s, "A", "g1").share).toEqual({ numerator: "1", denominator: "2" });
  });

  it("scales down with allocate when the contract cap binds", () => {
    const { contract, outcomes } = rateCard(fromKroner(36_000));
    const s = settle(contract, outcomes, TEST_PERIOD);
    // goals 18,000 / 27,000 → × 0.8 = 14,400 / 21,600; families × 0.8
    expect(s.totalOre).toBe(fromKroner(36_000));
    expect(goal(s, "A", "g1").amountOre).toBe(fromKroner(14_400));
    expect(paidLines(s, "A", "g1")).toEqual([
      ["F1", fromKroner(6_400)],
      ["F2", fromKroner(8_000)],
    ]);
    expect(paidLines(s, "A", "g2")).toEqual([
      ["F1", fromKroner(9_600)],
      ["F3", fromKroner(12_000)],
    ]);
    expectTreeAddsUp(s.explanation);
  });
});

describe("per day out of care — golden", () => {
  function perDay(capOre: number, unitOre: 1 | 100) {
    return makeContract({
      tracks: [
        {
          code: "A",
          familyCapOre: fromKroner(300_000),
          goals: [{ id: "days", payment: { kind: "per-day", pricePerDayOre: fromKroner(1_500) } }],
        },
      ],
      mechanism: { kind: "per-day-out-of-care" },
      capOre,
      rounding: { mode: "half-up", unitOre },
    });
  }
  const careDays = [
    { familyId: "F1", trackCode: "A", goalId: "days", baselineDays: 365, daysInCare: 200 },
    { familyId: "F2", trackCode: "A", goalId: "days", baselineDays: 365, daysInCare: 0 },
    { familyId: "F3", trackCode: "A", goalId: "days", baselineDays: 100, daysInCare: 150 },
    {
      familyId: "F4",
      trackCode: "A",
      goalId: "days",
      baselineDays: 200,
      daysInCare: null,
      reason: "Ikke opgjort",
    },
  ];

  it("pays the price per day below baseline, capped per family", () => {
    const s = settle(perDay(fromKroner(1_000_000), 1), [], TEST_PERIOD, { careDays });
    const g = goal(s, "A", "days");
    // F1: 165 days × 1,500 = 247,500; F2: 365 × 1,500 = 547,500 → cap 300,000; F3: 0; F4 not measurable
    expect(g.lines.map((l) => [l.familyId, l.daysAvoided, l.grossOre, l.amountOre])).toEqual([
      ["F1", 165, fromKroner(247_500), fromKroner(247_500)],
      ["F2", 365, fromKroner(547_500), fromKroner(300_000)],
      ["F3", 0, 0, 0],
      ["F4", null, 0, 0],
    ]);
    expect([g.met, g.notMet, g.notMeasurable]).toEqual([2, 1, 1]);
    // attainment = days avoided / baseline days of the measured families = (165 + 365 + 0) / (365 + 365 + 100)
    expect(g.attainment).toEqual({ numerator: "53", denominator: "83" });
    expect(s.totalOre).toBe(fromKroner(547_500));
  });

  it("scales down by the families' uncapped amounts when the contract cap binds (whole kroner)", () => {
    const s = settle(perDay(fromKroner(500_000), 100), [], TEST_PERIOD, { careDays });
    // allocate(500,000 kr, [247,500, 300,000]) = 226,027.40 / 273,972.60 → 226,027 / 273,973
    expect(paidLines(s, "A", "days")).toEqual([
      ["F1", fromKroner(226_027)],
      ["F2", fromKroner(273_973)],
    ]);
  });

  it("scales down in øre when the contract rounds to whole øre", () => {
    const s = settle(perDay(fromKroner(500_000), 1), [], TEST_PERIOD, { careDays });
    expect(paidLines(s, "A", "days")).toEqual([
      ["F1", 22_602_740],
      ["F2", 27_397_260],
    ]);
  });
});

describe("bad input", () => {
  const { contract } = sevenFamilies();
  const bad = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(ContractInputError);
      return (e as ContractInputError).errors;
    }
    throw new Error("expected an error");
  };

  it("rejects unknown tracks and goals, duplicates and a family in two tracks", () => {
    expect(
      bad(() =>
        settle(contract, [{ familyId: "x", trackCode: "Z", goalId: "g1", status: "met" }], TEST_PERIOD),
      ),
    ).toEqual({
      "outcomes.0.trackCode": "Ukendt spor",
    });
    expect(
      bad(() =>
        settle(contract, [{ familyId: "x", trackCode: "A", goalId: "nope", status: "met" }], TEST_PERIOD),
      ),
    ).toEqual({
      "outcomes.0.goalId": "Ukendt mål i sporet",
    });
    const row = { familyId: "x", trackCode: "A", goalId: "g1", status: "met" as const };
    expect(Object.keys(bad(() => settle(contract, [row, row], TEST_PERIOD)))).toEqual(["outcomes.1"]);
    expect(
      Object.keys(
        bad(() =>
          settle(contract, [row], TEST_PERIOD, {
            careDays: [{ familyId: "x", trackCode: "A", goalId: "g1", baselineDays: 1, daysInCare: 0 }],
          }),
        ),
      ),
    ).toEqual(["careDays.0.goalId"]);
  });

  it("rejects a bad status and a period that ends before it starts", () => {
    expect(
      Object.keys(
        bad(() =>
          settle(
            contract,
            [{ familyId: "x", trackCode: "A", goalId: "g1", status: "maybe" as "met" }],
            TEST_PERIOD,
          ),
        ),
      ),
    ).toEqual(["outcomes.0.status"]);
    expect(
      Object.keys(
        bad(() => settle(contract, [], { ...TEST_PERIOD, to: TEST_PERIOD.from, from: TEST_PERIOD.to })),
      ),
    ).toContain("period.to");
  });
});

describe("order independence", () => {
  it("gives the same statement for outcome rows in any order", () => {
    const { contract, outcomes } = sevenFamilies();
    const a = settle(contract, outcomes, TEST_PERIOD);
    const b = settle(contract, [...outcomes].reverse(), TEST_PERIOD);
    expect(b).toEqual(a);
  });
});
