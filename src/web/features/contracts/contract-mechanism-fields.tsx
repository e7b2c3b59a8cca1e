import { Fieldset, NativeSelect, Paper, Radio, SimpleGrid, Stack, TextInput, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { fieldIdOf } from "./contract-field-id.js";
import type { ContractForm } from "./contract-form-values.js";

const MECHANISMS = ["weighted-attainment", "rate-card", "per-day-out-of-care"] as const;
const NOT_MEASURABLE = ["count-as-not-met", "exclude"] as const;
const WEIGHTING = ["per-contract", "per-track"] as const;
const ROUNDING_MODES = ["half-up", "half-even", "down", "up"] as const;

/** "Perioder og betalingsmekanisme": the service and follow-up windows, the mechanism and rounding. */
export function ContractMechanismFields({ form }: { form: ContractForm }) {
  const { t } = useTranslation();
  const field = (path: string) => ({ ...form.getInputProps(path), id: fieldIdOf(path) });
  const m = form.values.mechanism;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="ct-mechanism-title">
      <Stack gap="md">
        <Title order={2} size="h4" id="ct-mechanism-title">
          {t("contracts.terms.mechanismTitle")}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Fieldset legend={t("contracts.terms.serviceWindow")} id={fieldIdOf("serviceWindow")}>
            <SimpleGrid cols={2} spacing="sm">
              <TextInput
                type="date"
                label={t("contracts.form.from")}
                required
                {...field("serviceWindow.from")}
              />
              <TextInput type="date" label={t("contracts.form.to")} required {...field("serviceWindow.to")} />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend={t("contracts.terms.followUpWindow")} id={fieldIdOf("followUpWindow")}>
            <SimpleGrid cols={2} spacing="sm">
              <TextInput
                type="date"
                label={t("contracts.form.from")}
                required
                {...field("followUpWindow.from")}
              />
              <TextInput
                type="date"
                label={t("contracts.form.to")}
                required
                {...field("followUpWindow.to")}
              />
            </SimpleGrid>
          </Fieldset>
        </SimpleGrid>
        <Radio.Group label={t("contracts.terms.mechanism")} {...field("mechanism.kind")}>
          <Stack gap="xs" mt="xs">
            {MECHANISMS.map((kind) => (
              <Radio
                key={kind}
                value={kind}
                label={t(`contracts.mechanisms.${kind}`)}
                description={t(`contracts.mechanismHints.${kind}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        {m.kind === "weighted-attainment" ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              label={t("contracts.terms.notMeasurable")}
              data={NOT_MEASURABLE.map((v) => ({ value: v, label: t(`contracts.notMeasurable.${v}`) }))}
              {...field("mechanism.notMeasurable")}
            />
            <NativeSelect
              label={t("contracts.terms.weighting")}
              data={WEIGHTING.map((v) => ({ value: v, label: t(`contracts.weighting.${v}`) }))}
              {...field("mechanism.weighting")}
            />
          </SimpleGrid>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NativeSelect
            label={t("contracts.form.roundingMode")}
            description={t("contracts.form.roundingHint")}
            data={ROUNDING_MODES.map((v) => ({ value: v, label: t(`contracts.roundingModes.${v}`) }))}
            {...field("rounding.mode")}
          />
          <NativeSelect
            label={t("contracts.form.roundingUnit")}
            description={t("contracts.form.roundingUnitHint")}
            data={[
              { value: "100", label: t("contracts.roundingUnits.krone") },
              { value: "1", label: t("contracts.roundingUnits.ore") },
            ]}
            {...field("rounding.unitOre")}
          />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
