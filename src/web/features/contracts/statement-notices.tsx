import { Alert, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { translateServerMessage } from "../../i18n/translate-server-message.js";
import type { StatementDetail } from "./contract-types.js";

/** Warnings of the settlement engine, each message once with how many goals it concerns. */
export function groupWarnings(
  warnings: readonly { code: string; message: string }[],
): { message: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const w of warnings) counts.set(w.message, (counts.get(w.message) ?? 0) + 1);
  return [...counts].map(([message, count]) => ({ message, count }));
}

/** What the reader should know before the numbers: hidden small groups, and the engine's warnings. */
export function StatementNotices({ statement }: { statement: StatementDetail }) {
  const { t } = useTranslation();
  const warnings = groupWarnings(statement.warnings);
  return (
    <>
      {statement.suppression ? (
        <Alert variant="light" color="bundlinje" title={t("contracts.suppression.title")}>
          <Text size="sm">
            {t("contracts.suppression.explanation", { count: statement.suppression.minCellSize })}
          </Text>
        </Alert>
      ) : null}
      {warnings.length > 0 ? (
        <Alert variant="light" color="orange" title={t("contracts.statement.warningsTitle")}>
          <List size="sm">
            {warnings.map((w) => (
              <List.Item key={w.message}>
                {translateServerMessage(w.message)}
                {w.count > 1 ? ` ${t("contracts.statement.warningCount", { count: w.count })}` : ""}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
    </>
  );
}
