import { Skeleton } from "@mantine/core";
import { lazy, Suspense } from "react";
import type { EChartViewProps } from "./echart-view.js";

const EChartView = lazy(() => import("./echart-view.js"));

/**
 * A chart of the business-case pages. The chart library (ECharts, ~180 KB gzip) is fetched only when
 * the first chart is shown, so other pages never load it.
 */
export function Chart(props: EChartViewProps) {
  return (
    <Suspense fallback={<Skeleton height={props.height} aria-hidden="true" />}>
      <EChartView {...props} />
    </Suspense>
  );
}
