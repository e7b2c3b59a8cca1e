import { Alert, Stack } from "@mantine/core";
import { useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { UserUpdateInput } from "../../../../contracts/admin.js";
import { Breadcrumbs } from "../../../components/breadcrumbs.js";
import { PageHeader } from "../../../components/page-header.js";
import { QueryState } from "../../../components/query-state.js";
import { RouterAnchor } from "../../../components/router-links.js";
import { SectionCard } from "../../../components/section-card.js";
import { notifySuccess } from "../../../lib/notify.js";
import { useVersionedSave } from "../../../lib/use-versioned-save.js";
import { useOrganisations } from "../organisations/organisation-queries.js";
import { UserAccountSection } from "./user-account-section.js";
import { UserEditForm } from "./user-edit-form.js";
import { useUpdateUser, useUser } from "./user-queries.js";
import { UserRolesSection } from "./user-roles-section.js";
import { UserStatusBadges } from "./user-status-badges.js";

/** One user: details, roles, and the account actions (unlock, reset two-factor, deactivate). */
export function UserDetailPage() {
  const { t } = useTranslation();
  const { userId } = useParams({ from: "/admin/users/$userId" });
  const user = useUser(userId);
  const organisations = useOrganisations();
  const updateUser = useUpdateUser(userId);
  const { staleMessage, run: runSave } = useVersionedSave();
  const title = user.data?.displayName ?? t("users.detailTitle");

  const save = async (input: UserUpdateInput) => {
    if (
      !(await runSave(
        () => updateUser.mutateAsync(input),
        () => user.refetch(),
      ))
    )
      return;
    notifySuccess(t("common.saved"));
  };

  return (
    <>
      <PageHeader
        title={title}
        above={
          <Breadcrumbs current={title}>
            <RouterAnchor to="/admin/users" size="sm">
              {t("users.title")}
            </RouterAnchor>
          </Breadcrumbs>
        }
        badges={user.data ? <UserStatusBadges user={user.data} /> : null}
      />
      <QueryState query={user}>
        {(u) => (
          <Stack gap="lg">
            {staleMessage ? (
              <Alert color="orange" variant="light" role="alert" title={t("errors.staleTitle")}>
                {staleMessage} {t("errors.stale")}
              </Alert>
            ) : null}
            <SectionCard title={t("users.detailsTitle")}>
              <UserEditForm key={u.version} user={u} onSubmit={save} />
            </SectionCard>
            <UserRolesSection user={u} organisations={organisations.data?.items ?? []} />
            <UserAccountSection user={u} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}
