import { Anchor, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { TwoFactorCodeInputSchema } from "../../../contracts/auth.js";
import type { ApiError } from "../../lib/api-error.js";
import { focusFirstInvalidField } from "../../lib/api-form-errors.js";
import { useErrorText } from "../../lib/use-error-text.js";
import { zodFormValidator } from "../../lib/zod-form-validator.js";

export type SecondFactor = { kind: "totp"; code: string } | { kind: "recovery"; code: string };

interface SecondFactorFormProps {
  kind: "totp" | "recovery";
  isSubmitting: boolean;
  /** The server's answer to a wrong code, shown at the field (a new object for every attempt). */
  codeError: ApiError | null;
  onSubmit: (factor: SecondFactor) => void;
  onSwitchKind: () => void;
  onBack: () => void;
}

const RecoveryCodeSchema = z.object({ code: z.string().trim().min(8).max(64) });

/** Step 2 of logging in: the 6-digit code from the authenticator app, or a recovery code. */
export function SecondFactorForm(props: SecondFactorFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const isTotp = props.kind === "totp";
  const form = useForm({
    initialValues: { code: "" },
    validate: zodFormValidator<{ code: string }>(isTotp ? TwoFactorCodeInputSchema : RecoveryCodeSchema),
  });
  const errorText = useErrorText();
  const { setFieldError } = form;
  const codeErrorText = props.codeError ? errorText(props.codeError) : null;

  // biome-ignore lint/correctness/useExhaustiveDependencies: run once per wrong attempt (a new error object)
  useEffect(() => {
    if (codeErrorText) {
      setFieldError("code", codeErrorText);
      focusFirstInvalidField(formRef.current);
    }
  }, [props.codeError]);

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={form.onSubmit(
        (values) => props.onSubmit({ kind: props.kind, code: values.code.trim() }),
        () => focusFirstInvalidField(formRef.current),
      )}
    >
      <Stack gap="md">
        <Text>{isTotp ? t("login.totpIntro") : t("login.recoveryIntro")}</Text>
        {isTotp ? (
          <TextInput
            key="totp"
            label={t("login.totpCode")}
            description={t("login.totpCodeHint")}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            withAsterisk={false}
            autoFocus
            {...form.getInputProps("code")}
          />
        ) : (
          <TextInput
            key="recovery"
            label={t("login.recoveryCode")}
            autoComplete="off"
            spellCheck={false}
            required
            withAsterisk={false}
            autoFocus
            {...form.getInputProps("code")}
          />
        )}
        <Button type="submit" loading={props.isSubmitting} fullWidth>
          {t("login.confirm")}
        </Button>
        <Group justify="space-between">
          <Anchor component="button" type="button" onClick={props.onSwitchKind}>
            {isTotp ? t("login.useRecoveryCode") : t("login.useTotpCode")}
          </Anchor>
          <Anchor component="button" type="button" onClick={props.onBack}>
            {t("login.back")}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
