import { Box, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../../lib/use-formatters.js";
import type { StatementEvent } from "./contract-types.js";

/** The statement's history, oldest first: what happened, for which party, by whom, when and why. */
export function StatementEvents({ events }: { events: readonly StatementEvent[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (events.length === 0) return <Text size="sm">{t("contracts.events.empty")}</Text>;
  return (
    <Box component="ol" m={0} pl={0} style={{ listStyle: "none" }}>
      {events.map((e, i) => (
        <Box
          component="li"
          // Events have no id and never change order (the history is append-only).
          // biome-ignore lint/suspicious/noArrayIndexKey: append-only list
          key={i}
          pl="md"
          pb="sm"
          style={{ borderLeft: "3px solid var(--mantine-color-bundlinje-6)" }}
        >
          <Text fw={600} size="sm">
            {t(`contracts.events.kinds.${e.event}`)}
            {e.partyName ? ` – ${e.partyName}` : ""}
          </Text>
          <Text size="sm">
            {t("contracts.events.byAt", {
              name: e.byName ?? t("contracts.unknownUser"),
              at: format.dateTime(e.occurredAt),
            })}
          </Text>
          {e.reason ? (
            <Text size="sm" fs="italic">
              {t("contracts.events.reason", { reason: e.reason })}
            </Text>
          ) : null}
        </Box>
      ))}
    </Box>
  );
}
