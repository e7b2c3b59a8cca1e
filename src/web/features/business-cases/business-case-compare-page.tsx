import { Alert, Button, Stack, Table, Text } from "@mantine/core";
import { useQueries } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Scenario } from "../../../domain/business-case/index.js";
import { Breadcrumbs } from "../../components/breadcrumbs.js";
import { EmptyState } from "../../components/empty-state.js";
import { ErrorAlert } from "../../components/error-alert.js";
import { LoadingState } from "../../components/loading-state.js";
import { PageHeader } from "../../components/page-header.js";
import { RouterAnchor } from "../../components/router-links.js";
import { SectionCard } from "../../components/section-card.js";
import { TableScroll } from "../../components/table-scroll.js";
import { api } from "../../lib/api-client.js";
import { AccumulatedChart } from "./accumulated-chart.js";
import { businessCaseKeys, fetchBusinessCaseVersion } from "./business-case-queries.js";
import {
  type CompareItem,
  compareItemKey,
  formatCompareItems,
  parseCompareItems,
} from "./business-case-search.js";
import type { BusinessCaseDetail, BusinessCaseVersion } from "./business-case-types.js";
import { ComparePicker } from "./compare-picker.js";
import { useKeyFigureTexts } from "./key-figures.js";
import { calculateScenario, type ScenarioResults } from "./scenario-results.js";
import { useBusinessCaseFormat } from "./use-business-case-format.js";

const MAX_ITEMS = 4;

interface CompareColumn {
  item: CompareItem;
  label: string;
  detail: BusinessCaseDetail;
  version: BusinessCaseVersion;
  results: ScenarioResults | null;
}

/**
 * "Sammenlign scenarier": 2–4 business cases, versions or variants side by side: a table of key
 * figures and the accumulated balance of each in one chart. The choice lives in the address, so a
 * comparison can be shared as a link.
 */
export function BusinessCaseComparePage() {
  const { t } = useTranslation();
  const format = useBusinessCaseFormat();
  const keyTexts = useKeyFigureTexts();
  const search = useSearch({ from: "/business-cases/compare" });
  const navigate = useNavigate({ from: "/business-cases/compare" });
  const items = useMemo(() => parseCompareItems(search.items), [search.items]);
  const setItems = (next: CompareItem[]) =>
    void navigate({ search: { items: next.length ? formatCompareItems(next) : undefined }, replace: true });

  const ids = [...new Set(items.map((i) => i.businessCaseId))];
  const details = useQueries({
    queries: ids.map((id) => ({
      queryKey: businessCaseKeys.detail(id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<BusinessCaseDetail>(`/business-cases/${encodeURIComponent(id)}`, { signal }),
    })),
  });
  const versionItems = items.filter((i) => i.version !== null);
  const versions = useQueries({
    queries: versionItems.map((i) => ({
      queryKey: businessCaseKeys.version(i.businessCaseId, i.version ?? 0),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        fetchBusinessCaseVersion(i.businessCaseId, i.version ?? 0, signal),
    })),
  });
  const error = [...details, ...versions].find((q) => q.isError)?.error;
  const isLoading = [...details, ...versions].some((q) => q.isPending);

  const columns: CompareColumn[] = [];
  if (!error && !isLoading) {
    for (const item of items) {
      const detail = details[ids.indexOf(item.businessCaseId)]?.data;
      const version = item.version === null ? detail?.current : versions[versionItems.indexOf(item)]?.data;
      if (!detail || !version) continue;
      const scenario = version.scenario as unknown as Scenario;
      const variant = item.variantId ? scenario.variants?.find((v) => v.id === item.variantId) : undefined;
      const label = [
        detail.name,
        variant
          ? variant.name
          : t("businessCases.compare.baseScenarioRate", { rate: format.percent(scenario.successRatePct) }),
        t("businessCases.compare.versionShort", { version: version.version }),
      ].join(" · ");
      columns.push({
        item,
        label,
        detail,
        version,
        results: calculateScenario(scenario, variant?.id ?? null),
      });
    }
  }
  const calculated = columns.filter(
    (c): c is CompareColumn & { results: ScenarioResults } => c.results !== null,
  );
  const rows: { label: string; values: string[] }[] = calculated.length
    ? [
        {
          label: t("businessCases.fields.successRatePct"),
          values: calculated.map((c) => format.percent(c.results.scenario.successRatePct)),
        },
        {
          label: t("businessCases.compare.horizon"),
          values: calculated.map(
            (c) =>
              `${c.results.scenario.startYear}–${c.results.scenario.startYear + c.results.scenario.horizonYears - 1}`,
          ),
        },
        {
          label: t("businessCases.print.totalSavings"),
          values: calculated.map((c) => format.kroner(c.results.result.totals.savingsOre)),
        },
        {
          label: t("businessCases.print.totalCosts"),
          values: calculated.map((c) => format.kroner(c.results.result.totals.costsOre)),
        },
        {
          label: t("businessCases.accumulatedAtHorizon"),
          values: calculated.map((c) => keyTexts(c.results.result).accumulated),
        },
        {
          label: t("businessCases.figures.payback"),
          values: calculated.map((c) => keyTexts(c.results.result).payback),
        },
        {
          label: t("businessCases.figures.breakEven"),
          values: calculated.map((c) => keyTexts(c.results.result).breakEven),
        },
        {
          label: t("businessCases.compare.npv"),
          values: calculated.map((c) => keyTexts(c.results.result).npv),
        },
        {
          label: t("businessCases.figures.roi"),
          values: calculated.map((c) => keyTexts(c.results.result).roi),
        },
      ]
    : [];
  const title = t("businessCases.compare.title");

  return (
    <>
      <PageHeader
        title={title}
        description={t("businessCases.compare.description")}
        above={
          <Breadcrumbs current={title}>
            <RouterAnchor to="/business-cases" size="sm">
              {t("businessCases.title")}
            </RouterAnchor>
          </Breadcrumbs>
        }
      />
      <Stack gap="lg">
        <SectionCard title={t("businessCases.compare.chosenTitle")}>
          {items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("businessCases.compare.none")}
            </Text>
          ) : (
            <Stack gap={6}>
              {items.map((item, index) => {
                const column = columns.find((c) => c.item === item);
                const name = column?.label ?? t("businessCases.compare.itemNumber", { number: index + 1 });
                return (
                  <Text key={compareItemKey(item)} size="sm" component="div">
                    <Button
                      variant="subtle"
                      color="red"
                      size="compact-xs"
                      mr="xs"
                      aria-label={t("businessCases.editor.removeNamed", { name })}
                      onClick={() => setItems(items.filter((_, i) => i !== index))}
                    >
                      {t("businessCases.editor.remove")}
                    </Button>
                    {name}
                  </Text>
                );
              })}
            </Stack>
          )}
          <ComparePicker
            isFull={items.length >= MAX_ITEMS}
            onAdd={(item) =>
              setItems(
                items.some((i) => compareItemKey(i) === compareItemKey(item)) ? items : [...items, item],
              )
            }
          />
        </SectionCard>
        {error ? <ErrorAlert error={error} /> : null}
        {isLoading && items.length > 0 ? <LoadingState /> : null}
        {!isLoading && !error && items.length < 2 ? (
          <EmptyState
            title={t("businessCases.compare.needTwo")}
            description={t("businessCases.compare.needTwoHint")}
          />
        ) : null}
        {calculated.length >= 1 && items.length >= 2 ? (
          <>
            <SectionCard title={t("businessCases.compare.figuresTitle")}>
              <TableScroll label={t("businessCases.compare.figuresTitle")}>
                <Table
                  miw={300 + calculated.length * 200}
                  withTableBorder
                  striped
                  bg="white"
                  aria-label={t("businessCases.compare.figuresTitle")}
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("businessCases.compare.figure")}</Table.Th>
                      {calculated.map((c) => (
                        <Table.Th key={compareItemKey(c.item)} scope="col">
                          {c.label}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((row) => (
                      <Table.Tr key={row.label}>
                        <Table.Th scope="row" fw={500}>
                          {row.label}
                        </Table.Th>
                        {row.values.map((value, i) => (
                          <Table.Td
                            key={compareItemKey((calculated[i] as CompareColumn).item)}
                            style={{ whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" }}
                          >
                            {value}
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            </SectionCard>
            <SectionCard title={t("businessCases.compare.chartTitle")}>
              <AccumulatedChart
                height={360}
                series={calculated.map((c) => ({
                  name: c.label,
                  startYear: c.results.scenario.startYear,
                  accumulatedOre: c.results.result.years.map((y) => y.accumulatedOre),
                  payback: c.results.result.payback,
                }))}
              />
            </SectionCard>
          </>
        ) : null}
        {columns.some((c) => c.results === null) ? (
          <Alert color="red" variant="light" role="alert" title={t("businessCases.print.notCalculable")}>
            {t("businessCases.print.notCalculableHint")}
          </Alert>
        ) : null}
      </Stack>
    </>
  );
}
