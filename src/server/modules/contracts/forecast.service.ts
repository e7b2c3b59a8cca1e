import { and, desc, eq, isNotNull } from "drizzle-orm";
import type { z } from "zod";
import type { ContractForecastSchema } from "../../../contracts/outcome-contracts.js";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import {
  type ContractVersion,
  DEFAULT_MIN_CELL_SIZE,
  type FamilyGoalOutcome,
  forecastRepayment,
  type SettlementPeriod,
  suppressLinkedCounts,
} from "../../../domain/contract/index.js";
import type { ActorContext } from "../../context.js";
import { businessCase, businessCaseVersion } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { todayOf } from "../casework/case-access.js";
import { loadContractVersions, versionInForce } from "./contract.service.js";
import { familyVisibilityOf, loadContractFor } from "./contract-access.js";
import { loadContractOutcomes } from "./contract-outcomes.js";

/*
 * The forecast of the repayment while the programme runs (docs/outcome-contracts.md, "Forecast"):
 * - finished families (course ended by today) count with their actual outcomes;
 * - families in course are projected with the share of the track's finished families that met each
 *   goal (50 % while no family of the track has finished);
 * - families not yet referred (expected − finished − in course) get the same projection.
 * Scenarios: expected, "as now", all goals met, none. The counts are suppressed for investors.
 */

type Forecast = z.infer<typeof ContractForecastSchema>;

export const FORECAST_METHOD =
  "Afsluttede familier tæller med deres faktiske resultater. Familier i forløb og familier, der endnu ikke er henvist, fremskrives med andelen af sporets afsluttede familier, der har nået hvert mål (50 %, så længe ingen i sporet er afsluttet). Tallene er et skøn, ikke en afregning.";

export async function getForecast(ctx: ActorContext, contractId: string): Promise<Forecast> {
  const row = await loadContractFor(ctx, ctx.db, contractId, "contract.read");
  const today = todayOf(ctx);
  const { contracts } = await loadContractVersions(ctx.db, contractId);
  const contract: ContractVersion | null = versionInForce(contracts, today) ?? contracts.at(-1) ?? null;
  if (!contract) throw new AppError("NOT_FOUND", "Kontrakten har ingen version.");
  const windowEnd = contract.serviceWindow.to < today ? contract.serviceWindow.to : today;
  const from = contract.serviceWindow.from;
  const to = (windowEnd < from ? from : windowEnd) as CalendarDate;
  const asOf = (today < from ? from : today) as CalendarDate;
  const period = (kind: "interim" | "final"): SettlementPeriod => ({
    periodId: `forecast-${kind}`,
    kind,
    from,
    to,
    settlementDate: asOf,
  });
  const { finished, all } = await ctx.db.transaction(
    async (tx) => ({
      finished: await loadContractOutcomes(tx, {
        projectId: row.projectId,
        contract,
        period: period("interim"),
      }),
      all: await loadContractOutcomes(tx, { projectId: row.projectId, contract, period: period("final") }),
    }),
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  const finishedIds = new Set(finished.families.map((f) => f.familyId));
  const shareMet = (trackCode: string, goalId: string): number => {
    const rows = finished.outcomes.filter((o) => o.trackCode === trackCode && o.goalId === goalId);
    if (rows.length === 0) return 5_000;
    return Math.round((rows.filter((o) => o.status === "met").length * 10_000) / rows.length);
  };
  const projection = (trackCode: string) =>
    (contract.tracks.find((t) => t.code === trackCode)?.goals ?? []).map((g) => ({
      goalId: g.id,
      metProbabilityBps: shareMet(trackCode, g.id),
    }));
  const inCourse = all.families
    .filter((f) => !finishedIds.has(f.familyId))
    .map((f) => ({ familyId: f.familyId, trackCode: f.trackCode, goals: projection(f.trackCode) }));
  const notYetReferred = contract.tracks.map((t) => ({ trackCode: t.code, goals: projection(t.code) }));
  const forecast = forecastRepayment(contract, {
    finished: finished.outcomes as FamilyGoalOutcome[],
    finishedFacts: {
      families: finished.families.map((f) => ({ familyId: f.familyId, trackCode: f.trackCode })),
    },
    inCourse,
    notYetReferred,
  });
  const notYet = forecast.families.reduce((n, f) => n + f.notYetReferred, 0);
  const expected = forecast.families.reduce((n, f) => n + f.expected, 0);
  // Counts of families are suppressed for those who may not see families, as in a statement; the
  // expected number is a term of the contract, so the three parts are linked to a known total.
  const cells = suppressLinkedCounts(
    {
      cells: [
        { key: "expected", value: Math.max(expected, finished.families.length + inCourse.length + notYet) },
        { key: "finished", value: finished.families.length },
        { key: "inCourse", value: inCourse.length },
        { key: "notYet", value: notYet },
      ],
      lines: [{ total: "expected", parts: ["finished", "inCourse", "notYet"] }],
    },
    { minCellSize: familyVisibilityOf(ctx.actor, row) === "none" ? DEFAULT_MIN_CELL_SIZE : 1 },
  ).cells;
  const [bc] = await ctx.db
    .select({
      id: businessCase.id,
      name: businessCase.name,
      acc: businessCaseVersion.accumulatedAtHorizonOre,
    })
    .from(businessCase)
    .innerJoin(
      businessCaseVersion,
      and(
        eq(businessCaseVersion.businessCaseId, businessCase.id),
        eq(businessCaseVersion.version, businessCase.currentVersion),
      ),
    )
    .where(and(eq(businessCase.projectId, row.projectId), isNotNull(businessCase.projectId)))
    .orderBy(desc(businessCase.updatedAt))
    .limit(1);
  return {
    asOf,
    method: FORECAST_METHOD,
    investmentOre: forecast.investmentOre,
    capOre: forecast.capOre,
    scenarios: [
      { key: "expected", totalOre: forecast.expected.totalOre },
      { key: "as-now", totalOre: forecast.asNow.totalOre },
      { key: "all-met", totalOre: forecast.allMet.totalOre },
      { key: "none", totalOre: forecast.none.totalOre },
    ],
    families: {
      finished: cells.finished!,
      inCourse: cells.inCourse!,
      notYetReferred: cells.notYet!,
    },
    businessCase: bc ? { id: bc.id, name: bc.name, accumulatedAtHorizonOre: bc.acc ?? null } : null,
  };
}
