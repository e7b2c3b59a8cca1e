import { useTranslation } from "react-i18next";
import { MEASUREMENT_POINTS } from "./contract-form-values.js";

/** A goal's measuring point in words ("Ved forløbets afslutning"); an unknown label is shown as it is. */
export function useMeasurementPointLabel(): (point: string) => string {
  const { t } = useTranslation();
  return (point) => {
    const key = Object.hasOwn(MEASUREMENT_POINTS, point)
      ? MEASUREMENT_POINTS[point as keyof typeof MEASUREMENT_POINTS]
      : null;
    return key ? t(`contracts.measurementPoints.${key}`) : point;
  };
}
