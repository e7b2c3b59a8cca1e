import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { UNIT_KINDS, UnitPriceInputSchema } from "../../../contracts/business-case.js";
import { PAYERS } from "../../../domain/business-case/index.js";
import { MoneyError } from "../../../domain/money.js";
import { ErrorAlert } from "../../components/error-alert.js";
import { translateServerMessage } from "../../i18n/translate-server-message.js";
import { isApiError } from "../../lib/api-error.js";
import { kronerText, parseKronerText } from "../../lib/kroner-text.js";
import { useFormSubmit } from "../../lib/use-form-submit.js";
import { zodFormValidator } from "../../lib/zod-form-validator.js";
import type { UnitPrice, UnitPriceInput } from "./price-catalogue-types.js";

interface UnitPriceFormValues {
  code: string;
  name: string;
  unit: UnitPrice["unit"];
  /** The amount as typed, in kroner. */
  amountKr: string;
  priceYear: number | string;
  municipality: number | string;
  region: number | string;
  state: number | string;
  sourceText: string;
  sourceUrl: string;
  isExample: boolean;
  validFrom: string;
  validTo: string;
}

interface UnitPriceFormDialogProps {
  organisationId: string;
  /** The price to edit, or null to create one. */
  price: UnitPrice | null;
  onClose: () => void;
  onSave: (input: UnitPriceInput, version: number | null) => Promise<unknown>;
}

function valuesOf(price: UnitPrice | null, language: string): UnitPriceFormValues {
  return {
    code: price?.code ?? "",
    name: price?.name ?? "",
    unit: price?.unit ?? "per-person-year",
    amountKr: price ? kronerText(price.amountOre, language) : "",
    priceYear: price?.priceYear ?? new Date().getFullYear(),
    municipality: price?.payerSharesPct.municipality ?? 100,
    region: price?.payerSharesPct.region ?? 0,
    state: price?.payerSharesPct.state ?? 0,
    sourceText: price?.sourceText ?? "",
    sourceUrl: price?.sourceUrl ?? "",
    isExample: price?.isExample ?? false,
    validFrom: price?.validFrom ?? "",
    validTo: price?.validTo ?? "",
  };
}

/** Create or edit one of the organisation's own unit prices (amount in kroner, source required). */
export function UnitPriceFormDialog({ organisationId, price, onClose, onSave }: UnitPriceFormDialogProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === "en" ? "en" : "da";
  const formRef = useRef<HTMLFormElement>(null);
  const [staleMessage, setStaleMessage] = useState<string | null>(null);
  const toInput = (values: UnitPriceFormValues): UnitPriceInput => {
    let amountOre: number;
    try {
      amountOre = values.amountKr.trim() === "" ? Number.NaN : parseKronerText(values.amountKr, language);
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      amountOre = Number.NaN;
    }
    const num = (v: number | string) => (v === "" ? Number.NaN : Number(v));
    return {
      organisationId,
      code: values.code.trim(),
      name: values.name.trim(),
      unit: values.unit,
      amountOre,
      priceYear: num(values.priceYear),
      payerSharesPct: {
        municipality: num(values.municipality),
        region: num(values.region),
        state: num(values.state),
      },
      sourceText: values.sourceText.trim(),
      sourceUrl: values.sourceUrl.trim() || null,
      isExample: values.isExample,
      validFrom: values.validFrom || null,
      validTo: values.validTo || null,
    };
  };
  const form = useForm<UnitPriceFormValues>({
    initialValues: valuesOf(price, language),
    validate: (values) => {
      const errors = zodFormValidator<UnitPriceFormValues>(UnitPriceInputSchema, toInput)(values);
      const mapped: Record<string, string> = {};
      for (const [path, message] of Object.entries(errors)) {
        if (typeof message !== "string") continue;
        const key =
          path === "amountOre"
            ? "amountKr"
            : path.startsWith("payerSharesPct.")
              ? path.slice("payerSharesPct.".length)
              : path;
        mapped[key] = message;
      }
      if (mapped.amountKr && values.amountKr.trim() !== "")
        mapped.amountKr = t("businessCases.editor.amountInvalid");
      return mapped;
    },
  });
  const submit = useFormSubmit(form, formRef);

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={price ? t("priceCatalogue.editTitle", { name: price.name }) : t("priceCatalogue.createTitle")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form
        ref={formRef}
        noValidate
        onSubmit={form.onSubmit(
          (values) =>
            submit.run(async () => {
              setStaleMessage(null);
              try {
                await onSave(toInput(values), price?.version ?? null);
              } catch (error) {
                if (isApiError(error, "STALE_VERSION")) {
                  setStaleMessage(translateServerMessage(error.message));
                  return;
                }
                throw error;
              }
            }),
          submit.onInvalid,
        )}
      >
        <Stack gap="md">
          {staleMessage ? (
            <Alert color="orange" variant="light" role="alert" title={t("errors.staleTitle")}>
              {staleMessage} {t("priceCatalogue.staleHint")}
            </Alert>
          ) : null}
          {submit.error && !staleMessage ? (
            <ErrorAlert error={submit.error} title={t("errors.notSaved")} />
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label={t("priceCatalogue.fields.name")} required {...form.getInputProps("name")} />
            <TextInput
              label={t("priceCatalogue.fields.code")}
              description={t("priceCatalogue.codeHint")}
              required
              spellCheck={false}
              disabled={price !== null}
              {...form.getInputProps("code")}
            />
            <NativeSelect
              label={t("priceCatalogue.fields.unit")}
              data={UNIT_KINDS.map((u) => ({ value: u, label: t(`priceCatalogue.units.${u}`) }))}
              {...form.getInputProps("unit")}
            />
            <TextInput
              label={t("priceCatalogue.fields.amountKr")}
              required
              inputMode="decimal"
              styles={{ input: { textAlign: "right" } }}
              {...form.getInputProps("amountKr")}
            />
            <NumberInput
              label={t("priceCatalogue.fields.priceYear")}
              required
              allowDecimal={false}
              hideControls
              {...form.getInputProps("priceYear")}
            />
          </SimpleGrid>
          <Group gap="sm" align="flex-start">
            {PAYERS.map((p) => (
              <NumberInput
                key={p}
                label={`${t(`businessCases.payers.${p}`)} (%)`}
                w={120}
                allowDecimal={false}
                allowNegative={false}
                hideControls
                {...form.getInputProps(p)}
              />
            ))}
          </Group>
          {form.errors.payerSharesPct ? (
            <div
              role="alert"
              style={{ color: "var(--mantine-color-error)", fontSize: "var(--mantine-font-size-sm)" }}
            >
              {form.errors.payerSharesPct}
            </div>
          ) : null}
          <TextInput
            label={t("priceCatalogue.fields.sourceText")}
            required
            {...form.getInputProps("sourceText")}
          />
          <TextInput
            label={t("priceCatalogue.fields.sourceUrl")}
            type="url"
            placeholder="https://"
            {...form.getInputProps("sourceUrl")}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              type="date"
              label={t("priceCatalogue.fields.validFrom")}
              {...form.getInputProps("validFrom")}
            />
            <TextInput
              type="date"
              label={t("priceCatalogue.fields.validTo")}
              {...form.getInputProps("validTo")}
            />
          </SimpleGrid>
          <Checkbox
            label={t("priceCatalogue.fields.isExample")}
            description={t("priceCatalogue.exampleHint")}
            {...form.getInputProps("isExample", { type: "checkbox" })}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {price ? t("common.save") : t("priceCatalogue.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
