import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Scenario, SensitivityResult } from "../../../domain/business-case/index.js";
import { Chart } from "./chart.js";
import { CHART_BASE, CHART_COLORS, type ChartOption } from "./chart-option.js";
import { parameterLabelOf } from "./parameter-label.js";
import { useBusinessCaseFormat } from "./use-business-case-format.js";

interface TornadoChartProps {
  sensitivity: SensitivityResult;
  /** The scenario analysed (for the parameters' names). */
  scenario: Scenario;
  /** How many parameters to show (largest swing first). */
  limit?: number;
  mode?: "live" | "static";
}

/**
 * The tornado: for each parameter (largest swing on top) the change in the accumulated balance at
 * the horizon when the parameter is at its low and at its high value. Low and high differ by colour
 * and pattern; the table beside the chart gives the same numbers.
 */
export function TornadoChart({ sensitivity, scenario, limit = 8, mode = "live" }: TornadoChartProps) {
  const { t } = useTranslation();
  const format = useBusinessCaseFormat();
  const bars = useMemo(() => sensitivity.bars.slice(0, limit).reverse(), [sensitivity, limit]);
  const option = useMemo((): ChartOption => {
    const kr = (ore: number) => Math.round(ore / 100);
    return {
      ...CHART_BASE,
      grid: { left: 250, right: 24, top: 40, bottom: 32 },
      legend: { top: 0, left: 0 },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        valueFormatter: (value) => format.kroner(Number(value) * 100),
      },
      xAxis: {
        type: "value",
        axisLabel: { formatter: (value: number) => format.kronerCompact(value * 100) },
      },
      yAxis: {
        type: "category",
        data: bars.map((b) => parameterLabelOf(b.parameter, scenario, t)),
        axisLabel: { width: 230, overflow: "truncate" },
        axisTick: { show: false },
      },
      series: [
        {
          type: "bar",
          name: t("businessCases.charts.lowValue"),
          data: bars.map((b) => kr(b.changeAtLowOre)),
          itemStyle: { color: CHART_COLORS.low },
          barGap: "-100%",
          barWidth: "55%",
        },
        {
          type: "bar",
          name: t("businessCases.charts.highValue"),
          data: bars.map((b) => kr(b.changeAtHighOre)),
          itemStyle: { color: CHART_COLORS.high },
          barWidth: "55%",
        },
      ],
    };
  }, [bars, scenario, t, format]);
  const top = sensitivity.bars[0];
  const summary = top
    ? t("businessCases.charts.tornadoSummary", {
        count: Math.min(limit, sensitivity.bars.length),
        top: parameterLabelOf(top.parameter, scenario, t),
        swing: format.kronerCompact(top.swingOre),
      })
    : t("businessCases.charts.tornadoEmpty");
  return (
    <Chart option={option} ariaLabel={summary} height={Math.max(200, 60 + bars.length * 36)} mode={mode} />
  );
}
