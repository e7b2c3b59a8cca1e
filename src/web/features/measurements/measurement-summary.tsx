import { List, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { recordSubjectKey, versionOf } from "./measurement-model.js";
import type { CourseMeasurements, MeasurementRecord } from "./measurement-queries.js";
import type { MeasurementText } from "./use-measurement-text.js";

/**
 * The main result of a measurement in words: its first score with its value and band, e.g.
 * "Trivsel (1–10): 7 – God trivsel"; "–" when the score could not be computed.
 */
export function resultText(
  data: Pick<CourseMeasurements, "instruments">,
  record: MeasurementRecord,
  text: MeasurementText,
): string {
  const instrument = data.instruments.find((i) => i.code === record.instrumentCode);
  if (!instrument) return "–";
  const version = versionOf(instrument, record.instrumentVersion);
  const score = version.scores[0]!;
  const value = record.scored[score.code];
  if (typeof value !== "number") return `${text.scoreLabel(score)}: –`;
  const bandCode = record.bands[score.code];
  const band = score.cutOffs?.find((c) => c.code === bandCode);
  return `${text.scoreLabel(score)}: ${text.value(version, score, value)}${band ? ` – ${band.label}` : ""}`;
}

/** One measurement as it was recorded: what, whom, when, who answered, and each item's value. */
export function MeasurementSummary({
  data,
  record,
  text,
}: {
  data: CourseMeasurements;
  record: MeasurementRecord;
  text: MeasurementText;
}) {
  const { t, i18n } = useTranslation();
  const instrument = data.instruments.find((i) => i.code === record.instrumentCode);
  if (!instrument) return null;
  const version = versionOf(instrument, record.instrumentVersion);
  const itemValue = (code: string) => {
    const raw = record.values[code];
    if (raw === null || raw === undefined) return "–";
    const item = version.items.find((i) => i.code === code);
    if (item?.scale.kind === "ordered-categories") {
      const c = item.scale.categories.find((x) => x.code === raw);
      return c ? (i18n.language === "en" && c.labelEn ? c.labelEn : c.label) : String(raw);
    }
    if (typeof raw !== "number") return String(raw);
    if (item?.scale.kind === "percentage")
      return t("measurements.units.percent", { value: text.number(raw) });
    return text.number(raw);
  };
  return (
    <Stack gap={4}>
      <Text size="sm">
        {text.instrumentName(instrument)} · {text.subjectName(recordSubjectKey(record))} ·{" "}
        {text.date(record.measuredOn)} ·{" "}
        {t(`measurements.respondents.${record.respondent}` as "measurements.respondents.member")}
      </Text>
      <List size="sm" spacing={2}>
        {version.items.map((item) => (
          <List.Item key={item.code}>
            {text.itemLabel(item)}: <strong>{itemValue(item.code)}</strong>
          </List.Item>
        ))}
      </List>
      {record.note ? (
        <Text size="sm" c="dimmed">
          {t("measurements.form.note")}: {record.note}
        </Text>
      ) : null}
    </Stack>
  );
}
