import { Button, Checkbox, Group, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import {
  type Organisation,
  type OrganisationUpdateInput,
  OrganisationUpdateInputSchema,
} from "../../../../contracts/admin.js";
import { ErrorAlert } from "../../../components/error-alert.js";
import { useFormSubmit } from "../../../lib/use-form-submit.js";
import { zodFormValidator } from "../../../lib/zod-form-validator.js";

interface Values {
  name: string;
  externalCode: string;
  requiresTwoFactor: boolean;
  isActive: boolean;
}

interface OrganisationEditFormProps {
  organisation: Organisation;
  /** Saves; throws the ApiError when the server refuses. */
  onSubmit: (input: OrganisationUpdateInput) => Promise<unknown>;
}

/** Name, external code, two-factor requirement and active state of one organisation. */
export function OrganisationEditForm({ organisation, onSubmit }: OrganisationEditFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const toInput = (values: Values): OrganisationUpdateInput => ({
    name: values.name,
    externalCode: values.externalCode.trim() || null,
    requiresTwoFactor: values.requiresTwoFactor,
    isActive: values.isActive,
    version: organisation.version,
  });
  const form = useForm<Values>({
    initialValues: {
      name: organisation.name,
      externalCode: organisation.externalCode ?? "",
      requiresTwoFactor: organisation.requiresTwoFactor,
      isActive: organisation.isActive,
    },
    validate: zodFormValidator<Values>(OrganisationUpdateInputSchema, toInput),
  });
  const submit = useFormSubmit(form, formRef);

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={form.onSubmit((values) => submit.run(() => onSubmit(toInput(values))), submit.onInvalid)}
    >
      <Stack gap="md">
        {submit.error ? <ErrorAlert error={submit.error} title={t("errors.notSaved")} /> : null}
        <TextInput label={t("fields.name")} required {...form.getInputProps("name")} />
        <TextInput
          label={t("organisations.externalCode")}
          description={t("organisations.externalCodeHint")}
          {...form.getInputProps("externalCode")}
        />
        <Checkbox
          label={t("organisations.requiresTwoFactorLabel")}
          description={t("organisations.requiresTwoFactorHint")}
          {...form.getInputProps("requiresTwoFactor", { type: "checkbox" })}
        />
        <Checkbox
          label={t("organisations.isActiveLabel")}
          description={t("organisations.isActiveHint")}
          {...form.getInputProps("isActive", { type: "checkbox" })}
        />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
