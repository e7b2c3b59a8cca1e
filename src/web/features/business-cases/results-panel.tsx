import { SimpleGrid, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { SectionCard } from "../../components/section-card.js";
import { AccumulatedChart } from "./accumulated-chart.js";
import { EffectsYearTable, PayerTable } from "./effects-year-table.js";
import { SavingsCostsChart } from "./savings-costs-chart.js";
import type { ScenarioResults } from "./scenario-results.js";
import { YearTable } from "./year-table.js";

/** "Resultater": the two charts, the year-by-year table, and the breakdown by effect and payer. */
export function ResultsPanel({ results }: { results: ScenarioResults }) {
  const { t } = useTranslation();
  const { result, scenario } = results;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <SectionCard title={t("businessCases.charts.savingsCostsTitle")}>
          <SavingsCostsChart result={result} />
        </SectionCard>
        <SectionCard title={t("businessCases.charts.accumulatedTitle")}>
          <AccumulatedChart
            series={[
              {
                name: t("businessCases.charts.accumulatedSeries"),
                startYear: scenario.startYear,
                accumulatedOre: result.years.map((y) => y.accumulatedOre),
                payback: result.payback,
              },
            ]}
          />
        </SectionCard>
      </SimpleGrid>
      <SectionCard title={t("businessCases.results.yearTableTitle")}>
        <YearTable result={result} />
      </SectionCard>
      <SectionCard title={t("businessCases.results.breakdownTitle")}>
        <Title order={3} size="h5">
          {t("businessCases.results.effectsTableTitle")}
        </Title>
        <EffectsYearTable result={result} />
        <Title order={3} size="h5">
          {t("businessCases.results.payerTableTitle")}
        </Title>
        <PayerTable result={result} />
      </SectionCard>
    </Stack>
  );
}
