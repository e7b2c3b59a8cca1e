import { AppShell, Burger, Container, Group } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useRouterState } from "@tanstack/react-router";
import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ProductName } from "../components/product-name.js";
import { RouterAnchor } from "../components/router-links.js";
import { MAIN_CONTENT_ID, SkipLink } from "../components/skip-link.js";
import { AppNavbar } from "./app-navbar.js";
import { UserMenu } from "./user-menu.js";

/**
 * The signed-in layout: header (product, user menu), navbar that fits the role, and the one <main>.
 * After each navigation, focus moves to <main> so that screen-reader users start at the new page.
 */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [navbarOpened, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const mainRef = useRef<HTMLElement>(null);
  const previousPathname = useRef(pathname);

  useEffect(() => {
    if (previousPathname.current === pathname) return;
    previousPathname.current = pathname;
    mainRef.current?.focus();
  }, [pathname]);

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 250, breakpoint: "sm", collapsed: { mobile: !navbarOpened } }}
      padding="lg"
    >
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navbarOpened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t(navbarOpened ? "nav.close" : "nav.open")}
              aria-expanded={navbarOpened}
              aria-controls="app-navbar"
            />
            <ProductName
              link={(mark) => (
                <RouterAnchor to="/" underline="never" title={t("app.homeLink")}>
                  {mark}
                </RouterAnchor>
              )}
            />
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar id="app-navbar" p="sm" aria-label={t("nav.label")}>
        <AppNavbar onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1} ref={mainRef} bg="gray.0">
        <Container size="xl" px={0}>
          {children}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
