import type { BarSeriesOption, LineSeriesOption } from "echarts/charts";
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  MarkPointComponentOption,
  TooltipComponentOption,
} from "echarts/components";
import type { ComposeOption } from "echarts/core";

/** The ECharts option shape of the charts we draw (types only: no chart code in this module). */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | AriaComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | MarkPointComponentOption
  | TooltipComponentOption
>;

/**
 * Colours with at least 4.5:1 contrast on white; every series also differs by pattern (decals), line
 * style or marker, so colour never carries the meaning alone.
 */
export const CHART_COLORS = {
  savings: "#1a7f40",
  costs: "#b12222",
  accumulated: "#0e4f91",
  band: "#a3c4e6",
  median: "#05427d",
  deterministic: "#495057",
  low: "#8a4604",
  high: "#0e4f91",
  series: ["#0e4f91", "#b12222", "#1a7f40", "#8a4604"],
} as const;

/** Shared parts of every chart: the system font, decal patterns on, no aria text of ECharts' own. */
export const CHART_BASE: ChartOption = {
  aria: { enabled: true, label: { enabled: false }, decal: { show: true } },
  textStyle: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    color: "#212529",
  },
};
