import { Button, Group, Stack } from "@mantine/core";
import { type ErrorComponentProps, useRouter } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../components/error-alert.js";
import { PageHeader } from "../components/page-header.js";
import { RouterButton } from "../components/router-links.js";

/**
 * The error boundary of every route: a readable message (the API's own, when it sent one), the
 * request id for support, and a way on.
 */
export function RouteErrorPage({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const router = useRouter();
  const retry = () => {
    reset();
    void router.invalidate();
  };
  return (
    <Stack gap="md">
      <PageHeader title={t("errors.pageTitle")} description={t("errors.pageDescription")} />
      <ErrorAlert error={error} withRequestId />
      <Group gap="sm">
        <Button onClick={retry}>{t("common.retry")}</Button>
        <RouterButton to="/" variant="default">
          {t("notFound.home")}
        </RouterButton>
      </Group>
    </Stack>
  );
}
