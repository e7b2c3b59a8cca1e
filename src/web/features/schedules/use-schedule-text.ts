import { useTranslation } from "react-i18next";
import type { ScheduleEntry } from "../../../domain/progression/index.js";

/** A schedule entry's points in time, in words ("inden 4 uger", "hver 3. måned", "12 og 24 mdr. efter"). */
export function useScheduleText() {
  const { t } = useTranslation();
  const list = (numbers: readonly number[]) => {
    const sorted = [...numbers].sort((a, b) => a - b).map(String);
    return sorted.length <= 1
      ? (sorted[0] ?? "")
      : `${sorted.slice(0, -1).join(", ")} ${t("schedules.text.and")} ${sorted[sorted.length - 1]}`;
  };
  return {
    baseline: (e: ScheduleEntry) =>
      e.baselineWithinWeeks === undefined
        ? t("schedules.text.none")
        : t("schedules.text.baseline", { count: e.baselineWithinWeeks }),
    every: (e: ScheduleEntry) =>
      e.everyMonths === undefined
        ? t("schedules.text.none")
        : t("schedules.text.every", { count: e.everyMonths }),
    atEnd: (e: ScheduleEntry) => (e.atEnd ? t("common.yes") : t("common.no")),
    followUps: (e: ScheduleEntry) =>
      e.followUpMonthsAfterEnd.length === 0
        ? t("schedules.text.none")
        : t("schedules.text.followUps", { list: list(e.followUpMonthsAfterEnd) }),
    window: (e: ScheduleEntry) => t("schedules.text.window", { count: e.windowDays }),
  };
}
