import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { StatementDetail } from "./contract-types.js";
import { numeric } from "./table-styles.js";
import { useMoney } from "./use-money.js";

/**
 * The first level of the explanation: from the sum of the goals to the amount to pay — rounded once
 * by the contract's rule, lifted to the floor or cut to the cap. For an adjusting statement, also
 * the locked total it corrects.
 */
export function StatementCalculation({ statement }: { statement: StatementDetail }) {
  const { t } = useTranslation();
  const money = useMoney();
  const s = statement;
  const rows: { label: string; hint?: string; value: string; isTotal?: boolean }[] = [
    {
      label: t("contracts.calculation.sumOfGoals"),
      hint: t("contracts.calculation.sumOfGoalsHint"),
      value: s.exactTotalDisplay,
    },
    {
      label: t("contracts.calculation.rounded"),
      hint: t("contracts.calculation.roundedHint"),
      value: money(s.roundedTotalOre),
    },
    {
      label: t("contracts.calculation.floorTopUp", { floor: money(s.floorOre) }),
      value: `+ ${money(s.floorTopUpOre)}`,
    },
    {
      label: t("contracts.calculation.capReduction", { cap: money(s.capOre) }),
      value: `− ${money(s.capReductionOre)}`,
    },
    { label: t("contracts.calculation.total"), value: money(s.totalOre), isTotal: true },
  ];
  return (
    <>
      <Table withTableBorder maw={720}>
        <Table.Caption>{t("contracts.calculation.caption")}</Table.Caption>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.label}>
              <Table.Th scope="row" fw={row.isTotal ? 700 : 500}>
                {row.label}
                {row.hint ? (
                  <Text size="xs" c="dimmed" fw={400}>
                    {row.hint}
                  </Text>
                ) : null}
              </Table.Th>
              <Table.Td style={numeric} fw={row.isTotal ? 700 : 400}>
                {row.value}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed">
        {t("contracts.calculation.fullRepayment", { amount: money(s.fullRepaymentOre) })}
      </Text>
      {s.adjustment ? (
        <Text size="sm">
          {t("contracts.calculation.adjustment", {
            locked: money(s.adjustment.lockedTotalOre),
            corrected: money(s.adjustment.correctedTotalOre),
          })}
        </Text>
      ) : null}
    </>
  );
}
