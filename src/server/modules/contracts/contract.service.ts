import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type {
  ContractAcceptInputSchema,
  ContractAmendInputSchema,
  ContractCreateInputSchema,
  ContractDetailSchema,
  ContractSummarySchema,
} from "../../../contracts/outcome-contracts.js";
import { can, scope } from "../../../domain/access/index.js";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import {
  type ContractParty,
  type ContractTerms,
  type ContractVersion,
  isFullyAccepted,
  missingAcceptances,
  selectContractVersion,
  validateContractVersion,
} from "../../../domain/contract/index.js";
import type { MeasurementSchedule } from "../../../domain/progression/index.js";
import { OUTCOME_RULE_CATALOGUE } from "../../../domain/progression/index.js";
import type { ActorContext } from "../../context.js";
import type { DbOrTx } from "../../db/client.js";
import { userNames } from "../../db/display-names.js";
import {
  appUser,
  contractAcceptance,
  contractVersion,
  ledgerEntry,
  outcomeContract,
  project,
  settlementStatement,
  track,
} from "../../db/schema/index.js";
import { scopeFilter } from "../../db/scope-filter.js";
import { AppError, enforce, forbidden, staleVersion } from "../../errors.js";
import {
  type ContractRow,
  contractResource,
  familyVisibilityOf,
  loadContractFor,
  loadProject,
  organisationsOf,
  partiesOfProject,
} from "./contract-access.js";
import { ruleAvailabilityOfTracks } from "./track-rule-availability.js";

type Summary = z.infer<typeof ContractSummarySchema>;
type Detail = z.infer<typeof ContractDetailSchema>;
type VersionRow = typeof contractVersion.$inferSelect;
type AcceptanceRow = typeof contractAcceptance.$inferSelect;

/** A contract version as the engine reads it: the stored terms plus the acceptances recorded so far. */
export function toContractVersion(v: VersionRow, acceptances: readonly AcceptanceRow[]): ContractVersion {
  const result = validateContractVersion({
    ...v.terms,
    acceptances: acceptances
      .filter((a) => a.version === v.version)
      .map((a) => ({
        organisationId: a.partyOrganisationId,
        acceptedBy: a.acceptedByName,
        acceptedOn: a.acceptedOn,
      })),
  });
  if (!result.ok) throw new Error(`Stored contract version ${v.contractId}/${v.version} is invalid`);
  return result.contract;
}

/** Every version of a contract with its acceptances, oldest first. */
export async function loadContractVersions(db: DbOrTx, contractId: string) {
  const versions = await db
    .select()
    .from(contractVersion)
    .where(eq(contractVersion.contractId, contractId))
    .orderBy(asc(contractVersion.version));
  const acceptances = await db
    .select()
    .from(contractAcceptance)
    .where(eq(contractAcceptance.contractId, contractId))
    .orderBy(asc(contractAcceptance.createdAt));
  return { versions, acceptances, contracts: versions.map((v) => toContractVersion(v, acceptances)) };
}

/** The version a statement settles on `date`: the newest fully accepted one in force. */
export function versionInForce(contracts: readonly ContractVersion[], date: string): ContractVersion | null {
  const accepted = contracts.filter(isFullyAccepted);
  if (accepted.length === 0) return null;
  try {
    return selectContractVersion(accepted, date as ContractVersion["validFrom"]);
  } catch {
    return null;
  }
}

/** Checks terms against the engine's rules and the project's tracks; a 400 with Danish field errors. */
async function checkTerms(
  db: DbOrTx,
  projectId: string,
  candidate: Record<string, unknown>,
): Promise<ContractVersion> {
  const tracks = await db
    .select({ code: track.code, measurementSchedule: track.measurementSchedule })
    .from(track)
    .where(eq(track.projectId, projectId));
  const details: { path: string; message: string }[] = [];
  const codes = new Set(tracks.map((t) => t.code));
  const termTracks = (candidate.tracks as { code: string }[] | undefined) ?? [];
  termTracks.forEach((t, i) => {
    if (!codes.has(t.code))
      details.push({
        path: `terms.tracks.${i}.code`,
        message: `Projektet har intet spor med koden "${t.code}" (har: ${[...codes].join(", ")})`,
      });
  });
  const isAvailable = ruleAvailabilityOfTracks(
    tracks.map((t) => ({
      code: t.code,
      measurementSchedule: t.measurementSchedule as MeasurementSchedule | null,
    })),
  );
  const result = validateContractVersion(candidate, {
    isRuleAvailable: (rule, trackCode) => !codes.has(trackCode) || isAvailable(rule, trackCode),
  });
  if (!result.ok) {
    for (const [path, message] of Object.entries(result.errors)) {
      const friendly =
        message.includes("måles ikke") || !path.endsWith("outcomeRule")
          ? message
          : "Sporet måler ikke det, målet bygger på (se sporets måleplan)";
      details.push({ path: path === "" ? "terms" : `terms.${path}`, message: friendly });
    }
  }
  if (details.length > 0)
    throw new AppError("VALIDATION_FAILED", "Kontrakten kan ikke gemmes: ret felterne nedenfor.", details);
  if (!result.ok) throw new Error("unreachable");
  return result.contract;
}

function termsOf(contract: ContractVersion): Record<string, unknown> {
  const { acceptances: _acceptances, ...terms } = contract;
  return terms as unknown as Record<string, unknown>;
}

/** Creates a contract (version 1) for a project. The parties are the project's. */
export async function createContract(
  ctx: ActorContext,
  projectId: string,
  input: z.output<typeof ContractCreateInputSchema>,
): Promise<Detail> {
  const p = await loadProject(ctx.db, projectId);
  enforce(
    can(ctx.actor, "contract.manage", {
      type: "contract",
      organisationIds: [p.organisationId],
      projectIds: [p.id],
    })
      ? { allowed: true }
      : can(ctx.actor, "project.read", {
            type: "project",
            organisationIds: [p.organisationId],
            projectIds: [p.id],
          })
        ? { allowed: false, reason: "forbidden" }
        : { allowed: false, reason: "hidden" },
    "Projektet",
  );
  const parties = await partiesOfProject(ctx.db, projectId);
  const id = crypto.randomUUID();
  const contract = await checkTerms(ctx.db, projectId, {
    ...input.terms,
    contractId: id,
    version: 1,
    parties,
    amendment: null,
    acceptances: [],
  });
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(outcomeContract).values({
      id,
      organisationId: p.organisationId,
      projectId,
      title: contract.title,
      currentVersion: 1,
      createdBy: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await tx.insert(contractVersion).values({
      contractId: id,
      version: 1,
      organisationId: p.organisationId,
      projectId,
      validFrom: contract.validFrom,
      terms: termsOf(contract),
      reason: null,
      createdBy: ctx.actor.userId,
      createdAt: now,
    });
    await ctx.audit(tx, {
      type: "contract.created",
      subjectId: id,
      organisationId: p.organisationId,
      projectId,
      payload: { version: 1, tracks: contract.tracks.map((t) => t.code) },
    });
  });
  return getContract(ctx, id);
}

/** A new version of the terms (an amendment), with its reason; the parties accept it afresh. */
export async function amendContract(
  ctx: ActorContext,
  id: string,
  input: z.output<typeof ContractAmendInputSchema>,
): Promise<Detail> {
  await ctx.db.transaction(async (tx) => {
    const row = await loadContractFor(ctx, tx, id, "contract.manage");
    if (row.currentVersion !== input.basedOnVersion) throw staleVersion();
    const { contracts } = await loadContractVersions(tx, id);
    const previous = contracts[contracts.length - 1]!;
    if (input.terms.validFrom < previous.validFrom)
      throw new AppError("VALIDATION_FAILED", "Den nye version kan ikke gælde fra før den forrige.", [
        { path: "terms.validFrom", message: `Skal være ${previous.validFrom} eller senere` },
      ]);
    const [author] = await tx
      .select({ name: appUser.displayName })
      .from(appUser)
      .where(eq(appUser.id, ctx.actor.userId));
    const version = previous.version + 1;
    const contract = await checkTerms(tx, row.projectId, {
      ...input.terms,
      contractId: id,
      version,
      parties: previous.parties,
      amendment: { previousVersion: previous.version, reason: input.reason, author: author?.name ?? "" },
      acceptances: [],
    });
    const now = ctx.now();
    const updated = await tx
      .update(outcomeContract)
      .set({
        currentVersion: version,
        title: contract.title,
        version: sql`${outcomeContract.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(outcomeContract.id, id), eq(outcomeContract.currentVersion, input.basedOnVersion)))
      .returning({ id: outcomeContract.id });
    if (updated.length === 0) throw staleVersion();
    await tx.insert(contractVersion).values({
      contractId: id,
      version,
      organisationId: row.organisationId,
      projectId: row.projectId,
      validFrom: contract.validFrom,
      terms: termsOf(contract),
      reason: input.reason,
      createdBy: ctx.actor.userId,
      createdAt: now,
    });
    await ctx.audit(tx, {
      type: "contract.amended",
      subjectId: id,
      organisationId: row.organisationId,
      projectId: row.projectId,
      payload: { version },
    });
  });
  return getContract(ctx, id);
}

/**
 * The parties the actor may record an acceptance for: their own organisation when it is a party and
 * they hold a contract role there; the payer's contract managers may also record a party's signature
 * on paper (the signed document is the source; the record says who entered it).
 */
function acceptableFor(ctx: ActorContext, row: ContractRow, contract: ContractVersion): ContractParty[] {
  const missing = new Set(missingAcceptances(contract));
  const open = contract.parties.filter((p) => missing.has(p.organisationId));
  const resource = contractResource(row);
  if (can(ctx.actor, "contract.manage", resource)) return open;
  const mine = organisationsOf(ctx.actor);
  const holdsContractRole = (orgId: string) =>
    ctx.actor.memberships.some(
      (m) =>
        m.organisationId === orgId &&
        (["contract.manage", "settlement.approve", "settlement.validate"] as const).some((perm) =>
          can({ ...ctx.actor, memberships: [m] }, perm, resource),
        ),
    );
  return open.filter((p) => mine.has(p.organisationId) && holdsContractRole(p.organisationId));
}

/** Records one party's acceptance of a version. Accepting twice records nothing new. */
export async function acceptContractVersion(
  ctx: ActorContext,
  id: string,
  versionNumber: number,
  input: z.output<typeof ContractAcceptInputSchema>,
): Promise<Detail> {
  await ctx.db.transaction(async (tx) => {
    const row = await loadContractFor(ctx, tx, id, "contract.read");
    const { contracts, acceptances } = await loadContractVersions(tx, id);
    const contract = contracts.find((c) => c.version === versionNumber);
    if (!contract) throw new AppError("NOT_FOUND", `Kontrakten har ingen version ${versionNumber}.`);
    const already = acceptances.some(
      (a) => a.version === versionNumber && a.partyOrganisationId === input.partyOrganisationId,
    );
    if (already) return;
    const party = contract.parties.find((p) => p.organisationId === input.partyOrganisationId);
    if (!party)
      throw new AppError("BAD_REQUEST", "Organisationen er ikke part i kontrakten.", [
        { path: "partyOrganisationId", message: "Vælg en af kontraktens parter" },
      ]);
    if (!acceptableFor(ctx, row, contract).some((p) => p.organisationId === party.organisationId))
      throw forbidden();
    if (input.acceptedOn < contract.validFrom && versionNumber > 1)
      throw new AppError("VALIDATION_FAILED", "Accepten kan ikke ligge før versionen blev lavet.", [
        { path: "acceptedOn", message: `Skal være ${contract.validFrom} eller senere` },
      ]);
    const inserted = await tx
      .insert(contractAcceptance)
      .values({
        contractId: id,
        version: versionNumber,
        organisationId: row.organisationId,
        partyOrganisationId: party.organisationId,
        acceptedByName: input.acceptedByName,
        acceptedOn: input.acceptedOn,
        recordedBy: ctx.actor.userId,
        createdAt: ctx.now(),
      })
      .onConflictDoNothing()
      .returning({ id: contractAcceptance.id });
    if (inserted.length === 0) return;
    await ctx.audit(tx, {
      type: "contract.accepted",
      subjectId: id,
      organisationId: row.organisationId,
      projectId: row.projectId,
      payload: { version: versionNumber, partyOrganisationId: party.organisationId },
    });
  });
  return getContract(ctx, id);
}

async function summariesOf(db: DbOrTx, rows: readonly ContractRow[]): Promise<Summary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const versions = await db.select().from(contractVersion).where(inArray(contractVersion.contractId, ids));
  const acceptances = await db
    .select()
    .from(contractAcceptance)
    .where(inArray(contractAcceptance.contractId, ids));
  const repaid = await db
    .select({
      contractId: ledgerEntry.contractId,
      total: sql<string>`coalesce(sum(${ledgerEntry.amountOre}), 0)`,
    })
    .from(ledgerEntry)
    .where(and(inArray(ledgerEntry.contractId, ids), eq(ledgerEntry.kind, "repayment")))
    .groupBy(ledgerEntry.contractId);
  const statements = await db
    .select({ contractId: settlementStatement.contractId, n: count() })
    .from(settlementStatement)
    .where(inArray(settlementStatement.contractId, ids))
    .groupBy(settlementStatement.contractId);
  const projects = await db
    .select({ id: project.id, name: project.name })
    .from(project)
    .where(inArray(project.id, [...new Set(rows.map((r) => r.projectId))]));
  return rows.map((r) => {
    const own = versions
      .filter((v) => v.contractId === r.id)
      .sort((a, b) => a.version - b.version)
      .map((v) =>
        toContractVersion(
          v,
          acceptances.filter((a) => a.contractId === r.id),
        ),
      );
    const current = own[own.length - 1]!;
    const inForce = own.filter(isFullyAccepted).at(-1) ?? null;
    return {
      id: r.id,
      projectId: r.projectId,
      projectName: projects.find((p) => p.id === r.projectId)?.name ?? "",
      organisationId: r.organisationId,
      title: r.title,
      currentVersion: r.currentVersion,
      versionInForce: inForce?.version ?? null,
      investmentOre: current.investmentOre,
      capOre: current.capOre,
      repaidOre: Number(repaid.find((x) => x.contractId === r.id)?.total ?? 0),
      statements: statements.find((x) => x.contractId === r.id)?.n ?? 0,
      version: r.version,
    };
  });
}

/** The contracts of a project the actor may read. */
export async function listProjectContracts(ctx: ActorContext, projectId: string): Promise<Summary[]> {
  const p = await loadProject(ctx.db, projectId);
  const resource = { type: "contract" as const, organisationIds: [p.organisationId], projectIds: [p.id] };
  if (!can(ctx.actor, "contract.read", resource)) {
    enforce(
      can(ctx.actor, "project.read", {
        type: "project",
        organisationIds: [p.organisationId],
        projectIds: [p.id],
      })
        ? { allowed: true }
        : { allowed: false, reason: "hidden" },
      "Projektet",
    );
    return [];
  }
  const rows = await ctx.db
    .select()
    .from(outcomeContract)
    .where(eq(outcomeContract.projectId, projectId))
    .orderBy(desc(outcomeContract.createdAt));
  return summariesOf(ctx.db, rows);
}

/** Every contract the actor may read (the contracts menu). */
export async function listContracts(ctx: ActorContext): Promise<Summary[]> {
  const s = scope(ctx.actor, "contract.read");
  const where = scopeFilter(s, {
    organisationId: outcomeContract.organisationId,
    projectId: outcomeContract.projectId,
  });
  const rows = await ctx.db
    .select()
    .from(outcomeContract)
    .where(where)
    .orderBy(desc(outcomeContract.createdAt));
  return summariesOf(ctx.db, rows);
}

/** One contract with every version, its acceptances and what the actor may do. */
export async function getContract(ctx: ActorContext, id: string): Promise<Detail> {
  const row = await loadContractFor(ctx, ctx.db, id, "contract.read");
  const [summary] = await summariesOf(ctx.db, [row]);
  const { versions, acceptances, contracts } = await loadContractVersions(ctx.db, id);
  const names = await userNames(
    ctx.db,
    [...versions.map((v) => v.createdBy), ...acceptances.map((a) => a.recordedBy)].filter(
      (x): x is string => x !== null,
    ),
  );
  const resource = contractResource(row);
  const current = contracts[contracts.length - 1]!;
  return {
    ...summary!,
    versions: versions.map((v, i) => {
      const c = contracts[i]!;
      const missing = new Set(missingAcceptances(c));
      const { contractId: _c, version: _v, parties, amendment: _a, acceptances: _acc, ...terms } = c;
      return {
        version: v.version,
        validFrom: c.validFrom,
        reason: v.reason,
        createdByName: v.createdBy ? (names.get(v.createdBy) ?? null) : null,
        createdAt: v.createdAt.toISOString(),
        terms: terms as ContractTerms,
        parties,
        acceptances: acceptances
          .filter((a) => a.version === v.version)
          .map((a) => ({
            partyOrganisationId: a.partyOrganisationId,
            partyName: parties.find((p) => p.organisationId === a.partyOrganisationId)?.name ?? "",
            acceptedByName: a.acceptedByName,
            acceptedOn: a.acceptedOn as CalendarDate,
            recordedByName: a.recordedBy ? (names.get(a.recordedBy) ?? null) : null,
            recordedAt: a.createdAt.toISOString(),
          })),
        missingAcceptances: parties.filter((p) => missing.has(p.organisationId)),
        isFullyAccepted: isFullyAccepted(c),
      };
    }),
    abilities: {
      manage: can(ctx.actor, "contract.manage", resource),
      validate: can(ctx.actor, "settlement.validate", resource),
      approve: can(ctx.actor, "settlement.approve", resource),
      acceptFor: acceptableFor(ctx, row, current),
      seesFamilies: familyVisibilityOf(ctx.actor, row) === "names",
    },
  };
}

/** The outcome rules a goal may use, with the project's tracks that measure what each needs. */
export async function outcomeRuleOptions(ctx: ActorContext, projectId: string) {
  const p = await loadProject(ctx.db, projectId);
  enforce(
    can(ctx.actor, "contract.read", {
      type: "contract",
      organisationIds: [p.organisationId],
      projectIds: [p.id],
    })
      ? { allowed: true }
      : { allowed: false, reason: "hidden" },
    "Projektet",
  );
  const tracks = await ctx.db
    .select({ code: track.code, measurementSchedule: track.measurementSchedule })
    .from(track)
    .where(eq(track.projectId, projectId))
    .orderBy(asc(track.code));
  const isAvailable = ruleAvailabilityOfTracks(
    tracks.map((t) => ({
      code: t.code,
      measurementSchedule: t.measurementSchedule as MeasurementSchedule | null,
    })),
  );
  return OUTCOME_RULE_CATALOGUE.map((e) => ({
    ruleId: e.ruleId,
    ruleVersion: e.ruleVersion,
    name: e.name,
    nameEn: e.nameEn,
    trackCodes: tracks.filter((t) => isAvailable(e, t.code)).map((t) => t.code),
  }));
}
