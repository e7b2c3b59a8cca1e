import { Button, Group, NativeSelect, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Organisation, User } from "../../../../contracts/admin.js";
import type { Role } from "../../../../domain/access/index.js";
import { ConfirmDialog } from "../../../components/confirm-dialog.js";
import { ErrorAlert } from "../../../components/error-alert.js";
import { SectionCard } from "../../../components/section-card.js";
import { TableScroll } from "../../../components/table-scroll.js";
import { notifySuccess } from "../../../lib/notify.js";
import { useCan } from "../../../lib/use-can.js";
import { rolesFor } from "./role-options.js";
import { useAssignRole, useRevokeRole } from "./user-queries.js";

type Membership = User["memberships"][number];

/** The user's roles per organisation; assign a new one or remove one (with confirmation). */
export function UserRolesSection({ user, organisations }: { user: User; organisations: Organisation[] }) {
  const { t } = useTranslation();
  const can = useCan();
  const canAssign = can("role.assign");
  const assignRole = useAssignRole(user.id);
  const revokeRole = useRevokeRole(user.id);
  const [organisationId, setOrganisationId] = useState("");
  const [role, setRole] = useState<Role | "">("");
  const [toRemove, setToRemove] = useState<Membership | null>(null);
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const roles = rolesFor(byId.get(organisationId));
  const [formMessage, setFormMessage] = useState<string | null>(null);

  const assign = () => {
    if (!organisationId || !role) {
      setFormMessage(t("users.chooseOrganisationAndRole"));
      return;
    }
    setFormMessage(null);
    assignRole.mutate(
      { organisationId, role },
      {
        onSuccess: () => {
          notifySuccess(t("users.roleAssigned"));
          setOrganisationId("");
          setRole("");
        },
      },
    );
  };

  const remove = () => {
    if (!toRemove) return;
    revokeRole.mutate(toRemove.id, {
      onSuccess: () => {
        notifySuccess(t("users.roleRemoved"));
        setToRemove(null);
      },
    });
  };

  return (
    <SectionCard title={t("users.roles")}>
      {user.memberships.length === 0 ? (
        <Text c="dimmed">{t("users.noRoles")}</Text>
      ) : (
        <TableScroll label={t("users.roles")}>
          <Table miw={520} withTableBorder aria-label={t("users.roles")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("fields.organisation")}</Table.Th>
                <Table.Th scope="col">{t("fields.role")}</Table.Th>
                {canAssign ? (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {user.memberships.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{m.organisationName}</Table.Td>
                  <Table.Td>{t(`roles.${m.role}`)}</Table.Td>
                  {canAssign ? (
                    <Table.Td style={{ textAlign: "right" }}>
                      <Button
                        variant="subtle"
                        color="red"
                        size="xs"
                        aria-label={t("users.removeRoleFrom", {
                          role: t(`roles.${m.role}`),
                          organisation: m.organisationName,
                        })}
                        onClick={() => setToRemove(m)}
                      >
                        {t("tracks.remove")}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}

      {canAssign ? (
        <Stack gap="sm">
          <Group align="flex-end" gap="md" wrap="wrap">
            <NativeSelect
              label={t("users.newRoleOrganisation")}
              value={organisationId}
              data={[
                { value: "", label: t("common.choose") },
                ...organisations
                  .filter((o) => o.isActive)
                  .map((o) => ({ value: o.id, label: `${o.name} (${t(`organisationKinds.${o.kind}`)})` })),
              ]}
              onChange={(event) => {
                const next = event.currentTarget.value;
                const allowed = rolesFor(byId.get(next));
                setOrganisationId(next);
                setRole(allowed.length === 1 ? (allowed[0] ?? "") : "");
              }}
              style={{ flex: "2 1 260px" }}
            />
            <NativeSelect
              label={t("users.newRole")}
              value={role}
              disabled={roles.length === 0}
              data={[
                {
                  value: "",
                  label: roles.length === 0 ? t("users.chooseOrganisationFirst") : t("common.choose"),
                },
                ...roles.map((r) => ({ value: r, label: t(`roles.${r}`) })),
              ]}
              onChange={(event) => setRole(event.currentTarget.value as Role | "")}
              style={{ flex: "1 1 200px" }}
            />
            <Button onClick={assign} loading={assignRole.isPending}>
              {t("users.assignRole")}
            </Button>
          </Group>
          {formMessage ? (
            <Text role="alert" c="red.9" size="sm">
              {formMessage}
            </Text>
          ) : null}
          {assignRole.error ? <ErrorAlert error={assignRole.error} title={t("errors.notSaved")} /> : null}
        </Stack>
      ) : null}

      <ConfirmDialog
        opened={toRemove !== null}
        onClose={() => {
          setToRemove(null);
          revokeRole.reset();
        }}
        onConfirm={remove}
        title={t("users.removeRoleTitle")}
        confirmLabel={t("users.removeRoleConfirm")}
        isDestructive
        isLoading={revokeRole.isPending}
        error={revokeRole.error}
      >
        <Text>
          {toRemove
            ? t("users.removeRoleText", {
                name: user.displayName,
                role: t(`roles.${toRemove.role}`),
                organisation: toRemove.organisationName,
              })
            : null}
        </Text>
      </ConfirmDialog>
    </SectionCard>
  );
}
