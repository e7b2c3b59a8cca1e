import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { InstrumentVersion } from "../../../domain/progression/index.js";
import { course, person } from "./casework.js";
import { appUser } from "./identity.js";
import { organisation, project } from "./tenancy.js";

/*
 * Progression measurement (issue 5). Instruments are data, per project: the shipped instruments are
 * copied into every project (`ensureProjectInstruments`), and a project admin adds instruments and new
 * versions. A version that has scored a measurement cannot change (a trigger in
 * migrations/0008_progression_append_only.sql); a new version succeeds it.
 *
 * Measurements are personal data of the municipality that owns the course (`organisation_id`). They are
 * append-only: a correction is a new row whose `supersedes_id` names the old one, and the old row gets
 * `superseded_by_id` once (the only change the trigger allows), so "the measurements that count" is an
 * indexed `superseded_by_id is null`.
 */

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const userRef = (name: string) => uuid(name).references(() => appUser.id);

/** An instrument of a project, e.g. "Trivsel" (well-being); its versions hold what is asked and how it is scored. */
export const instrument = pgTable(
  "instrument",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    projectId: uuid("project_id")
      .notNull()
      .references(() => project.id),
    /** Stable code referenced by schedules and outcome rules, e.g. `school-absence`. */
    code: text("code").notNull(),
    name: text("name").notNull(),
    nameEn: text("name_en"),
    description: text("description").notNull().default(""),
    /** True for the instruments Bundlinje ships (copied from `BUILTIN_INSTRUMENTS`). */
    isBuiltin: boolean("is_builtin").notNull().default(false),
    createdBy: userRef("created_by"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("instrument_project_code_uq").on(t.projectId, t.code)],
);

/** One version of an instrument: the domain's `InstrumentVersion` as JSON. */
export const instrumentVersion = pgTable(
  "instrument_version",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    instrumentId: uuid("instrument_id")
      .notNull()
      .references(() => instrument.id),
    projectId: uuid("project_id")
      .notNull()
      .references(() => project.id),
    version: integer("version").notNull(),
    definition: jsonb("definition").$type<InstrumentVersion>().notNull(),
    createdBy: userRef("created_by"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("instrument_version_uq").on(t.instrumentId, t.version)],
);

/** A CSV import of measurements: the file's hash makes a second import of the same file add nothing. */
export const measurementImport = pgTable(
  "measurement_import",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    projectId: uuid("project_id")
      .notNull()
      .references(() => project.id),
    /** The organisation of the user who imported. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    instrumentCode: text("instrument_code").notNull(),
    fileName: text("file_name").notNull(),
    /** SHA-256 of the file's bytes (hex). */
    fileSha256: text("file_sha256").notNull(),
    /** Column mapping used (CSV header → field). */
    mapping: jsonb("mapping").$type<Record<string, string>>().notNull(),
    rowCount: integer("row_count").notNull(),
    createdBy: userRef("created_by"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("measurement_import_file_uq").on(t.projectId, t.fileSha256)],
);

/** A measurement of a person or of the family in a course, scored with one instrument version. */
export const measurement = pgTable(
  "measurement",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    /*
     * The course, and its municipality, project and family copied from it: one composite foreign key
     * to the course keeps the four consistent, and costs an import one check per row instead of four
     * (measured: 100,000 imported rows 1.4 s faster on PostgreSQL).
     */
    organisationId: uuid("organisation_id").notNull(),
    projectId: uuid("project_id").notNull(),
    courseId: uuid("course_id").notNull(),
    familyId: uuid("family_id").notNull(),
    /** The member measured; null when the family as a whole is measured. */
    personId: uuid("person_id").references(() => person.id),
    /** For per-goal instruments (goal attainment): the plan goal's id. */
    goalId: text("goal_id"),
    instrumentVersionId: uuid("instrument_version_id")
      .notNull()
      .references(() => instrumentVersion.id),
    instrumentCode: text("instrument_code").notNull(),
    instrumentVersion: integer("instrument_version").notNull(),
    measuredOn: date("measured_on", { mode: "string" }).notNull(),
    periodFrom: date("period_from", { mode: "string" }),
    periodTo: date("period_to", { mode: "string" }),
    respondent: text("respondent", {
      enum: ["member", "parent", "consultant", "caseworker", "school"],
    }).notNull(),
    /** Item values keyed by item code. */
    values: jsonb("values").$type<Record<string, number | string | null>>().notNull(),
    /** Scored values keyed by score code (null: too few items answered). */
    scored: jsonb("scored").$type<Record<string, number | null>>().notNull(),
    /** Cut-off bands keyed by score code. */
    bands: jsonb("bands").$type<Record<string, string>>().notNull().default({}),
    note: text("note").notNull().default(""),
    /** The measurement this one corrects, and why. */
    supersedesId: uuid("supersedes_id"),
    correctionReason: text("correction_reason"),
    /** Set once, when a correction supersedes this row. */
    supersededById: uuid("superseded_by_id"),
    importId: uuid("import_id").references(() => measurementImport.id),
    recordedBy: userRef("recorded_by"),
    recordedAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: "measurement_course_identity_fk",
      columns: [t.courseId, t.organisationId, t.projectId, t.familyId],
      foreignColumns: [course.id, course.organisationId, course.projectId, course.familyId],
    }),
    index("measurement_course_idx").on(t.courseId, t.instrumentCode, t.measuredOn),
    index("measurement_project_instrument_idx").on(t.projectId, t.instrumentCode, t.courseId),
    uniqueIndex("measurement_supersedes_uq").on(t.supersedesId),
    // "Is this instrument version in use?" (a used version cannot be edited) and the FK check on delete.
    index("measurement_instrument_version_idx").on(t.instrumentVersionId),
  ],
);
