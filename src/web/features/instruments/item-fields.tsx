import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { RESPONDENTS } from "../../../domain/progression/index.js";
import {
  DIRECTIONS,
  type InstrumentFormValues,
  type ItemValues,
  newCategoryValues,
  SCALE_KINDS,
} from "./instrument-form-values.js";

type InstrumentForm = UseFormReturnType<InstrumentFormValues>;

/** Mantine's NumberInput for Danish and English: a comma is the decimal mark in Danish. */
export function useNumberInputProps() {
  const { i18n } = useTranslation();
  return { decimalSeparator: i18n.language === "en" ? "." : ",", hideControls: true } as const;
}

/** The fields of one item (question): code, texts, scale with its kind's fields, direction, who answers. */
export function ItemFields({
  form,
  index,
  item,
  onRemove,
}: {
  form: InstrumentForm;
  index: number;
  item: ItemValues;
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const numberProps = useNumberInputProps();
  const path = `items.${index}`;
  const scale = item.scale;
  const categoriesError = form.errors[`${path}.scale.categories`];
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <TextInput
          label={t("instruments.form.itemCode")}
          description={t("instruments.form.codeHint")}
          required
          spellCheck={false}
          {...form.getInputProps(`${path}.code`)}
        />
        <NativeSelect
          label={t("instruments.form.direction")}
          required
          data={DIRECTIONS.map((d) => ({ value: d, label: t(`instruments.directions.${d}`) }))}
          {...form.getInputProps(`${path}.direction`)}
        />
        <Checkbox
          mt={{ sm: "xl" }}
          label={t("instruments.form.isRequired")}
          {...form.getInputProps(`${path}.isRequired`, { type: "checkbox" })}
        />
      </SimpleGrid>
      <TextInput label={t("instruments.form.itemLabel")} required {...form.getInputProps(`${path}.label`)} />
      <TextInput label={t("instruments.form.labelEn")} {...form.getInputProps(`${path}.labelEn`)} />
      <Textarea
        label={t("instruments.form.help")}
        description={t("instruments.form.helpHint")}
        autosize
        minRows={1}
        maxRows={4}
        {...form.getInputProps(`${path}.help`)}
      />
      <Fieldset legend={t("instruments.form.scaleLegend")} variant="filled">
        <Stack gap="md">
          <NativeSelect
            label={t("instruments.form.scaleKind")}
            required
            data={SCALE_KINDS.map((k) => ({ value: k, label: t(`instruments.scaleKinds.${k}`) }))}
            {...form.getInputProps(`${path}.scale.kind`)}
            onChange={(event) => {
              const kind = event.currentTarget.value as ItemValues["scale"]["kind"];
              form.setFieldValue(`${path}.scale.kind`, kind);
              // Sensible starting points when the kind changes (a question needs at least two answers).
              if (kind === "ordered-categories" && scale.categories.length === 0) {
                form.setFieldValue(`${path}.scale.categories`, [newCategoryValues(0), newCategoryValues(1)]);
              }
              if (kind === "hours") form.setFieldValue(`${path}.scale.max`, 168);
              if (kind === "numeric-range") form.setFieldValue(`${path}.scale.max`, 10);
            }}
          />
          {scale.kind === "numeric-range" ? (
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <NumberInput
                label={t("instruments.form.min")}
                required
                {...numberProps}
                {...form.getInputProps(`${path}.scale.min`)}
              />
              <NumberInput
                label={t("instruments.form.max")}
                required
                {...numberProps}
                {...form.getInputProps(`${path}.scale.max`)}
              />
              <NumberInput
                label={t("instruments.form.step")}
                description={t("instruments.form.stepHint")}
                {...numberProps}
                {...form.getInputProps(`${path}.scale.step`)}
              />
              <TextInput
                label={t("instruments.form.minLabel")}
                {...form.getInputProps(`${path}.scale.minLabel`)}
              />
              <TextInput
                label={t("instruments.form.maxLabel")}
                {...form.getInputProps(`${path}.scale.maxLabel`)}
              />
              <TextInput
                label={t("instruments.form.unit")}
                description={t("instruments.form.unitHint")}
                {...form.getInputProps(`${path}.scale.unit`)}
              />
            </SimpleGrid>
          ) : null}
          {scale.kind === "percentage" ? (
            <NumberInput
              label={t("instruments.form.decimals")}
              description={t("instruments.form.decimalsHint")}
              min={0}
              max={4}
              allowDecimal={false}
              maw={240}
              {...numberProps}
              {...form.getInputProps(`${path}.scale.decimals`)}
            />
          ) : null}
          {scale.kind === "hours" ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <NativeSelect
                label={t("instruments.form.per")}
                data={[
                  { value: "week", label: t("instruments.form.perWeek") },
                  { value: "month", label: t("instruments.form.perMonth") },
                ]}
                {...form.getInputProps(`${path}.scale.per`)}
              />
              <NumberInput
                label={t("instruments.form.hoursMax")}
                required
                {...numberProps}
                {...form.getInputProps(`${path}.scale.max`)}
              />
            </SimpleGrid>
          ) : null}
          {scale.kind === "ordered-categories" ? (
            <Stack gap="xs">
              <Text size="sm">{t("instruments.form.categoriesHint")}</Text>
              {scale.categories.map((category, ci) => (
                <Group
                  key={category.key}
                  role="group"
                  aria-label={t("instruments.form.categoryLegend", { number: ci + 1 })}
                  align="flex-start"
                  gap="sm"
                  wrap="wrap"
                >
                  <TextInput
                    label={t("instruments.form.categoryLabel", { number: ci + 1 })}
                    required
                    style={{ flex: "2 1 220px" }}
                    {...form.getInputProps(`${path}.scale.categories.${ci}.label`)}
                  />
                  <TextInput
                    label={t("instruments.form.categoryCode")}
                    required
                    spellCheck={false}
                    style={{ flex: "1 1 140px" }}
                    {...form.getInputProps(`${path}.scale.categories.${ci}.code`)}
                  />
                  <NumberInput
                    label={t("instruments.form.categoryValue")}
                    required
                    style={{ flex: "0 1 100px" }}
                    {...numberProps}
                    {...form.getInputProps(`${path}.scale.categories.${ci}.value`)}
                  />
                  <Button
                    variant="subtle"
                    color="red"
                    mt={26}
                    aria-label={t("instruments.form.removeCategoryNamed", { number: ci + 1 })}
                    onClick={() => form.removeListItem(`${path}.scale.categories`, ci)}
                  >
                    {t("instruments.form.remove")}
                  </Button>
                </Group>
              ))}
              {typeof categoriesError === "string" || typeof categoriesError === "object" ? (
                <Text size="sm" c="red" role="alert">
                  {String(categoriesError)}
                </Text>
              ) : null}
              <div>
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => {
                    const last = scale.categories[scale.categories.length - 1];
                    const next = typeof last?.value === "number" ? last.value + 1 : scale.categories.length;
                    form.insertListItem(`${path}.scale.categories`, newCategoryValues(next));
                  }}
                >
                  {t("instruments.form.addCategory")}
                </Button>
              </div>
            </Stack>
          ) : null}
        </Stack>
      </Fieldset>
      <Checkbox.Group
        label={t("instruments.form.itemRespondents")}
        description={t("instruments.form.itemRespondentsHint")}
        {...form.getInputProps(`${path}.respondents`)}
      >
        <Group gap="md" mt="xs">
          {RESPONDENTS.map((r) => (
            <Checkbox key={r} value={r} label={t(`instruments.respondents.${r}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      {onRemove ? (
        <Group justify="flex-end">
          <Button
            variant="subtle"
            color="red"
            size="xs"
            aria-label={t("instruments.form.removeItemNamed", { number: index + 1 })}
            onClick={onRemove}
          >
            {t("instruments.form.removeItem")}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
