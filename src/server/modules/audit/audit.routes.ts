import type { OpenAPIHono } from "@hono/zod-openapi";
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { AuditEventSchema, AuditQuerySchema, pageOf } from "../../../contracts/admin.js";
import { AUDIT_EVENT_TYPES } from "../../audit/events.js";
import type { ActorContext } from "../../context.js";
import type { AppEnv } from "../../http/app-env.js";
import { defineRoute } from "../../http/define-route.js";
import { json } from "../../http/openapi-helpers.js";
import { exportAuditEvents, listAuditEvents } from "./audit.service.js";

const AuditPageSchema = pageOf(AuditEventSchema, "AuditEventPage");
const CSV_COLUMNS = [
  "seq",
  "occurredAt",
  "actorUserId",
  "actorName",
  "eventType",
  "subjectType",
  "subjectId",
  "organisationId",
  "projectId",
  "purpose",
  "requestId",
  "payload",
] as const;

export function registerAuditRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/audit",
      tags: ["Audit"],
      summary: "Audit events, newest first, filtered by user, event, subject and period",
      permission: "audit.read",
      request: { query: AuditQuerySchema },
      responses: { 200: json(AuditPageSchema, "A page of audit events") },
    }),
    async (c) => c.json(await listAuditEvents(c.get("ctx") as ActorContext, c.req.valid("query")), 200),
  );
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/audit/event-types",
      tags: ["Audit"],
      summary: "The catalogue of audit event types",
      permission: "audit.read",
      responses: { 200: json(z.object({ items: z.array(z.string()) }), "Event types") },
    }),
    (c) => c.json({ items: [...AUDIT_EVENT_TYPES] }, 200),
  );
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/audit/export.csv",
      tags: ["Audit"],
      summary: "The filtered audit log as CSV (the export is itself audited)",
      permission: "audit.export",
      request: { query: AuditQuerySchema.omit({ limit: true, offset: true }) },
      responses: { 200: { description: "CSV file", content: { "text/csv": { schema: z.string() } } } },
    }),
    async (c) => {
      const rows = await exportAuditEvents(c.get("ctx") as ActorContext, {
        ...c.req.valid("query"),
        limit: 100_000,
        offset: 0,
      });
      const csv = stringify(
        rows.map((r) => ({ ...r, payload: JSON.stringify(r.payload) })),
        { header: true, columns: [...CSV_COLUMNS] },
      );
      return c.body(`\uFEFF${csv}`, 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="revisionslog-${c.get("ctx").now().toISOString().slice(0, 10)}.csv"`,
      });
    },
  );
}
