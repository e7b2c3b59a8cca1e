/**
 * Adjusting statements. A locked statement never changes; when its figures turn out wrong (a late
 * measurement, a corrected outcome, an amended goal), the period is settled again and the difference
 * becomes a new adjusting statement that refers to the locked one. This module computes that
 * difference, per track, goal and family, so that locked + delta = corrected to the øre everywhere.
 */

import { type Ore, ore, subtract, sum } from "../money";
import { ContractInputError } from "./model";
import type { Settlement } from "./settle";

/** One family's change on one goal. */
export interface FamilyDelta {
  familyId: string;
  lockedOre: Ore;
  correctedOre: Ore;
  deltaOre: Ore;
}

/** One goal's change; `deltaOre` = Σ families' deltas. */
export interface GoalDelta {
  goalId: string;
  lockedOre: Ore;
  correctedOre: Ore;
  deltaOre: Ore;
  /** Families whose amount changed (family-id order). */
  families: FamilyDelta[];
}

/** One track's change; `deltaOre` = Σ goals' deltas. */
export interface TrackDelta {
  trackCode: string;
  lockedOre: Ore;
  correctedOre: Ore;
  deltaOre: Ore;
  goals: GoalDelta[];
}

/** The content of an adjusting statement. */
export interface SettlementAdjustment {
  contractId: string;
  periodId: string;
  /** The locked statement's contract version. */
  lockedVersion: number;
  /** The corrected settlement's contract version (may be a later amendment). */
  correctedVersion: number;
  lockedTotalOre: Ore;
  correctedTotalOre: Ore;
  /** corrected − locked; positive = the payer owes more, negative = the investor repays. */
  totalDeltaOre: Ore;
  /** Change of the floor top-up line. */
  floorTopUpDeltaOre: Ore;
  /** Tracks (union of both statements, corrected order first); Σ track deltas + floor delta = total delta. */
  tracks: TrackDelta[];
  /** True when nothing changed. */
  isEmpty: boolean;
}

function unionInOrder(first: readonly string[], second: readonly string[]): string[] {
  const out = [...first];
  for (const s of second) if (!out.includes(s)) out.push(s);
  return out;
}

/**
 * The difference corrected − locked, per track, goal and family. Neither input is changed.
 * @throws ContractInputError when the two settlements are for different contracts or periods.
 */
export function diffSettlements(locked: Settlement, corrected: Settlement): SettlementAdjustment {
  if (locked.contract.contractId !== corrected.contract.contractId)
    throw new ContractInputError({ contractId: "Opgørelserne gælder forskellige kontrakter" });
  const lp = locked.period;
  const cp = corrected.period;
  if (lp.periodId !== cp.periodId || lp.from !== cp.from || lp.to !== cp.to)
    throw new ContractInputError({ period: "Opgørelserne gælder forskellige perioder" });

  const trackCodes = unionInOrder(
    corrected.tracks.map((t) => t.trackCode),
    locked.tracks.map((t) => t.trackCode),
  );
  const tracks: TrackDelta[] = trackCodes.map((code) => {
    const lt = locked.tracks.find((t) => t.trackCode === code);
    const ct = corrected.tracks.find((t) => t.trackCode === code);
    const goalIds = unionInOrder(
      (ct?.goals ?? []).map((g) => g.goalId),
      (lt?.goals ?? []).map((g) => g.goalId),
    );
    const goals: GoalDelta[] = goalIds.map((goalId) => {
      const lg = lt?.goals.find((g) => g.goalId === goalId);
      const cg = ct?.goals.find((g) => g.goalId === goalId);
      const amounts = new Map<string, { locked: Ore; corrected: Ore }>();
      for (const l of lg?.lines ?? []) amounts.set(l.familyId, { locked: l.amountOre, corrected: ore(0) });
      for (const l of cg?.lines ?? []) {
        const a = amounts.get(l.familyId);
        amounts.set(l.familyId, { locked: a?.locked ?? ore(0), corrected: l.amountOre });
      }
      const families = [...amounts.entries()]
        .filter(([, a]) => a.locked !== a.corrected)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([familyId, a]) => ({
          familyId,
          lockedOre: a.locked,
          correctedOre: a.corrected,
          deltaOre: subtract(a.corrected, a.locked),
        }));
      const lockedOre = lg?.amountOre ?? ore(0);
      const correctedOre = cg?.amountOre ?? ore(0);
      return { goalId, lockedOre, correctedOre, deltaOre: subtract(correctedOre, lockedOre), families };
    });
    const lockedOre = lt?.amountOre ?? ore(0);
    const correctedOre = ct?.amountOre ?? ore(0);
    return { trackCode: code, lockedOre, correctedOre, deltaOre: subtract(correctedOre, lockedOre), goals };
  });
  const totalDeltaOre = subtract(corrected.totalOre, locked.totalOre);
  const floorTopUpDeltaOre = subtract(corrected.floorTopUpOre, locked.floorTopUpOre);
  // Guard the invariant (it holds because both statements add up exactly).
  if (sum([...tracks.map((t) => t.deltaOre), floorTopUpDeltaOre]) !== totalDeltaOre) {
    throw new Error("Internal: adjustment does not add up");
  }
  return {
    contractId: corrected.contract.contractId,
    periodId: cp.periodId,
    lockedVersion: locked.contract.version,
    correctedVersion: corrected.contract.version,
    lockedTotalOre: locked.totalOre,
    correctedTotalOre: corrected.totalOre,
    totalDeltaOre,
    floorTopUpDeltaOre,
    tracks,
    isEmpty:
      totalDeltaOre === 0 &&
      tracks.every((t) => t.goals.every((g) => g.deltaOre === 0 && g.families.length === 0)),
  };
}
