import { Button, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/empty-state.js";
import { QueryState } from "../../components/query-state.js";
import { RouterAnchor } from "../../components/router-links.js";
import { SectionCard } from "../../components/section-card.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { useStatements } from "./contract-queries.js";
import type { ContractDetail } from "./contract-types.js";
import { StatementCreateDialog } from "./statement-create-dialog.js";
import { StatementStateBadge } from "./statement-state-badge.js";
import { numeric } from "./table-styles.js";
import { useMoney } from "./use-money.js";

/** "Opgørelser": the contract's statements with their state, total and missing approvals. */
export function StatementsTab({ contract }: { contract: ContractDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useMoney();
  const statements = useStatements(contract.id);
  const [opened, { open, close }] = useDisclosure(false);
  const canCreate = contract.abilities.manage;
  return (
    <SectionCard
      title={t("contracts.statements.title")}
      actions={canCreate ? <Button onClick={open}>{t("contracts.newStatement.open")}</Button> : null}
    >
      <Text size="sm">{t("contracts.statements.intro")}</Text>
      <QueryState query={statements}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState
              title={t("contracts.statements.empty")}
              description={canCreate ? t("contracts.statements.emptyHintManage") : undefined}
            />
          ) : (
            <TableScroll label={t("contracts.statements.title")}>
              <Table miw={920} striped highlightOnHover withTableBorder>
                <Table.Caption>{t("contracts.statements.count", { count: items.length })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("contracts.statements.statement")}</Table.Th>
                    <Table.Th scope="col">{t("contracts.statements.period")}</Table.Th>
                    <Table.Th scope="col">{t("contracts.statements.settlementDate")}</Table.Th>
                    <Table.Th scope="col">{t("contracts.statements.state")}</Table.Th>
                    <Table.Th scope="col" style={numeric}>
                      {t("contracts.statements.total")}
                    </Table.Th>
                    <Table.Th scope="col">{t("contracts.statements.awaiting")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td>
                        <RouterAnchor to="/statements/$statementId" params={{ statementId: s.id }} fw={600}>
                          {t(`contracts.statementKinds.${s.kind}`)}
                        </RouterAnchor>
                        <Text size="xs" c="dimmed">
                          {s.periodId} · {t("contracts.versionNumber", { version: s.contractVersion })}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>
                        {format.date(s.from)} – {format.date(s.to)}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>{format.date(s.settlementDate)}</Table.Td>
                      <Table.Td>
                        <StatementStateBadge state={s.state} />
                      </Table.Td>
                      <Table.Td style={numeric}>{money(s.totalOre)}</Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {s.awaitingApprovalFrom.length === 0
                            ? "–"
                            : s.awaitingApprovalFrom.map((p) => p.name).join(", ")}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )
        }
      </QueryState>
      {canCreate ? <StatementCreateDialog opened={opened} onClose={close} contractId={contract.id} /> : null}
    </SectionCard>
  );
}
