import { Badge, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Me } from "../../../contracts/auth.js";
import { RouterAnchor } from "../../components/router-links.js";
import { SectionCard } from "../../components/section-card.js";
import { useFormatters } from "../../lib/use-formatters.js";

/** The user's own account: e-mail, two-factor status, when the session ends at the latest. */
export function MyAccountSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <SectionCard title={t("home.accountTitle")}>
      <Stack gap="sm">
        <Text>
          {t("fields.email")}: {me.user.email}
        </Text>
        <Group gap="sm">
          <Text>{t("fields.twoFactor")}:</Text>
          {me.user.hasTwoFactor ? (
            <Badge color="green" variant="light">
              {t("common.on")}
            </Badge>
          ) : (
            <Badge color="orange" variant="light">
              {t("common.off")}
            </Badge>
          )}
          <RouterAnchor to="/account/two-factor" size="sm">
            {me.user.hasTwoFactor ? t("home.manageTwoFactor") : t("home.setUpTwoFactor")}
          </RouterAnchor>
        </Group>
        <Text size="sm" c="dimmed">
          {t("home.sessionEnds", { time: format.dateTime(me.session.absoluteExpiresAt) })}
        </Text>
      </Stack>
    </SectionCard>
  );
}
