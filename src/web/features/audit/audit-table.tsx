import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { AuditEvent } from "../../../contracts/admin.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { eventTypeLabel, subjectTypeLabel } from "./audit-labels.js";

/** The event's data (ids, field names, codes — never personal values) as "key: value" lines. */
function PayloadText({ payload }: { payload: AuditEvent["payload"] }) {
  const entries = Object.entries(payload);
  if (entries.length === 0) return <Text c="dimmed">–</Text>;
  return (
    <div
      className="mono"
      style={{ fontSize: "var(--mantine-font-size-xs)", overflowWrap: "anywhere", maxWidth: 360 }}
    >
      {entries.map(([key, value]) => (
        <div key={key}>
          {key}: {typeof value === "string" ? value : JSON.stringify(value)}
        </div>
      ))}
    </div>
  );
}

/** Audit events, newest first: when, what, who, which record, why, and the event's data (ids only). */
export function AuditTable({ events, caption }: { events: AuditEvent[]; caption: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <TableScroll label={caption}>
      <Table miw={1000} striped withTableBorder bg="white" verticalSpacing="xs">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("audit.occurredAt")}</Table.Th>
            <Table.Th scope="col">{t("audit.eventType")}</Table.Th>
            <Table.Th scope="col">{t("audit.actor")}</Table.Th>
            <Table.Th scope="col">{t("audit.subject")}</Table.Th>
            <Table.Th scope="col">{t("audit.purpose")}</Table.Th>
            <Table.Th scope="col">{t("audit.details")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <Text size="sm">{format.dateTime(event.occurredAt)}</Text>
                <Text size="xs" c="dimmed">
                  {t("audit.seq", { seq: event.seq })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{eventTypeLabel(t, event.eventType)}</Text>
                <Text size="xs" c="dimmed" className="mono">
                  {event.eventType}
                </Text>
              </Table.Td>
              <Table.Td>
                {event.actorName ?? (
                  <Text size="sm" c="dimmed">
                    {t("audit.noActor")}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {event.subjectType ? (
                  <>
                    <Text size="sm">{subjectTypeLabel(t, event.subjectType)}</Text>
                    {event.subjectId ? (
                      <Text size="xs" c="dimmed" className="mono" style={{ wordBreak: "break-all" }}>
                        {event.subjectId}
                      </Text>
                    ) : null}
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    –
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{event.purpose ?? <Text c="dimmed">–</Text>}</Table.Td>
              <Table.Td>
                <PayloadText payload={event.payload} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
