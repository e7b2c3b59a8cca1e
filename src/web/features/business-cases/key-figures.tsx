import { Paper, SimpleGrid, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { BusinessCaseResult } from "../../../domain/business-case/index.js";
import { useBusinessCaseFormat } from "./use-business-case-format.js";

/** The key figures' texts, shared by the studio, the compare page and the print view. */
export function useKeyFigureTexts() {
  const { t } = useTranslation();
  const format = useBusinessCaseFormat();
  return (result: BusinessCaseResult) => {
    const last = result.years.at(-1);
    const be = result.breakEven;
    return {
      accumulatedLabel: t("businessCases.figures.accumulatedAt", {
        years: result.scenario.horizonYears,
        year: last?.calendarYear,
      }),
      accumulated: format.kroner(result.accumulatedAtHorizonOre),
      payback: result.payback.isPaidBack
        ? t("businessCases.figures.paybackAfter", {
            years: format.decimal(result.payback.years),
            year: result.payback.calendarYear,
          })
        : t("businessCases.figures.notPaidBack"),
      breakEven:
        be.status === "found"
          ? format.percent(be.successRatePct)
          : be.status === "pays-back-at-zero"
            ? t("businessCases.figures.breakEvenAtZero")
            : t("businessCases.figures.breakEvenNotReachable"),
      npvLabel: t("businessCases.figures.npvAt", {
        rate: format.percent(result.scenario.discountRatePct ?? 3.5),
      }),
      npv: format.kroner(result.npvOre),
      roi: result.roiPct === null ? t("businessCases.figures.noCosts") : format.percent(result.roiPct, 0),
    };
  };
}

function Figure({ label, value, hint, name }: { label: string; value: string; hint?: string; name: string }) {
  return (
    <Paper withBorder radius="md" p="md" bg="white">
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text
        component="dd"
        m={0}
        fw={700}
        size="lg"
        style={{ fontVariantNumeric: "tabular-nums" }}
        data-figure={name}
      >
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed" component="dd" m={0}>
          {hint}
        </Text>
      ) : null}
    </Paper>
  );
}

/**
 * Five key figures: the accumulated balance at the horizon, payback, the break-even success rate,
 * the NPV at the discount rate and the return on investment.
 */
export function KeyFigures({ result }: { result: BusinessCaseResult }) {
  const { t } = useTranslation();
  const texts = useKeyFigureTexts()(result);
  return (
    <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 5 }} spacing="sm" m={0}>
      <Figure name="accumulated" label={texts.accumulatedLabel} value={texts.accumulated} />
      <Figure name="payback" label={t("businessCases.figures.payback")} value={texts.payback} />
      <Figure
        name="break-even"
        label={t("businessCases.figures.breakEven")}
        value={texts.breakEven}
        hint={t("businessCases.figures.breakEvenHint")}
      />
      <Figure name="npv" label={texts.npvLabel} value={texts.npv} />
      <Figure
        name="roi"
        label={t("businessCases.figures.roi")}
        value={texts.roi}
        hint={t("businessCases.figures.roiHint")}
      />
    </SimpleGrid>
  );
}
