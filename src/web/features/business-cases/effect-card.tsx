import {
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
} from "@mantine/core";
import { memo, useState } from "react";
import { useTranslation } from "react-i18next";
import { PAYERS } from "../../../domain/business-case/index.js";
import { kronerText } from "../../lib/kroner-text.js";
import { DraftKronerInput, DraftNumberInput, DraftTextInput } from "./draft-fields.js";
import { fieldIdOf } from "./field-id.js";
import { PayerSharesFields } from "./payer-shares-fields.js";
import type { EffectDraft } from "./scenario-draft.js";
import { useDraft, useDraftError, useScenarioEditor } from "./scenario-editor-context.js";
import { SurvivalSharesField } from "./survival-shares-field.js";
import { type PickedUnitPrice, UnitPricePicker } from "./unit-price-picker.js";

interface EffectCardProps {
  effect: EffectDraft;
  index: number;
  /** The business case's owner: whose price catalogue and index the picker uses. */
  organisationId: string;
}

/** One effect: what it is, how it arises (success-driven or fixed), its unit price and who gains. */
export const EffectCard = memo(function EffectCard({ effect, index, organisationId }: EffectCardProps) {
  const { t } = useTranslation();
  const editor = useScenarioEditor();
  const [isPickerOpen, setPickerOpen] = useState(false);
  const at = (key: string) => `effects.${index}.${key}`;
  const f = (key: string) => ({ path: at(key), id: fieldIdOf(at(key)) });
  const title = effect.name.trim() || t("businessCases.editor.effectNumber", { number: index + 1 });
  const draftPriceYear = useDraft((d) => d.priceYear);
  const priceYear = typeof draftPriceYear === "number" ? draftPriceYear : null;
  const priceRefError = useDraftError(at("priceRef"));
  const idError = useDraftError(at("id"));

  const pick = ({ price, amountOre }: PickedUnitPrice) => {
    editor.update((d) => {
      const effects = d.effects.slice();
      const current = effects[index];
      if (!current) return d;
      const shares = Object.fromEntries(
        PAYERS.map((p) => [p, price.payerSharesPct[p] ?? 0]),
      ) as EffectDraft["payerSharesPct"];
      effects[index] = {
        ...current,
        name: current.name.trim() ? current.name : price.name,
        unitPriceKr: kronerText(amountOre, editor.language),
        priceRef: price.code,
        payerSharesPct: shares,
      };
      return { ...d, effects };
    });
    setPickerOpen(false);
  };

  return (
    <Fieldset legend={t("businessCases.editor.effectLegend", { number: index + 1, name: title })} bg="white">
      <Stack gap="md">
        <Group align="flex-start" gap="md" wrap="wrap">
          <DraftTextInput
            {...f("name")}
            label={t("businessCases.fields.effectName")}
            required
            style={{ flex: "2 1 320px" }}
          />
          <NativeSelect
            id={fieldIdOf(at("kind"))}
            label={t("businessCases.fields.effectKind")}
            disabled={editor.isReadOnly}
            value={effect.kind}
            data={[
              { value: "success-driven", label: t("businessCases.effectKinds.success-driven") },
              { value: "fixed", label: t("businessCases.effectKinds.fixed") },
            ]}
            onChange={(event) => editor.setField(at("kind"), event.currentTarget.value)}
            style={{ flex: "1 1 240px" }}
          />
        </Group>
        <Text size="sm" c="dimmed">
          {t(`businessCases.editor.kindHint.${effect.kind}`)}
        </Text>
        {effect.kind === "success-driven" ? (
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
            <DraftNumberInput
              {...f("personsPerSuccess")}
              label={t("businessCases.fields.personsPerSuccess")}
              allowNegative={false}
              required
            />
            <DraftNumberInput
              {...f("lagYears")}
              label={t("businessCases.fields.lagYears")}
              description={t("businessCases.editor.lagHint")}
              allowNegative={false}
            />
            <Stack gap={6}>
              <DraftNumberInput
                {...f("durationYears")}
                label={t("businessCases.fields.durationYears")}
                allowDecimal={false}
                allowNegative={false}
                disabled={effect.isPermanent}
                required={!effect.isPermanent}
                placeholder={effect.isPermanent ? t("businessCases.editor.permanent") : undefined}
              />
              <Checkbox
                id={fieldIdOf(at("isPermanent"))}
                label={t("businessCases.fields.isPermanent")}
                checked={effect.isPermanent}
                disabled={editor.isReadOnly}
                onChange={(event) => {
                  const isPermanent = event.currentTarget.checked;
                  editor.update((d) => ({
                    ...d,
                    effects: d.effects.map((e, i) =>
                      i === index
                        ? {
                            ...e,
                            isPermanent,
                            durationYears: isPermanent || e.durationYears !== "" ? e.durationYears : 5,
                          }
                        : e,
                    ),
                  }));
                }}
              />
            </Stack>
            <DraftNumberInput
              {...f("pinnedSuccessRatePct")}
              label={t("businessCases.fields.pinnedSuccessRatePct")}
              description={t("businessCases.editor.pinnedHint")}
              allowNegative={false}
            />
          </SimpleGrid>
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
              <DraftNumberInput
                {...f("eventsPerYear")}
                label={t("businessCases.fields.eventsPerYear")}
                allowNegative={false}
                required
              />
              <DraftNumberInput
                {...f("lagYears")}
                label={t("businessCases.fields.lagYears")}
                description={t("businessCases.editor.lagHint")}
                allowNegative={false}
              />
            </SimpleGrid>
            <SurvivalSharesField index={index} />
          </>
        )}
        <Group align="flex-start" gap="md" wrap="wrap">
          <Stack gap={6} style={{ flex: "1 1 260px" }}>
            <DraftKronerInput {...f("unitPriceKr")} label={t("businessCases.fields.unitPriceKr")} required />
            {effect.priceRef ? (
              <Group gap={6}>
                <Badge variant="light" color="bundlinje">
                  {t("businessCases.editor.fromCatalogue", { code: effect.priceRef })}
                </Badge>
                {editor.isReadOnly ? null : (
                  <Button
                    variant="subtle"
                    size="compact-xs"
                    onClick={() => editor.setField(at("priceRef"), "")}
                  >
                    {t("businessCases.editor.unlinkPrice")}
                  </Button>
                )}
              </Group>
            ) : null}
            {priceRefError ? (
              <Text size="sm" c="red.9">
                {priceRefError}
              </Text>
            ) : null}
            {editor.isReadOnly ? null : (
              <div>
                <Button variant="default" size="xs" onClick={() => setPickerOpen(true)}>
                  {t("businessCases.editor.pickPrice")}
                </Button>
              </div>
            )}
          </Stack>
          <div style={{ flex: "2 1 360px" }}>
            <PayerSharesFields path={at("payerSharesPct")} />
          </div>
          <DraftNumberInput
            {...f("freezeAfterYear")}
            label={t("businessCases.fields.freezeAfterYear")}
            description={t("businessCases.editor.freezeHint")}
            allowDecimal={false}
            allowNegative={false}
            style={{ flex: "1 1 200px" }}
          />
        </Group>
        {idError ? (
          <Text size="sm" c="red.9">
            {idError}
          </Text>
        ) : null}
        {editor.isReadOnly ? null : (
          <Group justify="flex-end">
            <Button
              variant="subtle"
              color="red"
              size="xs"
              aria-label={t("businessCases.editor.removeEffectNamed", { name: title })}
              onClick={() =>
                editor.update((d) => ({
                  ...d,
                  effects: d.effects.filter((_, i) => i !== index),
                  variants: d.variants.map((v) => ({
                    ...v,
                    scaledEffectIds: v.scaledEffectIds.filter((id) => id !== effect.id),
                  })),
                }))
              }
            >
              {t("businessCases.editor.removeEffect")}
            </Button>
          </Group>
        )}
      </Stack>
      {isPickerOpen ? (
        <UnitPricePicker
          opened
          onClose={() => setPickerOpen(false)}
          onPick={pick}
          organisationId={organisationId}
          priceYear={priceYear}
          effectName={title}
        />
      ) : null}
    </Fieldset>
  );
});
