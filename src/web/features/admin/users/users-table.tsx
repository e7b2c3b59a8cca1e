import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { User } from "../../../../contracts/admin.js";
import { RouterAnchor } from "../../../components/router-links.js";
import { TableScroll } from "../../../components/table-scroll.js";
import { UserStatusBadges } from "./user-status-badges.js";

/** Users with their roles, status and two-factor state; each name opens the user. */
export function UsersTable({ users, caption }: { users: User[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <TableScroll label={caption}>
      <Table miw={820} striped highlightOnHover withTableBorder bg="white">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("fields.name")}</Table.Th>
            <Table.Th scope="col">{t("fields.email")}</Table.Th>
            <Table.Th scope="col">{t("users.roles")}</Table.Th>
            <Table.Th scope="col">{t("fields.twoFactor")}</Table.Th>
            <Table.Th scope="col">{t("fields.status")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <RouterAnchor to="/admin/users/$userId" params={{ userId: user.id }} fw={600}>
                  {user.displayName}
                </RouterAnchor>
              </Table.Td>
              <Table.Td>{user.email}</Table.Td>
              <Table.Td>
                {user.memberships.length === 0 ? (
                  <Text c="dimmed" size="sm">
                    {t("users.noRoles")}
                  </Text>
                ) : (
                  user.memberships.map((m) => (
                    <Text key={m.id} size="sm">
                      {t(`roles.${m.role}`)} · {m.organisationName}
                    </Text>
                  ))
                )}
              </Table.Td>
              <Table.Td>{user.hasTwoFactor ? t("common.on") : t("common.off")}</Table.Td>
              <Table.Td>
                <UserStatusBadges user={user} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
