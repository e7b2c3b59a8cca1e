import { Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/error-alert.js";
import { LoadingState } from "../../components/loading-state.js";
import { RouterButton } from "../../components/router-links.js";
import { useDocumentTitle } from "../../lib/use-document-title.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { useStatement } from "./contract-queries.js";
import type { StatementDetail } from "./contract-types.js";
import { StatementCalculation } from "./statement-calculation.js";
import { StatementEvents } from "./statement-events.js";
import { StatementInvestorResult } from "./statement-investor-result.js";
import { StatementNotices } from "./statement-notices.js";
import { StatementTracks } from "./statement-tracks.js";
import { useStatementTitle } from "./use-statement-title.js";
import "./statement-print.css";

/**
 * /statements/$statementId/print: the statement as a report for the parties' files — the same
 * explanation as on screen with every family line expanded (for those who may see them). The
 * browser's print dialog makes the PDF; the print stylesheet hides the app's navigation.
 */
export function StatementPrintPage() {
  const { t } = useTranslation();
  const { statementId } = useParams({ from: "/statements/$statementId/print" });
  const statement = useStatement(statementId);
  const titleOf = useStatementTitle();
  useDocumentTitle(
    statement.data
      ? t("contracts.print.documentTitle", { title: titleOf(statement.data) })
      : t("contracts.statement.title"),
  );
  if (statement.isError) {
    return (
      <Stack gap="md">
        <Title order={1}>{t("contracts.statement.title")}</Title>
        <ErrorAlert error={statement.error} />
      </Stack>
    );
  }
  if (!statement.data) {
    return (
      <Stack gap="md">
        <Title order={1}>{t("contracts.statement.title")}</Title>
        <LoadingState />
      </Stack>
    );
  }
  return <PrintReport statement={statement.data} />;
}

function PrintReport({ statement }: { statement: StatementDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const titleOf = useStatementTitle();
  const s = statement;
  const facts: [string, string][] = [
    [t("contracts.statement.contract"), s.contractTitle],
    [t("contracts.statement.contractVersion"), t("contracts.versionNumber", { version: s.contractVersion })],
    [t("contracts.statement.periodId"), s.periodId],
    [t("contracts.statements.settlementDate"), format.date(s.settlementDate)],
    [t("contracts.statements.state"), t(`contracts.statementStates.${s.state}`)],
    [
      t("contracts.statements.awaiting"),
      s.awaitingApprovalFrom.length === 0 ? "–" : s.awaitingApprovalFrom.map((p) => p.name).join(", "),
    ],
  ];
  return (
    <article className="st-print">
      <Group className="st-print-toolbar" gap="sm" mb="lg" wrap="wrap">
        <Button onClick={() => window.print()}>{t("contracts.print.print")}</Button>
        <RouterButton variant="default" to="/statements/$statementId" params={{ statementId: s.id }}>
          {t("contracts.print.back")}
        </RouterButton>
        <Text size="sm" c="dimmed" maw={420}>
          {t("contracts.print.hint")}
        </Text>
      </Group>
      <Stack gap="lg">
        <div>
          <Text size="sm" c="dimmed">
            {t("contracts.print.kicker")}
          </Text>
          <Title order={1}>{titleOf(s)}</Title>
          <Text size="sm" mt={4}>
            {s.contractTitle}
          </Text>
        </div>
        <Table withTableBorder>
          <Table.Caption>{t("contracts.print.factsCaption")}</Table.Caption>
          <Table.Tbody>
            {facts.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th scope="row" w="40%">
                  {label}
                </Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <StatementNotices statement={s} />
        <Paper component="section" aria-labelledby="st-print-calculation">
          <Title order={2} size="h4" mb="sm" id="st-print-calculation">
            {t("contracts.explanation.title")}
          </Title>
          <Stack gap="md">
            <StatementCalculation statement={s} />
          </Stack>
        </Paper>
        <div className="st-page-break">
          <Title order={2} size="h4" mb="sm">
            {t("contracts.explanation.perTrack")}
          </Title>
          <StatementTracks statement={s} isPrint />
        </div>
        <Paper component="section" aria-labelledby="st-print-investor">
          <Title order={2} size="h4" mb="sm" id="st-print-investor">
            {t("contracts.investor.title")}
          </Title>
          <StatementInvestorResult statement={s} />
        </Paper>
        <Paper component="section" aria-labelledby="st-print-events">
          <Title order={2} size="h4" mb="sm" id="st-print-events">
            {t("contracts.events.title")}
          </Title>
          <StatementEvents events={s.events} />
        </Paper>
        <Text size="xs" c="dimmed" component="footer">
          {t("contracts.print.footer", { at: format.dateTime(s.updatedAt) })}
        </Text>
      </Stack>
    </article>
  );
}
