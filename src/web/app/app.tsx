import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "./global.css";
import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { I18nextProvider } from "react-i18next";
import { i18n } from "../i18n/i18n.js";
import { AppErrorBoundary } from "./app-error-boundary.js";
import { queryClient } from "./query-client.js";
import { router } from "./router.js";
import { cssVariablesResolver, theme } from "./theme.js";

/** Providers (theme, i18n, server state) around the router. */
export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      <I18nextProvider i18n={i18n}>
        <AppErrorBoundary>
          <QueryClientProvider client={queryClient}>
            <Notifications position="top-right" limit={3} />
            <RouterProvider router={router} />
          </QueryClientProvider>
        </AppErrorBoundary>
      </I18nextProvider>
    </MantineProvider>
  );
}
