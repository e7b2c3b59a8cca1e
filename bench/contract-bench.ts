// The settlement engine on a large contract: 10,000 families × 5 goals, weighted attainment over two
// tracks (per-track budgets), settled with the pure engine (src/domain/contract). Target: < 1 s.
// Run alone with `npx tsx bench/contract-bench.ts`; bench/run.ts may call `benchSettlement()`.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { calendarDate } from "../src/domain/calendar-date.js";
import {
  type ContractVersion,
  createVejleContract,
  type FamilyGoalOutcome,
  parseContractVersion,
  type SettlementPeriod,
  settle,
} from "../src/domain/contract/index.js";

const FAMILIES = 10_000;
const RULES = [
  "plan-goals-attained-80pct",
  "support-hours-down-12-per-week",
  "school-absence-down-70pct",
  "no-child-placed-or-at-risk",
  "well-being-score-up",
] as const;

/** The Vejle example's terms with two tracks of five equally weighted goals each (70 % / 30 % of the budget). */
function benchContract(): ContractVersion {
  const goals = RULES.map((ruleId, i) => ({
    id: `g${i + 1}`,
    name: `Mål ${i + 1}`,
    outcomeRule: { ruleId, ruleVersion: 1 },
    measurementPoint: "end-of-course",
    payment: {
      kind: "weighted",
      weightBps: 2_000,
      thresholdBps: 2_000 + 500 * i,
      targetBps: 6_000 + 500 * i,
    },
  }));
  const base = createVejleContract();
  return parseContractVersion({
    ...base,
    tracks: [
      { code: "ordinary", name: "Almindelig", expectedFamilies: 7_000, budgetShareBps: 7_000, goals },
      { code: "intensive", name: "Intensiv", expectedFamilies: 3_000, budgetShareBps: 3_000, goals },
    ],
  });
}

/**
 * Deterministic outcomes: family i is in the intensive track when i % 10 < 3; on goal g it is met,
 * not met or not measurable by a fixed mixing of i and g (about 45 % / 45 % / 10 %).
 */
function benchOutcomes(): FamilyGoalOutcome[] {
  const rows: FamilyGoalOutcome[] = [];
  for (let i = 0; i < FAMILIES; i++) {
    const familyId = `f${String(i).padStart(5, "0")}`;
    const trackCode = i % 10 < 3 ? "intensive" : "ordinary";
    for (let g = 1; g <= RULES.length; g++) {
      const roll = (Math.imul(i + 1, 2_654_435_761) ^ Math.imul(g, 40_503)) >>> 0;
      const r = roll % 20;
      rows.push(
        r < 2
          ? { familyId, trackCode, goalId: `g${g}`, status: "not-measurable", reason: "Mangler måling" }
          : { familyId, trackCode, goalId: `g${g}`, status: r < 11 ? "met" : "not-met" },
      );
    }
  }
  return rows;
}

const PERIOD: SettlementPeriod = {
  periodId: "bench-final",
  kind: "final",
  from: calendarDate("2022-01-01"),
  to: calendarDate("2027-01-31"),
  settlementDate: calendarDate("2027-03-31"),
};

/**
 * Settles the synthetic contract once (after one warm-up run) and times the settlement alone; building
 * the input is not timed.
 * @returns the number of families and goals per family, and the time of `settle` in ms.
 */
export function benchSettlement(): { families: number; goals: number; ms: number } {
  const contract = benchContract();
  const outcomes = benchOutcomes();
  settle(contract, outcomes, PERIOD);
  const started = performance.now();
  const settlement = settle(contract, outcomes, PERIOD);
  const ms = Math.round((performance.now() - started) * 10) / 10;
  const families = settlement.tracks.reduce((n, t) => n + t.families, 0);
  return { families, goals: RULES.length, ms };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const result = benchSettlement();
  console.log(
    `settle: ${result.families} families × ${result.goals} goals (weighted attainment, two tracks): ${result.ms} ms (target < 1000 ms)`,
  );
  console.log(JSON.stringify(result));
}
