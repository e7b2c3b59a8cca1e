import { Button, Container, Stack, Text, Title } from "@mantine/core";
import { Component, type ErrorInfo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../lib/api-error.js";
import { useErrorText } from "../lib/use-error-text.js";

function Fallback({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <Container component="main" size="sm" py={64}>
      <Stack gap="md">
        <Title order={1}>{t("errors.pageTitle")}</Title>
        <Text>{errorText(error)}</Text>
        {requestId ? (
          <Text size="sm">
            {t("errors.requestId")} <code>{requestId}</code>
          </Text>
        ) : null}
        <div>
          <Button onClick={() => window.location.assign("/")}>{t("errors.reload")}</Button>
        </div>
      </Stack>
    </Container>
  );
}

/** The last line of defence around the whole app (route errors are caught nearer, per page). */
export class AppErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error("Unhandled error in the web app", error, info.componentStack);
  }

  override render() {
    return this.state.error ? <Fallback error={this.state.error} /> : this.props.children;
  }
}
