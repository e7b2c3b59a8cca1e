import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { InstrumentVersion, ScoreDefinition } from "../../../domain/progression/instrument.js";
import type { ChangeClass } from "../../../domain/progression/trend.js";
import { TableScroll } from "../../components/table-scroll.js";
import type { SubjectTrend } from "./measurement-model.js";
import type { MeasurementText } from "./use-measurement-text.js";

/** Colours (AA on white) with a word and a sign beside them: the verdict never rests on colour alone. */
const VERDICT_COLORS: Record<ChangeClass, string> = {
  improved: "#1a7f40",
  unchanged: "#495057",
  worse: "#b12222",
};
const VERDICT_SYMBOLS: Record<ChangeClass, string> = { improved: "▲", unchanged: "●", worse: "▼" };

interface TrendTableProps {
  trends: SubjectTrend[];
  version: InstrumentVersion;
  score: ScoreDefinition;
  text: MeasurementText;
}

/**
 * Per subject: the baseline, the latest measurement, the change from baseline (in the score's unit
 * and in percent) and whether it is large enough to count, judged with the score's direction.
 */
export function TrendTable({ trends, version, score, text }: TrendTableProps) {
  const { t } = useTranslation();
  const caption = t("measurements.progress.caption", { score: text.scoreLabel(score) });
  const valueOn = (p: { value: number; measuredOn: string }) =>
    t("measurements.progress.valueOn", {
      value: text.value(version, score, p.value),
      date: text.date(p.measuredOn),
    });
  return (
    <TableScroll label={caption}>
      <Table miw={820} striped withTableBorder bg="white">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("measurements.progress.columns.who")}</Table.Th>
            <Table.Th scope="col">{t("measurements.progress.columns.baseline")}</Table.Th>
            <Table.Th scope="col">{t("measurements.progress.columns.latest")}</Table.Th>
            <Table.Th scope="col">{t("measurements.progress.columns.change")}</Table.Th>
            <Table.Th scope="col">{t("measurements.progress.columns.changePct")}</Table.Th>
            <Table.Th scope="col">{t("measurements.progress.columns.verdict")}</Table.Th>
            <Table.Th scope="col">{t("measurements.progress.columns.count")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {trends.map((trend) => {
            const { baseline, latest, change, classification } = trend.summary;
            return (
              <Table.Tr key={trend.subject}>
                <Table.Th scope="row" fw={500}>
                  {text.subjectName(trend.subject)}
                </Table.Th>
                <Table.Td>
                  {baseline ? (
                    valueOn(baseline)
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t("measurements.progress.noBaseline")}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{latest ? valueOn(latest) : t("measurements.progress.notComputable")}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {change ? text.change(version, score, change) : t("measurements.progress.notComputable")}
                </Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {change
                    ? (text.changePct(change) ?? t("measurements.progress.notComputable"))
                    : t("measurements.progress.notComputable")}
                </Table.Td>
                <Table.Td>
                  {classification ? (
                    <Text size="sm" fw={600} c={VERDICT_COLORS[classification]}>
                      {VERDICT_SYMBOLS[classification]}{" "}
                      {t(`measurements.progress.verdicts.${classification}`)}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {baseline
                        ? t("measurements.progress.onlyBaseline")
                        : t("measurements.progress.noBaselineHint", { date: text.date(trend.baselineUntil) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{trend.series.length}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
