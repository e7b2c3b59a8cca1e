/**
 * Adjusting statements: corrected − locked per goal and family, never an edit of the locked one.
 */
import { describe, expect, it } from "vitest";
import { calendarDate } from "../calendar-date";
import { fromKroner } from "../money";
import { diffSettlements } from "./adjustment";
import { ContractInputError } from "./model";
import type { FamilyGoalOutcome } from "./outcomes";
import { settle } from "./settle";
import { createVejleContract, createVejleOutcomes, VEJLE_FINAL_PERIOD } from "./vejle-example";

describe("diffSettlements", () => {
  const contract = createVejleContract();
  const lockedOutcomes = createVejleOutcomes();
  const locked = settle(contract, lockedOutcomes, VEJLE_FINAL_PERIOD);
  const lockedCopy = structuredClone(locked);

  it("is empty when nothing changed", () => {
    const a = diffSettlements(locked, settle(contract, lockedOutcomes, VEJLE_FINAL_PERIOD));
    expect(a.isEmpty).toBe(true);
    expect(a.totalDeltaOre).toBe(0);
  });

  it("gives the delta per goal and family when a late measurement arrives", () => {
    // o20's absence data arrives after locking: met. Ordinary absence: 9/20 → a = 0.625 →
    // 3,024,000 × 0.3 × 0.625 = 567,000 DKK = 9 × 63,000 (was 8 × 56,700 = 453,600).
    const corrected: FamilyGoalOutcome[] = lockedOutcomes.map((o) =>
      o.familyId === "vejle-o20" && o.goalId === "school-absence"
        ? { ...o, status: "met", reason: undefined }
        : o,
    );
    const adj = diffSettlements(locked, settle(contract, corrected, VEJLE_FINAL_PERIOD));
    expect(adj.totalDeltaOre).toBe(fromKroner(113_400));
    const absence = adj.tracks[0]!.goals.find((g) => g.goalId === "school-absence")!;
    expect(absence.deltaOre).toBe(fromKroner(113_400));
    expect(absence.families).toHaveLength(9);
    expect(absence.families.find((f) => f.familyId === "vejle-o01")).toEqual({
      familyId: "vejle-o01",
      lockedOre: fromKroner(56_700),
      correctedOre: fromKroner(63_000),
      deltaOre: fromKroner(6_300),
    });
    expect(absence.families.find((f) => f.familyId === "vejle-o20")?.deltaOre).toBe(fromKroner(63_000));
    expect(absence.families.reduce((s, f) => s + f.deltaOre, 0)).toBe(absence.deltaOre);
    expect(adj.tracks[1]!.deltaOre).toBe(0);
    expect(adj.isEmpty).toBe(false);
    expect(locked).toEqual(lockedCopy);
  });

  it("refuses to compare different periods", () => {
    const other = settle(contract, lockedOutcomes, {
      ...VEJLE_FINAL_PERIOD,
      periodId: "x",
      to: calendarDate("2026-12-31"),
    });
    expect(() => diffSettlements(locked, other)).toThrow(ContractInputError);
  });
});
