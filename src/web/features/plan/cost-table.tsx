import { Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DEPARTMENTS } from "../../../domain/casework/family-plan.js";
import type { Ore } from "../../../domain/money.js";
import { TableScroll } from "../../components/table-scroll.js";
import { INTL_LOCALE, isLanguage } from "../../i18n/i18n.js";
import { useFormatters } from "../../lib/use-formatters.js";
import type { FamilyPlanView } from "./plan-types.js";

const right = { textAlign: "right", whiteSpace: "nowrap" } as const;
/** Months shown one by one; the 12-month total covers the rest. */
const SHOWN_MONTHS = 3;

/** "Udgift pr. måned pr. afdeling": the next months per department, and the 12-month total. */
export function CostTable({ costs }: { costs: FamilyPlanView["costByDepartment"] }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const locale = INTL_LOCALE[isLanguage(i18n.language) ? i18n.language : "da"];
  const monthFormat = new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" });
  const monthLabel = (month: string) => {
    const [y, m] = month.split("-").map(Number);
    return monthFormat.format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1)));
  };
  const shown = costs.slice(0, SHOWN_MONTHS);
  const yearOf = (d: (typeof DEPARTMENTS)[number]) =>
    costs.reduce((s, c) => s + (c.byDepartmentOre[d] ?? 0), 0);
  const departments = DEPARTMENTS.filter((d) => yearOf(d) > 0);
  const total = costs.reduce((s, c) => s + c.totalOre, 0);
  const money = (v: number) => format.money(v as Ore);

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" maw={760}>
        {t("plan.cost.description")}
      </Text>
      {departments.length === 0 ? (
        <Text size="sm">{t("plan.cost.empty")}</Text>
      ) : (
        <TableScroll label={t("plan.cost.caption")}>
          <Table
            miw={640}
            withTableBorder
            striped
            bg="white"
            verticalSpacing="xs"
            aria-label={t("plan.cost.caption")}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("plan.cost.department")}</Table.Th>
                {shown.map((c) => (
                  <Table.Th scope="col" key={c.month} style={right}>
                    {monthLabel(c.month)}
                  </Table.Th>
                ))}
                <Table.Th scope="col" style={right}>
                  {t("plan.cost.twelveMonths")}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {departments.map((d) => (
                <Table.Tr key={d}>
                  <Table.Th scope="row" fw={500}>
                    {t(`plan.departments.${d}`)}
                  </Table.Th>
                  {shown.map((c) => (
                    <Table.Td key={c.month} style={right}>
                      {money(c.byDepartmentOre[d] ?? 0)}
                    </Table.Td>
                  ))}
                  <Table.Td style={right}>{money(yearOf(d))}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">{t("plan.cost.total")}</Table.Th>
                {shown.map((c) => (
                  <Table.Td key={c.month} style={right} fw={700}>
                    {money(c.totalOre)}
                  </Table.Td>
                ))}
                <Table.Td style={right} fw={700}>
                  {money(total)}
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </TableScroll>
      )}
    </Stack>
  );
}
