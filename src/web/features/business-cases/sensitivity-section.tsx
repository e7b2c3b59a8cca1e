import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Scenario, SensitivityResult } from "../../../domain/business-case/index.js";
import { SectionCard } from "../../components/section-card.js";
import { TableScroll } from "../../components/table-scroll.js";
import { parameterLabelOf } from "./parameter-label.js";
import { TornadoChart } from "./tornado-chart.js";
import { useBusinessCaseFormat } from "./use-business-case-format.js";

const right = { textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" } as const;

/** The tornado's numbers: each parameter's low and high value and the change they make. */
export function SensitivityTable({
  sensitivity,
  scenario,
  limit = 8,
  isCompact = false,
}: {
  sensitivity: SensitivityResult;
  scenario: Scenario;
  limit?: number;
  /** Fits the table to an A4 page (print view). */
  isCompact?: boolean;
}) {
  const { t } = useTranslation();
  const format = useBusinessCaseFormat();
  const title = t("businessCases.sensitivity.tableTitle");
  return (
    <TableScroll label={title}>
      <Table
        miw={isCompact ? undefined : 720}
        fz={isCompact ? "xs" : undefined}
        verticalSpacing={isCompact ? 4 : undefined}
        withTableBorder
        striped
        bg="white"
        aria-label={title}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("businessCases.monteCarlo.parameter")}</Table.Th>
            <Table.Th scope="col" style={right}>
              {t("businessCases.sensitivity.low")}
            </Table.Th>
            <Table.Th scope="col" style={right}>
              {t("businessCases.sensitivity.high")}
            </Table.Th>
            <Table.Th scope="col" style={right}>
              {t("businessCases.sensitivity.swing")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sensitivity.bars.slice(0, limit).map((bar) => (
            <Table.Tr key={JSON.stringify(bar.parameter)}>
              <Table.Th scope="row" fw={500}>
                {parameterLabelOf(bar.parameter, scenario, t)}
              </Table.Th>
              <Table.Td style={right}>{format.kroner(bar.changeAtLowOre)}</Table.Td>
              <Table.Td style={right}>{format.kroner(bar.changeAtHighOre)}</Table.Td>
              <Table.Td style={right}>{format.kroner(bar.swingOre)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

/** "Følsomhed": the tornado (±20 % on each parameter, ±1 year on lags) and its table. */
export function SensitivitySection({
  sensitivity,
  scenario,
}: {
  sensitivity: SensitivityResult;
  scenario: Scenario;
}) {
  const { t } = useTranslation();
  const format = useBusinessCaseFormat();
  return (
    <SectionCard title={t("businessCases.sensitivity.title")}>
      <Text size="sm" c="dimmed">
        {t("businessCases.sensitivity.intro", {
          baseline: format.kroner(sensitivity.baselineAccumulatedOre),
        })}
      </Text>
      {sensitivity.bars.length === 0 ? (
        <Text size="sm">{t("businessCases.charts.tornadoEmpty")}</Text>
      ) : (
        <>
          <TornadoChart sensitivity={sensitivity} scenario={scenario} />
          <SensitivityTable sensitivity={sensitivity} scenario={scenario} />
        </>
      )}
    </SectionCard>
  );
}
