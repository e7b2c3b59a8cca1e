import { Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DEPARTMENTS } from "../../../domain/casework/family-plan.js";
import type { Ore } from "../../../domain/money.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useFormatters } from "../../lib/use-formatters.js";
import type { Goal, Measure } from "./plan-types.js";
import type { PlanText } from "./use-plan-text.js";

const right = { textAlign: "right", whiteSpace: "nowrap" } as const;

/** The plan's measures grouped by department: what, who, period, intensity, goals served, cost per month. */
export function MeasureList({
  goals,
  measures,
  text,
}: {
  goals: Goal[];
  measures: Measure[];
  text: PlanText;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (measures.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("plan.measures.empty")}
      </Text>
    );
  }
  const goalNumber = new Map(goals.map((g, i) => [g.id, i + 1]));
  const period = (m: Measure) =>
    m.endOn
      ? t("plan.measures.periodFromTo", { from: format.date(m.startOn), to: format.date(m.endOn) })
      : t("plan.measures.periodOpen", { from: format.date(m.startOn) });
  const groups = DEPARTMENTS.map((d) => ({
    department: d,
    items: measures.filter((m) => m.department === d),
  })).filter((g) => g.items.length > 0);

  return (
    <Stack gap="lg">
      {groups.map(({ department, items }) => {
        const name = t(`plan.departments.${department}`);
        const caption = t("plan.measures.byDepartment", { department: name });
        return (
          <Stack gap="xs" key={department}>
            <Title order={3} size="h5">
              {name}
            </Title>
            <TableScroll label={caption}>
              <Table
                miw={900}
                layout="fixed"
                withTableBorder
                bg="white"
                verticalSpacing="xs"
                aria-label={caption}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col" w="26%">
                      {t("plan.measures.what")}
                    </Table.Th>
                    <Table.Th scope="col" w="20%">
                      {t("plan.measures.performedBy")}
                    </Table.Th>
                    <Table.Th scope="col" w="18%">
                      {t("plan.measures.period")}
                    </Table.Th>
                    <Table.Th scope="col" w="12%">
                      {t("plan.measures.intensity")}
                    </Table.Th>
                    <Table.Th scope="col" w="10%">
                      {t("plan.measures.goals")}
                    </Table.Th>
                    <Table.Th scope="col" w="14%" style={{ textAlign: "right" }}>
                      {t("plan.measures.cost")}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Th scope="row" fw={600}>
                        {m.what}
                        {m.department === "other" && m.departmentOther ? (
                          <Text size="xs" c="dimmed" fw={400}>
                            {m.departmentOther}
                          </Text>
                        ) : null}
                        {m.legalBasis ? (
                          <Text size="xs" c="dimmed" fw={400}>
                            {t("plan.measures.legalBasis", { text: m.legalBasis })}
                          </Text>
                        ) : null}
                      </Table.Th>
                      <Table.Td>
                        {m.performedBy}
                        <Text size="xs" c="dimmed">
                          {t("plan.measures.responsible")}: {text.responsible(m)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{period(m)}</Table.Td>
                      <Table.Td>{text.intensity(m.intensity)}</Table.Td>
                      <Table.Td>
                        {m.goalIds.length === 0
                          ? t("plan.measures.noGoals")
                          : m.goalIds
                              .map((id) => t("plan.editor.goalLegend", { number: goalNumber.get(id) ?? "?" }))
                              .join(", ")}
                      </Table.Td>
                      <Table.Td style={right}>{format.money(m.estimatedMonthlyCostOre as Ore)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          </Stack>
        );
      })}
    </Stack>
  );
}
