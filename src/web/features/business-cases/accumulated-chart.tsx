import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Payback } from "../../../domain/business-case/index.js";
import { Chart } from "./chart.js";
import { CHART_BASE, CHART_COLORS, type ChartOption } from "./chart-option.js";
import { useBusinessCaseFormat } from "./use-business-case-format.js";

/** One line of the chart: a scenario (or variant) and its accumulated balance per year. */
export interface AccumulatedSeries {
  name: string;
  startYear: number;
  /** Accumulated balance at the end of each year 1 … horizon, øre. */
  accumulatedOre: number[];
  payback: Payback;
}

interface AccumulatedChartProps {
  series: AccumulatedSeries[];
  mode?: "live" | "static";
  height?: number;
}

const LINE_TYPES = ["solid", "dashed", "dotted", "solid"] as const;
const SYMBOLS = ["circle", "triangle", "rect", "diamond"] as const;

/**
 * The accumulated balance from the start (0) to the end of the horizon, one line per series, with
 * the payback point marked by a vertical line and a label. Several series (compare page) differ by
 * colour, line style and marker.
 */
export function AccumulatedChart({ series, mode = "live", height = 320 }: AccumulatedChartProps) {
  const { t } = useTranslation();
  const format = useBusinessCaseFormat();
  const horizon = Math.max(...series.map((s) => s.accumulatedOre.length), 1);
  const startYear = series[0]?.startYear ?? 0;
  const option = useMemo((): ChartOption => {
    const yearLabel = (x: number) =>
      x === 0 ? t("businessCases.charts.start") : String(startYear + Math.round(x) - 1);
    return {
      ...CHART_BASE,
      grid: { left: 80, right: 24, top: series.length > 1 ? 72 : 56, bottom: 40 },
      legend: { top: 0, left: 0 },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "line" },
        valueFormatter: (value) => format.kroner(Number(value) * 100),
      },
      xAxis: {
        type: "value",
        min: 0,
        max: horizon,
        interval: 1,
        name: t("businessCases.charts.endOfYear"),
        nameLocation: "middle",
        nameGap: 26,
        axisLabel: { formatter: yearLabel },
        splitLine: { show: false },
      },
      yAxis: {
        type: "value",
        axisLabel: { formatter: (value: number) => format.kronerCompact(value * 100) },
      },
      series: series.map((s, i) => {
        const color = series.length === 1 ? CHART_COLORS.accumulated : CHART_COLORS.series[i % 4];
        const data: [number, number][] = [
          [0, 0],
          ...s.accumulatedOre.map((a, k): [number, number] => [k + 1, Math.round(a / 100)]),
        ];
        return {
          type: "line",
          name: s.name,
          data,
          color,
          symbol: SYMBOLS[i % 4],
          symbolSize: 7,
          lineStyle: { width: 2.5, type: LINE_TYPES[i % 4] },
          markLine: {
            symbol: "none",
            silent: true,
            data: [
              ...(i === 0
                ? [
                    {
                      yAxis: 0,
                      lineStyle: { color: "#868e96", type: "solid" as const, width: 1 },
                      label: { show: false },
                    },
                  ]
                : []),
              ...(s.payback.isPaidBack
                ? [
                    {
                      xAxis: s.payback.years,
                      lineStyle: { color, type: "dashed" as const, width: 1.5 },
                      label: {
                        formatter: t("businessCases.charts.paybackMark", {
                          years: format.decimal(s.payback.years),
                        }),
                        position: "end" as const,
                        color: "#212529",
                      },
                    },
                  ]
                : []),
            ],
          },
        };
      }),
    };
  }, [series, horizon, startYear, t, format]);

  const summary = series
    .map((s) => {
      const last = s.accumulatedOre.at(-1) ?? 0;
      const lowest = Math.min(0, ...s.accumulatedOre);
      const lowestIndex = s.accumulatedOre.indexOf(lowest);
      return t("businessCases.charts.accumulatedSummary", {
        name: s.name,
        lowest: format.kronerCompact(lowest),
        lowestYear: lowestIndex >= 0 ? s.startYear + lowestIndex : s.startYear,
        end: format.kronerCompact(last),
        endYear: s.startYear + s.accumulatedOre.length - 1,
        payback: s.payback.isPaidBack
          ? t("businessCases.figures.paybackAfter", {
              years: format.decimal(s.payback.years),
              year: s.payback.calendarYear,
            })
          : t("businessCases.figures.notPaidBack"),
      });
    })
    .join(" ");
  return <Chart option={option} ariaLabel={summary} height={height} mode={mode} />;
}
