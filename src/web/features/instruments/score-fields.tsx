import {
  Button,
  Fieldset,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import {
  DIRECTIONS,
  type InstrumentFormValues,
  newCutOffValues,
  SCORE_KINDS,
  type ScoreValues,
} from "./instrument-form-values.js";
import { useNumberInputProps } from "./item-fields.js";

type InstrumentForm = UseFormReturnType<InstrumentFormValues>;

/**
 * The fields of one score: what it combines (one item, a sum or a mean), its direction, the change
 * that counts, and optional bands.
 */
export function ScoreFields({
  form,
  index,
  score,
  itemOptions,
  onRemove,
}: {
  form: InstrumentForm;
  index: number;
  score: ScoreValues;
  /** The version's items (code → label), to choose from. */
  itemOptions: { value: string; label: string }[];
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const numberProps = useNumberInputProps();
  const path = `scores.${index}`;
  const unit =
    score.meaningfulChange.kind === "relative-pct"
      ? t("instruments.form.thresholdRelativeUnit")
      : t("instruments.form.thresholdAbsoluteUnit");
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <TextInput
          label={t("instruments.form.scoreCode")}
          description={t("instruments.form.codeHint")}
          required
          spellCheck={false}
          {...form.getInputProps(`${path}.code`)}
        />
        <NativeSelect
          label={t("instruments.form.scoreKind")}
          required
          data={SCORE_KINDS.map((k) => ({ value: k, label: t(`instruments.scoreKinds.${k}`) }))}
          {...form.getInputProps(`${path}.kind`)}
        />
        <NativeSelect
          label={t("instruments.form.direction")}
          required
          data={DIRECTIONS.map((d) => ({ value: d, label: t(`instruments.directions.${d}`) }))}
          {...form.getInputProps(`${path}.direction`)}
        />
      </SimpleGrid>
      <TextInput label={t("instruments.form.scoreLabel")} required {...form.getInputProps(`${path}.label`)} />
      {score.kind === "item" ? (
        <NativeSelect
          label={t("instruments.form.scoreItem")}
          required
          data={[{ value: "", label: t("common.choose") }, ...itemOptions]}
          {...form.getInputProps(`${path}.item`)}
        />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <MultiSelect
            label={t("instruments.form.scoreItems")}
            required
            data={itemOptions}
            style={{ gridColumn: "span 2" }}
            {...form.getInputProps(`${path}.items`)}
          />
          <NumberInput
            label={t("instruments.form.minAnswered")}
            description={t("instruments.form.minAnsweredHint")}
            min={1}
            allowDecimal={false}
            {...numberProps}
            {...form.getInputProps(`${path}.minAnswered`)}
          />
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <NativeSelect
          label={t("instruments.form.thresholdKind")}
          description={t("instruments.form.thresholdHint")}
          data={[
            { value: "absolute", label: t("instruments.form.thresholdAbsolute") },
            { value: "relative-pct", label: t("instruments.form.thresholdRelative") },
          ]}
          {...form.getInputProps(`${path}.meaningfulChange.kind`)}
        />
        <NumberInput
          label={t("instruments.form.thresholdValue", { unit })}
          required
          min={0}
          {...numberProps}
          {...form.getInputProps(`${path}.meaningfulChange.value`)}
        />
      </SimpleGrid>
      <Fieldset legend={t("instruments.form.cutOffsLegend")} variant="filled">
        <Stack gap="xs">
          <Text size="sm">{t("instruments.form.cutOffsHint")}</Text>
          {score.cutOffs.map((cutOff, ci) => (
            <Group
              key={cutOff.key}
              role="group"
              aria-label={t("instruments.form.cutOffLegend", { number: ci + 1 })}
              align="flex-start"
              gap="sm"
              wrap="wrap"
            >
              <NumberInput
                label={t("instruments.form.cutOffFrom")}
                required
                style={{ flex: "0 1 120px" }}
                {...numberProps}
                {...form.getInputProps(`${path}.cutOffs.${ci}.fromValue`)}
              />
              <TextInput
                label={t("instruments.form.cutOffLabel", { number: ci + 1 })}
                required
                style={{ flex: "2 1 220px" }}
                {...form.getInputProps(`${path}.cutOffs.${ci}.label`)}
              />
              <TextInput
                label={t("instruments.form.cutOffCode")}
                required
                spellCheck={false}
                style={{ flex: "1 1 140px" }}
                {...form.getInputProps(`${path}.cutOffs.${ci}.code`)}
              />
              <Button
                variant="subtle"
                color="red"
                mt={26}
                aria-label={t("instruments.form.removeCutOffNamed", { number: ci + 1 })}
                onClick={() => form.removeListItem(`${path}.cutOffs`, ci)}
              >
                {t("instruments.form.remove")}
              </Button>
            </Group>
          ))}
          <div>
            <Button
              variant="default"
              size="xs"
              onClick={() => form.insertListItem(`${path}.cutOffs`, newCutOffValues())}
            >
              {t("instruments.form.addCutOff")}
            </Button>
          </div>
        </Stack>
      </Fieldset>
      {onRemove ? (
        <Group justify="flex-end">
          <Button
            variant="subtle"
            color="red"
            size="xs"
            aria-label={t("instruments.form.removeScoreNamed", { number: index + 1 })}
            onClick={onRemove}
          >
            {t("instruments.form.removeScore")}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
