import { Button, Menu, Text } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "../features/account/use-change-language.js";
import { useLogout } from "../features/auth/use-logout.js";
import { currentLanguage, LANGUAGES } from "../i18n/i18n.js";
import { useCurrentMe } from "../lib/use-me.js";

function ChevronDown() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M6 9l6 6 6-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

/** The signed-in user's menu: name, language, two-factor, password, log out. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const changeLanguage = useChangeLanguage();
  const logout = useLogout();
  const language = currentLanguage();

  return (
    <Menu position="bottom-end" width={260} shadow="md" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          rightSection={<ChevronDown />}
          // A long name ends in "…" on a phone rather than running under the chevron.
          maw={{ base: 170, sm: 320 }}
          styles={{ label: { overflow: "hidden" } }}
          aria-label={t("userMenu.label", { name: me.user.displayName })}
        >
          <span style={{ minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}>
            {me.user.displayName}
          </span>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="xs" c="dimmed" component="span">
            {me.user.email}
          </Text>
        </Menu.Label>
        <Menu.Item onClick={() => void navigate({ to: "/account/two-factor" })}>
          {t("userMenu.twoFactor")}
        </Menu.Item>
        <Menu.Item onClick={() => void navigate({ to: "/account/password" })}>
          {t("userMenu.changePassword")}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Label>{t("language.label")}</Menu.Label>
        {LANGUAGES.map((lng) => (
          <Menu.Item
            key={lng}
            lang={lng}
            aria-current={language === lng ? "true" : undefined}
            leftSection={<span aria-hidden="true">{language === lng ? "✓" : ""}</span>}
            onClick={() => changeLanguage.mutate(lng)}
          >
            {t(lng === "da" ? "language.da" : "language.en")}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item onClick={() => logout.mutate()}>{t("userMenu.logout")}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
