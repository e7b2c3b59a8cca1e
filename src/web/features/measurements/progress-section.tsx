import { Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import { getLatestVersion, type ScoreDefinition } from "../../../domain/progression/instrument.js";
import { EmptyState } from "../../components/empty-state.js";
import { measuredInstruments, type SubjectTrend, trendsOf } from "./measurement-model.js";
import type { CourseMeasurements } from "./measurement-queries.js";
import { TrendChart } from "./trend-chart.js";
import { TrendTable } from "./trend-table.js";
import type { MeasurementText } from "./use-measurement-text.js";

interface ProgressSectionProps {
  data: CourseMeasurements;
  today: CalendarDate;
  text: MeasurementText;
}

/**
 * "Udvikling": for one instrument and score at a time, a chart per subject (member, family or goal)
 * with the baseline marked, and a table of baseline, latest value and change, with the threshold for
 * a real change stated in words.
 */
export function ProgressSection({ data, today, text }: ProgressSectionProps) {
  const { t } = useTranslation();
  const instruments = measuredInstruments(data);
  const [instrumentCode, setInstrumentCode] = useState(instruments[0]?.code ?? "");
  const [scoreCode, setScoreCode] = useState("");
  if (instruments.length === 0) return <EmptyState title={t("measurements.progress.empty")} />;
  const instrument = instruments.find((i) => i.code === instrumentCode) ?? instruments[0]!;
  const version = getLatestVersion(instrument);
  const score = version.scores.find((s) => s.code === scoreCode) ?? version.scores[0]!;
  const trends = trendsOf(data, instrument, score, today);

  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end">
        <NativeSelect
          label={t("measurements.progress.instrument")}
          value={instrument.code}
          onChange={(event) => {
            setInstrumentCode(event.currentTarget.value);
            setScoreCode("");
          }}
          data={instruments.map((i) => ({ value: i.code, label: text.instrumentName(i) }))}
          miw={260}
        />
        {version.scores.length > 1 ? (
          <NativeSelect
            label={t("measurements.progress.score")}
            value={score.code}
            onChange={(event) => setScoreCode(event.currentTarget.value)}
            data={version.scores.map((s) => ({ value: s.code, label: text.scoreLabel(s) }))}
            miw={260}
          />
        ) : null}
      </Group>
      <Paper withBorder p="sm" bg="gray.0">
        <Text size="sm" fw={600}>
          {text.threshold(version, score, score.meaningfulChange)}
        </Text>
        <Text size="sm">
          {score.direction === "higher-is-better"
            ? t("measurements.progress.higherIsBetter")
            : t("measurements.progress.lowerIsBetter")}
        </Text>
      </Paper>
      {trends.length === 0 ? (
        <Text c="dimmed">{t("measurements.progress.empty")}</Text>
      ) : (
        <>
          <SimpleGrid
            cols={{ base: 1, md: trends.length > 1 ? 2 : 1 }}
            spacing="md"
            aria-label={t("measurements.progress.chartsLabel", { score: text.scoreLabel(score) })}
            role="group"
          >
            {trends.map((trend) => (
              <Paper key={trend.subject} withBorder p="sm">
                <Title order={3} size="h6">
                  {text.subjectName(trend.subject)}
                </Title>
                <TrendChart
                  trend={trend}
                  version={version}
                  score={score}
                  text={text}
                  ariaLabel={chartSummary(trend, version, score, text, t)}
                />
              </Paper>
            ))}
          </SimpleGrid>
          <TrendTable trends={trends} version={version} score={score} text={text} />
        </>
      )}
    </Stack>
  );
}

/** One sentence of what a subject's chart shows (its text alternative). */
function chartSummary(
  trend: SubjectTrend,
  version: ReturnType<typeof getLatestVersion>,
  score: ScoreDefinition,
  text: MeasurementText,
  t: TFunction,
): string {
  const who = text.subjectName(trend.subject);
  const { baseline, latest, change, classification } = trend.summary;
  if (!baseline) return t("measurements.progress.chartSummaryNone", { who, count: trend.series.length });
  const baselineText = text.value(version, score, baseline.value);
  if (!latest || !change || !classification)
    return t("measurements.progress.chartSummaryBaseline", {
      who,
      baseline: baselineText,
      date: text.date(baseline.measuredOn),
    });
  return t("measurements.progress.chartSummary", {
    who,
    baseline: baselineText,
    baselineDate: text.date(baseline.measuredOn),
    latest: text.value(version, score, latest.value),
    latestDate: text.date(latest.measuredOn),
    change: text.change(version, score, change),
    verdict: t(`measurements.progress.verdictsShort.${classification}`),
  });
}
