import { Badge, Group, Stack, Table } from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../../components/empty-state.js";
import { PageHeader } from "../../../components/page-header.js";
import { QueryState } from "../../../components/query-state.js";
import { RouterAnchor, RouterButton } from "../../../components/router-links.js";
import { SearchInput } from "../../../components/search-input.js";
import { TableScroll } from "../../../components/table-scroll.js";
import { useOrganisations } from "./organisation-queries.js";

/** "Organisationer": municipalities, providers, investors, evaluators and the platform. */
export function OrganisationListPage() {
  const { t } = useTranslation();
  const { q = "" } = useSearch({ from: "/admin/organisations" });
  const navigate = useNavigate({ from: "/admin/organisations" });
  const organisations = useOrganisations(q);

  return (
    <>
      <PageHeader
        title={t("organisations.title")}
        description={t("organisations.description")}
        actions={<RouterButton to="/admin/organisations/new">{t("organisations.create")}</RouterButton>}
      />
      <Stack gap="md">
        <Group>
          <SearchInput
            label={t("organisations.search")}
            value={q}
            onSearch={(text) => void navigate({ search: { q: text || undefined }, replace: true })}
          />
        </Group>
        <QueryState query={organisations}>
          {(page) =>
            page.items.length === 0 ? (
              <EmptyState
                title={q ? t("organisations.noMatches", { q }) : t("organisations.empty")}
                description={q ? t("common.tryOtherSearch") : undefined}
              />
            ) : (
              <TableScroll label={t("organisations.title")}>
                <Table miw={720} striped highlightOnHover withTableBorder bg="white">
                  <Table.Caption>{t("organisations.count", { count: page.total })}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("fields.name")}</Table.Th>
                      <Table.Th scope="col">{t("fields.organisationKind")}</Table.Th>
                      <Table.Th scope="col">{t("organisations.externalCode")}</Table.Th>
                      <Table.Th scope="col">{t("organisations.requiresTwoFactor")}</Table.Th>
                      <Table.Th scope="col">{t("fields.status")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {page.items.map((o) => (
                      <Table.Tr key={o.id}>
                        <Table.Td>
                          <RouterAnchor
                            to="/admin/organisations/$organisationId"
                            params={{ organisationId: o.id }}
                            fw={600}
                          >
                            {o.name}
                          </RouterAnchor>
                        </Table.Td>
                        <Table.Td>{t(`organisationKinds.${o.kind}`)}</Table.Td>
                        <Table.Td className="mono">{o.externalCode ?? "–"}</Table.Td>
                        <Table.Td>{o.requiresTwoFactor ? t("common.yes") : t("common.no")}</Table.Td>
                        <Table.Td>
                          {o.isActive ? (
                            <Badge color="green" variant="light">
                              {t("common.active")}
                            </Badge>
                          ) : (
                            <Badge color="gray" variant="light">
                              {t("common.inactive")}
                            </Badge>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            )
          }
        </QueryState>
      </Stack>
    </>
  );
}
