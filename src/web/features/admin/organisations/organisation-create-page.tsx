import { Button, Checkbox, Group, NativeSelect, Paper, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useNavigate } from "@tanstack/react-router";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { type OrganisationCreateInput, OrganisationCreateInputSchema } from "../../../../contracts/admin.js";
import { ORGANISATION_KINDS, type OrganisationKind } from "../../../../domain/access/index.js";
import { Breadcrumbs } from "../../../components/breadcrumbs.js";
import { ErrorAlert } from "../../../components/error-alert.js";
import { PageHeader } from "../../../components/page-header.js";
import { RouterAnchor, RouterButton } from "../../../components/router-links.js";
import { notifySuccess } from "../../../lib/notify.js";
import { useFormSubmit } from "../../../lib/use-form-submit.js";
import { zodFormValidator } from "../../../lib/zod-form-validator.js";
import { useCreateOrganisation } from "./organisation-queries.js";

interface Values {
  name: string;
  kind: OrganisationKind | "";
  externalCode: string;
  requiresTwoFactor: boolean;
}

const toInput = (values: Values): OrganisationCreateInput => ({
  name: values.name,
  kind: values.kind as OrganisationKind,
  externalCode: values.externalCode.trim() || null,
  requiresTwoFactor: values.requiresTwoFactor,
});

/** "Opret organisation". */
export function OrganisationCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const createOrganisation = useCreateOrganisation();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<Values>({
    initialValues: { name: "", kind: "", externalCode: "", requiresTwoFactor: false },
    validate: zodFormValidator<Values>(OrganisationCreateInputSchema, toInput),
  });
  const submit = useFormSubmit(form, formRef);
  const title = t("organisations.createTitle");

  const onSubmit = (values: Values) =>
    submit.run(async () => {
      const organisation = await createOrganisation.mutateAsync(toInput(values));
      notifySuccess(t("organisations.created", { name: organisation.name }));
      await navigate({
        to: "/admin/organisations/$organisationId",
        params: { organisationId: organisation.id },
      });
    });

  return (
    <>
      <PageHeader
        title={title}
        above={
          <Breadcrumbs current={title}>
            <RouterAnchor to="/admin/organisations" size="sm">
              {t("organisations.title")}
            </RouterAnchor>
          </Breadcrumbs>
        }
      />
      <form ref={formRef} noValidate onSubmit={form.onSubmit(onSubmit, submit.onInvalid)}>
        <Stack gap="lg" maw={640}>
          {submit.error ? <ErrorAlert error={submit.error} title={t("errors.notSaved")} /> : null}
          <Paper withBorder radius="md" p="lg">
            <Stack gap="md">
              <TextInput label={t("fields.name")} required {...form.getInputProps("name")} />
              <NativeSelect
                label={t("fields.organisationKind")}
                required
                data={[
                  { value: "", label: t("common.choose") },
                  ...ORGANISATION_KINDS.map((kind) => ({
                    value: kind,
                    label: t(`organisationKinds.${kind}`),
                  })),
                ]}
                {...form.getInputProps("kind")}
              />
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
            </Stack>
          </Paper>
          <Group gap="sm">
            <Button type="submit" loading={form.submitting}>
              {t("organisations.create")}
            </Button>
            <RouterButton to="/admin/organisations" variant="default">
              {t("common.cancel")}
            </RouterButton>
          </Group>
        </Stack>
      </form>
    </>
  );
}
