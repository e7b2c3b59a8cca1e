import { Group, Stack, Text } from "@mantine/core";
import { useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Breadcrumbs } from "../../components/breadcrumbs.js";
import { DefinitionList } from "../../components/definition-list.js";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { QueryState } from "../../components/query-state.js";
import { RouterAnchor, RouterButton } from "../../components/router-links.js";
import { SectionCard } from "../../components/section-card.js";
import { useCan } from "../../lib/use-can.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { ProjectContractsSection } from "../contracts/project-contracts-section.js";
import { ProjectProgressionLinks } from "../progression-cohort/project-progression-links.js";
import { PartiesTable } from "./parties-table.js";
import { useProject } from "./project-queries.js";
import { ProjectStatusBadge } from "./project-status-badge.js";
import { TracksTable } from "./tracks-table.js";

/** One project: period, status, description, tracks and the organisations taking part. */
export function ProjectDetailPage() {
  const { t } = useTranslation();
  const { projectId } = useParams({ from: "/projects/$projectId" });
  const can = useCan();
  const format = useFormatters();
  const project = useProject(projectId);
  const title = project.data?.name ?? t("projects.detailTitle");

  return (
    <>
      <PageHeader
        title={title}
        above={
          <Breadcrumbs current={title}>
            <RouterAnchor to="/projects" size="sm">
              {t("projects.title")}
            </RouterAnchor>
          </Breadcrumbs>
        }
        badges={project.data ? <ProjectStatusBadge status={project.data.status} /> : null}
        actions={
          project.data ? (
            <>
              {can("measurement.record") ? (
                <RouterButton
                  to="/projects/$projectId/measurement-import"
                  params={{ projectId }}
                  variant="default"
                >
                  {t("measurementImport.link")}
                </RouterButton>
              ) : null}
              {can("project.manage") ? (
                <RouterButton to="/projects/$projectId/edit" params={{ projectId }} variant="default">
                  {t("projects.edit")}
                </RouterButton>
              ) : null}
            </>
          ) : null
        }
      />
      <QueryState query={project}>
        {(p) => (
          <Stack gap="lg">
            <SectionCard title={t("projects.overviewTitle")}>
              <DefinitionList
                items={[
                  { label: t("projects.owner"), value: p.organisationName },
                  {
                    label: t("projects.period"),
                    value: `${format.date(p.startsOn)} – ${format.date(p.endsOn)}`,
                  },
                  { label: t("fields.status"), value: t(`projectStatus.${p.status}`) },
                  {
                    label: t("projects.capacityTotal"),
                    value: t("projects.families", {
                      count: p.tracks.reduce((sum, track) => sum + track.capacityFamilies, 0),
                      formatted: format.number(
                        p.tracks.reduce((sum, track) => sum + track.capacityFamilies, 0),
                      ),
                    }),
                  },
                ]}
              />
              {p.description ? (
                <Text style={{ whiteSpace: "pre-line" }}>{p.description}</Text>
              ) : (
                <Text c="dimmed">{t("projects.noDescription")}</Text>
              )}
            </SectionCard>
            <SectionCard title={t("projects.tracksTitle")}>
              {p.tracks.length === 0 ? (
                <EmptyState title={t("projects.noTracks")} />
              ) : (
                <TracksTable tracks={p.tracks} />
              )}
            </SectionCard>
            <SectionCard title={t("instruments.projectLink.title")}>
              <Text>{t("instruments.projectLink.intro")}</Text>
              <Group gap="lg">
                <RouterAnchor to="/projects/$projectId/instruments" params={{ projectId }}>
                  {t("instruments.projectLink.instruments")}
                </RouterAnchor>
                <RouterAnchor to="/projects/$projectId/schedules" params={{ projectId }}>
                  {t("instruments.projectLink.schedules")}
                </RouterAnchor>
              </Group>
            </SectionCard>
            <ProjectProgressionLinks projectId={projectId} />
            <ProjectContractsSection projectId={projectId} />
            <SectionCard title={t("projects.partiesTitle")}>
              {p.parties.length === 0 ? (
                <EmptyState title={t("projects.noParties")} />
              ) : (
                <PartiesTable parties={p.parties} />
              )}
            </SectionCard>
          </Stack>
        )}
      </QueryState>
    </>
  );
}
