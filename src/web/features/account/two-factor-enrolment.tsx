import { Button, Code, CopyButton, Group, Image, List, Paper, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { TwoFactorCodeInputSchema } from "../../../contracts/auth.js";
import { ErrorAlert } from "../../components/error-alert.js";
import { isApiError } from "../../lib/api-error.js";
import { focusFirstInvalidField } from "../../lib/api-form-errors.js";
import { useErrorText } from "../../lib/use-error-text.js";
import { useFormSubmit } from "../../lib/use-form-submit.js";
import { zodFormValidator } from "../../lib/zod-form-validator.js";
import { RecoveryCodes } from "./recovery-codes.js";
import { useEnableTwoFactor, useStartTwoFactorSetup } from "./two-factor-queries.js";

/** "ABCD EFGH …": easier to type from the screen. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, "$1 ").trim();

/**
 * Turning two-factor on: start (a new secret), scan the QR code or type the key, confirm with a code
 * from the app, then see the recovery codes once. `onDone` runs after the user has seen them.
 */
export function TwoFactorEnrolment({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const setup = useStartTwoFactorSetup();
  const enable = useEnableTwoFactor();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm({
    initialValues: { code: "" },
    validate: zodFormValidator<{ code: string }>(TwoFactorCodeInputSchema),
  });
  const submit = useFormSubmit(form, formRef);
  const errorText = useErrorText();

  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onDone={onDone} />;

  if (!setup.data) {
    return (
      <Stack gap="md" align="flex-start">
        <Text>{t("twoFactor.intro")}</Text>
        {setup.error ? <ErrorAlert error={setup.error} /> : null}
        <Button onClick={() => setup.mutate()} loading={setup.isPending}>
          {t("twoFactor.start")}
        </Button>
      </Stack>
    );
  }

  const confirm = ({ code }: { code: string }) =>
    submit.run(async () => {
      try {
        const result = await enable.mutateAsync(code.trim());
        setRecoveryCodes(result.recoveryCodes);
      } catch (error) {
        if (!isApiError(error, "INVALID_TWO_FACTOR_CODE")) throw error;
        form.setFieldError("code", errorText(error));
        focusFirstInvalidField(formRef.current);
      }
    });

  return (
    <Stack gap="lg">
      <List type="ordered" spacing="md">
        <List.Item>{t("twoFactor.step1")}</List.Item>
        <List.Item>
          <Stack gap="sm">
            <Text>{t("twoFactor.step2")}</Text>
            <Paper withBorder p="sm" radius="md" bg="white" w="fit-content">
              <Image src={setup.data.qrCodeDataUrl} alt={t("twoFactor.qrAlt")} w={200} h={200} />
            </Paper>
            <Text size="sm">{t("twoFactor.manualKey")}</Text>
            <Group gap="sm">
              <Code fz="md" className="mono">
                {grouped(setup.data.secret)}
              </Code>
              <CopyButton value={setup.data.secret}>
                {({ copied, copy }) => (
                  <Button variant="subtle" size="xs" onClick={copy}>
                    {copied ? t("twoFactor.copied") : t("twoFactor.copyKey")}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        </List.Item>
        <List.Item>
          <form ref={formRef} noValidate onSubmit={form.onSubmit(confirm, submit.onInvalid)}>
            <Stack gap="sm" maw={360}>
              <Text>{t("twoFactor.step3")}</Text>
              {submit.error ? <ErrorAlert error={submit.error} title={t("twoFactor.notEnabled")} /> : null}
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
                <Button type="submit" loading={form.submitting}>
                  {t("twoFactor.enable")}
                </Button>
              </div>
            </Stack>
          </form>
        </List.Item>
      </List>
    </Stack>
  );
}
