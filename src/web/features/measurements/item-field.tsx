import { Group, NumberInput, Radio, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Item } from "../../../domain/progression/instrument.js";
import type { ItemFormValue } from "./measurement-form-values.js";
import type { MeasurementText } from "./use-measurement-text.js";

/** Numbers are short: a narrow box, while the label above keeps the dialog's width. */
const NARROW_INPUT = { wrapper: { maxWidth: 220 } };

/** Radio buttons instead of a number field for whole-number scales of at most this many points (1–10). */
const MAX_RADIO_POINTS = 11;

interface ItemFieldProps {
  item: Item;
  value: ItemFormValue | undefined;
  onChange: (value: ItemFormValue) => void;
  error?: ReactNode;
  /** Why the item is not answered by the chosen respondent (the field is then disabled). */
  disabledReason?: string;
  text: MeasurementText;
}

/**
 * One item of an instrument as a form field, by its scale: a row of radio buttons for a short
 * whole-number scale (1–10) with its end labels, radio buttons for ordered categories, and a number
 * field for percentages, hours and longer ranges. The item's label names the field; its help text,
 * the scale's range and its end labels describe it.
 */
export function ItemField({ item, value, onChange, error, disabledReason, text }: ItemFieldProps) {
  const { t, i18n } = useTranslation();
  const scale = item.scale;
  const label = text.itemLabel(item);
  const isDisabled = disabledReason !== undefined;
  const describe = (...parts: Array<string | undefined>) => {
    const optional = item.isRequired ? undefined : `${t("measurements.form.optional")}.`;
    const shown = [disabledReason, optional, item.help, ...parts].filter(Boolean);
    return shown.length > 0 ? shown.join(" ") : undefined;
  };
  const common = {
    label,
    required: item.isRequired && !isDisabled,
    error,
    disabled: isDisabled,
  };
  const shown = value === undefined ? "" : value;

  if (scale.kind === "ordered-categories") {
    return (
      <Radio.Group
        {...common}
        description={describe()}
        value={String(shown)}
        onChange={(v) => onChange(v)}
        readOnly={isDisabled}
      >
        <Stack gap={6} mt="xs">
          {scale.categories.map((c) => (
            <Radio
              key={c.code}
              value={c.code}
              label={i18n.language === "en" && c.labelEn ? c.labelEn : c.label}
              disabled={isDisabled}
            />
          ))}
        </Stack>
      </Radio.Group>
    );
  }

  if (scale.kind === "numeric-range") {
    const points = (scale.max - scale.min) / scale.step + 1;
    const ends =
      scale.minLabel && scale.maxLabel
        ? t("measurements.form.scaleEnds", {
            min: text.number(scale.min),
            max: text.number(scale.max),
            minLabel: scale.minLabel,
            maxLabel: scale.maxLabel,
          })
        : t("measurements.form.rangeHint", { min: text.number(scale.min), max: text.number(scale.max) });
    if (Number.isInteger(points) && points <= MAX_RADIO_POINTS && Number.isInteger(scale.step)) {
      const options = Array.from({ length: points }, (_, k) => scale.min + k * scale.step);
      return (
        <Radio.Group
          {...common}
          description={describe(ends)}
          value={String(shown)}
          onChange={(v) => onChange(Number(v))}
          readOnly={isDisabled}
        >
          <Group gap="md" mt="xs">
            {options.map((n) => (
              <Radio key={n} value={String(n)} label={text.number(n)} disabled={isDisabled} />
            ))}
          </Group>
        </Radio.Group>
      );
    }
    return (
      <NumberInput
        {...common}
        description={describe(ends)}
        value={shown}
        onChange={onChange}
        min={scale.min}
        max={scale.max}
        step={scale.step}
        decimalSeparator={i18n.language === "da" ? "," : "."}
        clampBehavior="none"
        hideControls
        styles={NARROW_INPUT}
        suffix={scale.unit ? ` ${scale.unit}` : undefined}
      />
    );
  }

  const isPercentage = scale.kind === "percentage";
  return (
    <NumberInput
      {...common}
      description={describe(
        isPercentage
          ? t("measurements.form.percentHint")
          : t("measurements.form.hoursHint", {
              max: text.number(scale.max),
              per: t(
                scale.per === "week" ? "measurements.form.hoursPerWeek" : "measurements.form.hoursPerMonth",
              ),
            }),
      )}
      value={shown}
      onChange={onChange}
      min={0}
      max={isPercentage ? 100 : scale.max}
      decimalScale={isPercentage ? Math.max(scale.decimals, 1) : 2}
      decimalSeparator={i18n.language === "da" ? "," : "."}
      allowNegative={false}
      clampBehavior="none"
      hideControls
      inputMode="decimal"
      styles={NARROW_INPUT}
      suffix={isPercentage ? t("measurements.form.percentSuffix") : undefined}
    />
  );
}
