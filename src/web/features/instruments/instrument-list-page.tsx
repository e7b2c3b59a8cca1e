import { Badge, Group, Stack, Table, Text } from "@mantine/core";
import { useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Breadcrumbs } from "../../components/breadcrumbs.js";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { QueryState } from "../../components/query-state.js";
import { RouterAnchor, RouterButton } from "../../components/router-links.js";
import { SectionCard } from "../../components/section-card.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useProject } from "../projects/project-queries.js";
import { useInstruments } from "./instrument-queries.js";
import { useCanManageProject } from "./use-can-manage-project.js";
import { useInstrumentText } from "./use-instrument-text.js";

/** A project's instruments: name, code, versions, the newest, and whether it has been measured with. */
export function InstrumentListPage() {
  const { t } = useTranslation();
  const { projectId } = useParams({ from: "/projects/$projectId/instruments" });
  const project = useProject(projectId);
  const instruments = useInstruments(projectId);
  const canManage = useCanManageProject(project.data);
  const text = useInstrumentText();
  const title = t("instruments.list.title");
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "da");

  return (
    <>
      <PageHeader
        title={title}
        documentTitle={project.data ? `${title} – ${project.data.name}` : title}
        description={t("instruments.list.description")}
        above={
          <Breadcrumbs current={title}>
            <RouterAnchor to="/projects" size="sm">
              {t("projects.title")}
            </RouterAnchor>
            <RouterAnchor to="/projects/$projectId" params={{ projectId }} size="sm">
              {project.data?.name ?? t("projects.detailTitle")}
            </RouterAnchor>
          </Breadcrumbs>
        }
        actions={
          <>
            <RouterButton to="/projects/$projectId/schedules" params={{ projectId }} variant="default">
              {t("instruments.list.schedulesLink")}
            </RouterButton>
            {canManage ? (
              <RouterButton to="/projects/$projectId/instruments/new" params={{ projectId }}>
                {t("instruments.list.create")}
              </RouterButton>
            ) : null}
          </>
        }
      />
      <QueryState query={instruments}>
        {(list) => (
          <SectionCard title={t("instruments.list.count", { count: list.length })}>
            {!canManage && project.data ? (
              <Text size="sm" c="dimmed">
                {t("instruments.list.readOnly")}
              </Text>
            ) : null}
            {list.length === 0 ? (
              <EmptyState title={t("instruments.list.empty")} />
            ) : (
              <TableScroll label={title}>
                <Table miw={720} withTableBorder highlightOnHover aria-label={title}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("fields.name")}</Table.Th>
                      <Table.Th scope="col">{t("instruments.list.code")}</Table.Th>
                      <Table.Th scope="col">{t("instruments.list.about")}</Table.Th>
                      <Table.Th scope="col">{t("instruments.list.versions")}</Table.Th>
                      <Table.Th scope="col">{t("instruments.list.newest")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {[...list].sort(byName).map((instrument) => {
                      const newest = instrument.versions[instrument.versions.length - 1]!;
                      const latest = newest.definition;
                      return (
                        <Table.Tr key={instrument.id}>
                          <Table.Td>
                            <Stack gap={2}>
                              <RouterAnchor
                                to="/projects/$projectId/instruments/$instrumentId"
                                params={{ projectId, instrumentId: instrument.id }}
                                fw={600}
                              >
                                {text.label({
                                  label: instrument.name,
                                  labelEn: instrument.nameEn ?? undefined,
                                })}
                              </RouterAnchor>
                              {!instrument.isBuiltin ? (
                                <Text size="xs" c="dimmed">
                                  {t("instruments.list.own")}
                                </Text>
                              ) : null}
                            </Stack>
                          </Table.Td>
                          <Table.Td className="mono" style={{ whiteSpace: "nowrap" }}>
                            {instrument.code}
                          </Table.Td>
                          <Table.Td>
                            {latest.isPerGoal
                              ? t("instruments.view.perGoal")
                              : latest.subjects.map((s) => t(`instruments.subjects.${s}`)).join(", ")}
                          </Table.Td>
                          <Table.Td>{instrument.versions.length}</Table.Td>
                          <Table.Td>
                            <Group gap="xs" wrap="nowrap">
                              <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                                {t("instruments.versionN", { version: newest.version })}
                              </Text>
                              {newest.isInUse ? (
                                <Badge variant="light" color="green">
                                  {t("instruments.inUse")}
                                </Badge>
                              ) : (
                                <Badge variant="light" color="gray">
                                  {t("instruments.notInUse")}
                                </Badge>
                              )}
                            </Group>
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            )}
          </SectionCard>
        )}
      </QueryState>
    </>
  );
}
