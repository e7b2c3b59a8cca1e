import { Checkbox, NativeSelect, NumberInput, Table, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type ParameterRef, parameterValue, type Scenario } from "../../../domain/business-case/index.js";
import { TableScroll } from "../../components/table-scroll.js";
import { isMoneyParameter, type UncertaintyRow } from "./monte-carlo-settings.js";
import { parameterLabelOf } from "./parameter-label.js";
import { useBusinessCaseFormat } from "./use-business-case-format.js";

interface UncertaintyTableProps {
  scenario: Scenario;
  rows: UncertaintyRow[];
  errors: Record<string, string>;
  onChange: (rows: UncertaintyRow[]) => void;
  language: string;
}

const DISTRIBUTIONS = ["triangular", "pert", "uniform"] as const;

/** The uncertain parameters: which vary, with which distribution and three-point estimate. */
export function UncertaintyTable({ scenario, rows, errors, onChange, language }: UncertaintyTableProps) {
  const { t } = useTranslation();
  const format = useBusinessCaseFormat();
  const title = t("businessCases.monteCarlo.uncertaintiesTitle");
  const setRow = (index: number, patch: Partial<UncertaintyRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const unitOf = (ref: ParameterRef) =>
    isMoneyParameter(ref) ? t("businessCases.units.kr") : t(`businessCases.units.${ref.kind}`);
  const baseText = (ref: ParameterRef) => {
    const value = parameterValue(scenario, ref);
    return isMoneyParameter(ref) ? format.kroner(value) : `${format.decimal(value, 2)} ${unitOf(ref)}`;
  };
  return (
    <TableScroll label={title}>
      <Table miw={940} verticalSpacing="xs" aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={70}>
              {t("businessCases.monteCarlo.include")}
            </Table.Th>
            <Table.Th scope="col">{t("businessCases.monteCarlo.parameter")}</Table.Th>
            <Table.Th scope="col" w={160}>
              {t("businessCases.monteCarlo.distribution")}
            </Table.Th>
            <Table.Th scope="col" w={130}>
              {t("businessCases.monteCarlo.min")}
            </Table.Th>
            <Table.Th scope="col" w={130}>
              {t("businessCases.monteCarlo.mode")}
            </Table.Th>
            <Table.Th scope="col" w={130}>
              {t("businessCases.monteCarlo.max")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => {
            const name = parameterLabelOf(row.parameter, scenario, t);
            const unit = unitOf(row.parameter);
            const numberProps = (field: "min" | "mode" | "max") => ({
              "aria-label": `${t(`businessCases.monteCarlo.${field}`)} (${unit}), ${name}`,
              value: row[field],
              onChange: (value: number | string) => setRow(index, { [field]: value }),
              error: errors[`${row.key}.${field}`],
              disabled: !row.isEnabled,
              hideControls: true,
              allowNegative: false,
              decimalSeparator: language === "en" ? "." : ",",
              thousandSeparator: isMoneyParameter(row.parameter)
                ? language === "en"
                  ? ","
                  : "."
                : undefined,
              size: "xs" as const,
            });
            return (
              <Table.Tr key={row.key} style={{ verticalAlign: "top" }}>
                <Table.Td>
                  <Checkbox
                    aria-label={t("businessCases.monteCarlo.includeNamed", { name })}
                    checked={row.isEnabled}
                    onChange={(event) => setRow(index, { isEnabled: event.currentTarget.checked })}
                    mt={4}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={row.isEnabled ? 600 : 400}>
                    {name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t("businessCases.monteCarlo.inScenario", { value: baseText(row.parameter) })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <NativeSelect
                    size="xs"
                    aria-label={t("businessCases.monteCarlo.distributionNamed", { name })}
                    value={row.kind}
                    disabled={!row.isEnabled}
                    data={DISTRIBUTIONS.map((kind) => ({
                      value: kind,
                      label: t(`businessCases.monteCarlo.distributions.${kind}`),
                    }))}
                    onChange={(event) =>
                      setRow(index, { kind: event.currentTarget.value as UncertaintyRow["kind"] })
                    }
                    error={errors[`${row.key}.kind`]}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput {...numberProps("min")} />
                </Table.Td>
                <Table.Td>
                  {row.kind === "uniform" ? (
                    <Text size="xs" c="dimmed" pt={6}>
                      <VisuallyHidden>{name}: </VisuallyHidden>
                      {t("businessCases.monteCarlo.noMode")}
                    </Text>
                  ) : (
                    <NumberInput {...numberProps("mode")} />
                  )}
                </Table.Td>
                <Table.Td>
                  <NumberInput {...numberProps("max")} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
