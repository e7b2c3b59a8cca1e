import { Group, NativeSelect, Stack } from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../../components/empty-state.js";
import { PageHeader } from "../../../components/page-header.js";
import { QueryState } from "../../../components/query-state.js";
import { RouterButton } from "../../../components/router-links.js";
import { SearchInput } from "../../../components/search-input.js";
import { useOrganisations } from "../organisations/organisation-queries.js";
import { useUsers } from "./user-queries.js";
import { UsersTable } from "./users-table.js";

/** "Brugere": search by name or e-mail, filter by organisation. */
export function UserListPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: "/admin/users" });
  const navigate = useNavigate({ from: "/admin/users" });
  const users = useUsers({ q: search.q, organisationId: search.organisationId });
  const organisations = useOrganisations();
  const isFiltered = Boolean(search.q || search.organisationId);

  return (
    <>
      <PageHeader
        title={t("users.title")}
        description={t("users.description")}
        actions={
          <RouterButton to="/admin/users/new" search={{ organisationId: search.organisationId }}>
            {t("users.create")}
          </RouterButton>
        }
      />
      <Stack gap="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          <SearchInput
            label={t("users.search")}
            value={search.q ?? ""}
            onSearch={(q) =>
              void navigate({ search: (prev) => ({ ...prev, q: q || undefined }), replace: true })
            }
          />
          <NativeSelect
            label={t("fields.organisation")}
            value={search.organisationId ?? ""}
            data={[
              { value: "", label: t("users.allOrganisations") },
              ...(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })),
            ]}
            onChange={(event) => {
              const organisationId = event.currentTarget.value || undefined;
              void navigate({ search: (prev) => ({ ...prev, organisationId }), replace: true });
            }}
            style={{ flex: "0 1 320px" }}
          />
        </Group>
        <QueryState query={users}>
          {(page) =>
            page.items.length === 0 ? (
              <EmptyState
                title={isFiltered ? t("users.noMatches") : t("users.empty")}
                description={isFiltered ? t("common.tryOtherSearch") : undefined}
              />
            ) : (
              <UsersTable users={page.items} caption={t("users.count", { count: page.total })} />
            )
          }
        </QueryState>
      </Stack>
    </>
  );
}
