import { Alert, Badge, Stack } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/page-header.js";
import { SectionCard } from "../../components/section-card.js";
import { notifySuccess } from "../../lib/notify.js";
import { ME_QUERY_KEY, useCurrentMe } from "../../lib/use-me.js";
import { TwoFactorDisableForm } from "./two-factor-disable-form.js";
import { TwoFactorEnrolment } from "./two-factor-enrolment.js";

/** "Totrinsbekræftelse": turn it on (QR code, confirm, recovery codes) or off. */
export function TwoFactorPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const queryClient = useQueryClient();
  const refreshMe = () => queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
  const isOn = me.user.hasTwoFactor;

  return (
    <>
      <PageHeader
        title={t("twoFactor.title")}
        description={t("twoFactor.description")}
        badges={
          <Badge color={isOn ? "green" : "orange"} variant="light">
            {isOn ? t("common.on") : t("common.off")}
          </Badge>
        }
      />
      <Stack gap="lg" maw={760}>
        {isOn ? (
          <>
            <Alert color="green" variant="light" title={t("twoFactor.isOnTitle")}>
              {t("twoFactor.isOnText")}
            </Alert>
            <SectionCard title={t("twoFactor.disableTitle")}>
              <TwoFactorDisableForm
                onDisabled={async () => {
                  notifySuccess(t("twoFactor.disabledNotice"));
                  await refreshMe();
                }}
              />
            </SectionCard>
          </>
        ) : (
          <SectionCard title={t("twoFactor.enableTitle")}>
            <TwoFactorEnrolment
              onDone={() => {
                notifySuccess(t("twoFactor.enabledNotice"));
                void refreshMe();
              }}
            />
          </SectionCard>
        )}
      </Stack>
    </>
  );
}
