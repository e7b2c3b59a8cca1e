import { Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { User } from "../../../../contracts/admin.js";
import { ConfirmDialog } from "../../../components/confirm-dialog.js";
import { DefinitionList } from "../../../components/definition-list.js";
import { ErrorAlert } from "../../../components/error-alert.js";
import { SectionCard } from "../../../components/section-card.js";
import { notifySuccess } from "../../../lib/notify.js";
import { useFormatters } from "../../../lib/use-formatters.js";
import { type UserAccountAction, useUserAccountAction } from "./user-queries.js";

const CONFIRMED: UserAccountAction[] = ["deactivate", "two-factor/reset"];

/**
 * The account's state and the admin's actions on it: unlock, reset two-factor, deactivate (never
 * delete: the audit log refers to the user) and reactivate. Destructive ones ask first.
 */
export function UserAccountSection({ user }: { user: User }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const action = useUserAccountAction(user.id);
  const [confirming, setConfirming] = useState<UserAccountAction | null>(null);

  const successText: Record<UserAccountAction, string> = {
    deactivate: t("users.deactivatedNotice", { name: user.displayName }),
    reactivate: t("users.reactivatedNotice", { name: user.displayName }),
    unlock: t("users.unlockedNotice", { name: user.displayName }),
    "two-factor/reset": t("users.twoFactorResetNotice", { name: user.displayName }),
  };

  const run = (which: UserAccountAction) =>
    action.mutate(which, {
      onSuccess: () => {
        notifySuccess(successText[which]);
        setConfirming(null);
      },
    });

  const start = (which: UserAccountAction) => {
    action.reset();
    if (CONFIRMED.includes(which)) setConfirming(which);
    else run(which);
  };

  return (
    <SectionCard title={t("users.accountTitle")}>
      <DefinitionList
        items={[
          { label: t("fields.status"), value: user.isActive ? t("common.active") : t("users.deactivated") },
          { label: t("users.lockedLabel"), value: user.isLocked ? t("users.lockedYes") : t("common.no") },
          { label: t("fields.twoFactor"), value: user.hasTwoFactor ? t("common.on") : t("common.off") },
          { label: t("users.createdAt"), value: format.dateTime(user.createdAt) },
        ]}
      />
      {action.error && confirming === null ? <ErrorAlert error={action.error} /> : null}
      <Group gap="sm">
        {user.isLocked ? (
          <Button
            variant="default"
            loading={action.isPending && action.variables === "unlock"}
            onClick={() => start("unlock")}
          >
            {t("users.unlock")}
          </Button>
        ) : null}
        {user.hasTwoFactor ? (
          <Button variant="default" onClick={() => start("two-factor/reset")}>
            {t("users.resetTwoFactor")}
          </Button>
        ) : null}
        {user.isActive ? (
          <Button color="red" variant="outline" onClick={() => start("deactivate")}>
            {t("users.deactivate")}
          </Button>
        ) : (
          <Button
            variant="default"
            loading={action.isPending && action.variables === "reactivate"}
            onClick={() => start("reactivate")}
          >
            {t("users.reactivate")}
          </Button>
        )}
      </Group>

      <ConfirmDialog
        opened={confirming === "deactivate"}
        onClose={() => setConfirming(null)}
        onConfirm={() => run("deactivate")}
        title={t("users.deactivateTitle", { name: user.displayName })}
        confirmLabel={t("users.deactivate")}
        isDestructive
        isLoading={action.isPending}
        error={action.error}
      >
        <Stack gap="xs">
          <Text>{t("users.deactivateText")}</Text>
          <Text size="sm" c="dimmed">
            {t("users.deactivateNote")}
          </Text>
        </Stack>
      </ConfirmDialog>
      <ConfirmDialog
        opened={confirming === "two-factor/reset"}
        onClose={() => setConfirming(null)}
        onConfirm={() => run("two-factor/reset")}
        title={t("users.resetTwoFactorTitle", { name: user.displayName })}
        confirmLabel={t("users.resetTwoFactor")}
        isDestructive
        isLoading={action.isPending}
        error={action.error}
      >
        <Text>{t("users.resetTwoFactorText")}</Text>
      </ConfirmDialog>
    </SectionCard>
  );
}
