import { Button, Group, Stack, Text } from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { QueryState } from "../../components/query-state.js";
import { apiUrl } from "../../lib/api-client.js";
import { useCan } from "../../lib/use-can.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { useUsers } from "../admin/users/user-queries.js";
import { AuditFilterForm } from "./audit-filter-form.js";
import { auditQueryOf, useAuditEvents, useAuditEventTypes } from "./audit-queries.js";
import { AUDIT_PAGE_SIZE, type AuditSearch } from "./audit-search.js";
import { AuditTable } from "./audit-table.js";

/** "Revisionslog": who did what, when and why, with filters and a CSV export (itself audited). */
export function AuditPage() {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormatters();
  const search = useSearch({ from: "/admin/audit" });
  const navigate = useNavigate({ from: "/admin/audit" });
  const events = useAuditEvents(search);
  const eventTypes = useAuditEventTypes();
  const users = useUsers({}, { enabled: can("user.read") });
  const offset = search.offset ?? 0;

  const goTo = (next: AuditSearch) => void navigate({ search: next });
  const exportHref = apiUrl("/audit/export.csv", auditQueryOf(search));

  return (
    <>
      <PageHeader
        title={t("audit.title")}
        description={t("audit.description")}
        actions={
          can("audit.export") ? (
            <Button component="a" href={exportHref} download variant="default">
              {t("audit.export")}
            </Button>
          ) : null
        }
      />
      <Stack gap="lg">
        <AuditFilterForm
          key={JSON.stringify(auditQueryOf(search))}
          search={search}
          users={users.data?.items ?? []}
          eventTypes={eventTypes.data?.items ?? []}
          onApply={(filters) => goTo({ ...filters, offset: undefined })}
        />
        <QueryState query={events}>
          {(page) =>
            page.items.length === 0 ? (
              <EmptyState title={t("audit.empty")} description={t("common.tryOtherSearch")} />
            ) : (
              <Stack gap="sm">
                <AuditTable
                  events={page.items}
                  caption={t("audit.showing", {
                    from: format.number(offset + 1),
                    to: format.number(offset + page.items.length),
                    total: format.number(page.total),
                  })}
                />
                <nav aria-label={t("audit.pagination")}>
                  <Group justify="space-between">
                    <Button
                      variant="default"
                      disabled={offset === 0}
                      onClick={() =>
                        goTo({ ...search, offset: Math.max(0, offset - AUDIT_PAGE_SIZE) || undefined })
                      }
                    >
                      {t("audit.previous")}
                    </Button>
                    <Text size="sm" c="dimmed">
                      {t("audit.pageOf", {
                        page: format.number(Math.floor(offset / AUDIT_PAGE_SIZE) + 1),
                        pages: format.number(Math.max(1, Math.ceil(page.total / AUDIT_PAGE_SIZE))),
                      })}
                    </Text>
                    <Button
                      variant="default"
                      disabled={offset + AUDIT_PAGE_SIZE >= page.total}
                      onClick={() => goTo({ ...search, offset: offset + AUDIT_PAGE_SIZE })}
                    >
                      {t("audit.next")}
                    </Button>
                  </Group>
                </nav>
              </Stack>
            )
          }
        </QueryState>
      </Stack>
    </>
  );
}
