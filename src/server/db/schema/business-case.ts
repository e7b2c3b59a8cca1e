import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { appUser } from "./identity.js";
import { organisation, project } from "./tenancy.js";

/**
 * A business case owned by an organisation, optionally for a project. Its scenario lives in
 * versions; `current_version` points at the newest. Shared with the project's parties (e.g. the
 * investor) only when `is_shared_with_parties`.
 */
export const businessCase = pgTable(
  "business_case",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    projectId: uuid("project_id").references(() => project.id),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    isSharedWithParties: boolean("is_shared_with_parties").notNull().default(false),
    currentVersion: integer("current_version").notNull().default(1),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("business_case_org_idx").on(t.organisationId),
    index("business_case_project_idx").on(t.projectId),
  ],
);

/** One saved scenario of a business case: immutable once written. */
export const businessCaseVersion = pgTable(
  "business_case_version",
  {
    businessCaseId: uuid("business_case_id")
      .notNull()
      .references(() => businessCase.id),
    version: integer("version").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    projectId: uuid("project_id"),
    scenario: jsonb("scenario").$type<Record<string, unknown>>().notNull(),
    engineVersion: text("engine_version").notNull(),
    /** Key results when saved (accumulated at horizon, payback), for lists. */
    accumulatedAtHorizonOre: bigint("accumulated_at_horizon_ore", { mode: "number" }),
    paybackYears: numeric("payback_years", { precision: 8, scale: 3, mode: "number" }),
    note: text("note").notNull().default(""),
    createdBy: uuid("created_by").references(() => appUser.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.businessCaseId, t.version] })],
);

/**
 * A unit price in a catalogue: an organisation's own, or the shared national catalogue
 * (organisation_id null). Every price carries its source and price year.
 */
export const unitPrice = pgTable(
  "unit_price",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    organisationId: uuid("organisation_id").references(() => organisation.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    unit: text("unit").notNull(),
    amountOre: bigint("amount_ore", { mode: "number" }).notNull(),
    priceYear: integer("price_year").notNull(),
    municipalityPct: integer("municipality_pct").notNull().default(100),
    regionPct: integer("region_pct").notNull().default(0),
    statePct: integer("state_pct").notNull().default(0),
    sourceText: text("source_text").notNull(),
    sourceUrl: text("source_url"),
    isExample: boolean("is_example").notNull().default(false),
    validFrom: date("valid_from", { mode: "string" }),
    validTo: date("valid_to", { mode: "string" }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("unit_price_org_code_uq").on(
      sql`coalesce(${t.organisationId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.code,
    ),
  ],
);

/**
 * Net price index per year (e.g. 2024 = 100): national (organisation_id null) or an organisation's
 * own table. Used to move a price from its price year to a scenario's price year.
 */
export const priceIndex = pgTable(
  "price_index",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    organisationId: uuid("organisation_id").references(() => organisation.id),
    year: integer("year").notNull(),
    indexValue: numeric("index_value", { precision: 10, scale: 3, mode: "number" }).notNull(),
  },
  (t) => [
    uniqueIndex("price_index_org_year_uq").on(
      sql`coalesce(${t.organisationId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.year,
    ),
  ],
);
