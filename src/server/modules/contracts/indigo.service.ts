import { asc, eq } from "drizzle-orm";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import {
  buildIndigoProject,
  INDIGO_SECTIONS,
  type IndigoStatus,
  type Settlement,
} from "../../../domain/contract/index.js";
import type { ActorContext } from "../../context.js";
import { ledgerEntry, settlementStatement } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { loadContractVersions, versionInForce } from "./contract.service.js";
import { loadContractFor, loadProject } from "./contract-access.js";
import { statementEvents } from "./statement.service.js";

/*
 * The contract and its results in GO Lab's INDIGO data standard 4.1.0 (docs/indigo-export.md). Only
 * aggregates leave: counts are suppressed as in the investor's view, and no family or person appears.
 * The parties choose PUBLIC or PRIVATE per section or field at export time; the defaults keep money
 * and results PRIVATE.
 */

export async function exportIndigo(
  ctx: ActorContext,
  contractId: string,
  visibility: Record<string, IndigoStatus> = {},
) {
  const unknown = Object.keys(visibility).filter((k) => !INDIGO_SECTIONS.includes(k.split(".")[0]!));
  if (unknown.length > 0)
    throw new AppError("VALIDATION_FAILED", "Ukendte felter i INDIGO-eksporten.", [
      {
        path: "visibility",
        message: `Kendes ikke: ${unknown.join(", ")} (kendte: ${INDIGO_SECTIONS.join(", ")})`,
      },
    ]);
  const row = await loadContractFor(ctx, ctx.db, contractId, "contract.read");
  const p = await loadProject(ctx.db, row.projectId);
  const { contracts } = await loadContractVersions(ctx.db, contractId);
  const contract = versionInForce(contracts, "9999-12-31") ?? contracts.at(-1)!;
  const statements = await ctx.db
    .select()
    .from(settlementStatement)
    .where(eq(settlementStatement.contractId, contractId))
    .orderBy(asc(settlementStatement.periodTo));
  const exported = [];
  for (const s of statements.filter((x) => x.kind !== "adjustment" && x.state !== "draft")) {
    const events = await statementEvents(ctx.db, s.id);
    const validated = events.find((e) => e.event === "validated");
    const locked = events.find((e) => e.event === "locked");
    exported.push({
      id: s.id,
      state: s.state as "validated" | "approved" | "locked",
      settlement: s.settlement as unknown as Settlement,
      validatedBy: validated?.partyOrganisationId
        ? {
            organisationId: validated.partyOrganisationId,
            name: "",
            on: validated.occurredAt.toISOString().slice(0, 10) as CalendarDate,
          }
        : undefined,
      approvedOn: locked ? (locked.occurredAt.toISOString().slice(0, 10) as CalendarDate) : undefined,
    });
  }
  const ledger = await ctx.db.select().from(ledgerEntry).where(eq(ledgerEntry.contractId, contractId));
  const result = buildIndigoProject({
    project: {
      // One INDIGO project per outcomes contract: a Bundlinje project may hold more than one contract.
      id: `BUNDLINJE-${contractId}`,
      name: p.name,
      description: p.description,
      startsOn: p.startsOn as CalendarDate,
      endsOn: p.endsOn as CalendarDate,
    },
    organisations: contract.parties.map((party) => ({
      id: party.organisationId,
      name: party.name,
      role: party.role,
    })),
    contract,
    statements: exported,
    ledger: ledger.map((e) => ({
      date: e.bookedOn as CalendarDate,
      kind: e.kind as "disbursement" | "repayment" | "adjustment",
      amountOre: e.amountOre as never,
      fromOrganisationId: e.fromOrganisationId,
      toOrganisationId: e.toOrganisationId,
    })),
    visibility,
  });
  await ctx.audit(ctx.db, {
    type: "contract.exported",
    subjectId: contractId,
    organisationId: row.organisationId,
    projectId: row.projectId,
    payload: { format: "indigo" },
  });
  return result;
}
