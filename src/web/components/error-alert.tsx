import { Alert, Button, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { isApiError } from "../lib/api-error.js";
import { useErrorText } from "../lib/use-error-text.js";

interface ErrorAlertProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  /** Show the request id support needs; by default only for server faults (5xx), not for refusals. */
  withRequestId?: boolean;
}

/** An error in words the user can act on, with the request id support needs when the API gave one. */
export function ErrorAlert({ error, title, onRetry, withRequestId }: ErrorAlertProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const showRequestId = withRequestId ?? (isApiError(error) && error.status >= 500);
  const requestId = isApiError(error) && showRequestId ? error.requestId : undefined;
  return (
    <Alert color="red" variant="light" title={title ?? t("errors.title")} role="alert">
      <Stack gap="xs">
        <Text size="sm">{errorText(error)}</Text>
        {requestId ? (
          <Text size="sm">
            {t("errors.requestId")} <code>{requestId}</code>
          </Text>
        ) : null}
        {onRetry ? (
          <div>
            <Button variant="default" size="xs" onClick={onRetry}>
              {t("common.retry")}
            </Button>
          </div>
        ) : null}
      </Stack>
    </Alert>
  );
}
