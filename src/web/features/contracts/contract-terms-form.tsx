import { Button, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { type ReactNode, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Project } from "../../../contracts/admin.js";
import { translateServerMessage } from "../../i18n/translate-server-message.js";
import { isApiError } from "../../lib/api-error.js";
import { useErrorText } from "../../lib/use-error-text.js";
import { ContractErrorSummary } from "./contract-error-summary.js";
import { fieldIdOf } from "./contract-field-id.js";
import {
  type ContractForm,
  type ContractFormValues,
  formErrorsOf,
  formOfTerms,
  termsOfForm,
} from "./contract-form-values.js";
import { ContractMechanismFields } from "./contract-mechanism-fields.js";
import { ContractMoneyFields } from "./contract-money-fields.js";
import { ContractTrackFields } from "./contract-track-fields.js";
import type { ContractTermsInput, OutcomeRuleOption } from "./contract-types.js";
import { vejleExampleTerms } from "./vejle-example-terms.js";

interface ContractTermsFormProps {
  initialValues: ContractFormValues;
  projectTracks: readonly Project["tracks"][number][];
  rules: readonly OutcomeRuleOption[];
  submitLabel: string;
  /** The cancel link (a RouterButton). */
  cancel: ReactNode;
  /** Saves the terms; throws the ApiError when the server refuses. */
  onSubmit: (terms: ContractTermsInput) => Promise<unknown>;
  /** Offer "Udfyld med Vejle-eksemplet" (default true; an amendment starts from the contract's own terms). */
  hasExample?: boolean;
  /** The hint under "Gælder fra" instead of the default one. */
  validFromHint?: string;
  /**
   * The page's own fields (an amendment's reason), shown before the buttons. Their problems live in
   * the form's errors under their own path (`reason`), so the summary lists them and links to the
   * element with id `fieldIdOf(path)`; the server's problems with them land there too.
   */
  extraFields?: (form: ContractForm) => ReactNode;
  /** More checks before saving, merged with the form's own: problems keyed by form path. */
  validate?: (values: ContractFormValues) => Record<string, string>;
}

function stringErrors(errors: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}

/**
 * The contract's terms as a form: title and dates, money (investment, disbursements, premium, cap,
 * floor), windows, mechanism and rounding, and the tracks with their payment goals. Amounts are typed
 * in kroner and shares in per cent; the form converts them exactly. Problems — the form's own and
 * the server's — are shown at the fields and listed in a summary at the top, which gets the focus.
 */
export function ContractTermsForm(props: ContractTermsFormProps) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const summaryRef = useRef<HTMLDivElement>(null);
  const [serverMessage, setServerMessage] = useState<string | undefined>();
  const [isSaving, setIsSaving] = useState(false);
  const form = useForm<ContractFormValues>({ initialValues: props.initialValues });

  const showProblems = (errors: Record<string, string>, message?: string) => {
    form.setErrors(errors);
    setServerMessage(message);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const save = async (values: ContractFormValues) => {
    setServerMessage(undefined);
    const result = termsOfForm(values, i18n.language, {
      required: t("validation.required"),
      amount: t("contracts.form.amountInvalid"),
      percent: t("contracts.form.percentInvalid"),
      wholeNumber: t("contracts.form.wholeNumberInvalid"),
    });
    const extraProblems = props.validate?.(values) ?? {};
    if (!result.ok || Object.keys(extraProblems).length > 0) {
      // The server's messages from the last attempt stay until their field is changed.
      showProblems({ ...stringErrors(form.errors), ...(result.ok ? {} : result.errors), ...extraProblems });
      return;
    }
    setIsSaving(true);
    try {
      await props.onSubmit(result.terms);
    } catch (error) {
      const fieldErrors = isApiError(error) ? formErrorsOf(error.details) : {};
      const translated = Object.fromEntries(
        Object.entries(fieldErrors).map(([path, message]) => [path, translateServerMessage(message)]),
      );
      showProblems(translated, errorText(error));
    } finally {
      setIsSaving(false);
    }
  };

  const fillWithVejle = () => {
    form.setValues(formOfTerms(vejleExampleTerms(), i18n.language));
    form.clearErrors();
    setServerMessage(undefined);
  };

  return (
    <form noValidate onSubmit={form.onSubmit((values) => void save(values))}>
      <Stack gap="lg">
        <ContractErrorSummary ref={summaryRef} errors={form.errors} message={serverMessage} />
        {props.hasExample !== false ? (
          <Paper withBorder radius="md" p="lg" bg="gray.0">
            <Group justify="space-between" align="center" gap="md">
              <Text size="sm" maw={620}>
                {t("contracts.form.exampleIntro")}
              </Text>
              <Button variant="default" onClick={fillWithVejle}>
                {t("contracts.form.fillVejle")}
              </Button>
            </Group>
          </Paper>
        ) : null}
        <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="ct-basics-title">
          <Stack gap="md">
            <Title order={2} size="h4" id="ct-basics-title">
              {t("contracts.form.basicsTitle")}
            </Title>
            <TextInput
              label={t("contracts.form.title")}
              required
              maxLength={200}
              {...form.getInputProps("title")}
              id={fieldIdOf("title")}
            />
            <TextInput
              type="date"
              label={t("contracts.form.validFrom")}
              description={props.validFromHint ?? t("contracts.form.validFromHint")}
              required
              maw={280}
              {...form.getInputProps("validFrom")}
              id={fieldIdOf("validFrom")}
            />
            <Text size="sm" c="dimmed">
              {t("contracts.form.partiesHint")}
            </Text>
          </Stack>
        </Paper>
        <ContractMoneyFields form={form} />
        <ContractMechanismFields form={form} />
        <ContractTrackFields form={form} projectTracks={props.projectTracks} rules={props.rules} />
        {props.extraFields?.(form)}
        <Group gap="sm">
          <Button type="submit" loading={isSaving}>
            {props.submitLabel}
          </Button>
          {props.cancel}
        </Group>
      </Stack>
    </form>
  );
}
