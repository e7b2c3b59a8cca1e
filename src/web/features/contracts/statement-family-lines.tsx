import { Badge, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { StatementFamily } from "./contract-types.js";
import { numeric } from "./table-styles.js";
import { useMoney } from "./use-money.js";

const STATUS_COLOR: Record<StatementFamily["status"], string> = {
  met: "green",
  "not-met": "red",
  "not-measurable": "gray",
};

/**
 * The families behind one goal: the family (or its pseudonym, for evaluators), whether it met the
 * goal and why, whether it counts, and what it contributes.
 */
export function StatementFamilyLines({
  goalName,
  lines,
  isPseudonymised,
}: {
  goalName: string;
  lines: readonly StatementFamily[];
  isPseudonymised: boolean;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  return (
    <Table withTableBorder bg="white" fz="sm">
      <Table.Caption>
        {t("contracts.explanation.familiesCaption", { goal: goalName })}
        {isPseudonymised ? ` ${t("contracts.explanation.pseudonymised")}` : ""}
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">
            {isPseudonymised ? t("contracts.explanation.pseudonym") : t("contracts.explanation.family")}
          </Table.Th>
          <Table.Th scope="col">{t("contracts.explanation.status")}</Table.Th>
          <Table.Th scope="col">{t("contracts.explanation.reason")}</Table.Th>
          <Table.Th scope="col">{t("contracts.explanation.counted")}</Table.Th>
          <Table.Th scope="col" style={numeric}>
            {t("contracts.terms.amount")}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((line) => (
          <Table.Tr key={line.familyId ?? line.label}>
            <Table.Th scope="row" fw={500}>
              {line.label}
            </Table.Th>
            <Table.Td>
              <Badge variant="light" color={STATUS_COLOR[line.status]} size="sm" miw="max-content">
                {t(`contracts.familyStatus.${line.status}`)}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{line.reason ?? "–"}</Text>
            </Table.Td>
            <Table.Td>{line.isCounted ? t("common.yes") : t("common.no")}</Table.Td>
            <Table.Td style={numeric}>{money(line.amountOre)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
