import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RouterAnchor } from "../../components/router-links.js";
import { useFormatters } from "../../lib/use-formatters.js";
import type { ContractSummary } from "./contract-types.js";
import { numberHeader, numeric } from "./table-styles.js";
import { useMoney } from "./use-money.js";

interface ContractsTableProps {
  contracts: readonly ContractSummary[];
  caption: string;
  /** The project column (left out on the project's own page). */
  showProject?: boolean;
}

/** Contracts with their investment, cap, what is repaid so far, the version in force and statements. */
export function ContractsTable({ contracts, caption, showProject = false }: ContractsTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useMoney();
  return (
    <Table miw={showProject ? 900 : 720} striped highlightOnHover withTableBorder bg="white">
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t("contracts.columns.title")}</Table.Th>
          {showProject ? <Table.Th scope="col">{t("contracts.columns.project")}</Table.Th> : null}
          <Table.Th scope="col" style={numberHeader}>
            {t("contracts.columns.investment")}
          </Table.Th>
          <Table.Th scope="col" style={numberHeader}>
            {t("contracts.columns.cap")}
          </Table.Th>
          <Table.Th scope="col" style={numberHeader}>
            {t("contracts.columns.repaid")}
          </Table.Th>
          <Table.Th scope="col">{t("contracts.columns.versionInForce")}</Table.Th>
          <Table.Th scope="col" style={numberHeader}>
            {t("contracts.columns.statements")}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {contracts.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td maw={360}>
              <RouterAnchor to="/contracts/$contractId" params={{ contractId: c.id }} search={{}} fw={600}>
                {c.title}
              </RouterAnchor>
            </Table.Td>
            {showProject ? (
              <Table.Td>
                <RouterAnchor to="/projects/$projectId" params={{ projectId: c.projectId }} size="sm">
                  {c.projectName}
                </RouterAnchor>
              </Table.Td>
            ) : null}
            <Table.Td style={numeric}>{money(c.investmentOre)}</Table.Td>
            <Table.Td style={numeric}>{money(c.capOre)}</Table.Td>
            <Table.Td style={numeric}>{money(c.repaidOre)}</Table.Td>
            <Table.Td>
              {c.versionInForce === null ? (
                <Text size="sm">{t("contracts.noVersionInForce")}</Text>
              ) : (
                <Text size="sm">{t("contracts.versionNumber", { version: c.versionInForce })}</Text>
              )}
              {c.currentVersion !== c.versionInForce ? (
                <Text size="xs" fw={600} c="orange.9">
                  {t("contracts.awaitingAcceptance", { version: c.currentVersion })}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td style={numeric}>{format.number(c.statements)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
