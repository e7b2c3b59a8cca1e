import { Alert, Anchor, Button, Group, NativeSelect, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useNavigate, useParams, useSearch } from "@tanstack/react-router";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Scenario } from "../../../domain/business-case/index.js";
import { ErrorAlert } from "../../components/error-alert.js";
import { LoadingState } from "../../components/loading-state.js";
import { RouterButton } from "../../components/router-links.js";
import { useDocumentTitle } from "../../lib/use-document-title.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { usePriceIndex, useUnitPrices } from "../price-catalogue/price-catalogue-queries.js";
import { AccumulatedChart } from "./accumulated-chart.js";
import { useBusinessCase, useBusinessCaseVersion } from "./business-case-queries.js";
import type { BusinessCaseDetail, BusinessCaseVersion } from "./business-case-types.js";
import { useKeyFigureTexts } from "./key-figures.js";
import { SavingsCostsChart } from "./savings-costs-chart.js";
import { ScenarioAssumptions } from "./scenario-assumptions.js";
import { calculateScenario } from "./scenario-results.js";
import { SensitivityTable } from "./sensitivity-section.js";
import { TornadoChart } from "./tornado-chart.js";
import { useBusinessCaseFormat } from "./use-business-case-format.js";
import { YearTable } from "./year-table.js";
import "./business-case-print.css";

/**
 * /business-cases/$businessCaseId/print: a clean report for council papers (title, assumptions, key
 * figures, the year table, charts as SVG, sensitivity and the sources of the unit prices). The
 * browser's print dialog (button "Udskriv") makes the PDF; print CSS hides the app's navigation.
 */
export function BusinessCasePrintPage() {
  const { t } = useTranslation();
  const { businessCaseId } = useParams({ from: "/business-cases/$businessCaseId/print" });
  const search = useSearch({ from: "/business-cases/$businessCaseId/print" });
  const detail = useBusinessCase(businessCaseId);
  const wantsOther =
    search.version !== undefined && detail.data && search.version !== detail.data.current.version;
  const version = useBusinessCaseVersion(businessCaseId, wantsOther ? (search.version ?? null) : null);
  const shown: BusinessCaseVersion | undefined = wantsOther ? version.data : detail.data?.current;
  useDocumentTitle(
    detail.data
      ? t("businessCases.print.documentTitle", { name: detail.data.name })
      : t("businessCases.print.title"),
  );

  if (detail.isError || version.isError) {
    return (
      <Stack gap="md">
        <Title order={1}>{t("businessCases.print.title")}</Title>
        <ErrorAlert error={detail.error ?? version.error} />
      </Stack>
    );
  }
  if (!detail.data || !shown) {
    return (
      <Stack gap="md">
        <Title order={1}>{t("businessCases.print.title")}</Title>
        <LoadingState />
      </Stack>
    );
  }
  return <PrintReport detail={detail.data} version={shown} variantId={search.variant ?? null} />;
}

function PrintReport({
  detail,
  version,
  variantId,
}: {
  detail: BusinessCaseDetail;
  version: BusinessCaseVersion;
  variantId: string | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate({ from: "/business-cases/$businessCaseId/print" });
  const format = useFormatters();
  const bcFormat = useBusinessCaseFormat();
  const keyTexts = useKeyFigureTexts();
  const scenario = version.scenario as unknown as Scenario;
  const computed = useMemo(() => calculateScenario(scenario, variantId), [scenario, variantId]);
  const prices = useUnitPrices(detail.organisationId);
  const index = usePriceIndex(detail.organisationId);
  const variant = scenario.variants?.find((v) => v.id === variantId);

  const toolbar = (
    <Group className="bc-print-toolbar" gap="sm" mb="lg" wrap="wrap" align="flex-end">
      <Button onClick={() => window.print()}>{t("businessCases.print.print")}</Button>
      <RouterButton
        variant="default"
        to="/business-cases/$businessCaseId"
        params={{ businessCaseId: detail.id }}
        search={{ variant: variantId ?? undefined }}
      >
        {t("businessCases.print.back")}
      </RouterButton>
      {scenario.variants?.length ? (
        <NativeSelect
          label={t("businessCases.studio.showVariant")}
          value={variantId ?? ""}
          data={[
            {
              value: "",
              label: t("businessCases.studio.baseScenario", {
                rate: bcFormat.percent(scenario.successRatePct),
              }),
            },
            ...scenario.variants.map((v) => ({ value: v.id, label: v.name })),
          ]}
          onChange={(event) =>
            void navigate({
              search: (prev) => ({ ...prev, variant: event.currentTarget.value || undefined }),
              replace: true,
            })
          }
        />
      ) : null}
      <Text size="sm" c="dimmed" maw={420}>
        {t("businessCases.print.hint")}
      </Text>
    </Group>
  );

  if (!computed) {
    return (
      <>
        {toolbar}
        <Title order={1}>{detail.name}</Title>
        <Alert color="red" variant="light" role="alert" title={t("businessCases.print.notCalculable")}>
          {t("businessCases.print.notCalculableHint")}
        </Alert>
      </>
    );
  }
  const { result, sensitivity } = computed;
  const figures = keyTexts(result);
  const priceByCode = new Map((prices.data?.items ?? []).map((p) => [p.code, p]));
  const hasIndex = (index.data?.rows.length ?? 0) > 0;

  return (
    <article className="bc-print">
      {toolbar}
      <Stack gap="lg">
        <header>
          <Text size="sm" c="dimmed">
            {t("businessCases.print.kicker")}
          </Text>
          <Title order={1}>
            {detail.name}
            {variant ? ` – ${variant.name}` : ""}
          </Title>
          <Text size="sm" mt={4}>
            {[detail.projectName, detail.organisationName].filter(Boolean).join(" · ")}
          </Text>
          <Text size="sm" c="dimmed">
            {t("businessCases.print.versionLine", {
              version: version.version,
              by: version.createdByName ?? t("businessCases.versions.unknownUser"),
              at: format.dateTime(version.createdAt),
              priceYear: scenario.priceYear,
            })}
          </Text>
          {detail.description ? (
            <Text size="sm" mt="xs" style={{ whiteSpace: "pre-line" }}>
              {detail.description}
            </Text>
          ) : null}
        </header>

        <Paper withBorder radius="md" p="md" component="section">
          <Title order={2} size="h4" mb="sm">
            {t("businessCases.print.keyFigures")}
          </Title>
          <Table withTableBorder>
            <Table.Tbody>
              {[
                [figures.accumulatedLabel, figures.accumulated],
                [t("businessCases.figures.payback"), figures.payback],
                [t("businessCases.figures.breakEven"), figures.breakEven],
                [figures.npvLabel, figures.npv],
                [t("businessCases.figures.roi"), figures.roi],
                [t("businessCases.print.totalSavings"), bcFormat.kroner(result.totals.savingsOre)],
                [t("businessCases.print.totalCosts"), bcFormat.kroner(result.totals.costsOre)],
              ].map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th scope="row" w="55%">
                    {label}
                  </Table.Th>
                  <Table.Td fw={600}>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm" mt="sm">
            {t("businessCases.print.counterfactual")}
          </Text>
        </Paper>

        <Paper withBorder radius="md" p="md" component="section">
          <Title order={2} size="h4" mb="sm">
            {t("businessCases.print.assumptions")}
          </Title>
          <ScenarioAssumptions scenario={result.scenario} />
        </Paper>

        <section>
          <Title order={2} size="h4" mb="sm">
            {t("businessCases.charts.savingsCostsTitle")}
          </Title>
          <figure style={{ margin: 0 }}>
            <SavingsCostsChart result={result} mode="static" height={260} />
          </figure>
        </section>
        <section>
          <Title order={2} size="h4" mb="sm">
            {t("businessCases.charts.accumulatedTitle")}
          </Title>
          <figure style={{ margin: 0 }}>
            <AccumulatedChart
              mode="static"
              height={270}
              series={[
                {
                  name: t("businessCases.charts.accumulatedSeries"),
                  startYear: result.scenario.startYear,
                  accumulatedOre: result.years.map((y) => y.accumulatedOre),
                  payback: result.payback,
                },
              ]}
            />
          </figure>
        </section>

        <section className="bc-page-break">
          <Title order={2} size="h4" mb="sm">
            {t("businessCases.results.yearTableTitle")}
          </Title>
          <YearTable result={result} isCompact />
        </section>

        <section>
          <Title order={2} size="h4" mb="sm">
            {t("businessCases.sensitivity.title")}
          </Title>
          <Text size="sm" mb="sm">
            {t("businessCases.sensitivity.intro", {
              baseline: bcFormat.kroner(sensitivity.baselineAccumulatedOre),
            })}
          </Text>
          {sensitivity.bars.length > 0 ? (
            <>
              <TornadoChart sensitivity={sensitivity} scenario={result.scenario} mode="static" limit={6} />
              <SensitivityTable sensitivity={sensitivity} scenario={result.scenario} limit={6} isCompact />
            </>
          ) : null}
        </section>

        <section>
          <Title order={2} size="h4" mb="sm">
            {t("businessCases.print.sources")}
          </Title>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("businessCases.fields.effectName")}</Table.Th>
                <Table.Th scope="col">{t("businessCases.fields.unitPriceKr")}</Table.Th>
                <Table.Th scope="col">{t("priceCatalogue.fields.source")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.scenario.effects.map((e) => {
                const price = e.priceRef ? priceByCode.get(e.priceRef) : undefined;
                return (
                  <Table.Tr key={e.id}>
                    <Table.Td>{e.name}</Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      {bcFormat.kroner(e.unitPriceOrePerYear)}
                    </Table.Td>
                    <Table.Td>
                      {price ? (
                        <>
                          <Text size="sm">
                            {price.name} ({t("priceCatalogue.priceLevel", { year: price.priceYear })}
                            {price.priceYear !== scenario.priceYear
                              ? `, ${t("businessCases.print.adjusted", { year: scenario.priceYear })}`
                              : ""}
                            ){price.isExample ? ` – ${t("priceCatalogue.example")}` : ""}
                          </Text>
                          {price.sourceUrl ? (
                            <Anchor href={price.sourceUrl} size="sm" target="_blank" rel="noreferrer">
                              {price.sourceText}
                            </Anchor>
                          ) : (
                            <Text size="sm">{price.sourceText}</Text>
                          )}
                        </>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {e.priceRef
                            ? t("businessCases.print.unknownRef", { code: e.priceRef })
                            : t("businessCases.print.ownAssumption")}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          <Text size="sm" c="dimmed" mt="sm">
            {hasIndex ? t("businessCases.print.indexNote") : t("businessCases.print.noIndexNote")}
          </Text>
        </section>

        <Text size="xs" c="dimmed" component="footer">
          {t("businessCases.print.footer", {
            engine: version.engineVersion,
            discount: bcFormat.percent(result.scenario.discountRatePct ?? 3.5),
          })}
        </Text>
      </Stack>
    </article>
  );
}
