import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { QueryState } from "../../components/query-state.js";
import { RouterAnchor, RouterButton } from "../../components/router-links.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useCan } from "../../lib/use-can.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { useProjects } from "./project-queries.js";
import { ProjectStatusBadge } from "./project-status-badge.js";

/** "Projekter": the programmes the user's organisations take part in. */
export function ProjectListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormatters();
  const projects = useProjects();
  const createButton = can("project.manage") ? (
    <RouterButton to="/projects/new">{t("projects.create")}</RouterButton>
  ) : null;

  return (
    <>
      <PageHeader
        title={t("projects.title")}
        description={t("projects.description")}
        actions={createButton}
      />
      <QueryState query={projects}>
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState title={t("projects.empty")} description={t("projects.emptyHint")} />
          ) : (
            <TableScroll label={t("projects.title")}>
              <Table miw={720} striped highlightOnHover withTableBorder bg="white">
                <Table.Caption>{t("projects.count", { count: page.total })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("fields.name")}</Table.Th>
                    <Table.Th scope="col">{t("projects.owner")}</Table.Th>
                    <Table.Th scope="col">{t("projects.period")}</Table.Th>
                    <Table.Th scope="col">{t("fields.status")}</Table.Th>
                    <Table.Th scope="col" style={{ textAlign: "right" }}>
                      {t("projects.trackCount")}
                    </Table.Th>
                    <Table.Th scope="col" style={{ textAlign: "right" }}>
                      {t("projects.partyCount")}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.items.map((project) => (
                    <Table.Tr key={project.id}>
                      <Table.Td>
                        <RouterAnchor to="/projects/$projectId" params={{ projectId: project.id }} fw={600}>
                          {project.name}
                        </RouterAnchor>
                      </Table.Td>
                      <Table.Td>{project.organisationName}</Table.Td>
                      <Table.Td>
                        <Text span size="sm" style={{ whiteSpace: "nowrap" }}>
                          {format.date(project.startsOn)} – {format.date(project.endsOn)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <ProjectStatusBadge status={project.status} />
                      </Table.Td>
                      <Table.Td style={{ textAlign: "right" }}>
                        {format.number(project.tracks.length)}
                      </Table.Td>
                      <Table.Td style={{ textAlign: "right" }}>
                        {format.number(project.parties.length)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )
        }
      </QueryState>
    </>
  );
}
