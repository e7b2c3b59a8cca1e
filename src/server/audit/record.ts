import type { DbOrTx } from "../db/client.js";
import { auditEvent } from "../db/schema/index.js";
import type { AuditEntry, AuditEventCatalogue, AuditEventType } from "./events.js";

/** Who did it and in which request; filled from the request context. */
export interface AuditOrigin {
  actorUserId: string | null;
  requestId: string | null;
  now: () => Date;
}

const SUBJECT_TYPE_PREFIX: Record<string, string> = {
  auth: "user",
  role: "user",
  cpr: "person",
  consent: "family",
  plan: "course",
  contact: "course",
  note: "course",
  task: "course",
  review: "course",
};

function subjectTypeOf(type: AuditEventType): string | null {
  const prefix = type.split(".")[0]!;
  if (prefix === "audit" || prefix === "priceIndex") return null;
  return SUBJECT_TYPE_PREFIX[prefix] ?? prefix;
}

/**
 * Writes one audit event. Call it with the transaction that makes the change, so that the change and
 * its audit row commit or fail together. The database chains the row (seq, prev_hash, hash).
 */
export async function recordAudit<T extends AuditEventType>(
  tx: DbOrTx,
  origin: AuditOrigin,
  entry: AuditEntry<T>,
): Promise<void> {
  const payload: AuditEventCatalogue[T]["payload"] = entry.payload;
  await tx.insert(auditEvent).values({
    occurredAt: origin.now(),
    actorUserId: origin.actorUserId,
    organisationId: entry.organisationId ?? null,
    projectId: entry.projectId ?? null,
    eventType: entry.type,
    subjectType: entry.subjectId ? subjectTypeOf(entry.type) : null,
    subjectId: entry.subjectId ?? null,
    purpose: entry.purpose ?? null,
    requestId: origin.requestId,
    payload: payload as Record<string, unknown>,
  });
}
