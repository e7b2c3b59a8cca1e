import { Button, Collapse, Group, Stack, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { CohortView } from "../../../contracts/progression-cohort.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { Chart } from "../business-cases/chart.js";
import { CHART_BASE, CHART_COLORS, type ChartOption } from "../business-cases/chart-option.js";
import { formatValue, useUnitWords } from "./cohort-format.js";
import type { FigureChoice } from "./cohort-queries.js";
import { FigureButton } from "./cohort-shares.js";
import { SmallGroupBadge } from "./small-group-badge.js";

interface CohortOverTimeProps {
  view: CohortView;
  onShow: (figure: FigureChoice) => void;
}

/** Median and interquartile band by whole months since the start, and the same figures as a table. */
export function CohortOverTime({ view, onShow }: CohortOverTimeProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const unit = useUnitWords(view.selection.subject);
  const [isTableOpen, table] = useDisclosure(false);
  const tableId = useId();
  const k = "progressionCohort.cohort.overTime";
  const months = view.overTime;
  const option = useMemo((): ChartOption => {
    const last = months.at(-1)?.month ?? 0;
    const byMonth = new Map(months.map((m) => [m.month, m]));
    const axis = Array.from({ length: last + 1 }, (_, i) => i);
    const at = (f: (m: (typeof months)[number]) => number) =>
      axis.map((i) => {
        const m = byMonth.get(i);
        return m ? Math.round(f(m) * 100) / 100 : null;
      });
    const bandName = t(`${k}.band`);
    return {
      ...CHART_BASE,
      grid: { left: 48, right: 16, top: 40, bottom: 40 },
      legend: { top: 0, left: 0, data: [t(`${k}.median`), bandName] },
      tooltip: {
        trigger: "axis",
        formatter: (params) => {
          const list = Array.isArray(params) ? params : [params];
          const m = byMonth.get(axis[list[0]?.dataIndex ?? 0] ?? -1);
          if (!m) return "";
          return [
            `<strong>${t(`${k}.monthN`, { month: m.month })}</strong>`,
            `${t(`${k}.n`)}: ${format.number(m.spread.n)}`,
            `${t(`${k}.q3`)}: ${formatValue(format, m.spread.q3)}`,
            `${t(`${k}.median`)}: ${formatValue(format, m.spread.median)}`,
            `${t(`${k}.q1`)}: ${formatValue(format, m.spread.q1)}`,
          ].join("<br>");
        },
      },
      xAxis: {
        type: "category",
        data: axis.map(String),
        boundaryGap: false,
        name: t(`${k}.month`),
        nameLocation: "middle",
        nameGap: 26,
      },
      yAxis: { type: "value", scale: true },
      series: [
        {
          type: "line",
          name: "q1",
          data: at((m) => m.spread.q1),
          stack: "band",
          stackStrategy: "all",
          symbol: "none",
          lineStyle: { opacity: 0 },
          silent: true,
        },
        {
          type: "line",
          name: bandName,
          data: at((m) => m.spread.q3 - m.spread.q1),
          stack: "band",
          stackStrategy: "all",
          symbol: "none",
          lineStyle: { opacity: 0 },
          areaStyle: { color: CHART_COLORS.band, opacity: 0.8 },
          color: CHART_COLORS.band,
          silent: true,
        },
        {
          type: "line",
          name: t(`${k}.median`),
          // A month resting on fewer than five families is an open dot; months without values are gaps.
          data: axis.map((i) => {
            const m = byMonth.get(i);
            if (!m) return null;
            const value = Math.round(m.spread.median * 100) / 100;
            return m.isSmall ? { value, symbol: "emptyCircle", symbolSize: 8 } : value;
          }),
          connectNulls: false,
          showAllSymbol: true,
          color: CHART_COLORS.median,
          symbol: "circle",
          symbolSize: 7,
          lineStyle: { width: 2.5 },
        },
      ],
    };
  }, [months, t, format]);
  const first = months[0];
  const last = months.at(-1);
  const ariaLabel =
    first && last
      ? t(`${k}.chartLabel`, {
          months: format.number(months.length),
          first: formatValue(format, first.spread.median),
          firstMonth: first.month,
          last: formatValue(format, last.spread.median),
          lastMonth: last.month,
        })
      : "";

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t(`${k}.description`)}
      </Text>
      <Chart option={option} ariaLabel={ariaLabel} height={300} />
      <Group>
        <Button
          variant="default"
          size="xs"
          onClick={table.toggle}
          aria-expanded={isTableOpen}
          aria-controls={tableId}
        >
          {isTableOpen ? t(`${k}.hideTable`) : t(`${k}.showTable`)}
        </Button>
      </Group>
      <Collapse expanded={isTableOpen} id={tableId}>
        <Table withTableBorder striped bg="white" captionSide="bottom">
          <Table.Caption>{t(`${k}.tableCaption`)}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t(`${k}.month`)}</Table.Th>
              <Table.Th scope="col">{t(`${k}.n`)}</Table.Th>
              <Table.Th scope="col">{t(`${k}.min`)}</Table.Th>
              <Table.Th scope="col">{t(`${k}.q1`)}</Table.Th>
              <Table.Th scope="col">{t(`${k}.median`)}</Table.Th>
              <Table.Th scope="col">{t(`${k}.q3`)}</Table.Th>
              <Table.Th scope="col">{t(`${k}.max`)}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {months.map((m) => (
              <Table.Tr key={m.month}>
                <Table.Th scope="row" fw={500}>
                  {format.number(m.month)}
                </Table.Th>
                <Table.Td>
                  <FigureButton
                    count={m.spread.n}
                    text={format.number(m.spread.n)}
                    label={t(`${k}.showMonth`, {
                      count: `${format.number(m.spread.n)} ${unit.count(m.spread.n)}`,
                      month: m.month,
                    })}
                    isSmall={m.isSmall}
                    onClick={() => onShow({ figure: "month", month: m.month })}
                  />
                </Table.Td>
                <Table.Td>{formatValue(format, m.spread.min)}</Table.Td>
                <Table.Td>{formatValue(format, m.spread.q1)}</Table.Td>
                <Table.Td fw={600}>{formatValue(format, m.spread.median)}</Table.Td>
                <Table.Td>{formatValue(format, m.spread.q3)}</Table.Td>
                <Table.Td>{formatValue(format, m.spread.max)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Collapse>
      {months.some((m) => m.isSmall) && !isTableOpen ? (
        <Group gap={6}>
          <SmallGroupBadge />
          <Text size="xs" c="dimmed">
            {t(`${k}.someSmall`, { count: view.selection.smallGroupFamilies })}
          </Text>
        </Group>
      ) : null}
    </Stack>
  );
}
