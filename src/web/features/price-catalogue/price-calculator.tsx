import { Alert, Group, NativeSelect, NumberInput, Paper, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { adjustPrice } from "../../../domain/business-case/price-adjustment.js";
import { MoneyError, type Ore } from "../../../domain/money.js";
import { kronerText, parseKronerText } from "../../lib/kroner-text.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { useBusinessCaseFormat } from "../business-cases/use-business-case-format.js";
import type { PriceIndexRow, UnitPrice } from "./price-catalogue-types.js";

interface PriceCalculatorProps {
  prices: UnitPrice[];
  rows: PriceIndexRow[];
}

/**
 * "Pris i år X": moves a price from its price year to another year with the net price index
 * (index_to / index_from, rounded once to whole øre).
 */
export function PriceCalculator({ prices, rows }: PriceCalculatorProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === "en" ? "en" : "da";
  const format = useBusinessCaseFormat();
  const money = useFormatters().money;
  const latestYear = rows.length ? Math.max(...rows.map((r) => r.year)) : new Date().getFullYear();
  const [priceId, setPriceId] = useState("");
  const [amountKr, setAmountKr] = useState("");
  const [fromYear, setFromYear] = useState<number | string>(latestYear);
  const [toYear, setToYear] = useState<number | string>(latestYear);

  const choose = (id: string) => {
    setPriceId(id);
    const price = prices.find((p) => p.id === id);
    if (price) {
      setAmountKr(kronerText(price.amountOre, language));
      setFromYear(price.priceYear);
    }
  };

  let amountOre: Ore | null = null;
  let amountError: string | undefined;
  if (amountKr.trim() !== "") {
    try {
      amountOre = parseKronerText(amountKr, language);
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      amountError = t("businessCases.editor.amountInvalid");
    }
  }
  const result =
    amountOre !== null && typeof fromYear === "number" && typeof toYear === "number"
      ? adjustPrice(amountOre, fromYear, toYear, rows)
      : null;

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t("priceCatalogue.calculator.intro")}
      </Text>
      <NativeSelect
        label={t("priceCatalogue.calculator.price")}
        value={priceId}
        data={[
          { value: "", label: t("priceCatalogue.calculator.ownAmount") },
          ...prices.map((p) => ({ value: p.id, label: `${p.name} (${p.priceYear})` })),
        ]}
        onChange={(event) => choose(event.currentTarget.value)}
      />
      <Group align="flex-start" gap="md" wrap="wrap">
        <TextInput
          label={t("priceCatalogue.fields.amountKr")}
          value={amountKr}
          onChange={(event) => {
            setAmountKr(event.currentTarget.value);
            setPriceId("");
          }}
          error={amountError}
          inputMode="decimal"
          styles={{ input: { textAlign: "right" } }}
          style={{ flex: "1 1 150px" }}
        />
        <NumberInput
          label={t("priceCatalogue.calculator.fromYear")}
          value={fromYear}
          onChange={setFromYear}
          allowDecimal={false}
          hideControls
          w={120}
        />
        <NumberInput
          label={t("priceCatalogue.calculator.toYear")}
          description={t("priceCatalogue.calculator.toYearHint")}
          value={toYear}
          onChange={setToYear}
          allowDecimal={false}
          hideControls
          w={150}
        />
      </Group>
      <div aria-live="polite">
        {result?.ok ? (
          <Paper withBorder radius="md" p="md" bg="white">
            <Text size="sm" c="dimmed">
              {t("priceCatalogue.calculator.resultLabel", { year: toYear })}
            </Text>
            <Text fw={700} size="xl" data-testid="adjusted-price">
              {money(result.amountOre)}
            </Text>
            <Text size="sm" c="dimmed">
              {result.fromIndex !== null && result.toIndex !== null && fromYear !== toYear
                ? t("priceCatalogue.calculator.factor", {
                    factor: format.decimal(result.factor, 4),
                    to: format.decimal(result.toIndex, 3),
                    from: format.decimal(result.fromIndex, 3),
                  })
                : t("priceCatalogue.calculator.sameYear")}
            </Text>
          </Paper>
        ) : result === null ? (
          <Text size="sm" c="dimmed">
            {t("priceCatalogue.calculator.empty")}
          </Text>
        ) : !result.ok ? (
          <Alert color="orange" variant="light">
            {t(`priceCatalogue.calculator.problems.${result.problem}`, {
              year: result.problem === "missing-from-year" ? fromYear : toYear,
            })}
          </Alert>
        ) : null}
      </div>
    </Stack>
  );
}
