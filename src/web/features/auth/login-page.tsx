import { Alert, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/error-alert.js";
import { type ApiError, isApiError } from "../../lib/api-error.js";
import { useSessionNotice } from "../../lib/session-notice.js";
import { useDocumentTitle } from "../../lib/use-document-title.js";
import { type Credentials, CredentialsForm } from "./credentials-form.js";
import { type SecondFactor, SecondFactorForm } from "./second-factor-form.js";
import { useLogin } from "./use-login.js";

type Step = "credentials" | "totp" | "recovery";

/**
 * Log in: e-mail and password; when the account has two-factor (401 TWO_FACTOR_REQUIRED) a second
 * step asks for the app's code or a recovery code and sends everything again.
 */
export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const notice = useSessionNotice();
  const [step, setStep] = useState<Step>("credentials");
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [codeError, setCodeError] = useState<ApiError | null>(null);

  const title = step === "credentials" ? t("login.title") : t("login.twoFactorTitle");
  useDocumentTitle(title);

  const submitCredentials = (values: Credentials) => {
    setError(null);
    login.mutate(values, {
      onError: (e) => {
        if (isApiError(e, "TWO_FACTOR_REQUIRED")) {
          setCredentials(values);
          setCodeError(null);
          setStep("totp");
        } else {
          setError(e);
        }
      },
    });
  };

  const submitSecondFactor = (factor: SecondFactor) => {
    if (!credentials) return;
    setError(null);
    const input =
      factor.kind === "totp"
        ? { ...credentials, totpCode: factor.code }
        : { ...credentials, recoveryCode: factor.code };
    login.mutate(input, {
      onError: (e) => {
        if (isApiError(e, "INVALID_TWO_FACTOR_CODE", "VALIDATION_FAILED")) setCodeError(e);
        else setError(e);
      },
    });
  };

  const backToCredentials = () => {
    setStep("credentials");
    setError(null);
    setCodeError(null);
  };

  return (
    <Stack gap="lg" maw={440} mx="auto">
      <Title order={1}>{title}</Title>
      {notice === "expired" && step === "credentials" ? (
        <Alert color="bundlinje" variant="light" role="status">
          {t("login.sessionExpired")}
        </Alert>
      ) : null}
      {notice === "signed-out" && step === "credentials" ? (
        <Alert color="bundlinje" variant="light" role="status">
          {t("login.signedOut")}
        </Alert>
      ) : null}
      {error ? <ErrorAlert error={error} title={t("login.failed")} /> : null}
      <Paper withBorder radius="md" p="xl" bg="white">
        {step === "credentials" ? (
          <CredentialsForm
            initialEmail={credentials?.email ?? ""}
            isSubmitting={login.isPending}
            onSubmit={submitCredentials}
          />
        ) : (
          <SecondFactorForm
            key={step}
            kind={step}
            isSubmitting={login.isPending}
            codeError={codeError}
            onSubmit={submitSecondFactor}
            onSwitchKind={() => {
              setCodeError(null);
              setStep(step === "totp" ? "recovery" : "totp");
            }}
            onBack={backToCredentials}
          />
        )}
      </Paper>
      <Text size="sm" c="dimmed">
        {t("login.help")}
      </Text>
    </Stack>
  );
}
