import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { FamilyPlan } from "../../../domain/casework/index.js";
import { appUser } from "./identity.js";
import { organisation, project, track } from "./tenancy.js";

/*
 * Case work around a family (personal data). Every row carries `organisation_id`: the municipality
 * that owns the case — the key of isolation. Access is decided by the policy module from the course's
 * case team, the municipality, the project and the provider (src/server/modules/casework/access.ts).
 */

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const orgId = () =>
  uuid("organisation_id")
    .notNull()
    .references(() => organisation.id);
const userRef = (name: string) => uuid(name).references(() => appUser.id);

/** A person: kept apart from the case data; the CPR number lives in `person_identifier`. */
export const person = pgTable(
  "person",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    organisationId: orgId(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    birthDate: date("birth_date", { mode: "string" }).notNull(),
    sex: text("sex", { enum: ["female", "male", "other", "unknown"] }).notNull(),
    /** ISO 639-1 codes, the first the person's main language. */
    languages: jsonb("languages").$type<string[]>().notNull().default([]),
    danishProficiency: text("danish_proficiency", {
      enum: ["none", "basic", "conversational", "fluent", "native"],
    }).notNull(),
    interpreterNeeded: boolean("interpreter_needed").notNull().default(false),
    /** A child's school or day care. */
    schoolOrDayCare: text("school_or_day_care").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdBy: userRef("created_by"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("person_org_birth_idx").on(t.organisationId, t.birthDate),
    // The family list's search by a member's name (`ilike '%…%'`): the same expression, with pg_trgm.
    index("person_name_trgm_idx").using("gin", sql`(${t.firstName} || ' ' || ${t.lastName}) gin_trgm_ops`),
  ],
);

/**
 * The CPR number, sealed with the application key (AES-256-GCM, bound to the person id). `lookupHash`
 * is a keyed hash (HMAC-SHA-256) so a duplicate can be found without decrypting every row.
 */
export const personIdentifier = pgTable(
  "person_identifier",
  {
    personId: uuid("person_id")
      .primaryKey()
      .references(() => person.id),
    organisationId: orgId(),
    cprSealed: text("cpr_sealed").notNull(),
    lookupHash: text("lookup_hash").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("person_identifier_lookup_uq").on(t.organisationId, t.lookupHash)],
);

/** A household. */
export const family = pgTable(
  "family",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    organisationId: orgId(),
    /** How the family is called in the case, e.g. "Familien Hassan". */
    name: text("name").notNull(),
    /**
     * The family's latest course and latest referral, kept by database triggers on insert (migration
     * 0006) so the family list pages through families with one join each instead of a search per row.
     */
    currentCourseId: uuid("current_course_id"),
    currentReferralId: uuid("current_referral_id"),
    version: integer("version").notNull().default(1),
    createdBy: userRef("created_by"),
    createdAt: createdAt(),
  },
  (t) => [
    index("family_org_idx").on(t.organisationId, t.name),
    index("family_current_course_idx").on(t.currentCourseId),
    index("family_current_referral_idx").on(t.currentReferralId),
    index("family_name_trgm_idx").using("gin", t.name.op("gin_trgm_ops")),
  ],
);

/** A person's dated membership of a household (to_on inclusive; open when null). */
export const familyMembership = pgTable(
  "family_membership",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    organisationId: orgId(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => family.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    role: text("role", { enum: ["parent", "child", "other-adult"] }).notNull(),
    fromOn: date("from_on", { mode: "string" }).notNull(),
    toOn: date("to_on", { mode: "string" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("family_membership_family_idx").on(t.familyId),
    index("family_membership_person_idx").on(t.personId),
  ],
);

/** Consent per purpose, given or withdrawn, for the family or one person. Append-only. */
export const consent = pgTable(
  "consent",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    organisationId: orgId(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => family.id),
    /** Null: the family's consent (given by the parents together). */
    personId: uuid("person_id").references(() => person.id),
    purpose: text("purpose", { enum: ["treatment", "sharing-with-provider", "evaluation"] }).notNull(),
    isGiven: boolean("is_given").notNull(),
    recordedOn: date("recorded_on", { mode: "string" }).notNull(),
    note: text("note").notNull().default(""),
    recordedBy: userRef("recorded_by"),
    createdAt: createdAt(),
  },
  (t) => [index("consent_family_idx").on(t.familyId)],
);

/** A municipality's referral (visitation) of a family to a project track. */
export const referral = pgTable(
  "referral",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    organisationId: orgId(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => project.id),
    trackId: uuid("track_id")
      .notNull()
      .references(() => track.id),
    familyId: uuid("family_id")
      .notNull()
      .references(() => family.id),
    reason: text("reason").notNull(),
    legalBasis: text("legal_basis").notNull(),
    /** The children the referral concerns (person ids). */
    childIds: jsonb("child_ids").$type<string[]>().notNull().default([]),
    referredOn: date("referred_on", { mode: "string" }).notNull(),
    state: text("state", {
      enum: ["submitted", "screening", "accepted", "rejected", "wait-listed"],
    }).notNull(),
    stateSince: date("state_since", { mode: "string" }).notNull(),
    /** The caseworker responsible for the referral until a course and its case team exist. */
    caseworkerUserId: userRef("caseworker_user_id"),
    version: integer("version").notNull().default(1),
    createdBy: userRef("created_by"),
    createdAt: createdAt(),
  },
  (t) => [
    index("referral_org_state_idx").on(t.organisationId, t.state),
    index("referral_family_idx").on(t.familyId),
    index("referral_caseworker_idx").on(t.caseworkerUserId),
  ],
);

/** Who moved a referral or a course, when and why. Append-only. */
const transitionColumns = () => ({
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  organisationId: orgId(),
  event: text("event").notNull(),
  fromState: text("from_state"),
  toState: text("to_state").notNull(),
  /** The day the transition took effect. */
  onDate: date("on_date", { mode: "string" }).notNull(),
  reason: text("reason").notNull().default(""),
  byUserId: userRef("by_user_id"),
  createdAt: createdAt(),
});

export const referralTransition = pgTable(
  "referral_transition",
  {
    ...transitionColumns(),
    referralId: uuid("referral_id")
      .notNull()
      .references(() => referral.id),
  },
  (t) => [index("referral_transition_referral_idx").on(t.referralId)],
);

/** The family's course (forløb) in a track, from acceptance to close. */
export const course = pgTable(
  "course",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    organisationId: orgId(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => project.id),
    trackId: uuid("track_id")
      .notNull()
      .references(() => track.id),
    familyId: uuid("family_id")
      .notNull()
      .references(() => family.id),
    referralId: uuid("referral_id")
      .notNull()
      .references(() => referral.id),
    /** The provider organisation that delivers the treatment (its consultants may join the team). */
    providerOrganisationId: uuid("provider_organisation_id").references(() => organisation.id),
    state: text("state", {
      enum: ["accepted", "baseline", "active", "review", "completed", "ended-early", "follow-up", "closed"],
    }).notNull(),
    stateSince: date("state_since", { mode: "string" }).notNull(),
    acceptedOn: date("accepted_on", { mode: "string" }).notNull(),
    /** The plan version the course is at (0 before the first save): the If-Match of plan writes. */
    planVersion: integer("plan_version").notNull().default(0),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("course_referral_uq").on(t.referralId),
    // The target of the measurements' one foreign key to their course, its municipality, project and family.
    uniqueIndex("course_identity_uq").on(t.id, t.organisationId, t.projectId, t.familyId),
    index("course_org_state_idx").on(t.organisationId, t.state),
    index("course_project_idx").on(t.projectId),
    index("course_family_idx").on(t.familyId),
    index("course_provider_idx").on(t.providerOrganisationId),
  ],
);

export const courseTransition = pgTable(
  "course_transition",
  {
    ...transitionColumns(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => course.id),
  },
  (t) => [index("course_transition_course_idx").on(t.courseId)],
);

/** A dated place on a course's case team. Drives access and caseload counts. */
export const caseTeamMember = pgTable(
  "case_team_member",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    organisationId: orgId(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => course.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id),
    /** The organisation the member works for (the municipality or the provider). */
    memberOrganisationId: uuid("member_organisation_id")
      .notNull()
      .references(() => organisation.id),
    role: text("role", { enum: ["caseworker", "consultant", "coordinator"] }).notNull(),
    fromOn: date("from_on", { mode: "string" }).notNull(),
    toOn: date("to_on", { mode: "string" }),
    /** A team leader's reason for going over the hard caseload limit. */
    overrideReason: text("override_reason"),
    createdBy: userRef("created_by"),
    createdAt: createdAt(),
  },
  (t) => [
    index("case_team_member_user_idx").on(t.userId, t.courseId),
    index("case_team_member_course_idx").on(t.courseId),
  ],
);

/** One saved version of Familiens Plan (goals and measures, validated by the domain). Immutable. */
export const planVersion = pgTable(
  "plan_version",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    organisationId: orgId(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => course.id),
    version: integer("version").notNull(),
    plan: jsonb("plan").$type<FamilyPlan>().notNull(),
    note: text("note").notNull().default(""),
    createdBy: userRef("created_by"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("plan_version_course_uq").on(t.courseId, t.version)],
);

/** The family's agreement to a plan version. Append-only. */
export const planAgreement = pgTable(
  "plan_agreement",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    organisationId: orgId(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => course.id),
    planVersion: integer("plan_version").notNull(),
    agreedOn: date("agreed_on", { mode: "string" }).notNull(),
    note: text("note").notNull().default(""),
    recordedBy: userRef("recorded_by"),
    createdAt: createdAt(),
  },
  (t) => [index("plan_agreement_course_idx").on(t.courseId)],
);

/** A contact or meeting with the family. */
export const contact = pgTable(
  "contact",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    organisationId: orgId(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => course.id),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    kind: text("kind", { enum: ["home-visit", "phone", "video", "meeting", "network-meeting"] }).notNull(),
    /** Who took part: family members (person ids), staff (user ids) and others (free text roles). */
    participants: jsonb("participants")
      .$type<{ personIds: string[]; userIds: string[]; others: string[] }>()
      .notNull(),
    /** ISO 639-1 code of the language used. */
    language: text("language").notNull(),
    interpreterUsed: boolean("interpreter_used").notNull().default(false),
    durationMinutes: integer("duration_minutes").notNull(),
    /** Evening or night (before 08:00 or from 17:00 local time), or set by the caseworker. */
    isOutOfHours: boolean("is_out_of_hours").notNull(),
    createdBy: userRef("created_by"),
    createdAt: createdAt(),
  },
  (t) => [index("contact_course_idx").on(t.courseId, t.occurredAt)],
);

/** A note on a course (optionally about a contact). Append-only: a correction refers to the note it corrects. */
export const caseNote = pgTable(
  "case_note",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    organisationId: orgId(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => course.id),
    contactId: uuid("contact_id").references(() => contact.id),
    correctsNoteId: uuid("corrects_note_id"),
    body: text("body").notNull(),
    createdBy: userRef("created_by"),
    createdAt: createdAt(),
  },
  (t) => [index("case_note_course_idx").on(t.courseId, t.createdAt)],
);

/**
 * A deadline as a task. Derived tasks (review, follow-up, investigation, measurement due) are kept in
 * step with the course by the service; `key` identifies the source so a re-derivation updates in place.
 */
export const caseTask = pgTable(
  "case_task",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    organisationId: orgId(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => course.id),
    kind: text("kind", {
      enum: ["review", "measure-follow-up", "investigation", "measurement-due"],
    }).notNull(),
    key: text("key").notNull(),
    title: text("title").notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    doneAt: timestamp("done_at", { withTimezone: true }),
    doneBy: userRef("done_by"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("case_task_key_uq").on(t.courseId, t.key),
    index("case_task_open_idx").on(t.organisationId, t.dueOn),
    // The family list's overdue filter: open tasks by due date, answered from the index alone.
    index("case_task_overdue_idx").on(t.dueOn, t.courseId).where(sql`${t.doneAt} is null`),
  ],
);

/** A review of the course: a snapshot of plan and measurements, and a decision with reasons. */
export const courseReview = pgTable(
  "course_review",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    organisationId: orgId(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => course.id),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    decision: text("decision", { enum: ["continue", "adjust", "end"] }).notNull(),
    reasons: text("reasons").notNull(),
    planVersion: integer("plan_version").notNull(),
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
    createdBy: userRef("created_by"),
    createdAt: createdAt(),
  },
  (t) => [index("course_review_course_idx").on(t.courseId)],
);

/** Caseload limits of a municipality: the default, and per worker (user id) when set. */
export const caseloadLimit = pgTable(
  "caseload_limit",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    organisationId: orgId(),
    /** Null: the municipality's default. */
    userId: uuid("user_id").references(() => appUser.id),
    warningAtFamilies: integer("warning_at_families").notNull(),
    hardLimitFamilies: integer("hard_limit_families").notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [uniqueIndex("caseload_limit_uq").on(t.organisationId, sql`coalesce(${t.userId}::text, '')`)],
);
