import { Button, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { TwoFactorCodeInputSchema } from "../../../contracts/auth.js";
import { ErrorAlert } from "../../components/error-alert.js";
import { useFormSubmit } from "../../lib/use-form-submit.js";
import { zodFormValidator } from "../../lib/zod-form-validator.js";
import { useDisableTwoFactor } from "./two-factor-queries.js";

/** Turning two-factor off takes a current code (the server refuses if the organisation requires it). */
export function TwoFactorDisableForm({ onDisabled }: { onDisabled: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const disable = useDisableTwoFactor();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm({
    initialValues: { code: "" },
    validate: zodFormValidator<{ code: string }>(TwoFactorCodeInputSchema),
  });
  const submit = useFormSubmit(form, formRef);
  const onSubmit = ({ code }: { code: string }) =>
    submit.run(async () => {
      await disable.mutateAsync(code.trim());
      await onDisabled();
    });

  return (
    <form ref={formRef} noValidate onSubmit={form.onSubmit(onSubmit, submit.onInvalid)}>
      <Stack gap="sm" maw={360}>
        <Text>{t("twoFactor.disableIntro")}</Text>
        {submit.error ? <ErrorAlert error={submit.error} title={t("twoFactor.notDisabled")} /> : null}
        <TextInput
          label={t("login.totpCode")}
          description={t("login.totpCodeHint")}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          withAsterisk={false}
          {...form.getInputProps("code")}
        />
        <div>
          <Button type="submit" color="red" variant="outline" loading={form.submitting}>
            {t("twoFactor.disable")}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
