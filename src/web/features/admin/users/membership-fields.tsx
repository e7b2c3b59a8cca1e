import { Button, Fieldset, Group, NativeSelect, Stack } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { randomId } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import type { Organisation } from "../../../../contracts/admin.js";
import type { Role } from "../../../../domain/access/index.js";
import { rolesFor } from "./role-options.js";

export interface MembershipFormValues {
  key: string;
  organisationId: string;
  role: Role | "";
}

export function newMembership(organisationId = "", organisations: Organisation[] = []): MembershipFormValues {
  const roles = rolesFor(organisations.find((o) => o.id === organisationId));
  return { key: randomId(), organisationId, role: roles.length === 1 ? (roles[0] ?? "") : "" };
}

/** Any form with a `memberships` list (the fields only touch that part of the values). */
export type FormWithMemberships = UseFormReturnType<{ memberships: MembershipFormValues[] }>;

/** Organisation + role rows; only the roles the chosen organisation's kind may grant are offered. */
export function MembershipFields({
  form,
  organisations,
}: {
  form: FormWithMemberships;
  organisations: Organisation[];
}) {
  const { t } = useTranslation();
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const organisationOptions = [
    { value: "", label: t("common.choose") },
    ...organisations.map((o) => ({ value: o.id, label: `${o.name} (${t(`organisationKinds.${o.kind}`)})` })),
  ];
  const memberships = form.values.memberships;

  return (
    <Fieldset legend={t("users.roles")} variant="unstyled">
      <Stack gap="sm">
        {memberships.map((membership, index) => {
          const roles = rolesFor(byId.get(membership.organisationId));
          const organisationInput = form.getInputProps(`memberships.${index}.organisationId`);
          return (
            <Fieldset key={membership.key} legend={t("users.roleLegend", { number: index + 1 })} bg="white">
              <Group align="flex-end" gap="md" wrap="wrap">
                <NativeSelect
                  label={t("fields.organisation")}
                  required
                  data={organisationOptions}
                  style={{ flex: "2 1 260px" }}
                  {...organisationInput}
                  onChange={(event) => {
                    const organisationId = event.currentTarget.value;
                    const allowed = rolesFor(byId.get(organisationId));
                    form.setFieldValue(`memberships.${index}.organisationId`, organisationId);
                    if (!allowed.includes(membership.role as Role)) {
                      form.setFieldValue(
                        `memberships.${index}.role`,
                        allowed.length === 1 ? (allowed[0] ?? "") : "",
                      );
                    }
                  }}
                />
                <NativeSelect
                  label={t("fields.role")}
                  required
                  disabled={roles.length === 0}
                  data={[
                    {
                      value: "",
                      label: roles.length === 0 ? t("users.chooseOrganisationFirst") : t("common.choose"),
                    },
                    ...roles.map((role) => ({ value: role, label: t(`roles.${role}`) })),
                  ]}
                  style={{ flex: "1 1 200px" }}
                  {...form.getInputProps(`memberships.${index}.role`)}
                />
                {memberships.length > 1 ? (
                  <Button
                    variant="subtle"
                    color="red"
                    aria-label={t("users.removeRoleNamed", { number: index + 1 })}
                    onClick={() => form.removeListItem("memberships", index)}
                  >
                    {t("tracks.remove")}
                  </Button>
                ) : null}
              </Group>
            </Fieldset>
          );
        })}
        {form.errors.memberships ? (
          <div role="alert" style={{ color: "var(--mantine-color-error)" }}>
            {form.errors.memberships}
          </div>
        ) : null}
        <div>
          <Button variant="default" onClick={() => form.insertListItem("memberships", newMembership())}>
            {t("users.addRole")}
          </Button>
        </div>
      </Stack>
    </Fieldset>
  );
}
