import { Alert, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DEFAULT_MIN_CELL_SIZE } from "../../../domain/contract/index.js";
import { ore, subtract } from "../../../domain/money.js";
import { DefinitionList } from "../../components/definition-list.js";
import { QueryState } from "../../components/query-state.js";
import { RouterAnchor } from "../../components/router-links.js";
import { SectionCard } from "../../components/section-card.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useCan } from "../../lib/use-can.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { useForecast } from "./contract-queries.js";
import type { ContractDetail, ContractForecast } from "./contract-types.js";
import { ForecastChart } from "./forecast-chart.js";
import { ShownCountText } from "./shown-count.js";
import { numeric } from "./table-styles.js";
import { useMoney } from "./use-money.js";

/** "Prognose": what the payer is expected to repay in four scenarios, against investment and cap. */
export function ForecastTab({ contract }: { contract: ContractDetail }) {
  const forecast = useForecast(contract.id);
  return <QueryState query={forecast}>{(f) => <ForecastView forecast={f} />}</QueryState>;
}

function ForecastView({ forecast }: { forecast: ContractForecast }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useMoney();
  const can = useCan();
  const hasSuppressed = Object.values(forecast.families).some((c) => "suppressed" in c);
  return (
    <Stack gap="lg">
      <SectionCard title={t("contracts.forecast.title")}>
        <Text size="sm">{t("contracts.forecast.asOf", { date: format.date(forecast.asOf) })}</Text>
        <Alert variant="light" color="gray" title={t("contracts.forecast.methodTitle")}>
          <Text size="sm">{forecast.method}</Text>
        </Alert>
        <ForecastChart forecast={forecast} />
        <TableScroll label={t("contracts.forecast.tableCaption")}>
          <Table miw={720} withTableBorder striped>
            <Table.Caption>{t("contracts.forecast.tableCaption")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("contracts.forecast.scenario")}</Table.Th>
                <Table.Th scope="col" style={numeric}>
                  {t("contracts.forecast.repayment")}
                </Table.Th>
                <Table.Th scope="col" style={numeric}>
                  {t("contracts.forecast.againstInvestment")}
                </Table.Th>
                <Table.Th scope="col" style={numeric}>
                  {t("contracts.forecast.belowCap")}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {forecast.scenarios.map((s) => {
                const vsInvestment = subtract(ore(s.totalOre), ore(forecast.investmentOre));
                const belowCap = subtract(ore(forecast.capOre), ore(s.totalOre));
                return (
                  <Table.Tr key={s.key}>
                    <Table.Th scope="row" fw={500}>
                      {t(`contracts.forecast.scenarios.${s.key}`)}
                      <Text size="xs" c="dimmed" fw={400}>
                        {t(`contracts.forecast.scenarioHints.${s.key}`)}
                      </Text>
                    </Table.Th>
                    <Table.Td style={numeric} fw={600}>
                      {money(s.totalOre)}
                    </Table.Td>
                    <Table.Td style={numeric}>
                      {vsInvestment > 0 ? "+" : ""}
                      {money(vsInvestment)}
                    </Table.Td>
                    <Table.Td style={numeric}>{money(belowCap)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroll>
        <DefinitionList
          items={[
            { label: t("contracts.columns.investment"), value: money(forecast.investmentOre) },
            { label: t("contracts.columns.cap"), value: money(forecast.capOre) },
          ]}
        />
      </SectionCard>
      <SectionCard title={t("contracts.forecast.familiesTitle")}>
        <DefinitionList
          items={[
            {
              label: t("contracts.forecast.finished"),
              value: <ShownCountText count={forecast.families.finished} />,
            },
            {
              label: t("contracts.forecast.inCourse"),
              value: <ShownCountText count={forecast.families.inCourse} />,
            },
            {
              label: t("contracts.forecast.notYetReferred"),
              value: <ShownCountText count={forecast.families.notYetReferred} />,
            },
          ]}
        />
        {hasSuppressed ? (
          <Text size="sm">{t("contracts.suppression.explanation", { count: DEFAULT_MIN_CELL_SIZE })}</Text>
        ) : null}
      </SectionCard>
      {forecast.businessCase ? (
        <SectionCard title={t("contracts.forecast.businessCaseTitle")}>
          <Text size="sm">
            {can("businessCase.read") ? (
              <RouterAnchor
                to="/business-cases/$businessCaseId"
                params={{ businessCaseId: forecast.businessCase.id }}
                search={{}}
              >
                {forecast.businessCase.name}
              </RouterAnchor>
            ) : (
              forecast.businessCase.name
            )}
          </Text>
          {forecast.businessCase.accumulatedAtHorizonOre !== null ? (
            <Text size="sm">
              {t("contracts.forecast.businessCaseAccumulated", {
                amount: money(forecast.businessCase.accumulatedAtHorizonOre),
              })}
            </Text>
          ) : null}
        </SectionCard>
      ) : null}
    </Stack>
  );
}
