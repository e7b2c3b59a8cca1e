import { Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { BusinessCaseResult, MonteCarloResult } from "../../../domain/business-case/index.js";
import { TableScroll } from "../../components/table-scroll.js";
import { MonteCarloFanChart } from "./monte-carlo-fan-chart.js";
import { useBusinessCaseFormat } from "./use-business-case-format.js";

const right = { textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" } as const;

/** Key numbers of a Monte Carlo run: payback probability and the NPV's P10/P50/P90. */
export function MonteCarloFigures({ monteCarlo }: { monteCarlo: MonteCarloResult }) {
  const { t } = useTranslation();
  const format = useBusinessCaseFormat();
  const figures = [
    {
      label: t("businessCases.monteCarlo.paybackProbability"),
      value: format.percent(monteCarlo.paybackProbabilityPct, 1),
    },
    { label: t("businessCases.monteCarlo.npvP10"), value: format.kroner(monteCarlo.npvP10Ore) },
    { label: t("businessCases.monteCarlo.npvP50"), value: format.kroner(monteCarlo.npvP50Ore) },
    { label: t("businessCases.monteCarlo.npvP90"), value: format.kroner(monteCarlo.npvP90Ore) },
  ];
  return (
    <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" m={0}>
      {figures.map((f) => (
        <Paper key={f.label} withBorder radius="md" p="md">
          <Text component="dt" size="sm" c="dimmed">
            {f.label}
          </Text>
          <Text component="dd" m={0} fw={700} size="lg">
            {f.value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** The percentiles per year (the fan chart's numbers) and in which year the draws pay back. */
export function MonteCarloTable({ monteCarlo }: { monteCarlo: MonteCarloResult }) {
  const { t } = useTranslation();
  const format = useBusinessCaseFormat();
  const title = t("businessCases.monteCarlo.tableTitle");
  return (
    <TableScroll label={title}>
      <Table miw={640} withTableBorder striped bg="white" aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("businessCases.results.year")}</Table.Th>
            <Table.Th scope="col" style={right}>
              P10
            </Table.Th>
            <Table.Th scope="col" style={right}>
              P50
            </Table.Th>
            <Table.Th scope="col" style={right}>
              P90
            </Table.Th>
            <Table.Th scope="col" style={right}>
              {t("businessCases.monteCarlo.paidBackInYear")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {monteCarlo.years.map((y, i) => (
            <Table.Tr key={y.year}>
              <Table.Th scope="row" fw={500}>
                {y.calendarYear}
              </Table.Th>
              <Table.Td style={right}>{format.kroner(y.accumulatedP10Ore)}</Table.Td>
              <Table.Td style={right}>{format.kroner(y.accumulatedP50Ore)}</Table.Td>
              <Table.Td style={right}>{format.kroner(y.accumulatedP90Ore)}</Table.Td>
              <Table.Td style={right}>
                {format.percent(monteCarlo.paybackYearDistribution[i]?.sharePct ?? 0, 1)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row" colSpan={4}>
              {t("businessCases.monteCarlo.notPaidBack")}
            </Table.Th>
            <Table.Td style={right}>
              {format.percent((100 * monteCarlo.notPaidBackDraws) / Math.max(1, monteCarlo.draws), 1)}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </TableScroll>
  );
}

/** A finished Monte Carlo run: figures, the fan chart and its table. */
export function MonteCarloResults({
  monteCarlo,
  result,
}: {
  monteCarlo: MonteCarloResult;
  result: BusinessCaseResult;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <MonteCarloFigures monteCarlo={monteCarlo} />
      <Title order={3} size="h5">
        {t("businessCases.monteCarlo.fanTitle")}
      </Title>
      <MonteCarloFanChart monteCarlo={monteCarlo} result={result} />
      <MonteCarloTable monteCarlo={monteCarlo} />
    </Stack>
  );
}
