import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type BusinessCaseResult, PAYERS } from "../../../domain/business-case/index.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useBusinessCaseFormat } from "./use-business-case-format.js";

const right = { textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" } as const;

/** Per effect and year: the stock (persons or prevented events) and what it saves. */
export function EffectsYearTable({ result }: { result: BusinessCaseResult }) {
  const { t } = useTranslation();
  const format = useBusinessCaseFormat();
  const effects = result.scenario.effects;
  const title = t("businessCases.results.effectsTableTitle");
  return (
    <TableScroll label={title}>
      <Table miw={200 + effects.length * 260} withTableBorder bg="white" aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" rowSpan={2}>
              {t("businessCases.results.year")}
            </Table.Th>
            {effects.map((e) => (
              <Table.Th key={e.id} scope="colgroup" colSpan={2} style={{ textAlign: "center" }}>
                {e.name}
              </Table.Th>
            ))}
          </Table.Tr>
          <Table.Tr>
            {effects.map((e) => [
              <Table.Th key={`${e.id}-stock`} scope="col" style={right}>
                {t("businessCases.results.stock")}
              </Table.Th>,
              <Table.Th key={`${e.id}-savings`} scope="col" style={right}>
                {t("businessCases.results.savings")}
              </Table.Th>,
            ])}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.years.map((y) => (
            <Table.Tr key={y.year}>
              <Table.Th scope="row" fw={500}>
                {y.calendarYear}
              </Table.Th>
              {effects.map((e) => [
                <Table.Td key={`${e.id}-stock`} style={right}>
                  {format.decimal(y.effectStocks[e.id] ?? 0, 2)}
                </Table.Td>,
                <Table.Td key={`${e.id}-savings`} style={right}>
                  {format.kroner(y.savingsByEffectOre[e.id] ?? 0)}
                </Table.Td>,
              ])}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

/** Who pays and who gains over the horizon: savings, costs and net per payer. */
export function PayerTable({ result }: { result: BusinessCaseResult }) {
  const { t } = useTranslation();
  const format = useBusinessCaseFormat();
  const title = t("businessCases.results.payerTableTitle");
  return (
    <TableScroll label={title}>
      <Table miw={560} withTableBorder bg="white" aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("businessCases.fields.payer")}</Table.Th>
            <Table.Th scope="col" style={right}>
              {t("businessCases.results.savings")}
            </Table.Th>
            <Table.Th scope="col" style={right}>
              {t("businessCases.results.costs")}
            </Table.Th>
            <Table.Th scope="col" style={right}>
              {t("businessCases.results.net")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {PAYERS.map((p) => (
            <Table.Tr key={p}>
              <Table.Th scope="row" fw={500}>
                {t(`businessCases.payers.${p}`)}
              </Table.Th>
              <Table.Td style={right}>{format.kroner(result.totals.savingsByPayerOre[p])}</Table.Td>
              <Table.Td style={right}>{format.kroner(result.totals.costsByPayerOre[p])}</Table.Td>
              <Table.Td style={right}>{format.kroner(result.totals.netByPayerOre[p])}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
