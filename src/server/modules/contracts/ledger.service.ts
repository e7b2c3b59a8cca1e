import { and, asc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { DisbursementInputSchema, LedgerSchema } from "../../../contracts/outcome-contracts.js";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import type { ActorContext } from "../../context.js";
import type { DbOrTx } from "../../db/client.js";
import { organisationNames, userNames } from "../../db/display-names.js";
import { ledgerEntry } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { loadContractVersions } from "./contract.service.js";
import { loadContractFor } from "./contract-access.js";

/*
 * The ledger of money between the parties: disbursements (investor → payer, who pays the provider),
 * repayments and adjustments (booked by locking a statement). Append-only (a trigger); a disbursement
 * sent twice with the same Idempotency-Key is booked once, and the second answer is the first entry.
 */

type Ledger = z.infer<typeof LedgerSchema>;

export async function readLedger(db: DbOrTx, contractId: string): Promise<Ledger> {
  const rows = await db
    .select()
    .from(ledgerEntry)
    .where(eq(ledgerEntry.contractId, contractId))
    .orderBy(asc(ledgerEntry.bookedOn), asc(ledgerEntry.createdAt));
  const orgs = await organisationNames(
    db,
    rows.flatMap((r) => [r.fromOrganisationId, r.toOrganisationId]),
  );
  const users = await userNames(
    db,
    rows.map((r) => r.createdBy).filter((x): x is string => x !== null),
  );
  const signed = (kind: string, from: string, to: string, amount: number, investorId: string | null) =>
    kind === "disbursement" ? 0 : to === investorId ? amount : from === investorId ? -amount : 0;
  const { contracts } = await loadContractVersions(db, contractId);
  const investorId = contracts.at(-1)?.parties.find((p) => p.role === "investor")?.organisationId ?? null;
  const disbursedOre = rows.filter((r) => r.kind === "disbursement").reduce((n, r) => n + r.amountOre, 0);
  const repaidOre = rows.reduce(
    (n, r) => n + signed(r.kind, r.fromOrganisationId, r.toOrganisationId, r.amountOre, investorId),
    0,
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind as Ledger["items"][number]["kind"],
      amountOre: r.amountOre,
      fromOrganisationId: r.fromOrganisationId,
      fromName: orgs.get(r.fromOrganisationId) ?? "",
      toOrganisationId: r.toOrganisationId,
      toName: orgs.get(r.toOrganisationId) ?? "",
      bookedOn: r.bookedOn as CalendarDate,
      statementId: r.statementId,
      note: r.note,
      createdByName: r.createdBy ? (users.get(r.createdBy) ?? null) : null,
      createdAt: r.createdAt.toISOString(),
    })),
    disbursedOre,
    repaidOre,
    netOre: repaidOre - disbursedOre,
  };
}

export async function getLedger(ctx: ActorContext, contractId: string): Promise<Ledger> {
  await loadContractFor(ctx, ctx.db, contractId, "contract.read");
  return readLedger(ctx.db, contractId);
}

/**
 * Books a disbursement from the investor to the payer. `idempotencyKey` (the Idempotency-Key header)
 * makes a retry harmless: the same key books nothing new.
 */
export async function bookDisbursement(
  ctx: ActorContext,
  contractId: string,
  input: z.output<typeof DisbursementInputSchema>,
  idempotencyKey: string | undefined,
): Promise<{ ledger: Ledger; created: boolean }> {
  if (!idempotencyKey || idempotencyKey.length < 8 || idempotencyKey.length > 200)
    throw new AppError(
      "BAD_REQUEST",
      "Headeren Idempotency-Key mangler (8–200 tegn): den sikrer, at et gentaget tryk ikke bogfører to gange.",
    );
  const created = await ctx.db.transaction(async (tx) => {
    const row = await loadContractFor(ctx, tx, contractId, "contract.manage");
    const [existing] = await tx
      .select({ id: ledgerEntry.id })
      .from(ledgerEntry)
      .where(and(eq(ledgerEntry.contractId, contractId), eq(ledgerEntry.idempotencyKey, idempotencyKey)));
    if (existing) return false;
    const { contracts } = await loadContractVersions(tx, contractId);
    const current = contracts.at(-1)!;
    const investor = current.parties.find((p) => p.role === "investor")!;
    const payer = current.parties.find((p) => p.role === "payer")!;
    const [entry] = await tx
      .insert(ledgerEntry)
      .values({
        contractId,
        organisationId: row.organisationId,
        projectId: row.projectId,
        kind: "disbursement",
        amountOre: input.amountOre,
        fromOrganisationId: investor.organisationId,
        toOrganisationId: payer.organisationId,
        bookedOn: input.bookedOn,
        idempotencyKey,
        note: input.note,
        createdBy: ctx.actor.userId,
        createdAt: ctx.now(),
      })
      .onConflictDoNothing()
      .returning({ id: ledgerEntry.id });
    if (!entry) return false;
    await ctx.audit(tx, {
      type: "ledger.booked",
      subjectId: contractId,
      organisationId: row.organisationId,
      projectId: row.projectId,
      payload: { entryId: entry.id, kind: "disbursement", amountOre: input.amountOre },
    });
    return true;
  });
  return { ledger: await readLedger(ctx.db, contractId), created };
}
