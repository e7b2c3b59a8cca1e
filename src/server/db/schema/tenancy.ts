import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { MeasurementSchedule } from "../../../domain/progression/index.js";

/** A municipality, provider, investor, evaluator or the platform itself: the unit of tenancy. */
export const organisation = pgTable("organisation", {
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  name: text("name").notNull(),
  kind: text("kind", { enum: ["municipality", "provider", "investor", "evaluator", "platform"] }).notNull(),
  /** Municipality code (kommunekode) or CVR, for display and later integrations. */
  externalCode: text("external_code"),
  requiresTwoFactor: boolean("requires_two_factor").notNull().default(false),
  isActive: boolean("is_active").notNull().default(true),
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A programme run by a municipality, with a period and tracks. Owned by one organisation. */
export const project = pgTable("project", {
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisation.id),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  startsOn: date("starts_on", { mode: "string" }).notNull(),
  endsOn: date("ends_on", { mode: "string" }).notNull(),
  status: text("status", { enum: ["planned", "active", "closed"] })
    .notNull()
    .default("planned"),
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A track of a project, e.g. ordinary or intensive family treatment. */
export const track = pgTable(
  "track",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    projectId: uuid("project_id")
      .notNull()
      .references(() => project.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    capacityFamilies: integer("capacity_families").notNull(),
    /** Caseload weight in per cent (100 = one family; an intensive family may weigh 150). */
    caseloadWeightPct: integer("caseload_weight_pct").notNull().default(100),
    reviewIntervalMonths: integer("review_interval_months").notNull().default(12),
    /** How long a course is planned to last; the measurement schedule's end slot falls here while it runs. */
    plannedDurationMonths: integer("planned_duration_months").notNull().default(10),
    /** Which instruments are measured when (the domain's `MeasurementSchedule`); null: none. */
    measurementSchedule: jsonb("measurement_schedule").$type<MeasurementSchedule>(),
  },
  (t) => [uniqueIndex("track_project_code_uq").on(t.projectId, t.code)],
);

/** An organisation's part in a project. */
export const projectParty = pgTable(
  "project_party",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => project.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    part: text("part", { enum: ["owner", "payer", "provider", "investor", "evaluator"] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.organisationId] })],
);
