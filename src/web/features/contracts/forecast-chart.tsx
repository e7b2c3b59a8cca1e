import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Chart } from "../business-cases/chart.js";
import { CHART_BASE, CHART_COLORS, type ChartOption } from "../business-cases/chart-option.js";
import { useBusinessCaseFormat } from "../business-cases/use-business-case-format.js";
import type { ContractForecast } from "./contract-types.js";

/**
 * Bars: the repayment in each forecast scenario, with the investment (dashed line) and the cap (solid
 * line) to compare against. The table beside it holds the same numbers.
 */
export function ForecastChart({ forecast }: { forecast: ContractForecast }) {
  const { t } = useTranslation();
  const format = useBusinessCaseFormat();
  const option = useMemo((): ChartOption => {
    const kr = (ore: number) => Math.round(ore / 100);
    return {
      ...CHART_BASE,
      grid: { left: 96, right: 24, top: 24, bottom: 40 },
      tooltip: { trigger: "axis", valueFormatter: (value) => format.kroner(Number(value) * 100) },
      xAxis: {
        type: "category",
        data: forecast.scenarios.map((s) => t(`contracts.forecast.scenarios.${s.key}`)),
        axisLabel: { interval: 0 },
      },
      yAxis: {
        type: "value",
        max: (extent: { max: number }) => Math.max(extent.max, kr(forecast.capOre)) * 1.08,
        axisLabel: { formatter: (value: number) => format.kronerCompact(value * 100) },
      },
      series: [
        {
          type: "bar",
          name: t("contracts.forecast.repayment"),
          data: forecast.scenarios.map((s) => kr(s.totalOre)),
          itemStyle: { color: CHART_COLORS.accumulated },
          barMaxWidth: 72,
          label: {
            show: true,
            position: "top",
            formatter: (p: { value?: unknown }) => format.kronerCompact(Number(p.value) * 100),
          },
          markLine: {
            symbol: "none",
            silent: true,
            label: { position: "insideEndTop", color: "#212529" },
            data: [
              {
                name: t("contracts.forecast.investment"),
                yAxis: kr(forecast.investmentOre),
                lineStyle: { type: "dashed", color: CHART_COLORS.low, width: 2 },
                label: { formatter: t("contracts.forecast.investmentLine") },
              },
              {
                name: t("contracts.forecast.cap"),
                yAxis: kr(forecast.capOre),
                lineStyle: { type: "solid", color: CHART_COLORS.costs, width: 2 },
                label: { formatter: t("contracts.forecast.capLine"), position: "insideStartTop" },
              },
            ],
          },
        },
      ],
    };
  }, [forecast, t, format]);
  const summary = t("contracts.forecast.chartSummary", {
    scenarios: forecast.scenarios
      .map((s) => `${t(`contracts.forecast.scenarios.${s.key}`)}: ${format.kronerCompact(s.totalOre)}`)
      .join("; "),
    investment: format.kronerCompact(forecast.investmentOre),
    cap: format.kronerCompact(forecast.capOre),
  });
  return <Chart option={option} ariaLabel={summary} height={320} />;
}
