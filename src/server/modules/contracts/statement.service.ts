import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { StatementCreateInputSchema } from "../../../contracts/outcome-contracts.js";
import { can } from "../../../domain/access/index.js";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import {
  type ContractParty,
  type ContractVersion,
  diffSettlements,
  SETTLEMENT_ENGINE_VERSION,
  type Settlement,
  settle,
} from "../../../domain/contract/index.js";
import type { ActorContext } from "../../context.js";
import type { DbOrTx, Tx } from "../../db/client.js";
import { ledgerEntry, settlementStatement, statementEvent } from "../../db/schema/index.js";
import { AppError, forbidden, notFound } from "../../errors.js";
import { loadContractVersions, versionInForce } from "./contract.service.js";
import { type ContractRow, contractResource, loadContractFor, organisationsOf } from "./contract-access.js";
import { loadContractOutcomes } from "./contract-outcomes.js";

/*
 * Settlement statements: draft → validated (by the evaluator) → approved by the payer and by the
 * investor → locked. Locking books the repayment in the ledger, once (the statement's unique ledger
 * row), in the same transaction as the last approval; the statement row is locked against concurrent
 * approvals (`for update`), and an approval is recorded once per party (a unique index), so a retry or a
 * double click changes nothing. A locked statement never changes (a trigger); a correction is an
 * adjusting statement that refers to it.
 */

export type StatementRow = typeof settlementStatement.$inferSelect;

/** The parties whose approval locks a statement. */
export const APPROVING_ROLES = ["payer", "investor"] as const;

/** Loads a statement and its contract, checking `permission` on the contract. */
export async function loadStatementFor(
  ctx: ActorContext,
  db: DbOrTx,
  id: string,
  permission: Parameters<typeof loadContractFor>[3],
  options: { forUpdate?: boolean } = {},
): Promise<{ statement: StatementRow; contract: ContractRow }> {
  const query = db.select().from(settlementStatement).where(eq(settlementStatement.id, id));
  const [statement] = options.forUpdate ? await query.for("update") : await query;
  if (!statement) throw notFound("Opgørelsen");
  const contract = await loadContractFor(ctx, db, statement.contractId, permission);
  return { statement, contract };
}

/** The contract version a statement settles: the newest fully accepted version in force. */
async function settlingVersion(db: DbOrTx, contractId: string, onDate: string): Promise<ContractVersion> {
  const { contracts } = await loadContractVersions(db, contractId);
  const version = versionInForce(contracts, onDate);
  if (!version)
    throw new AppError(
      "CONFLICT",
      "Ingen version af kontrakten er accepteret af alle parter på opgørelsesdatoen. Få parternes accept først.",
    );
  return version;
}

/** Computes a settlement from the measurements as they are now. */
async function computeSettlement(
  tx: Tx,
  row: ContractRow,
  contract: ContractVersion,
  period: Settlement["period"],
): Promise<{ settlement: Settlement; details: Record<string, unknown> }> {
  const outcomes = await loadContractOutcomes(tx, { projectId: row.projectId, contract, period });
  const settlement = settle(contract, outcomes.outcomes, period, {
    families: outcomes.families.map((f) => ({ familyId: f.familyId, trackCode: f.trackCode })),
  });
  return { settlement, details: outcomes.details as unknown as Record<string, unknown> };
}

async function recordEvent(
  tx: Tx,
  ctx: ActorContext,
  s: StatementRow,
  event: "created" | "recomputed" | "validated" | "approved" | "locked",
  partyOrganisationId: string | null,
  reason = "",
): Promise<boolean> {
  const inserted = await tx
    .insert(statementEvent)
    .values({
      statementId: s.id,
      organisationId: s.organisationId,
      event,
      partyOrganisationId,
      byUserId: ctx.actor.userId,
      reason,
      occurredAt: ctx.now(),
    })
    .onConflictDoNothing()
    .returning({ id: statementEvent.id });
  return inserted.length > 0;
}

/** Creates a draft statement for a period (interim or final), computed from the measurements. */
export async function createStatement(
  ctx: ActorContext,
  contractId: string,
  input: z.output<typeof StatementCreateInputSchema>,
): Promise<string> {
  if (input.from > input.to || input.to > input.settlementDate)
    throw new AppError("VALIDATION_FAILED", "Datoerne passer ikke sammen.", [
      { path: "to", message: "Perioden skal slutte efter den starter og senest på opgørelsesdatoen" },
    ]);
  return ctx.db.transaction(async (tx) => {
    const row = await loadContractFor(ctx, tx, contractId, "contract.manage");
    const contract = await settlingVersion(tx, contractId, input.settlementDate);
    const period = {
      periodId: input.periodId ?? `${input.kind}-${input.to}`,
      kind: input.kind,
      from: input.from as CalendarDate,
      to: input.to as CalendarDate,
      settlementDate: input.settlementDate as CalendarDate,
    };
    const [existing] = await tx
      .select({ id: settlementStatement.id })
      .from(settlementStatement)
      .where(
        and(
          eq(settlementStatement.contractId, contractId),
          eq(settlementStatement.periodId, period.periodId),
          sql`${settlementStatement.kind} <> 'adjustment'`,
        ),
      );
    if (existing)
      throw new AppError(
        "CONFLICT",
        `Der findes allerede en opgørelse for perioden "${period.periodId}". Genberegn den, eller lav en regulering, hvis den er låst.`,
      );
    const { settlement, details } = await computeSettlement(tx, row, contract, period);
    const now = ctx.now();
    const [s] = await tx
      .insert(settlementStatement)
      .values({
        contractId,
        contractVersion: contract.version,
        organisationId: row.organisationId,
        projectId: row.projectId,
        kind: input.kind,
        periodId: period.periodId,
        periodFrom: period.from,
        periodTo: period.to,
        settlementDate: period.settlementDate,
        state: "draft",
        settlement: settlement as unknown as Record<string, unknown>,
        details,
        totalOre: settlement.totalOre,
        engineVersion: SETTLEMENT_ENGINE_VERSION,
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordEvent(tx, ctx, s!, "created", null);
    await ctx.audit(tx, {
      type: "statement.created",
      subjectId: s!.id,
      organisationId: row.organisationId,
      projectId: row.projectId,
      payload: {
        kind: input.kind,
        periodId: period.periodId,
        families: settlement.tracks.reduce((n, t) => n + t.families, 0),
      },
    });
    return s!.id;
  });
}

/** Recomputes a draft from the measurements as they are now (a validated statement goes back to draft). */
export async function recomputeStatement(ctx: ActorContext, id: string, reason: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { statement, contract: row } = await loadStatementFor(ctx, tx, id, "contract.manage", {
      forUpdate: true,
    });
    if (statement.state === "approved" || statement.state === "locked")
      throw new AppError(
        "CONFLICT",
        "En opgørelse, som en part har godkendt, kan ikke genberegnes. Lav en regulering, når den er låst.",
      );
    if (statement.kind === "adjustment")
      throw new AppError("CONFLICT", "En regulering genberegnes ved at lave en ny regulering.");
    const contract = await settlingVersion(tx, statement.contractId, statement.settlementDate);
    const stored = statement.settlement as unknown as Settlement;
    const { settlement, details } = await computeSettlement(tx, row, contract, stored.period);
    await tx
      .update(settlementStatement)
      .set({
        settlement: settlement as unknown as Record<string, unknown>,
        details,
        totalOre: settlement.totalOre,
        contractVersion: contract.version,
        state: "draft",
        version: sql`${settlementStatement.version} + 1`,
        updatedAt: ctx.now(),
      })
      .where(eq(settlementStatement.id, id));
    await recordEvent(tx, ctx, statement, "recomputed", null, reason);
    await ctx.audit(tx, {
      type: "statement.recomputed",
      subjectId: id,
      organisationId: row.organisationId,
      projectId: row.projectId,
      payload: { totalOre: settlement.totalOre },
    });
  });
}

/** The contract's parties in a role that the actor belongs to. */
async function actorPartiesIn(
  ctx: ActorContext,
  db: DbOrTx,
  s: StatementRow,
  roles: readonly ContractParty["role"][],
): Promise<ContractParty[]> {
  const { contracts } = await loadContractVersions(db, s.contractId);
  const contract = contracts.find((c) => c.version === s.contractVersion) ?? contracts.at(-1)!;
  const mine = organisationsOf(ctx.actor);
  return contract.parties.filter((p) => roles.includes(p.role) && mine.has(p.organisationId));
}

/** The evaluator validates a draft: the figures rest on the measurements as agreed. */
export async function validateStatement(ctx: ActorContext, id: string, reason: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { statement, contract: row } = await loadStatementFor(ctx, tx, id, "settlement.validate", {
      forUpdate: true,
    });
    const [party] = await actorPartiesIn(ctx, tx, statement, ["evaluator"]);
    if (!party) throw forbidden();
    if (statement.state === "validated") return;
    if (statement.state !== "draft")
      throw new AppError("CONFLICT", "Opgørelsen er allerede valideret og godkendt af mindst én part.");
    await tx
      .update(settlementStatement)
      .set({ state: "validated", version: sql`${settlementStatement.version} + 1`, updatedAt: ctx.now() })
      .where(eq(settlementStatement.id, id));
    await recordEvent(tx, ctx, statement, "validated", party.organisationId, reason);
    await ctx.audit(tx, {
      type: "statement.validated",
      subjectId: id,
      organisationId: row.organisationId,
      projectId: row.projectId,
      payload: { partyOrganisationId: party.organisationId },
    });
  });
}

/**
 * A party (payer or investor) approves a validated statement. The last approval locks it and books
 * the repayment (an adjustment: the difference) in the ledger. Approving again changes nothing.
 */
export async function approveStatement(
  ctx: ActorContext,
  id: string,
  input: { partyOrganisationId?: string; reason: string },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { statement, contract: row } = await loadStatementFor(ctx, tx, id, "settlement.approve", {
      forUpdate: true,
    });
    const parties = await actorPartiesIn(ctx, tx, statement, APPROVING_ROLES);
    const party = input.partyOrganisationId
      ? parties.find((p) => p.organisationId === input.partyOrganisationId)
      : parties[0];
    if (!party) throw forbidden();
    const approvals = await tx
      .select({ party: statementEvent.partyOrganisationId })
      .from(statementEvent)
      .where(and(eq(statementEvent.statementId, id), eq(statementEvent.event, "approved")));
    const approved = new Set(approvals.map((a) => a.party));
    if (approved.has(party.organisationId) || statement.state === "locked") return;
    if (statement.state === "draft")
      throw new AppError(
        "CONFLICT",
        "Opgørelsen skal valideres af evaluator, før parterne kan godkende den.",
      );
    await recordEvent(tx, ctx, statement, "approved", party.organisationId, input.reason);
    approved.add(party.organisationId);
    await ctx.audit(tx, {
      type: "statement.approved",
      subjectId: id,
      organisationId: row.organisationId,
      projectId: row.projectId,
      payload: { partyOrganisationId: party.organisationId },
    });
    const { contracts } = await loadContractVersions(tx, statement.contractId);
    const contract = contracts.find((c) => c.version === statement.contractVersion)!;
    const needed = contract.parties.filter((p) => (APPROVING_ROLES as readonly string[]).includes(p.role));
    const isComplete = needed.every((p) => approved.has(p.organisationId));
    const now = ctx.now();
    if (!isComplete) {
      await tx
        .update(settlementStatement)
        .set({ state: "approved", version: sql`${settlementStatement.version} + 1`, updatedAt: now })
        .where(eq(settlementStatement.id, id));
      return;
    }
    const entryId = await bookStatement(tx, ctx, statement, contract);
    await tx
      .update(settlementStatement)
      .set({ state: "locked", version: sql`${settlementStatement.version} + 1`, updatedAt: now })
      .where(eq(settlementStatement.id, id));
    await recordEvent(tx, ctx, statement, "locked", null);
    await ctx.audit(tx, {
      type: "statement.locked",
      subjectId: id,
      organisationId: row.organisationId,
      projectId: row.projectId,
      payload: { totalOre: statement.totalOre, ledgerEntryId: entryId },
    });
  });
}

/** Books what a locked statement moves between payer and investor; nothing when it moves nothing. */
async function bookStatement(
  tx: Tx,
  ctx: ActorContext,
  s: StatementRow,
  contract: ContractVersion,
): Promise<string | null> {
  if (s.totalOre === 0) return null;
  const payer = contract.parties.find((p) => p.role === "payer")!;
  const investor = contract.parties.find((p) => p.role === "investor")!;
  const toInvestor = s.totalOre > 0;
  const [entry] = await tx
    .insert(ledgerEntry)
    .values({
      contractId: s.contractId,
      organisationId: s.organisationId,
      projectId: s.projectId,
      kind: s.kind === "adjustment" ? "adjustment" : "repayment",
      amountOre: Math.abs(s.totalOre),
      fromOrganisationId: toInvestor ? payer.organisationId : investor.organisationId,
      toOrganisationId: toInvestor ? investor.organisationId : payer.organisationId,
      bookedOn: s.settlementDate,
      statementId: s.id,
      note: s.kind === "adjustment" ? `Regulering af ${s.periodId}` : `Tilbagebetaling efter ${s.periodId}`,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now(),
    })
    .onConflictDoNothing()
    .returning({ id: ledgerEntry.id });
  if (!entry) return null;
  await ctx.audit(tx, {
    type: "ledger.booked",
    subjectId: s.contractId,
    organisationId: s.organisationId,
    projectId: s.projectId,
    payload: {
      entryId: entry.id,
      kind: s.kind === "adjustment" ? "adjustment" : "repayment",
      amountOre: Math.abs(s.totalOre),
    },
  });
  return entry.id;
}

/**
 * An adjusting statement for a locked one: the period recomputed from the measurements as they are
 * now; its total is what the payer owes on top of everything booked for the period (negative: the
 * investor pays back).
 */
export async function createAdjustment(ctx: ActorContext, lockedId: string, reason: string): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const { statement: locked, contract: row } = await loadStatementFor(ctx, tx, lockedId, "contract.manage");
    if (locked.state !== "locked" || locked.kind === "adjustment")
      throw new AppError("CONFLICT", "Kun en låst periodeopgørelse kan reguleres.");
    const open = await tx
      .select({ id: settlementStatement.id })
      .from(settlementStatement)
      .where(
        and(
          eq(settlementStatement.adjustsStatementId, lockedId),
          sql`${settlementStatement.state} <> 'locked'`,
        ),
      );
    if (open.length > 0)
      throw new AppError("CONFLICT", "Der er allerede en regulering af opgørelsen under behandling.");
    const earlier = await tx
      .select({ totalOre: settlementStatement.totalOre })
      .from(settlementStatement)
      .where(eq(settlementStatement.adjustsStatementId, lockedId));
    const booked = locked.totalOre + earlier.reduce((n, e) => n + e.totalOre, 0);
    const lockedSettlement = locked.settlement as unknown as Settlement;
    const contract = await settlingVersion(tx, locked.contractId, locked.settlementDate);
    const { settlement, details } = await computeSettlement(tx, row, contract, lockedSettlement.period);
    const diff = diffSettlements(lockedSettlement, settlement);
    const now = ctx.now();
    const [s] = await tx
      .insert(settlementStatement)
      .values({
        contractId: locked.contractId,
        contractVersion: contract.version,
        organisationId: row.organisationId,
        projectId: row.projectId,
        kind: "adjustment",
        periodId: `${locked.periodId}-regulering-${earlier.length + 1}`,
        periodFrom: locked.periodFrom,
        periodTo: locked.periodTo,
        settlementDate: now.toISOString().slice(0, 10),
        state: "draft",
        adjustsStatementId: lockedId,
        settlement: settlement as unknown as Record<string, unknown>,
        details: { ...details, adjustment: diff as unknown as Record<string, unknown> },
        totalOre: settlement.totalOre - booked,
        engineVersion: SETTLEMENT_ENGINE_VERSION,
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordEvent(tx, ctx, s!, "created", null, reason);
    await ctx.audit(tx, {
      type: "statement.created",
      subjectId: s!.id,
      organisationId: row.organisationId,
      projectId: row.projectId,
      payload: {
        kind: "adjustment",
        periodId: s!.periodId,
        families: settlement.tracks.reduce((n, t) => n + t.families, 0),
      },
    });
    return s!.id;
  });
}

/** A contract's statements, newest period first. */
export async function listStatementRows(ctx: ActorContext, contractId: string) {
  const row = await loadContractFor(ctx, ctx.db, contractId, "contract.read");
  const rows = await ctx.db
    .select()
    .from(settlementStatement)
    .where(eq(settlementStatement.contractId, contractId))
    .orderBy(desc(settlementStatement.periodTo), asc(settlementStatement.createdAt));
  return { contract: row, rows };
}

/** The events of a statement, oldest first. */
export async function statementEvents(db: DbOrTx, id: string) {
  return db
    .select()
    .from(statementEvent)
    .where(eq(statementEvent.statementId, id))
    .orderBy(asc(statementEvent.occurredAt));
}

/** Whether the actor may take each step on a statement. */
export async function statementAbilities(ctx: ActorContext, db: DbOrTx, s: StatementRow, row: ContractRow) {
  const resource = contractResource(row);
  const approvals = (await statementEvents(db, s.id))
    .filter((e) => e.event === "approved")
    .map((e) => e.partyOrganisationId);
  const approveFor = can(ctx.actor, "settlement.approve", resource)
    ? (await actorPartiesIn(ctx, db, s, APPROVING_ROLES)).filter((p) => !approvals.includes(p.organisationId))
    : [];
  const canValidate =
    can(ctx.actor, "settlement.validate", resource) &&
    (await actorPartiesIn(ctx, db, s, ["evaluator"])).length > 0;
  const manage = can(ctx.actor, "contract.manage", resource);
  return {
    recompute: manage && s.state === "draft" && s.kind !== "adjustment",
    validate: canValidate && s.state === "draft",
    approveFor: s.state === "validated" || s.state === "approved" ? approveFor : [],
    adjust: manage && s.state === "locked" && s.kind !== "adjustment",
  };
}
