import { Button, Fieldset, Group, NumberInput, SimpleGrid, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { survivalFromAttritionPct } from "../../../domain/business-case/index.js";
import { DraftNumberInput } from "./draft-fields.js";
import { fieldIdOf } from "./field-id.js";
import { useDraft, useDraftError, useScenarioEditor } from "./scenario-editor-context.js";
import { useBusinessCaseFormat } from "./use-business-case-format.js";

const NO_SHARES: (number | string)[] = [];

/**
 * A fixed effect's survival shares: the share of a year's prevented events still prevented 1, 2, 3 …
 * years later (the last share holds beyond the list). Can be filled from a constant yearly attrition.
 */
export function SurvivalSharesField({ index }: { index: number }) {
  const { t } = useTranslation();
  const format = useBusinessCaseFormat();
  const editor = useScenarioEditor();
  const path = `effects.${index}.survivalPct`;
  const shares = useDraft((d) => d.effects[index]?.survivalPct) ?? NO_SHARES;
  const draftHorizon = useDraft((d) => d.horizonYears);
  const horizon = typeof draftHorizon === "number" ? draftHorizon : 10;
  const error = useDraftError(path);
  const [attritionPct, setAttritionPct] = useState<number | string>(10);
  const setShares = (next: (number | string)[]) => editor.setField(path, next);
  const fill = () => {
    if (typeof attritionPct !== "number" || attritionPct < 0 || attritionPct > 100) return;
    setShares(
      survivalFromAttritionPct(attritionPct, Math.max(1, Math.min(horizon, 30))).map(
        (s) => Math.round(s * 100) / 100,
      ),
    );
  };
  return (
    <Fieldset
      legend={t("businessCases.fields.survivalPct")}
      variant="unstyled"
      id={fieldIdOf(path)}
      styles={{ legend: { fontSize: "var(--mantine-font-size-sm)", fontWeight: 600, marginBottom: 4 } }}
    >
      <Text size="sm" c="dimmed" mb="xs">
        {shares.length === 0
          ? t("businessCases.editor.survivalNone")
          : t("businessCases.editor.survivalHint")}
      </Text>
      {error ? (
        <Text size="sm" c="red.9" mb="xs">
          {error}
        </Text>
      ) : null}
      {shares.length > 0 ? (
        <SimpleGrid cols={{ base: 3, xs: 5, md: 10 }} spacing="xs" mb="sm">
          {shares.map((_, k) => (
            <DraftNumberInput
              // biome-ignore lint/suspicious/noArrayIndexKey: the position is the meaning (years after)
              key={k}
              path={`${path}.${k}`}
              id={fieldIdOf(`${path}.${k}`)}
              label={t("businessCases.editor.afterYears", { count: k + 1 })}
              size="xs"
              allowNegative={false}
            />
          ))}
        </SimpleGrid>
      ) : null}
      {editor.isReadOnly ? null : (
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Button variant="default" size="xs" onClick={() => setShares([...shares, shares.at(-1) ?? 100])}>
            {t("businessCases.editor.addSurvivalYear")}
          </Button>
          {shares.length > 0 ? (
            <Button variant="subtle" size="xs" color="red" onClick={() => setShares(shares.slice(0, -1))}>
              {t("businessCases.editor.removeSurvivalYear")}
            </Button>
          ) : null}
          <NumberInput
            size="xs"
            w={150}
            label={t("businessCases.editor.attritionPct")}
            value={attritionPct}
            onChange={setAttritionPct}
            min={0}
            max={100}
            hideControls
            decimalSeparator={editor.language === "en" ? "." : ","}
          />
          <Button variant="default" size="xs" onClick={fill}>
            {t("businessCases.editor.fillFromAttrition", {
              years: Math.max(1, Math.min(horizon, 30)),
              pct: format.decimal(typeof attritionPct === "number" ? attritionPct : 0),
            })}
          </Button>
        </Group>
      )}
    </Fieldset>
  );
}
