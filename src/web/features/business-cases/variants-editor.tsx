import { Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/empty-state.js";
import { SectionCard } from "../../components/section-card.js";
import { DraftNumberInput, DraftTextInput } from "./draft-fields.js";
import { fieldIdOf } from "./field-id.js";
import { type EffectDraft, newVariant, type VariantDraft } from "./scenario-draft.js";
import { useDraft, useDraftError, useDraftErrorUnder, useScenarioEditor } from "./scenario-editor-context.js";

/** "Varianter": named variants of the scenario with their own success rate (e.g. 12,5 % vs 25 %). */
export function VariantsEditor() {
  const { t } = useTranslation();
  const editor = useScenarioEditor();
  const variants = useDraft((d) => d.variants);
  const effects = useDraft((d) => d.effects);
  const add = () =>
    editor.update((d) => ({ ...d, variants: [...d.variants, newVariant(d.variants, d.successRatePct)] }));
  return (
    <SectionCard
      title={t("businessCases.editor.variantsTitle")}
      actions={
        editor.isReadOnly ? null : (
          <Button variant="default" size="xs" onClick={add}>
            {t("businessCases.editor.addVariant")}
          </Button>
        )
      }
    >
      {variants.length === 0 ? (
        <EmptyState
          title={t("businessCases.editor.noVariants")}
          description={t("businessCases.editor.noVariantsHint")}
        />
      ) : (
        <Stack gap="md">
          {variants.map((variant, index) => (
            <VariantFields key={variant.key} variant={variant} index={index} effects={effects} />
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}

function VariantFields({
  variant,
  index,
  effects,
}: {
  variant: VariantDraft;
  index: number;
  effects: EffectDraft[];
}) {
  const { t } = useTranslation();
  const editor = useScenarioEditor();
  const at = (key: string) => `variants.${index}.${key}`;
  const title = variant.name.trim() || t("businessCases.editor.variantNumber", { number: index + 1 });
  const successDriven = effects.filter((e) => e.kind === "success-driven");
  const scaledError = useDraftErrorUnder(at("scaledEffectIds"));
  const idError = useDraftError(at("id"));
  return (
    <Fieldset legend={t("businessCases.editor.variantLegend", { number: index + 1, name: title })} bg="white">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <DraftTextInput
            path={at("name")}
            id={fieldIdOf(at("name"))}
            label={t("businessCases.fields.variantName")}
            required
          />
          <DraftNumberInput
            path={at("successRatePct")}
            id={fieldIdOf(at("successRatePct"))}
            label={t("businessCases.fields.variantSuccessRatePct")}
            allowNegative={false}
          />
        </SimpleGrid>
        <Checkbox
          id={fieldIdOf(at("scaledEffectIds"))}
          label={t("businessCases.editor.scalesAll")}
          checked={variant.scalesAllEffects}
          disabled={editor.isReadOnly}
          onChange={(event) => {
            const scalesAll = event.currentTarget.checked;
            editor.update((d) => ({
              ...d,
              variants: d.variants.map((v, i) =>
                i === index
                  ? {
                      ...v,
                      scalesAllEffects: scalesAll,
                      scaledEffectIds: scalesAll ? [] : successDriven.map((e) => e.id),
                    }
                  : v,
              ),
            }));
          }}
        />
        {variant.scalesAllEffects ? null : (
          <Checkbox.Group
            label={t("businessCases.fields.scaledEffectIds")}
            description={t("businessCases.editor.scaledHint")}
            value={variant.scaledEffectIds}
            onChange={(ids) => editor.setField(at("scaledEffectIds"), ids)}
            error={scaledError}
          >
            <Stack gap={6} mt="xs">
              {successDriven.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t("businessCases.editor.noSuccessDriven")}
                </Text>
              ) : (
                successDriven.map((e) => (
                  <Checkbox key={e.key} value={e.id} label={e.name || e.id} disabled={editor.isReadOnly} />
                ))
              )}
            </Stack>
          </Checkbox.Group>
        )}
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
              aria-label={t("businessCases.editor.removeVariantNamed", { name: title })}
              onClick={() =>
                editor.update((d) => ({ ...d, variants: d.variants.filter((_, i) => i !== index) }))
              }
            >
              {t("businessCases.editor.removeVariant")}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
