import {
  Button,
  Fieldset,
  Group,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../../lib/use-formatters.js";
import { fieldIdOf } from "./contract-field-id.js";
import { type ContractForm, newDisbursement } from "./contract-form-values.js";
import { FieldGroupError } from "./field-group-error.js";
import { kronerOrNull, sumKronerTexts } from "./form-sums.js";

/** "Økonomi": investment, the disbursements that make it up, risk premium, cap and floor. */
export function ContractMoneyFields({ form }: { form: ContractForm }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const field = (path: string) => ({ ...form.getInputProps(path), id: fieldIdOf(path) });
  const values = form.values;
  const disbursed = sumKronerTexts(
    values.disbursements.map((d) => d.amountKr),
    i18n.language,
  );
  const investment = kronerOrNull(values.investmentKr, i18n.language);
  const kroner = {
    inputMode: "decimal" as const,
    description: t("contracts.form.kronerHint"),
    rightSection: (
      <Text size="xs" c="dimmed">
        kr.
      </Text>
    ),
  };
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="ct-money-title">
      <Stack gap="md">
        <Title order={2} size="h4" id="ct-money-title">
          {t("contracts.terms.moneyTitle")}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <TextInput label={t("contracts.form.investment")} required {...kroner} {...field("investmentKr")} />
          <TextInput
            label={t("contracts.form.cap")}
            required
            {...kroner}
            description={t("contracts.form.capHint")}
            {...field("capKr")}
          />
          <TextInput
            label={t("contracts.form.floor")}
            required
            {...kroner}
            description={t("contracts.form.floorHint")}
            {...field("floorKr")}
          />
        </SimpleGrid>
        <Fieldset legend={t("contracts.terms.riskPremium")} id={fieldIdOf("riskPremium")}>
          <Stack gap="sm">
            <Radio.Group label={t("contracts.form.premiumKind")} {...form.getInputProps("riskPremium.kind")}>
              <Group gap="lg" mt={4}>
                <Radio value="rate" label={t("contracts.form.premiumKindRate")} />
                <Radio value="amount" label={t("contracts.form.premiumKindAmount")} />
              </Group>
            </Radio.Group>
            {values.riskPremium.kind === "rate" ? (
              <TextInput
                label={t("contracts.form.premiumRate")}
                description={t("contracts.form.percentHint")}
                required
                inputMode="decimal"
                maw={280}
                rightSection={
                  <Text size="xs" c="dimmed">
                    %
                  </Text>
                }
                {...field("riskPremium.ratePct")}
              />
            ) : (
              <TextInput
                label={t("contracts.form.premiumAmount")}
                required
                maw={280}
                {...kroner}
                {...field("riskPremium.amountKr")}
              />
            )}
          </Stack>
        </Fieldset>
        <Fieldset legend={t("contracts.form.disbursements")} id={fieldIdOf("disbursements")}>
          <Stack gap="sm">
            {values.disbursements.map((d, index) => (
              <Group key={d.key} align="flex-end" gap="sm" wrap="wrap">
                <TextInput
                  type="date"
                  label={t("contracts.form.disbursementDate", { number: index + 1 })}
                  required
                  {...field(`disbursements.${index}.date`)}
                />
                <TextInput
                  label={t("contracts.form.disbursementAmount", { number: index + 1 })}
                  required
                  {...kroner}
                  description={undefined}
                  {...field(`disbursements.${index}.amountKr`)}
                />
                {values.disbursements.length > 1 ? (
                  <Button
                    variant="subtle"
                    color="red"
                    onClick={() => form.removeListItem("disbursements", index)}
                    aria-label={t("contracts.form.removeDisbursement", { number: index + 1 })}
                  >
                    {t("contracts.form.remove")}
                  </Button>
                ) : null}
              </Group>
            ))}
            <Text size="sm" aria-live="polite">
              {disbursed !== null && investment !== null
                ? t(
                    disbursed === investment
                      ? "contracts.form.disbursedMatches"
                      : "contracts.form.disbursedDiffers",
                    {
                      disbursed: format.money(disbursed),
                      investment: format.money(investment),
                    },
                  )
                : t("contracts.form.disbursedHint")}
            </Text>
            <FieldGroupError error={form.errors.disbursements} />
            <div>
              <Button
                variant="default"
                onClick={() => form.insertListItem("disbursements", newDisbursement())}
              >
                {t("contracts.form.addDisbursement")}
              </Button>
            </div>
          </Stack>
        </Fieldset>
      </Stack>
    </Paper>
  );
}
