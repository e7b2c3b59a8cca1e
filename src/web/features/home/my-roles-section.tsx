import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Me } from "../../../contracts/auth.js";
import { EmptyState } from "../../components/empty-state.js";
import { SectionCard } from "../../components/section-card.js";
import { TableScroll } from "../../components/table-scroll.js";

/** The user's organisations and the role they hold in each. */
export function MyRolesSection({ memberships }: { memberships: Me["memberships"] }) {
  const { t } = useTranslation();
  return (
    <SectionCard title={t("home.rolesTitle")}>
      {memberships.length === 0 ? (
        <EmptyState title={t("home.noRoles")} description={t("home.noRolesHint")} />
      ) : (
        <TableScroll label={t("home.rolesTitle")}>
          <Table miw={480} aria-label={t("home.rolesTitle")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("fields.organisation")}</Table.Th>
                <Table.Th scope="col">{t("fields.organisationKind")}</Table.Th>
                <Table.Th scope="col">{t("fields.role")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {memberships.map((m) => (
                <Table.Tr key={`${m.organisationId}:${m.role}`}>
                  <Table.Td>{m.organisationName}</Table.Td>
                  <Table.Td>{t(`organisationKinds.${m.organisationKind}`)}</Table.Td>
                  <Table.Td>{t(`roles.${m.role}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </SectionCard>
  );
}
