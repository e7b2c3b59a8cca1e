import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { BusinessCaseResult, MonteCarloResult } from "../../../domain/business-case/index.js";
import { Chart } from "./chart.js";
import { CHART_BASE, CHART_COLORS, type ChartOption } from "./chart-option.js";
import { useBusinessCaseFormat } from "./use-business-case-format.js";

interface MonteCarloFanChartProps {
  monteCarlo: MonteCarloResult;
  /** The deterministic run, drawn as a dashed line for reference. */
  result: BusinessCaseResult;
  mode?: "live" | "static";
  height?: number;
}

/**
 * The Monte Carlo fan: the band between P10 and P90 of the accumulated balance per year, the median
 * (P50) as a solid line and the deterministic result as a dashed line.
 */
export function MonteCarloFanChart({
  monteCarlo,
  result,
  mode = "live",
  height = 320,
}: MonteCarloFanChartProps) {
  const { t } = useTranslation();
  const format = useBusinessCaseFormat();
  const option = useMemo((): ChartOption => {
    const kr = (ore: number) => Math.round(ore / 100);
    const years = monteCarlo.years.map((y) => String(y.calendarYear));
    const p10 = monteCarlo.years.map((y) => kr(y.accumulatedP10Ore));
    const p90 = monteCarlo.years.map((y) => kr(y.accumulatedP90Ore));
    const bandName = t("businessCases.charts.band");
    return {
      ...CHART_BASE,
      grid: { left: 80, right: 16, top: 40, bottom: 32 },
      legend: {
        top: 0,
        left: 0,
        data: [bandName, t("businessCases.charts.median"), t("businessCases.charts.deterministic")],
      },
      tooltip: {
        trigger: "axis",
        formatter: (params) => {
          const list = Array.isArray(params) ? params : [params];
          const index = list[0]?.dataIndex ?? 0;
          const y = monteCarlo.years[index];
          const d = result.years[index];
          if (!y) return "";
          return [
            `<strong>${y.calendarYear}</strong>`,
            `P90: ${format.kroner(y.accumulatedP90Ore)}`,
            `P50: ${format.kroner(y.accumulatedP50Ore)}`,
            `P10: ${format.kroner(y.accumulatedP10Ore)}`,
            d ? `${t("businessCases.charts.deterministic")}: ${format.kroner(d.accumulatedOre)}` : "",
          ].join("<br>");
        },
      },
      xAxis: { type: "category", data: years, boundaryGap: false },
      yAxis: {
        type: "value",
        axisLabel: { formatter: (value: number) => format.kronerCompact(value * 100) },
      },
      series: [
        {
          type: "line",
          name: "P10",
          data: p10,
          stack: "band",
          stackStrategy: "all",
          symbol: "none",
          lineStyle: { opacity: 0 },
          silent: true,
        },
        {
          type: "line",
          name: bandName,
          data: p90.map((v, i) => v - (p10[i] ?? 0)),
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
          name: t("businessCases.charts.median"),
          data: monteCarlo.years.map((y) => kr(y.accumulatedP50Ore)),
          color: CHART_COLORS.median,
          symbol: "circle",
          symbolSize: 6,
          lineStyle: { width: 2.5 },
          markLine: {
            symbol: "none",
            silent: true,
            data: [
              { yAxis: 0, lineStyle: { color: "#868e96", type: "solid", width: 1 }, label: { show: false } },
            ],
          },
        },
        {
          type: "line",
          name: t("businessCases.charts.deterministic"),
          data: result.years.map((y) => kr(y.accumulatedOre)),
          color: CHART_COLORS.deterministic,
          symbol: "triangle",
          symbolSize: 6,
          lineStyle: { width: 1.5, type: "dashed" },
        },
      ],
    };
  }, [monteCarlo, result, t, format]);
  const last = monteCarlo.years.at(-1);
  const summary = t("businessCases.charts.fanSummary", {
    draws: format.decimal(monteCarlo.draws, 0),
    year: last?.calendarYear,
    p10: format.kronerCompact(last?.accumulatedP10Ore ?? 0),
    p50: format.kronerCompact(last?.accumulatedP50Ore ?? 0),
    p90: format.kronerCompact(last?.accumulatedP90Ore ?? 0),
    probability: format.percent(monteCarlo.paybackProbabilityPct, 0),
  });
  return <Chart option={option} ariaLabel={summary} height={height} mode={mode} />;
}
