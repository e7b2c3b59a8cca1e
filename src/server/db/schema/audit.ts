import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * The append-only, hash-chained audit log. `seq`, `prev_hash` and `hash` are set by a database
 * trigger (migrations/…_audit_chain.sql) under an advisory lock, so every writer chains correctly;
 * another trigger rejects UPDATE and DELETE. Payloads hold ids and field names, never personal values.
 */
export const auditEvent = pgTable(
  "audit_event",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    seq: bigint("seq", { mode: "number" }).notNull().default(0),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    actorUserId: uuid("actor_user_id"),
    organisationId: uuid("organisation_id"),
    projectId: uuid("project_id"),
    eventType: text("event_type").notNull(),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    purpose: text("purpose"),
    requestId: text("request_id"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text("prev_hash").notNull().default(""),
    hash: text("hash").notNull().default(""),
  },
  (t) => [
    uniqueIndex("audit_event_seq_uq").on(t.seq),
    index("audit_event_actor_idx").on(t.actorUserId, t.occurredAt),
    index("audit_event_subject_idx").on(t.subjectType, t.subjectId),
    index("audit_event_type_idx").on(t.eventType, t.occurredAt),
  ],
);
