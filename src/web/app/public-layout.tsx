import { Box, Button, Container, Group } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ProductName } from "../components/product-name.js";
import { MAIN_CONTENT_ID, SkipLink } from "../components/skip-link.js";
import { LanguageToggle } from "../features/account/language-toggle.js";
import { useLogout } from "../features/auth/use-logout.js";

/**
 * The layout without navigation: the login page, and the two-factor enrolment an organisation can
 * require before anything else (then with a "Log ud" button).
 */
export function PublicLayout({
  children,
  isSignedIn = false,
}: {
  children: ReactNode;
  isSignedIn?: boolean;
}) {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <Box mih="100vh" bg="gray.0">
      <SkipLink />
      <Box component="header" bg="white" style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}>
        <Container size="lg" py="sm">
          <Group justify="space-between" wrap="nowrap">
            <ProductName />
            <Group gap="xs" wrap="nowrap">
              <LanguageToggle />
              {isSignedIn ? (
                <Button
                  variant="default"
                  size="sm"
                  loading={logout.isPending}
                  onClick={() => logout.mutate()}
                >
                  {t("userMenu.logout")}
                </Button>
              ) : null}
            </Group>
          </Group>
        </Container>
      </Box>
      <Container component="main" id={MAIN_CONTENT_ID} tabIndex={-1} size="sm" py={48}>
        {children}
      </Container>
    </Box>
  );
}
