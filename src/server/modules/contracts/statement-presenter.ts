import { createHmac } from "node:crypto";
import { inArray } from "drizzle-orm";
import type { z } from "zod";
import type {
  StatementDetailSchema,
  StatementSummarySchema,
  StatementTrackSchema,
} from "../../../contracts/outcome-contracts.js";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import {
  type ContractParty,
  investorViewOfSettlement,
  type Settlement,
  type SettlementAdjustment,
} from "../../../domain/contract/index.js";
import type { ActorContext } from "../../context.js";
import type { DbOrTx } from "../../db/client.js";
import { organisationNames, userNames } from "../../db/display-names.js";
import { family } from "../../db/schema/index.js";
import { loadContractVersions } from "./contract.service.js";
import { type ContractRow, type FamilyVisibility, familyVisibilityOf } from "./contract-access.js";
import {
  APPROVING_ROLES,
  type StatementRow,
  statementAbilities,
  statementEvents,
} from "./statement.service.js";

/*
 * A statement as one user may see it (docs/outcome-contracts.md, "Who sees what"):
 * - names: users who may read the project's families see each family line with the family's name;
 * - pseudonyms: the evaluator sees the lines with a pseudonym (stable per contract, keyed with the
 *   application key, so it cannot be reversed without it) and the measured values;
 * - none: the investor sees money in full and counts as suppressed aggregates; no family line, no id.
 */

type Summary = z.infer<typeof StatementSummarySchema>;
type Detail = z.infer<typeof StatementDetailSchema>;
type TrackView = z.infer<typeof StatementTrackSchema>;

const shown = (value: number) => ({ value });

/** Crockford's base-32 digits: no I, L, O or U, so a label read aloud or copied by hand stays right. */
const BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * A stable pseudonym of a family within one contract ("F-3K9Q2A7M"): 40 bits of an HMAC under the app
 * key, so that two of 10,000 families share a label with a chance of about 1 in 20,000.
 */
export function familyPseudonym(appKey: Buffer, contractId: string, familyId: string): string {
  const digest = createHmac("sha256", appKey).update(`${contractId}/${familyId}`).digest();
  let bits = 0n;
  for (const byte of digest.subarray(0, 5)) bits = (bits << 8n) | BigInt(byte);
  let label = "";
  for (let i = 7; i >= 0; i--) label += BASE32[Number((bits >> BigInt(i * 5)) & 31n)];
  return `F-${label}`;
}

/** Σ of the goals before the rounding step, in kroner to 1/100 øre (display only, never paid). */
function exactKronerDisplay(f: { numerator: string; denominator: string }): string {
  const hundredthsOfOre = (BigInt(f.numerator) * 100n) / BigInt(f.denominator);
  const kroner = Number(hundredthsOfOre) / 10_000;
  return `${kroner.toLocaleString("da-DK", { minimumFractionDigits: 2, maximumFractionDigits: 4 })} kr.`;
}

/** The parties whose approval a statement still waits for. */
export async function awaitingApproval(db: DbOrTx, s: StatementRow): Promise<ContractParty[]> {
  if (s.state === "locked") return [];
  const { contracts } = await loadContractVersions(db, s.contractId);
  const contract = contracts.find((c) => c.version === s.contractVersion) ?? contracts.at(-1)!;
  const approved = new Set(
    (await statementEvents(db, s.id)).filter((e) => e.event === "approved").map((e) => e.partyOrganisationId),
  );
  return contract.parties.filter(
    (p) => (APPROVING_ROLES as readonly string[]).includes(p.role) && !approved.has(p.organisationId),
  );
}

export async function summariseStatement(db: DbOrTx, s: StatementRow): Promise<Summary> {
  return {
    id: s.id,
    contractId: s.contractId,
    contractVersion: s.contractVersion,
    kind: s.kind as Summary["kind"],
    periodId: s.periodId,
    from: s.periodFrom as CalendarDate,
    to: s.periodTo as CalendarDate,
    settlementDate: s.settlementDate as CalendarDate,
    state: s.state as Summary["state"],
    adjustsStatementId: s.adjustsStatementId,
    totalOre: s.totalOre,
    awaitingApprovalFrom: await awaitingApproval(db, s),
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

function tracksWithFamilies(
  settlement: Settlement,
  details: Record<string, { observed?: number; baseline?: number }>,
  labelOf: (familyId: string) => string,
  withIds: boolean,
): TrackView[] {
  return settlement.tracks.map((t) => ({
    trackCode: t.trackCode,
    name: t.name,
    expectedFamilies: t.expectedFamilies,
    families: shown(t.families),
    uncappedOre: t.uncappedOre,
    amountOre: t.amountOre,
    goals: t.goals.map((g) => ({
      goalId: g.goalId,
      name: g.name,
      families: shown(g.families),
      counted: shown(g.counted),
      met: shown(g.met),
      notMet: shown(g.notMet),
      notMeasurable: shown(g.notMeasurable),
      sharePct: g.sharePct,
      attainmentPct: g.attainmentPct,
      payment: g.payment as unknown as Record<string, unknown>,
      uncappedOre: g.uncappedOre,
      amountOre: g.amountOre,
      familyLines: g.lines
        .map((l) => {
          const d = details[`${l.familyId}/${g.goalId}`];
          return {
            ...(withIds ? { familyId: l.familyId } : {}),
            label: labelOf(l.familyId),
            status: l.status,
            reason: l.reason,
            isCounted: l.isCounted,
            amountOre: l.amountOre,
            observed: d?.observed ?? null,
            baseline: d?.baseline ?? null,
          };
        })
        .sort((a, b) => a.label.localeCompare(b.label, "da")),
    })),
  }));
}

function tracksForInvestor(settlement: Settlement): { tracks: TrackView[]; minCellSize: number } {
  const view = investorViewOfSettlement(settlement);
  return {
    minCellSize: view.suppression.minCellSize,
    tracks: view.tracks.map((t) => ({
      trackCode: t.trackCode,
      name: t.name,
      expectedFamilies: t.expectedFamilies,
      families: t.families,
      uncappedOre: t.uncappedOre,
      amountOre: t.amountOre,
      goals: t.goals.map((g) => ({
        goalId: g.goalId,
        name: g.name,
        families: t.families,
        counted: g.counted,
        met: g.met,
        notMet: g.notMet,
        notMeasurable: g.notMeasurable,
        sharePct: null,
        attainmentPct: g.attainmentPct,
        payment: g.payment as unknown as Record<string, unknown>,
        uncappedOre: g.uncappedOre,
        amountOre: g.amountOre,
      })),
    })),
  };
}

/** The statement as the actor may see it, with the steps they may take. Audited when families show. */
export async function presentStatement(
  ctx: ActorContext,
  s: StatementRow,
  row: ContractRow,
): Promise<Detail> {
  const visibility: FamilyVisibility = familyVisibilityOf(ctx.actor, row);
  const settlement = s.settlement as unknown as Settlement;
  const details = (s.details ?? {}) as Record<string, { observed?: number; baseline?: number }>;
  let tracks: TrackView[];
  let suppression: Detail["suppression"] = null;
  if (visibility === "none") {
    const view = tracksForInvestor(settlement);
    tracks = view.tracks;
    suppression = { minCellSize: view.minCellSize };
  } else if (visibility === "names") {
    const ids = [...new Set(settlement.tracks.flatMap((t) => t.familyTotals.map((f) => f.familyId)))];
    const names =
      ids.length === 0
        ? new Map<string, string>()
        : new Map(
            (
              await ctx.db
                .select({ id: family.id, name: family.name })
                .from(family)
                .where(inArray(family.id, ids))
            ).map((f) => [f.id, f.name]),
          );
    tracks = tracksWithFamilies(settlement, details, (id) => names.get(id) ?? id, true);
  } else {
    tracks = tracksWithFamilies(
      settlement,
      details,
      (id) => familyPseudonym(ctx.deps.appKey, row.id, id),
      false,
    );
  }
  if (visibility !== "none")
    await ctx.audit(ctx.db, {
      type: "statement.viewed",
      subjectId: s.id,
      organisationId: row.organisationId,
      projectId: row.projectId,
      purpose: visibility === "names" ? "resultatafregning" : "evaluering (pseudonymiseret)",
      payload: { families: visibility },
    });
  const events = await statementEvents(ctx.db, s.id);
  const users = await userNames(
    ctx.db,
    events.map((e) => e.byUserId).filter((x): x is string => x !== null),
  );
  const orgs = await organisationNames(
    ctx.db,
    events.map((e) => e.partyOrganisationId).filter((x): x is string => x !== null),
  );
  const adjustment = (s.details as { adjustment?: SettlementAdjustment } | null)?.adjustment;
  const summary = await summariseStatement(ctx.db, s);
  return {
    ...summary,
    contractTitle: row.title,
    projectId: row.projectId,
    mechanism: settlement.mechanism,
    exactTotalDisplay: exactKronerDisplay(settlement.exactTotal),
    roundedTotalOre: settlement.roundedTotalOre,
    fullRepaymentOre: settlement.fullRepaymentOre,
    floorOre: settlement.floorOre,
    capOre: settlement.capOre,
    floorTopUpOre: settlement.floorTopUpOre,
    capReductionOre: settlement.capReductionOre,
    tracks,
    investor: {
      investedOre: settlement.investor.investedOre,
      repaidOre: settlement.investor.repaidOre,
      netOre: settlement.investor.netOre,
      lossOre: settlement.investor.lossOre,
      returnMultipleDisplay: settlement.investor.returnMultipleDisplay,
      irrPct: settlement.investor.irr === null ? null : Math.round(settlement.investor.irr * 10_000) / 100,
    },
    warnings: settlement.warnings.map((w) => ({ code: w.code, message: w.message })),
    adjustment: adjustment
      ? { lockedTotalOre: adjustment.lockedTotalOre, correctedTotalOre: adjustment.correctedTotalOre }
      : null,
    suppression,
    events: events.map((e) => ({
      event: e.event as Detail["events"][number]["event"],
      partyName: e.partyOrganisationId ? (orgs.get(e.partyOrganisationId) ?? null) : null,
      byName: e.byUserId ? (users.get(e.byUserId) ?? null) : null,
      reason: e.reason,
      occurredAt: e.occurredAt.toISOString(),
    })),
    abilities: await statementAbilities(ctx, ctx.db, s, row),
    showsFamilies: visibility !== "none",
    isPseudonymised: visibility === "pseudonyms",
  };
}
