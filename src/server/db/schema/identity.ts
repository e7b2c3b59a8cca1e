import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organisation } from "./tenancy.js";

/**
 * A person who uses the system. Never deleted: the audit log refers to users, so leaving is a
 * deactivation. `externalIssuer`/`externalSubject` link a municipal SSO identity later.
 */
export const appUser = pgTable(
  "app_user",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash"),
    locale: text("locale", { enum: ["da", "en"] })
      .notNull()
      .default("da"),
    isActive: boolean("is_active").notNull().default(true),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    failedLoginCount: integer("failed_login_count").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    /** Base32 TOTP secret while enrolling or enabled (see docs/security.md on secrets at rest). */
    totpSecret: text("totp_secret"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    /** SHA-256 hashes of unused recovery codes. */
    recoveryCodeHashes: jsonb("recovery_code_hashes").$type<string[]>().notNull().default([]),
    externalIssuer: text("external_issuer"),
    externalSubject: text("external_subject"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("app_user_email_uq").on(sql`lower(${t.email})`),
    uniqueIndex("app_user_external_uq").on(t.externalIssuer, t.externalSubject),
  ],
);

/** A user's role in an organisation. A user may hold several roles in several organisations. */
export const membership = pgTable(
  "membership",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    role: text("role", {
      enum: [
        "caseworker",
        "team_leader",
        "family_consultant",
        "project_manager",
        "finance_controller",
        "investor",
        "evaluator",
        "platform_admin",
      ],
    }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("membership_user_org_role_uq").on(t.userId, t.organisationId, t.role),
    index("membership_org_idx").on(t.organisationId),
  ],
);

/** A server-side session. The cookie holds a random token; only its SHA-256 hash is stored. */
export const session = pgTable(
  "session",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id),
    csrfToken: text("csrf_token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** True when the login passed a second factor (or none was required). */
    isTwoFactorVerified: boolean("is_two_factor_verified").notNull().default(false),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [index("session_user_idx").on(t.userId)],
);
