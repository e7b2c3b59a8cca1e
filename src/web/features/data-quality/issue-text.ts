import { useTranslation } from "react-i18next";
import type { DataQualityIssue } from "../../../contracts/progression-cohort.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { useLocalName } from "../progression-cohort/cohort-format.js";

/** The words of one issue: its instrument, whom it is about, the planned measurement and the problem. */
export function useIssueText() {
  const { t } = useTranslation();
  const format = useFormatters();
  const localName = useLocalName();
  const k = "progressionCohort.dataQuality.issue";
  return (issue: DataQualityIssue) => {
    const subject =
      issue.subject.kind === "family"
        ? t(`${k}.family`)
        : issue.subject.kind === "person"
          ? issue.subject.name
          : t(`${k}.goal`, { text: issue.subject.text });
    const slot = issue.slot
      ? `${t(`${k}.slotKinds.${issue.slot.kind}`, { sequence: issue.slot.sequence })} · ${t(`${k}.window`, {
          from: format.date(issue.slot.windowFrom),
          to: format.date(issue.slot.windowTo),
        })}`
      : t(`${k}.noSlot`);
    const dates = issue.measurements.map((m) => format.date(m.measuredOn));
    const problem =
      issue.kind === "missing"
        ? t(`${k}.missingDays`, { count: issue.daysLate ?? 0 })
        : issue.kind === "late"
          ? t(`${k}.lateDays`, { count: issue.daysLate ?? 0, date: dates[0] ?? "" })
          : issue.kind === "duplicate"
            ? t(`${k}.duplicates`, { dates: dates.join(", ") })
            : t(`${k}.outOfRange`, {
                date: dates[0] ?? "",
                field: issue.field ?? "",
                value:
                  typeof issue.value === "number" ? format.number(issue.value) : String(issue.value ?? ""),
                message: issue.message ?? "",
              });
    return { instrument: localName(issue.instrumentName, issue.instrumentNameEn), subject, slot, problem };
  };
}
