import { eq } from "drizzle-orm";
import { addDays, addMonths, type CalendarDate } from "../../domain/calendar-date.js";
import {
  type ContractVersion,
  createVejleAmendment,
  createVejleContract,
  parseContractVersion,
  SETTLEMENT_ENGINE_VERSION,
  settle,
} from "../../domain/contract/index.js";
import { recordAudit } from "../audit/record.js";
import type { Tx } from "../db/client.js";
import {
  contractAcceptance,
  contractVersion,
  ledgerEntry,
  outcomeContract,
  settlementStatement,
  statementEvent,
} from "../db/schema/index.js";
import { partiesOfProject } from "../modules/contracts/contract-access.js";
import { loadContractOutcomes } from "../modules/contracts/contract-outcomes.js";

/*
 * The Vejle outcome contract (issue 6 demo data): 4.8 million DKK invested in three disbursements, a
 * 5 % risk premium, 20 ordinary and 5 intensive families, the payment goals of the worked example
 * (src/domain/contract/vejle-example.ts). Version 1 is accepted by all four parties; version 2 (the
 * well-being goal, weight 0) is proposed and accepted by the municipality only. An interim statement
 * is validated, approved by both parties and locked (its repayment booked); the final statement is a
 * draft.
 *
 * The public programme ran January 2022 – January 2025. The demo families' courses are dated relative
 * to today (so that tasks and measurements look current), so the demo's service window runs from the
 * project's start to the end of next year; the follow-up is the two years after it.
 */

export interface ContractSeedInput {
  orgIds: Record<string, string>;
  projectIds: Record<string, string>;
  userIds: Record<string, string>;
  now: Date;
  today: CalendarDate;
}

export async function seedContractDemo(tx: Tx, input: ContractSeedInput): Promise<{ contractId: string }> {
  const { orgIds, projectIds, userIds, now, today } = input;
  const projectId = projectIds.vejle!;
  const payerOrg = orgIds.vejle!;
  const origin = { actorUserId: null, requestId: "seed", now: () => now };
  const parties = await partiesOfProject(tx, projectId);
  const id = crypto.randomUUID();
  const serviceTo = `${Number(today.slice(0, 4)) + 1}-12-31` as CalendarDate;
  const example = createVejleContract();
  const v1 = parseContractVersion({
    ...example,
    contractId: id,
    title: "Resultatbaseret familiebehandling på modersmål, Vejle",
    parties,
    serviceWindow: { from: "2022-01-01", to: serviceTo },
    followUpWindow: { from: addDays(serviceTo, 1), to: addMonths(serviceTo, 24) },
    acceptances: [],
  });
  const v2 = createVejleAmendment(v1);
  const manager = userIds["projektleder@vejle.demo"]!;
  await tx.insert(outcomeContract).values({
    id,
    organisationId: payerOrg,
    projectId,
    title: v1.title,
    currentVersion: 2,
    version: 2,
    createdBy: manager,
    createdAt: now,
    updatedAt: now,
  });
  const termsOf = (c: ContractVersion) => {
    const { acceptances: _a, ...terms } = c;
    return terms as unknown as Record<string, unknown>;
  };
  await tx.insert(contractVersion).values([
    {
      contractId: id,
      version: 1,
      organisationId: payerOrg,
      projectId,
      validFrom: v1.validFrom,
      terms: termsOf(v1),
      reason: null,
      createdBy: manager,
      createdAt: now,
    },
    {
      contractId: id,
      version: 2,
      organisationId: payerOrg,
      projectId,
      validFrom: v2.validFrom,
      terms: termsOf(v2),
      reason: v2.amendment!.reason,
      createdBy: manager,
      createdAt: now,
    },
  ]);
  const signers: Record<string, string> = {
    payer: "Direktør for Børn og Familie, Vejle Kommune",
    investor: "Investeringschef",
    provider: "Direktør",
    evaluator: "Projektleder, evaluering",
  };
  await tx.insert(contractAcceptance).values([
    ...parties.map((p) => ({
      contractId: id,
      version: 1,
      organisationId: payerOrg,
      partyOrganisationId: p.organisationId,
      acceptedByName: signers[p.role]!,
      acceptedOn: "2021-11-15",
      recordedBy: manager,
      createdAt: now,
    })),
    {
      contractId: id,
      version: 2,
      organisationId: payerOrg,
      partyOrganisationId: payerOrg,
      acceptedByName: signers.payer!,
      acceptedOn: "2022-09-01",
      recordedBy: manager,
      createdAt: now,
    },
  ]);
  await recordAudit(tx, origin, {
    type: "contract.created",
    subjectId: id,
    organisationId: payerOrg,
    projectId,
    payload: { version: 1, tracks: v1.tracks.map((t) => t.code) },
  });
  const investor = parties.find((p) => p.role === "investor")!.organisationId;
  const evaluator = parties.find((p) => p.role === "evaluator")!.organisationId;
  await tx.insert(ledgerEntry).values(
    v1.disbursements.map((d, i) => ({
      contractId: id,
      organisationId: payerOrg,
      projectId,
      kind: "disbursement",
      amountOre: d.amountOre,
      fromOrganisationId: investor,
      toOrganisationId: payerOrg,
      bookedOn: d.date,
      idempotencyKey: `seed-disbursement-${i + 1}`,
      note: `Udbetaling ${i + 1} af 3`,
      createdBy: userIds["okonomi@vejle.demo"] ?? null,
      createdAt: now,
    })),
  );

  // The version accepted by all (1) settles both statements.
  const accepted = parseContractVersion({
    ...termsOf(v1),
    acceptances: parties.map((p) => ({
      organisationId: p.organisationId,
      acceptedBy: signers[p.role]!,
      acceptedOn: "2021-11-15",
    })),
  });
  const statements = [
    {
      kind: "interim" as const,
      to: addMonths(today, -2),
      settlementDate: addMonths(today, -1),
      locked: true,
    },
    { kind: "final" as const, to: today, settlementDate: today, locked: false },
  ];
  for (const s of statements) {
    const period = {
      periodId: s.kind === "interim" ? `mellemopgørelse-${s.to.slice(0, 7)}` : "slutopgørelse",
      kind: s.kind,
      from: accepted.serviceWindow.from,
      to: s.to,
      settlementDate: s.settlementDate,
    };
    const outcomes = await loadContractOutcomes(tx, { projectId, contract: accepted, period });
    const settlement = settle(accepted, outcomes.outcomes, period, {
      families: outcomes.families.map((f) => ({ familyId: f.familyId, trackCode: f.trackCode })),
    });
    const [row] = await tx
      .insert(settlementStatement)
      .values({
        contractId: id,
        contractVersion: 1,
        organisationId: payerOrg,
        projectId,
        kind: s.kind,
        periodId: period.periodId,
        periodFrom: period.from,
        periodTo: period.to,
        settlementDate: period.settlementDate,
        state: "draft",
        settlement: settlement as unknown as Record<string, unknown>,
        details: outcomes.details as unknown as Record<string, unknown>,
        totalOre: settlement.totalOre,
        engineVersion: SETTLEMENT_ENGINE_VERSION,
        createdBy: manager,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: settlementStatement.id });
    const event = (
      name: string,
      party: string | null,
      user: string | undefined,
      reason = "",
    ): typeof statementEvent.$inferInsert => ({
      statementId: row!.id,
      organisationId: payerOrg,
      event: name,
      partyOrganisationId: party,
      byUserId: user ?? null,
      reason,
      occurredAt: now,
    });
    const events = [event("created", null, manager)];
    if (s.locked) {
      events.push(
        event("validated", evaluator, userIds["evaluator@evaluering.demo"], "Målingerne er gennemgået."),
        event("approved", payerOrg, userIds["okonomi@vejle.demo"]),
        event("approved", investor, userIds["investor@fond.demo"]),
        event("locked", null, userIds["investor@fond.demo"]),
      );
      if (settlement.totalOre > 0)
        await tx.insert(ledgerEntry).values({
          contractId: id,
          organisationId: payerOrg,
          projectId,
          kind: "repayment",
          amountOre: settlement.totalOre,
          fromOrganisationId: payerOrg,
          toOrganisationId: investor,
          bookedOn: period.settlementDate,
          statementId: row!.id,
          note: `Tilbagebetaling efter ${period.periodId}`,
          createdBy: userIds["investor@fond.demo"] ?? null,
          createdAt: now,
        });
    }
    await tx.insert(statementEvent).values(events);
    // The state last: a locked statement cannot change afterwards (trigger).
    if (s.locked) {
      await tx
        .update(settlementStatement)
        .set({ state: "locked" })
        .where(eq(settlementStatement.id, row!.id));
    }
  }
  return { contractId: id };
}
