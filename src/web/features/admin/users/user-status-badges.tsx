import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { User } from "../../../../contracts/admin.js";

/** Aktiv / Deaktiveret, and Låst when the account is locked after failed logins. */
export function UserStatusBadges({ user }: { user: Pick<User, "isActive" | "isLocked"> }) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      {user.isActive ? (
        <Badge color="green" variant="light">
          {t("common.active")}
        </Badge>
      ) : (
        <Badge color="gray" variant="light">
          {t("users.deactivated")}
        </Badge>
      )}
      {user.isLocked ? (
        <Badge color="red" variant="light">
          {t("users.locked")}
        </Badge>
      ) : null}
    </Group>
  );
}
