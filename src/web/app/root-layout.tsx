import { Stack, Title } from "@mantine/core";
import { Outlet } from "@tanstack/react-router";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../components/error-alert.js";
import { LoadingState } from "../components/loading-state.js";
import { EnrolmentRequiredPage } from "../features/account/enrolment-required-page.js";
import { LoginPage } from "../features/auth/login-page.js";
import { i18n } from "../i18n/i18n.js";
import { useMe } from "../lib/use-me.js";
import { AppLayout } from "./app-layout.js";
import { PublicLayout } from "./public-layout.js";

/**
 * Decides what the visitor may see: the login page when nobody is signed in (whatever the address,
 * so that they land where they wanted after logging in), only the two-factor enrolment when their
 * organisation requires it, and otherwise the app in the user's own language.
 */
export function RootLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const locale = me.data?.user.locale;

  useEffect(() => {
    if (locale && i18n.language !== locale) void i18n.changeLanguage(locale);
  }, [locale]);

  if (me.isPending) {
    return (
      <PublicLayout>
        <LoadingState />
      </PublicLayout>
    );
  }
  if (me.isError) {
    return (
      <PublicLayout>
        <Stack gap="md">
          <Title order={1}>{t("errors.pageTitle")}</Title>
          <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
        </Stack>
      </PublicLayout>
    );
  }
  if (!me.data) {
    return (
      <PublicLayout>
        <LoginPage />
      </PublicLayout>
    );
  }
  if (me.data.mustEnrolTwoFactor) {
    return (
      <PublicLayout isSignedIn>
        <EnrolmentRequiredPage />
      </PublicLayout>
    );
  }
  return (
    <AppLayout>
      <Outlet />
    </AppLayout>
  );
}
