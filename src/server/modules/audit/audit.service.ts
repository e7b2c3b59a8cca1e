import { and, asc, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { AuditQuery } from "../../../contracts/admin.js";
import { can } from "../../../domain/access/index.js";
import { addDays, calendarDate } from "../../../domain/calendar-date.js";
import type { ActorContext } from "../../context.js";
import type { DbOrTx } from "../../db/client.js";
import { appUser, auditEvent } from "../../db/schema/index.js";
import { forbidden } from "../../errors.js";

const PLATFORM = { type: "audit" as const, organisationIds: [] };

function filtersOf(q: AuditQuery): { where: SQL | undefined; names: string[] } {
  const conditions = [
    q.userId ? eq(auditEvent.actorUserId, q.userId) : undefined,
    q.eventType ? eq(auditEvent.eventType, q.eventType) : undefined,
    q.subjectType ? eq(auditEvent.subjectType, q.subjectType) : undefined,
    q.subjectId ? eq(auditEvent.subjectId, q.subjectId) : undefined,
    q.from ? gte(auditEvent.occurredAt, new Date(`${q.from}T00:00:00Z`)) : undefined,
    q.to ? lt(auditEvent.occurredAt, new Date(`${addDays(calendarDate(q.to), 1)}T00:00:00Z`)) : undefined,
  ];
  const names = (["userId", "eventType", "subjectType", "subjectId", "from", "to"] as const).filter(
    (k) => q[k] !== undefined,
  );
  return { where: and(...conditions), names };
}

function select(db: DbOrTx) {
  return db
    .select({
      id: auditEvent.id,
      seq: auditEvent.seq,
      occurredAt: auditEvent.occurredAt,
      actorUserId: auditEvent.actorUserId,
      actorName: appUser.displayName,
      organisationId: auditEvent.organisationId,
      projectId: auditEvent.projectId,
      eventType: auditEvent.eventType,
      subjectType: auditEvent.subjectType,
      subjectId: auditEvent.subjectId,
      purpose: auditEvent.purpose,
      requestId: auditEvent.requestId,
      payload: auditEvent.payload,
    })
    .from(auditEvent)
    .leftJoin(appUser, eq(appUser.id, auditEvent.actorUserId));
}

type Row = Awaited<ReturnType<ReturnType<typeof select>["where"]>>[number];
const present = (r: Row) => ({ ...r, occurredAt: r.occurredAt.toISOString() });

/** A page of audit events, newest first. Viewing the log is itself audited. */
export async function listAuditEvents(ctx: ActorContext, q: AuditQuery) {
  if (!can(ctx.actor, "audit.read", PLATFORM)) throw forbidden();
  const { where, names } = filtersOf(q);
  const [rows, [total]] = await Promise.all([
    select(ctx.db).where(where).orderBy(desc(auditEvent.seq)).limit(q.limit).offset(q.offset),
    ctx.db.select({ n: count() }).from(auditEvent).where(where),
  ]);
  await ctx.audit(ctx.db, { type: "audit.viewed", payload: { filters: names } });
  return { items: rows.map(present), total: total?.n ?? 0 };
}

/** Every matching event (oldest first, at most 100,000) for a CSV export; the export is audited. */
export async function exportAuditEvents(ctx: ActorContext, q: AuditQuery) {
  if (!can(ctx.actor, "audit.export", PLATFORM)) throw forbidden();
  const { where, names } = filtersOf(q);
  return ctx.db.transaction(async (tx) => {
    const rows = await select(tx).where(where).orderBy(asc(auditEvent.seq)).limit(100_000);
    await ctx.audit(tx, { type: "audit.exported", payload: { filters: names, rows: rows.length } });
    return rows.map(present);
  });
}
