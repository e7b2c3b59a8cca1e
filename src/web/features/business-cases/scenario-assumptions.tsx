import { SimpleGrid, Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { PAYERS, type Scenario } from "../../../domain/business-case/index.js";
import { useBusinessCaseFormat } from "./use-business-case-format.js";

const right = { textAlign: "right", whiteSpace: "nowrap" } as const;

/** Label–value pairs in four columns (two on narrow pages), compact enough for an A4 page. */
function AssumptionList({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} spacing="sm" verticalSpacing="xs" m={0}>
      {items.map((item) => (
        <div key={item.label}>
          <Text component="dt" size="xs" c="dimmed">
            {item.label}
          </Text>
          <Text component="dd" m={0} size="sm" fw={600}>
            {item.value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

/** The scenario's assumptions as read-only lists and tables (print view). */
export function ScenarioAssumptions({ scenario }: { scenario: Scenario }) {
  const { t } = useTranslation();
  const format = useBusinessCaseFormat();
  const c = scenario.capacity;
  const lagText = (lag: number) =>
    lag === 0
      ? t("businessCases.print.sameYear")
      : t("businessCases.print.afterLag", { lag: format.decimal(lag) });
  const shares = (s: Partial<Record<(typeof PAYERS)[number], number>> | undefined) =>
    PAYERS.filter((p) => (s?.[p] ?? 0) > 0)
      .map((p) => `${t(`businessCases.payers.${p}`)} ${format.percent(s?.[p] ?? 0)}`)
      .join(", ") || `${t("businessCases.payers.municipality")} ${format.percent(100)}`;
  return (
    <>
      <AssumptionList
        items={[
          { label: t("businessCases.fields.priceYear"), value: scenario.priceYear },
          {
            label: t("businessCases.print.period"),
            value: `${scenario.startYear}–${scenario.startYear + scenario.horizonYears - 1} (${t("businessCases.print.years", { count: scenario.horizonYears })})`,
          },
          {
            label: t("businessCases.fields.discountRatePct"),
            value: format.percent(scenario.discountRatePct ?? 3.5),
          },
          { label: t("businessCases.fields.successRatePct"), value: format.percent(scenario.successRatePct) },
          { label: t("businessCases.fields.familiesAtATime"), value: format.decimal(c.familiesAtATime, 0) },
          {
            label: t("businessCases.fields.courseLengthMonths"),
            value: t("businessCases.print.months", {
              count: c.courseLengthMonths,
              formatted: format.decimal(c.courseLengthMonths),
            }),
          },
          {
            label: t("businessCases.fields.completedSharePct"),
            value: format.percent(c.completedSharePct ?? 100),
          },
          { label: t("businessCases.fields.rampUpSharePct"), value: format.percent(c.rampUpSharePct ?? 100) },
        ]}
      />
      <Table
        withTableBorder
        mt="md"
        fz="sm"
        verticalSpacing={6}
        aria-label={t("businessCases.editor.costsTitle")}
      >
        <Table.Caption style={{ captionSide: "top", textAlign: "left", fontWeight: 600 }}>
          {t("businessCases.editor.costsTitle")}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("businessCases.fields.costName")}</Table.Th>
            <Table.Th scope="col">{t("businessCases.fields.costKind")}</Table.Th>
            <Table.Th scope="col">{t("businessCases.fields.payer")}</Table.Th>
            <Table.Th scope="col" style={right}>
              {t("businessCases.fields.amountKr")}
            </Table.Th>
            <Table.Th scope="col">{t("businessCases.fields.years")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {scenario.costLines.map((line) => (
            <Table.Tr key={line.id}>
              <Table.Td>{line.name}</Table.Td>
              <Table.Td>{t(`businessCases.costKinds.${line.kind}`)}</Table.Td>
              <Table.Td>{t(`businessCases.payers.${line.payer}`)}</Table.Td>
              <Table.Td style={right}>{format.kroner(line.amountOre)}</Table.Td>
              <Table.Td>
                {line.kind === "one-off"
                  ? t("businessCases.print.inYear", { year: line.year })
                  : t("businessCases.print.yearRange", {
                      from: line.fromYear ?? 1,
                      to: line.toYear ?? scenario.horizonYears,
                    })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Table
        withTableBorder
        mt="md"
        fz="sm"
        verticalSpacing={6}
        aria-label={t("businessCases.editor.effectsTitle")}
      >
        <Table.Caption style={{ captionSide: "top", textAlign: "left", fontWeight: 600 }}>
          {t("businessCases.editor.effectsTitle")}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("businessCases.fields.effectName")}</Table.Th>
            <Table.Th scope="col">{t("businessCases.print.howItArises")}</Table.Th>
            <Table.Th scope="col" style={right}>
              {t("businessCases.fields.unitPriceKr")}
            </Table.Th>
            <Table.Th scope="col">{t("businessCases.fields.payerSharesPct")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {scenario.effects.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{e.name}</Table.Td>
              <Table.Td>
                <Text size="sm">
                  {e.kind === "success-driven"
                    ? t("businessCases.print.successDriven", {
                        persons: format.decimal(e.personsPerSuccess, 2),
                        lag: lagText(e.lagYears ?? 0),
                        duration:
                          e.durationYears === null
                            ? t("businessCases.print.permanently")
                            : t("businessCases.print.forYears", { count: e.durationYears }),
                      })
                    : t("businessCases.print.fixed", {
                        events: format.decimal(e.eventsPerYear, 2),
                        lag: lagText(e.lagYears ?? 0),
                        survival: e.survivalPct?.length
                          ? e.survivalPct
                              .slice(0, 5)
                              .map((s) => format.percent(s, 0))
                              .join(", ")
                          : format.percent(100),
                      })}
                  {e.freezeAfterYear
                    ? ` ${t("businessCases.print.frozen", { year: e.freezeAfterYear })}`
                    : ""}
                  {e.kind === "success-driven" && e.pinnedSuccessRatePct !== undefined
                    ? ` ${t("businessCases.print.pinned", { rate: format.percent(e.pinnedSuccessRatePct) })}`
                    : ""}
                </Text>
              </Table.Td>
              <Table.Td style={right}>{format.kroner(e.unitPriceOrePerYear)}</Table.Td>
              <Table.Td>{shares(e.payerSharesPct)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {scenario.variants?.length ? (
        <Text size="sm" mt="md">
          {t("businessCases.print.variants", {
            list: scenario.variants
              .map((v) =>
                v.successRatePct === undefined ? v.name : `${v.name} (${format.percent(v.successRatePct)})`,
              )
              .join("; "),
          })}
        </Text>
      ) : null}
    </>
  );
}
