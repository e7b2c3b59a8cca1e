import { BarChart, LineChart } from "echarts/charts";
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

/**
 * ECharts, tree-shaken to what the business-case charts use (bars, lines, grid, legend, tooltip,
 * mark lines and points, decal patterns) and the SVG renderer (crisp on screen and in print).
 * Imported only by the chart view, which the business-case pages load lazily.
 */
echarts.use([
  BarChart,
  LineChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
  SVGRenderer,
]);

export { echarts };
