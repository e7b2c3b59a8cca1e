import { Button, Group, Paper, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import {
  type Organisation,
  type UserCreateInput,
  UserCreateInputSchema,
} from "../../../../contracts/admin.js";
import { MIN_PASSWORD_LENGTH } from "../../../../contracts/auth.js";
import type { Role } from "../../../../domain/access/index.js";
import { Breadcrumbs } from "../../../components/breadcrumbs.js";
import { ErrorAlert } from "../../../components/error-alert.js";
import { PageHeader } from "../../../components/page-header.js";
import { PasswordInput } from "../../../components/password-input.js";
import { QueryState } from "../../../components/query-state.js";
import { RouterAnchor, RouterButton } from "../../../components/router-links.js";
import { notifySuccess } from "../../../lib/notify.js";
import { useFormSubmit } from "../../../lib/use-form-submit.js";
import { zodFormValidator } from "../../../lib/zod-form-validator.js";
import { useOrganisations } from "../organisations/organisation-queries.js";
import {
  type FormWithMemberships,
  MembershipFields,
  type MembershipFormValues,
  newMembership,
} from "./membership-fields.js";
import { useCreateUser } from "./user-queries.js";

interface Values {
  email: string;
  displayName: string;
  password: string;
  memberships: MembershipFormValues[];
}

/** The contract's schema, plus the minimum password length checked here before the server does. */
const Schema = UserCreateInputSchema.extend({
  password: z.string().min(MIN_PASSWORD_LENGTH).max(1024).optional(),
});

const toInput = (values: Values): UserCreateInput => ({
  email: values.email.trim(),
  displayName: values.displayName,
  password: values.password ? values.password : undefined,
  memberships: values.memberships.map((m) => ({ organisationId: m.organisationId, role: m.role as Role })),
});

function UserCreateForm({
  organisations,
  organisationId,
}: {
  organisations: Organisation[];
  organisationId: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const createUser = useCreateUser();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<Values>({
    initialValues: {
      email: "",
      displayName: "",
      password: "",
      memberships: [newMembership(organisationId, organisations)],
    },
    validate: zodFormValidator<Values>(Schema, toInput),
  });
  const submit = useFormSubmit(form, formRef);

  const onSubmit = (values: Values) =>
    submit.run(async () => {
      const user = await createUser.mutateAsync(toInput(values));
      notifySuccess(t("users.created", { name: user.displayName }));
      await navigate({ to: "/admin/users/$userId", params: { userId: user.id } });
    });

  return (
    <form ref={formRef} noValidate onSubmit={form.onSubmit(onSubmit, submit.onInvalid)}>
      <Stack gap="lg" maw={820}>
        {submit.error ? <ErrorAlert error={submit.error} title={t("errors.notSaved")} /> : null}
        <Paper withBorder radius="md" p="lg">
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput label={t("fields.displayName")} required {...form.getInputProps("displayName")} />
              <TextInput
                label={t("fields.email")}
                type="email"
                required
                autoComplete="off"
                {...form.getInputProps("email")}
              />
            </SimpleGrid>
            <PasswordInput
              label={t("users.initialPassword")}
              description={t("users.initialPasswordHint", { count: MIN_PASSWORD_LENGTH })}
              autoComplete="new-password"
              {...form.getInputProps("password")}
            />
          </Stack>
        </Paper>
        <MembershipFields form={form as unknown as FormWithMemberships} organisations={organisations} />
        <Group gap="sm">
          <Button type="submit" loading={form.submitting}>
            {t("users.create")}
          </Button>
          <RouterButton to="/admin/users" variant="default">
            {t("common.cancel")}
          </RouterButton>
        </Group>
      </Stack>
    </form>
  );
}

/** "Opret bruger": name, e-mail, an optional first password and at least one role. */
export function UserCreatePage() {
  const { t } = useTranslation();
  const { organisationId } = useSearch({ from: "/admin/users/new" });
  const organisations = useOrganisations();
  const title = t("users.createTitle");
  return (
    <>
      <PageHeader
        title={title}
        description={t("users.createDescription")}
        above={
          <Breadcrumbs current={title}>
            <RouterAnchor to="/admin/users" size="sm">
              {t("users.title")}
            </RouterAnchor>
          </Breadcrumbs>
        }
      />
      <QueryState query={organisations}>
        {(page) => (
          <UserCreateForm
            organisations={page.items.filter((o) => o.isActive)}
            organisationId={organisationId ?? ""}
          />
        )}
      </QueryState>
    </>
  );
}
