import { useEffect, useMemo, useRef } from "react";
import type { ChartOption } from "./chart-option.js";
import { echarts } from "./echarts-setup.js";

export interface EChartViewProps {
  option: ChartOption;
  /** The chart's text alternative (a one- or two-sentence summary of what it shows). */
  ariaLabel: string;
  height: number;
  /**
   * "live" draws an interactive chart that follows the container's width (tooltips, animation);
   * "static" draws a fixed `width` × `height` SVG image without animation or tooltips (print view).
   */
  mode?: "live" | "static";
  /** Width of a static chart in CSS pixels (default 680, the width of an A4 page inside its margins). */
  width?: number;
}

/**
 * One ECharts chart as an image with a text alternative (role="img"), drawn as SVG into the DOM.
 * Loaded lazily (see chart.tsx).
 */
export default function EChartView({
  option,
  ariaLabel,
  height,
  mode = "live",
  width = 680,
}: EChartViewProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const isStatic = mode === "static";
  const shown = useMemo(
    () => (isStatic ? { ...option, animation: false, tooltip: { show: false } } : option),
    [option, isStatic],
  );
  const shownRef = useRef(shown);
  shownRef.current = shown;

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, null, {
      renderer: "svg",
      ...(isStatic ? { width, height } : {}),
    });
    chartRef.current = chart;
    chart.setOption(shownRef.current, { notMerge: true });
    if (isStatic) {
      return () => {
        chart.dispose();
        chartRef.current = null;
      };
    }
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [isStatic, width, height]);

  useEffect(() => {
    chartRef.current?.setOption(shown, { notMerge: true });
  }, [shown]);

  return (
    <div role="img" aria-label={ariaLabel}>
      <div ref={ref} style={{ width: isStatic ? width : "100%", height, maxWidth: "100%" }} />
    </div>
  );
}
