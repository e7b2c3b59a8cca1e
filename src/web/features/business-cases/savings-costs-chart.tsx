import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { BusinessCaseResult } from "../../../domain/business-case/index.js";
import { Chart } from "./chart.js";
import { CHART_BASE, CHART_COLORS, type ChartOption } from "./chart-option.js";
import { useBusinessCaseFormat } from "./use-business-case-format.js";

interface SavingsCostsChartProps {
  result: BusinessCaseResult;
  mode?: "live" | "static";
  height?: number;
}

/** Bars: savings and costs per year (the year-by-year table holds the same numbers). */
export function SavingsCostsChart({ result, mode = "live", height = 300 }: SavingsCostsChartProps) {
  const { t } = useTranslation();
  const format = useBusinessCaseFormat();
  const option = useMemo((): ChartOption => {
    const years = result.years.map((y) => String(y.calendarYear));
    const kr = (ore: number) => Math.round(ore / 100);
    return {
      ...CHART_BASE,
      grid: { left: 80, right: 16, top: 40, bottom: 32 },
      legend: { top: 0, left: 0 },
      tooltip: {
        trigger: "axis",
        valueFormatter: (value) => format.kroner(Number(value) * 100),
      },
      xAxis: { type: "category", data: years },
      yAxis: {
        type: "value",
        axisLabel: { formatter: (value: number) => format.kronerCompact(value * 100) },
      },
      series: [
        {
          type: "bar",
          name: t("businessCases.results.savings"),
          data: result.years.map((y) => kr(y.savingsOre)),
          itemStyle: { color: CHART_COLORS.savings },
        },
        {
          type: "bar",
          name: t("businessCases.results.costs"),
          data: result.years.map((y) => kr(y.costsOre)),
          itemStyle: { color: CHART_COLORS.costs },
        },
      ],
    };
  }, [result, t, format]);
  const first = result.years[0];
  const last = result.years.at(-1);
  const summary = t("businessCases.charts.savingsCostsSummary", {
    from: first?.calendarYear,
    to: last?.calendarYear,
    firstSavings: format.kronerCompact(first?.savingsOre ?? 0),
    lastSavings: format.kronerCompact(last?.savingsOre ?? 0),
    savings: format.kronerCompact(result.totals.savingsOre),
    costs: format.kronerCompact(result.totals.costsOre),
  });
  return <Chart option={option} ariaLabel={summary} height={height} mode={mode} />;
}
