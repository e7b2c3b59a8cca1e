import { Alert, Button, Paper, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "../../../contracts/auth.js";
import { ErrorAlert } from "../../components/error-alert.js";
import { PageHeader } from "../../components/page-header.js";
import { PasswordInput } from "../../components/password-input.js";
import { i18n } from "../../i18n/i18n.js";
import { api } from "../../lib/api-client.js";
import { useFormSubmit } from "../../lib/use-form-submit.js";
import { ME_QUERY_KEY } from "../../lib/use-me.js";
import { zodFormValidator } from "../../lib/zod-form-validator.js";

interface Values {
  currentPassword: string;
  newPassword: string;
  repeatPassword: string;
}

/** The contract's rule (ChangePasswordInput) plus length and "the same twice", checked at the field. */
const Schema = z
  .object({
    currentPassword: z.string().min(1).max(1024),
    newPassword: z.string().min(MIN_PASSWORD_LENGTH).max(1024),
    repeatPassword: z.string().min(1),
  })
  .refine((v) => v.newPassword === v.repeatPassword, {
    path: ["repeatPassword"],
    error: () => i18n.t("password.mismatch"),
  });

/** "Skift adgangskode": the current one, and a new one (at least 12 characters, not a common one). */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [isChanged, setIsChanged] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<Values>({
    initialValues: { currentPassword: "", newPassword: "", repeatPassword: "" },
    validate: zodFormValidator<Values>(Schema),
  });
  const submit = useFormSubmit(form, formRef);

  const onSubmit = (values: Values) =>
    submit.run(async () => {
      setIsChanged(false);
      await api.post("/me/password", {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      form.reset();
      setIsChanged(true);
      await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    });

  return (
    <>
      <PageHeader
        title={t("password.title")}
        description={t("password.description", { count: MIN_PASSWORD_LENGTH })}
      />
      <Stack gap="lg" maw={520}>
        {isChanged ? (
          <Alert color="green" variant="light" role="status" title={t("password.changedTitle")}>
            {t("password.changedText")}
          </Alert>
        ) : null}
        {submit.error ? <ErrorAlert error={submit.error} title={t("password.notChanged")} /> : null}
        <Paper withBorder radius="md" p="lg">
          <form ref={formRef} noValidate onSubmit={form.onSubmit(onSubmit, submit.onInvalid)}>
            <Stack gap="md">
              <PasswordInput
                label={t("password.current")}
                autoComplete="current-password"
                required
                {...form.getInputProps("currentPassword")}
              />
              <PasswordInput
                label={t("password.new")}
                description={t("password.newHint", { count: MIN_PASSWORD_LENGTH })}
                autoComplete="new-password"
                required
                {...form.getInputProps("newPassword")}
              />
              <PasswordInput
                label={t("password.repeat")}
                autoComplete="new-password"
                required
                {...form.getInputProps("repeatPassword")}
              />
              <div>
                <Button type="submit" loading={form.submitting}>
                  {t("password.submit")}
                </Button>
              </div>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </>
  );
}
