import { sql } from "drizzle-orm";
import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { appUser } from "./identity.js";
import { organisation, project } from "./tenancy.js";

/*
 * Outcome contracts (issue 6). A contract belongs to a project and its owner (the paying municipality).
 * Its terms live in immutable versions; acceptances, statement events and the ledger are append-only
 * (triggers in migration 0010). A locked statement never changes; a correction is a new adjusting
 * statement that refers to it. See docs/outcome-contracts.md.
 */

/** An outcome contract: what stays the same across its versions. */
export const outcomeContract = pgTable(
  "outcome_contract",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    /** The paying municipality (the project's owner): the tenant of every row below. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    projectId: uuid("project_id")
      .notNull()
      .references(() => project.id),
    title: text("title").notNull(),
    /** The newest version (the one being accepted, or in force once accepted). */
    currentVersion: integer("current_version").notNull().default(1),
    /** Optimistic concurrency for amendments. */
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => appUser.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("outcome_contract_project_idx").on(t.projectId)],
);

/** One version of a contract's terms (the domain's ContractVersion without its acceptances). */
export const contractVersion = pgTable(
  "contract_version",
  {
    contractId: uuid("contract_id")
      .notNull()
      .references(() => outcomeContract.id),
    version: integer("version").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    projectId: uuid("project_id").notNull(),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    terms: jsonb("terms").$type<Record<string, unknown>>().notNull(),
    /** Why the version was made (null for version 1). */
    reason: text("reason"),
    createdBy: uuid("created_by").references(() => appUser.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.version] })],
);

/** A party's acceptance of a contract version, once per party and version. */
export const contractAcceptance = pgTable(
  "contract_acceptance",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => outcomeContract.id),
    version: integer("version").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    /** The accepting party. */
    partyOrganisationId: uuid("party_organisation_id")
      .notNull()
      .references(() => organisation.id),
    /** Who signed for the party (name and title as on the signed document). */
    acceptedByName: text("accepted_by_name").notNull(),
    acceptedOn: date("accepted_on", { mode: "string" }).notNull(),
    /** The user who recorded it (the party's own user, or the payer's recording a signed paper). */
    recordedBy: uuid("recorded_by").references(() => appUser.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("contract_acceptance_party_uq").on(t.contractId, t.version, t.partyOrganisationId)],
);

/**
 * A settlement statement for a period (interim, final) or an adjusting statement of a locked one.
 * `settlement` is the engine's full result (with family ids); `details` the per family-goal evidence.
 */
export const settlementStatement = pgTable(
  "settlement_statement",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => outcomeContract.id),
    contractVersion: integer("contract_version").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    projectId: uuid("project_id").notNull(),
    /** interim | final | adjustment */
    kind: text("kind").notNull(),
    periodId: text("period_id").notNull(),
    periodFrom: date("period_from", { mode: "string" }).notNull(),
    periodTo: date("period_to", { mode: "string" }).notNull(),
    settlementDate: date("settlement_date", { mode: "string" }).notNull(),
    /** draft → validated → approved (one party) → locked (all approvals) */
    state: text("state").notNull().default("draft"),
    /** The locked statement an adjusting statement corrects. */
    adjustsStatementId: uuid("adjusts_statement_id"),
    settlement: jsonb("settlement").$type<Record<string, unknown>>().notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    /** What the payer repays by this statement (an adjustment: the difference, may be negative). */
    totalOre: bigint("total_ore", { mode: "number" }).notNull(),
    engineVersion: text("engine_version").notNull(),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => appUser.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("settlement_statement_contract_idx").on(t.contractId),
    uniqueIndex("settlement_statement_period_uq")
      .on(t.contractId, t.periodId)
      .where(sql`${t.kind} <> 'adjustment'`),
  ],
);

/** Each step of a statement: who, when, why. An approval is recorded once per party. */
export const statementEvent = pgTable(
  "statement_event",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    statementId: uuid("statement_id")
      .notNull()
      .references(() => settlementStatement.id),
    organisationId: uuid("organisation_id").notNull(),
    /** created | recomputed | validated | approved | locked */
    event: text("event").notNull(),
    /** The party the step was taken for (validator, approver). */
    partyOrganisationId: uuid("party_organisation_id").references(() => organisation.id),
    byUserId: uuid("by_user_id").references(() => appUser.id),
    reason: text("reason").notNull().default(""),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("statement_event_statement_idx").on(t.statementId),
    uniqueIndex("statement_event_approval_uq")
      .on(t.statementId, t.partyOrganisationId)
      .where(sql`${t.event} = 'approved'`),
  ],
);

/** Money between the parties: disbursements, repayments, adjustments. Append-only. */
export const ledgerEntry = pgTable(
  "ledger_entry",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => outcomeContract.id),
    organisationId: uuid("organisation_id").notNull(),
    projectId: uuid("project_id").notNull(),
    /** disbursement (investor → provider/payer) | repayment (payer → investor) | adjustment */
    kind: text("kind").notNull(),
    /** Positive; the direction is from → to. */
    amountOre: bigint("amount_ore", { mode: "number" }).notNull(),
    fromOrganisationId: uuid("from_organisation_id")
      .notNull()
      .references(() => organisation.id),
    toOrganisationId: uuid("to_organisation_id")
      .notNull()
      .references(() => organisation.id),
    bookedOn: date("booked_on", { mode: "string" }).notNull(),
    statementId: uuid("statement_id").references(() => settlementStatement.id),
    /** A retried request with the same key books nothing twice. */
    idempotencyKey: text("idempotency_key"),
    note: text("note").notNull().default(""),
    createdBy: uuid("created_by").references(() => appUser.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("ledger_entry_contract_idx").on(t.contractId),
    uniqueIndex("ledger_entry_idempotency_uq").on(t.contractId, t.idempotencyKey),
    uniqueIndex("ledger_entry_statement_uq").on(t.statementId),
  ],
);
