import { Button, Group, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { CohortClassification, CohortView } from "../../../contracts/progression-cohort.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { Chart } from "../business-cases/chart.js";
import { CHART_BASE, type ChartOption } from "../business-cases/chart-option.js";
import type { FigureChoice } from "./cohort-queries.js";
import { SmallGroupBadge } from "./small-group-badge.js";

const CLASSES = ["improved", "unchanged", "worse"] as const;

/** Green, grey and red with at least 4.5:1 contrast on white; the bars also differ by pattern (decals). */
export const CLASS_COLORS = { improved: "#1a7f40", unchanged: "#5c636a", worse: "#b12222" } as const;

interface CohortSharesProps {
  view: CohortView;
  onShow: (figure: FigureChoice) => void;
}

/** Improved / unchanged / worse to the latest measurement and to the end: stacked bars and a table. */
export function CohortShares({ view, onShow }: CohortSharesProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const k = "progressionCohort.cohort.shares";
  const rows = useMemo(
    (): { figure: "latest" | "end"; label: string; c: CohortClassification }[] => [
      { figure: "latest", label: t(`${k}.toLatest`), c: view.toLatest },
      { figure: "end", label: t(`${k}.toEnd`), c: view.toEnd },
    ],
    [view, t],
  );
  const option = useMemo((): ChartOption => {
    const shown = rows.filter((r) => r.c.measurable > 0);
    return {
      ...CHART_BASE,
      grid: { left: 8, right: 16, top: 36, bottom: 28, containLabel: true },
      legend: { top: 0, left: 0, data: CLASSES.map((c) => t(`progressionCohort.cohort.classes.${c}`)) },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        valueFormatter: (v) => format.percent(Number(v)),
      },
      xAxis: { type: "value", max: 100, axisLabel: { formatter: (v: number) => format.percent(v) } },
      yAxis: { type: "category", inverse: true, data: shown.map((r) => r.label) },
      series: CLASSES.map((cls) => ({
        type: "bar",
        name: t(`progressionCohort.cohort.classes.${cls}`),
        stack: "share",
        color: CLASS_COLORS[cls],
        barMaxWidth: 36,
        data: shown.map((r) => Math.round(r.c[cls].pct * 10) / 10),
        label: {
          show: true,
          color: "#ffffff",
          formatter: (p: { value: unknown }) => (Number(p.value) >= 8 ? format.percent(Number(p.value)) : ""),
        },
      })),
    };
  }, [rows, t, format]);
  const summary = (c: CohortClassification) => ({
    improved: format.number(c.improved.count),
    unchanged: format.number(c.unchanged.count),
    worse: format.number(c.worse.count),
  });
  const ariaLabel = t(`${k}.chartLabel`, {
    latest: t(`${k}.chartLatest`, summary(view.toLatest)),
    endText: view.toEnd.measurable > 0 ? t(`${k}.chartEnd`, summary(view.toEnd)) : "",
  });

  return (
    <Stack gap="md">
      {view.toLatest.measurable > 0 ? <Chart option={option} ariaLabel={ariaLabel} height={170} /> : null}
      <Table withTableBorder striped bg="white" captionSide="bottom">
        <Table.Caption>{t(`${k}.tableCaption`)}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t(`${k}.figure`)}</Table.Th>
            {CLASSES.map((cls) => (
              <Table.Th scope="col" key={cls}>
                {t(`progressionCohort.cohort.classes.${cls}`)}
              </Table.Th>
            ))}
            <Table.Th scope="col">{t("progressionCohort.cohort.classes.not-measurable")}</Table.Th>
            <Table.Th scope="col" miw={130}>
              {t(`${k}.measurable`)}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.figure}>
              <Table.Th scope="row" fw={500}>
                {r.label}
              </Table.Th>
              {r.c.total === 0 ? (
                <Table.Td colSpan={5}>
                  <Text size="sm" c="dimmed">
                    {r.figure === "end" ? t(`${k}.noEnded`) : t("progressionCohort.cohort.noValues")}
                  </Text>
                </Table.Td>
              ) : (
                <>
                  {CLASSES.map((cls) => (
                    <Table.Td key={cls}>
                      <FigureButton
                        count={r.c[cls].count}
                        text={t(`${k}.countPct`, {
                          count: format.number(r.c[cls].count),
                          pct: format.percent(r.c[cls].pct),
                        })}
                        label={t(`${k}.show`, {
                          count: format.number(r.c[cls].count),
                          what: t(`progressionCohort.cohort.classes.${cls}`).toLowerCase(),
                          when: r.label.toLowerCase(),
                        })}
                        isSmall={r.c[cls].isSmall}
                        onClick={() => onShow({ figure: r.figure, bucket: cls })}
                      />
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <FigureButton
                      count={r.c.notMeasurable.count}
                      text={format.number(r.c.notMeasurable.count)}
                      label={t(`${k}.show`, {
                        count: format.number(r.c.notMeasurable.count),
                        what: t("progressionCohort.cohort.classes.not-measurable").toLowerCase(),
                        when: r.label.toLowerCase(),
                      })}
                      isSmall={false}
                      onClick={() => onShow({ figure: r.figure, bucket: "not-measurable" })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="wrap">
                      <Text size="sm">{format.number(r.c.measurable)}</Text>
                      {r.c.isSmall ? <SmallGroupBadge /> : null}
                    </Group>
                  </Table.Td>
                </>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

interface FigureButtonProps {
  count: number;
  /** The figure as shown. */
  text: string;
  /** What a click shows, for screen readers (read after the figure). */
  label: string;
  isSmall: boolean;
  onClick: () => void;
}

/** A figure that opens the list of those behind it (plain text when there is no one). */
export function FigureButton({ count, text, label, isSmall, onClick }: FigureButtonProps) {
  return (
    <Group gap={4} wrap="wrap">
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          {text}
        </Text>
      ) : (
        <Button variant="subtle" size="compact-sm" onClick={onClick}>
          {text}
          <VisuallyHidden>{`: ${label}`}</VisuallyHidden>
        </Button>
      )}
      {isSmall ? <SmallGroupBadge /> : null}
    </Group>
  );
}
