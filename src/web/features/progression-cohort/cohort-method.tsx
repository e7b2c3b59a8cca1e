import { List, Paper, Stack, Title } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { CohortView } from "../../../contracts/progression-cohort.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { useLocalName, useThresholdText, useUnitWords } from "./cohort-format.js";

/** What counts as improved, the threshold, the baseline and end rules, and the small-group mark. */
export function CohortMethod({ selection }: { selection: CohortView["selection"] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const localName = useLocalName();
  const thresholdText = useThresholdText();
  const unit = useUnitWords(selection.subject);
  const headingId = useId();
  const k = "progressionCohort.cohort.method";
  return (
    <Paper withBorder radius="md" p="md" bg="blue.0" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={2} size="h5" id={headingId}>
          {t(`${k}.title`)}
        </Title>
        <List size="sm" spacing={4}>
          <List.Item>
            {t(`${k}.improved`, {
              unitCapital: unit.capital,
              score: localName(selection.scoreLabel, selection.scoreLabelEn),
              threshold: thresholdText(selection, format),
              direction: t(
                selection.direction === "higher-is-better" ? `${k}.higherIsBetter` : `${k}.lowerIsBetter`,
              ),
            })}
          </List.Item>
          <List.Item>
            {t(`${k}.baseline`, { weeks: selection.baselineWithinWeeks, unit: unit.one })}
          </List.Item>
          <List.Item>
            {t(`${k}.end`, { before: selection.endWindowDaysBefore, after: selection.endWindowDaysAfter })}
          </List.Item>
          <List.Item>{t(`${k}.months`, { unitLower: unit.lower })}</List.Item>
          <List.Item>{t(`${k}.small`, { count: selection.smallGroupFamilies })}</List.Item>
        </List>
      </Stack>
    </Paper>
  );
}
