import { Alert, Button, Group, NumberInput, Progress, SimpleGrid, Stack, Text } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { MAX_MONTE_CARLO_DRAWS, type Scenario } from "../../../domain/business-case/index.js";
import { SectionCard } from "../../components/section-card.js";
import { MonteCarloResults } from "./monte-carlo-results.js";
import { type MonteCarloSettings, monteCarloOptionsOf } from "./monte-carlo-settings.js";
import type { ScenarioResults } from "./scenario-results.js";
import { UncertaintyTable } from "./uncertainty-table.js";
import { useBusinessCaseFormat } from "./use-business-case-format.js";
import type { useMonteCarloWorker } from "./use-monte-carlo-worker.js";

interface MonteCarloPanelProps {
  results: ScenarioResults;
  settings: MonteCarloSettings;
  onSettingsChange: (settings: MonteCarloSettings) => void;
  monteCarlo: ReturnType<typeof useMonteCarloWorker>;
  language: string;
}

/** The key that identifies a run's inputs (scenario as calculated + options). */
export function monteCarloInputKey(scenario: Scenario, options: unknown): string {
  return JSON.stringify([scenario, options]);
}

/**
 * Monte Carlo: choose the uncertain parameters and their distributions, the number of draws and the
 * seed; run in a Web Worker with a progress bar and cancel; see the fan, the payback probability and
 * the spread of the NPV. Typing elsewhere is never blocked by a run.
 */
export function MonteCarloPanel({
  results,
  settings,
  onSettingsChange,
  monteCarlo,
  language,
}: MonteCarloPanelProps) {
  const { t } = useTranslation();
  const format = useBusinessCaseFormat();
  const check = useMemo(() => monteCarloOptionsOf(settings, results.scenario), [settings, results.scenario]);
  const errors = check.ok ? {} : check.errors;
  const inputKey = check.ok ? monteCarloInputKey(results.scenario, check.options) : null;
  const { run, latest } = monteCarlo;
  const isRunning = run.status === "running";
  const enabledCount = settings.rows.filter((row) => row.isEnabled).length;
  const isStale = latest !== null && latest.inputKey !== inputKey;

  return (
    <Stack gap="lg">
      <SectionCard title={t("businessCases.monteCarlo.settingsTitle")}>
        <Text size="sm" c="dimmed">
          {t("businessCases.monteCarlo.intro")}
        </Text>
        <UncertaintyTable
          scenario={results.scenario}
          rows={settings.rows}
          errors={errors}
          onChange={(rows) => onSettingsChange({ ...settings, rows })}
          language={language}
        />
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <NumberInput
            label={t("businessCases.monteCarlo.draws")}
            description={t("businessCases.monteCarlo.drawsHint", {
              max: format.decimal(MAX_MONTE_CARLO_DRAWS, 0),
            })}
            value={settings.draws}
            onChange={(draws) => onSettingsChange({ ...settings, draws })}
            error={errors.draws}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator={language === "en" ? "," : "."}
            decimalSeparator={language === "en" ? "." : ","}
            hideControls
          />
          <NumberInput
            label={t("businessCases.monteCarlo.seed")}
            description={t("businessCases.monteCarlo.seedHint")}
            value={settings.seed}
            onChange={(seed) => onSettingsChange({ ...settings, seed })}
            error={errors.seed}
            allowDecimal={false}
            hideControls
          />
        </SimpleGrid>
        <Group gap="sm" align="center">
          <Button
            disabled={!check.ok || isRunning || enabledCount === 0}
            onClick={() => {
              if (check.ok && inputKey) monteCarlo.start(results.scenario, check.options, inputKey);
            }}
          >
            {latest ? t("businessCases.monteCarlo.runAgain") : t("businessCases.monteCarlo.run")}
          </Button>
          {isRunning ? (
            <Button variant="default" onClick={monteCarlo.cancel}>
              {t("businessCases.monteCarlo.cancel")}
            </Button>
          ) : null}
          {enabledCount === 0 ? (
            <Text size="sm" c="dimmed">
              {t("businessCases.monteCarlo.chooseOne")}
            </Text>
          ) : null}
        </Group>
        <div aria-live="polite">
          {run.status === "running" ? (
            <Stack gap={4}>
              <Text size="sm">
                {t("businessCases.monteCarlo.progress", {
                  done: format.decimal(run.done, 0),
                  total: format.decimal(run.total, 0),
                })}
              </Text>
              <Progress
                value={run.total ? (100 * run.done) / run.total : 0}
                aria-label={t("businessCases.monteCarlo.progressLabel")}
                transitionDuration={100}
              />
            </Stack>
          ) : run.status === "cancelled" ? (
            <Text size="sm">{t("businessCases.monteCarlo.cancelled")}</Text>
          ) : run.status === "done" ? (
            <Text size="sm" c="dimmed">
              {t("businessCases.monteCarlo.finished", {
                draws: format.decimal(run.result.draws, 0),
                ms: format.decimal(run.durationMs, 0),
              })}
            </Text>
          ) : null}
        </div>
        {run.status === "error" ? (
          <Alert color="red" variant="light" title={t("businessCases.monteCarlo.failed")}>
            {run.message || t("errors.unexpected")}
          </Alert>
        ) : null}
      </SectionCard>
      {latest ? (
        <SectionCard title={t("businessCases.monteCarlo.resultsTitle")}>
          {isStale ? (
            <Alert color="orange" variant="light" title={t("businessCases.monteCarlo.staleTitle")}>
              {t("businessCases.monteCarlo.stale")}
            </Alert>
          ) : null}
          <MonteCarloResults monteCarlo={latest.result} result={results.result} />
        </SectionCard>
      ) : null}
    </Stack>
  );
}
