import { Alert, Badge, Stack } from "@mantine/core";
import { useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { OrganisationUpdateInput } from "../../../../contracts/admin.js";
import { Breadcrumbs } from "../../../components/breadcrumbs.js";
import { EmptyState } from "../../../components/empty-state.js";
import { PageHeader } from "../../../components/page-header.js";
import { QueryState } from "../../../components/query-state.js";
import { RouterAnchor, RouterButton } from "../../../components/router-links.js";
import { SectionCard } from "../../../components/section-card.js";
import { notifySuccess } from "../../../lib/notify.js";
import { useCan } from "../../../lib/use-can.js";
import { useVersionedSave } from "../../../lib/use-versioned-save.js";
import { useUsers } from "../users/user-queries.js";
import { UsersTable } from "../users/users-table.js";
import { OrganisationEditForm } from "./organisation-edit-form.js";
import { useOrganisation, useUpdateOrganisation } from "./organisation-queries.js";

/**
 * One organisation: edit its details, see its users. A save based on an old version (409
 * STALE_VERSION) shows the server's message and reloads the form with the current data.
 */
export function OrganisationDetailPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { organisationId } = useParams({ from: "/admin/organisations/$organisationId" });
  const organisation = useOrganisation(organisationId);
  const updateOrganisation = useUpdateOrganisation(organisationId);
  const users = useUsers({ organisationId }, { enabled: can("user.read") });
  const { staleMessage, run: runSave } = useVersionedSave();
  const title = organisation.data?.name ?? t("organisations.detailTitle");

  const save = async (input: OrganisationUpdateInput) => {
    if (
      !(await runSave(
        () => updateOrganisation.mutateAsync(input),
        () => organisation.refetch(),
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
            <RouterAnchor to="/admin/organisations" size="sm">
              {t("organisations.title")}
            </RouterAnchor>
          </Breadcrumbs>
        }
        badges={
          organisation.data ? (
            <Badge color="bundlinje" variant="light">
              {t(`organisationKinds.${organisation.data.kind}`)}
            </Badge>
          ) : null
        }
      />
      <QueryState query={organisation}>
        {(o) => (
          <Stack gap="lg">
            {staleMessage ? (
              <Alert color="orange" variant="light" role="alert" title={t("errors.staleTitle")}>
                {staleMessage} {t("errors.stale")}
              </Alert>
            ) : null}
            <SectionCard title={t("organisations.detailsTitle")}>
              <OrganisationEditForm key={o.version} organisation={o} onSubmit={save} />
            </SectionCard>
            {can("user.read") ? (
              <SectionCard
                title={t("organisations.usersTitle")}
                actions={
                  can("user.manage") ? (
                    <RouterButton
                      to="/admin/users/new"
                      search={{ organisationId: o.id }}
                      variant="default"
                      size="sm"
                    >
                      {t("users.create")}
                    </RouterButton>
                  ) : null
                }
              >
                <QueryState query={users}>
                  {(page) =>
                    page.items.length === 0 ? (
                      <EmptyState title={t("organisations.noUsers")} />
                    ) : (
                      <UsersTable users={page.items} caption={t("users.count", { count: page.total })} />
                    )
                  }
                </QueryState>
              </SectionCard>
            ) : null}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
