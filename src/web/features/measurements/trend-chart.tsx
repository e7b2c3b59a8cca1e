import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { InstrumentVersion, ScoreDefinition } from "../../../domain/progression/instrument.js";
import { categoriesOfScore } from "../../../domain/progression/instrument.js";
import { INTL_LOCALE, isLanguage } from "../../i18n/i18n.js";
import { Chart } from "../business-cases/chart.js";
import { CHART_BASE, CHART_COLORS, type ChartOption } from "../business-cases/chart-option.js";
import { type SubjectTrend, scaleOfScore } from "./measurement-model.js";
import type { MeasurementText } from "./use-measurement-text.js";

interface TrendChartProps {
  trend: SubjectTrend;
  version: InstrumentVersion;
  score: ScoreDefinition;
  /** The chart's text alternative (what the table row says in one sentence). */
  ariaLabel: string;
  text: MeasurementText;
  height?: number;
}

const DAY_MS = 24 * 3600_000;
const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** The value axis: the scale's own range when it has one (1–10, the categories), else from 0. */
function valueAxisRange(version: InstrumentVersion, score: ScoreDefinition) {
  const categories = categoriesOfScore(version, score.code);
  if (categories) return { min: categories[0]!.value, max: categories.at(-1)!.value, interval: 1 };
  const scale = scaleOfScore(version, score);
  if (scale?.kind === "numeric-range") {
    const isShort = (scale.max - scale.min) / scale.step <= 10 && Number.isInteger(scale.step);
    return { min: scale.min, max: scale.max, ...(isShort ? { interval: scale.step } : {}) };
  }
  if (scale?.kind === "percentage") return { min: 0 };
  return { min: 0 };
}

/**
 * One subject's values of one score over time (ECharts, loaded lazily with the first chart): the
 * line of effective measurements, the baseline as a dashed line across the chart and a labelled
 * point. An image with a text alternative; the table beside it has the same numbers.
 */
export function TrendChart({ trend, version, score, ariaLabel, text, height = 220 }: TrendChartProps) {
  const { t, i18n } = useTranslation();
  const locale = INTL_LOCALE[isLanguage(i18n.language) ? i18n.language : "da"];
  const option = useMemo((): ChartOption => {
    const dayFormat = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });
    const baseline = trend.summary.baseline;
    const times = trend.series.map((p) => toTime(p.measuredOn));
    // A single point still gets a readable span of days around it.
    const first = Math.min(...times) - 7 * DAY_MS;
    const last = Math.max(...times) + 7 * DAY_MS;
    const color = CHART_COLORS.accumulated;
    const valueText = (n: number) => text.value(version, score, n);
    return {
      ...CHART_BASE,
      grid: { left: 64, right: 24, top: 24, bottom: 36 },
      tooltip: {
        trigger: "item",
        formatter: (p: unknown) => {
          const [time, value] = (p as { value: [number, number] }).value;
          return `${text.date(new Date(time).toISOString().slice(0, 10))}: ${valueText(value)}`;
        },
      },
      xAxis: {
        type: "time",
        min: first,
        max: last,
        splitNumber: 5,
        axisLabel: { formatter: (value: number) => dayFormat.format(new Date(value)), hideOverlap: true },
        splitLine: { show: false },
      },
      yAxis: {
        type: "value",
        ...valueAxisRange(version, score),
        axisLabel: { formatter: (value: number) => valueText(value), width: 56, overflow: "truncate" },
      },
      series: [
        {
          type: "line",
          name: text.scoreLabel(score),
          data: trend.series.map((p) => [toTime(p.measuredOn), p.value]),
          color,
          symbol: "circle",
          symbolSize: 8,
          lineStyle: { width: 2.5 },
          ...(baseline
            ? {
                markLine: {
                  symbol: "none",
                  silent: true,
                  data: [
                    {
                      yAxis: baseline.value,
                      lineStyle: { color: "#495057", type: "dashed" as const, width: 1.5 },
                      label: {
                        formatter: t("measurements.progress.baselineMark"),
                        position: "insideEndTop" as const,
                        color: "#212529",
                      },
                    },
                  ],
                },
                markPoint: {
                  silent: true,
                  symbol: "circle",
                  symbolSize: 14,
                  itemStyle: { color: "#ffffff", borderColor: "#212529", borderWidth: 2.5 },
                  label: { show: false },
                  data: [
                    {
                      name: t("measurements.progress.baselineMark"),
                      coord: [toTime(baseline.measuredOn), baseline.value],
                    },
                  ],
                },
              }
            : {}),
        },
      ],
    };
  }, [trend, version, score, text, t, locale]);
  return <Chart option={option} ariaLabel={ariaLabel} height={height} />;
}
