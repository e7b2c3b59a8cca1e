import { Badge, NativeSelect, Stack, Table, Text } from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { QueryState } from "../../components/query-state.js";
import { RouterAnchor, RouterButton } from "../../components/router-links.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useCan } from "../../lib/use-can.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { useCurrentMe } from "../../lib/use-me.js";
import { useBusinessCases } from "./business-case-queries.js";
import { useBusinessCaseFormat } from "./use-business-case-format.js";

const right = { textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" } as const;

/** "Businesscases": the business cases the user may see, with their headline numbers. */
export function BusinessCaseListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const me = useCurrentMe();
  const format = useFormatters();
  const bcFormat = useBusinessCaseFormat();
  const search = useSearch({ from: "/business-cases" });
  const navigate = useNavigate({ from: "/business-cases" });
  const businessCases = useBusinessCases({ projectId: search.projectId });
  const actions = (
    <>
      {can("businessCase.write") ? (
        <RouterButton to="/business-cases/new" search={{ projectId: search.projectId }}>
          {t("businessCases.create")}
        </RouterButton>
      ) : null}
      <RouterButton to="/business-cases/compare" variant="default" search={{}}>
        {t("businessCases.compare.title")}
      </RouterButton>
    </>
  );

  return (
    <>
      <PageHeader
        title={t("businessCases.title")}
        description={t("businessCases.description")}
        actions={actions}
      />
      <Stack gap="md">
        {me.projects.length > 0 ? (
          <NativeSelect
            label={t("businessCases.project")}
            value={search.projectId ?? ""}
            data={[
              { value: "", label: t("businessCases.allProjects") },
              ...me.projects.map((p) => ({ value: p.id, label: p.name })),
            ]}
            onChange={(event) => {
              const projectId = event.currentTarget.value || undefined;
              void navigate({ search: { projectId }, replace: true });
            }}
            style={{ maxWidth: 420 }}
          />
        ) : null}
        <QueryState query={businessCases}>
          {(page) =>
            page.items.length === 0 ? (
              <EmptyState
                title={search.projectId ? t("businessCases.emptyProject") : t("businessCases.empty")}
                description={
                  can("businessCase.write") ? t("businessCases.emptyHintWrite") : t("businessCases.emptyHint")
                }
              />
            ) : (
              <TableScroll label={t("businessCases.title")}>
                <Table miw={860} striped highlightOnHover withTableBorder bg="white">
                  <Table.Caption>{t("businessCases.count", { count: page.total })}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("fields.name")}</Table.Th>
                      <Table.Th scope="col">{t("businessCases.projectAndOwner")}</Table.Th>
                      <Table.Th scope="col" style={right}>
                        {t("businessCases.currentVersion")}
                      </Table.Th>
                      <Table.Th scope="col" style={right}>
                        {t("businessCases.accumulatedAtHorizon")}
                      </Table.Th>
                      <Table.Th scope="col" style={right}>
                        {t("businessCases.figures.payback")}
                      </Table.Th>
                      <Table.Th scope="col">{t("businessCases.updated")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {page.items.map((bc) => (
                      <Table.Tr key={bc.id}>
                        <Table.Td maw={380}>
                          <RouterAnchor
                            to="/business-cases/$businessCaseId"
                            params={{ businessCaseId: bc.id }}
                            search={{}}
                            fw={600}
                          >
                            {bc.name}
                          </RouterAnchor>
                          {bc.description ? (
                            <Text size="xs" c="dimmed" lineClamp={2}>
                              {bc.description}
                            </Text>
                          ) : null}
                          {bc.isSharedWithParties ? (
                            <Badge size="sm" variant="light" color="gray" mt={4}>
                              {t("businessCases.shared")}
                            </Badge>
                          ) : null}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{bc.projectName ?? t("businessCases.noProject")}</Text>
                          <Text size="xs" c="dimmed">
                            {bc.organisationName}
                          </Text>
                        </Table.Td>
                        <Table.Td style={right}>{bc.currentVersion}</Table.Td>
                        <Table.Td style={right}>
                          {bc.accumulatedAtHorizonOre === null
                            ? "–"
                            : bcFormat.kroner(bc.accumulatedAtHorizonOre)}
                        </Table.Td>
                        <Table.Td style={right}>
                          {bc.paybackYear === null
                            ? t("businessCases.notWithinHorizonShort")
                            : t("businessCases.yearsShort", { years: bcFormat.decimal(bc.paybackYear) })}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                            {format.dateTime(bc.updatedAt)}
                          </Text>
                          {bc.updatedByName ? (
                            <Text size="xs" c="dimmed">
                              {bc.updatedByName}
                            </Text>
                          ) : null}
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
