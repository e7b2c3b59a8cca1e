import { useQuery } from "@tanstack/react-query";
import type { AuditEvent } from "../../../contracts/admin.js";
import { api, type Page, type QueryParams } from "../../lib/api-client.js";
import { AUDIT_PAGE_SIZE, type AuditSearch } from "./audit-search.js";

/** The API query of a filter (the same for the list and the CSV export). */
export function auditQueryOf(search: AuditSearch): QueryParams {
  return {
    userId: search.userId,
    eventType: search.eventType,
    subjectType: search.subjectType,
    subjectId: search.subjectId,
    from: search.from,
    to: search.to,
  };
}

/** GET /api/audit with filters and a page. */
export function useAuditEvents(search: AuditSearch) {
  const query = { ...auditQueryOf(search), limit: AUDIT_PAGE_SIZE, offset: search.offset ?? 0 };
  return useQuery({
    queryKey: ["audit", "events", query],
    queryFn: ({ signal }) => api.get<Page<AuditEvent>>("/audit", { signal, query }),
    placeholderData: (previous) => previous,
  });
}

/** GET /api/audit/event-types: the event types that can be filtered on. */
export function useAuditEventTypes() {
  return useQuery({
    queryKey: ["audit", "event-types"],
    queryFn: ({ signal }) => api.get<{ items: string[] }>("/audit/event-types", { signal }),
    staleTime: 10 * 60_000,
  });
}
