import { Badge, Paper, Stack, Text } from "@mantine/core";
import { useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Breadcrumbs } from "../../components/breadcrumbs.js";
import { DefinitionList } from "../../components/definition-list.js";
import { PageHeader } from "../../components/page-header.js";
import { QueryState } from "../../components/query-state.js";
import { RouterAnchor } from "../../components/router-links.js";
import { SectionCard } from "../../components/section-card.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { useStatement } from "./contract-queries.js";
import type { StatementDetail } from "./contract-types.js";
import { StatementActions } from "./statement-actions.js";
import { StatementCalculation } from "./statement-calculation.js";
import { StatementEvents } from "./statement-events.js";
import { StatementInvestorResult } from "./statement-investor-result.js";
import { StatementNotices } from "./statement-notices.js";
import { StatementStateBadge } from "./statement-state-badge.js";
import { StatementTracks } from "./statement-tracks.js";
import { useStatementTitle } from "./use-statement-title.js";

/**
 * /statements/$statementId: one statement — its state and the steps the user may take, how the
 * amount was reached (total → floor and cap → tracks → goals → families), the investor's result and
 * the history.
 */
export function StatementPage() {
  const { t } = useTranslation();
  const { statementId } = useParams({ from: "/statements/$statementId" });
  const statement = useStatement(statementId);
  const titleOf = useStatementTitle();
  const title = statement.data ? titleOf(statement.data) : t("contracts.statement.title");
  return (
    <>
      <PageHeader
        title={title}
        above={
          <Breadcrumbs current={title}>
            <RouterAnchor to="/contracts" size="sm">
              {t("contracts.title")}
            </RouterAnchor>
            {statement.data ? (
              <RouterAnchor
                to="/contracts/$contractId"
                params={{ contractId: statement.data.contractId }}
                search={{ tab: "statements" }}
                size="sm"
              >
                {statement.data.contractTitle}
              </RouterAnchor>
            ) : null}
          </Breadcrumbs>
        }
        badges={
          statement.data ? (
            <>
              <StatementStateBadge state={statement.data.state} />
              <Badge variant="outline" color="gray">
                {t(`contracts.statementKinds.${statement.data.kind}`)}
              </Badge>
            </>
          ) : null
        }
        actions={statement.data ? <StatementActions statement={statement.data} /> : null}
      />
      <QueryState query={statement}>{(s) => <StatementBody statement={s} />}</QueryState>
    </>
  );
}

function StatementBody({ statement }: { statement: StatementDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const s = statement;
  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="lg">
        <Stack gap="md">
          <Text fw={600}>
            {t(`contracts.statement.next.${s.state}`, {
              parties: s.awaitingApprovalFrom.map((p) => p.name).join(", "),
            })}
          </Text>
          <DefinitionList
            items={[
              {
                label: t("contracts.statement.contract"),
                value: (
                  <RouterAnchor to="/contracts/$contractId" params={{ contractId: s.contractId }} search={{}}>
                    {s.contractTitle}
                  </RouterAnchor>
                ),
              },
              {
                label: t("contracts.statement.contractVersion"),
                value: t("contracts.versionNumber", { version: s.contractVersion }),
              },
              {
                label: t("contracts.statements.period"),
                value: `${format.date(s.from)} – ${format.date(s.to)}`,
              },
              { label: t("contracts.statement.periodId"), value: s.periodId },
              { label: t("contracts.statements.settlementDate"), value: format.date(s.settlementDate) },
              {
                label: t("contracts.statements.awaiting"),
                value:
                  s.awaitingApprovalFrom.length === 0
                    ? "–"
                    : s.awaitingApprovalFrom.map((p) => p.name).join(", "),
              },
            ]}
          />
          {s.adjustsStatementId ? (
            <Text size="sm">
              {t("contracts.statement.adjusts")}{" "}
              <RouterAnchor to="/statements/$statementId" params={{ statementId: s.adjustsStatementId }}>
                {t("contracts.statement.adjustsLink")}
              </RouterAnchor>
            </Text>
          ) : null}
        </Stack>
      </Paper>
      <StatementNotices statement={s} />
      <SectionCard title={t("contracts.explanation.title")}>
        <Text size="sm">{t("contracts.explanation.intro")}</Text>
        <StatementCalculation statement={s} />
        <StatementTracks statement={s} />
      </SectionCard>
      <SectionCard title={t("contracts.investor.title")}>
        <StatementInvestorResult statement={s} />
      </SectionCard>
      <SectionCard title={t("contracts.events.title")}>
        <StatementEvents events={s.events} />
      </SectionCard>
    </Stack>
  );
}
