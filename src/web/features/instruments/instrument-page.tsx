import { Alert, Badge, Group, List, Stack, Text } from "@mantine/core";
import { useParams, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { ProjectInstrument } from "../../../contracts/progression.js";
import { Breadcrumbs } from "../../components/breadcrumbs.js";
import { PageHeader } from "../../components/page-header.js";
import { QueryState } from "../../components/query-state.js";
import { RouterAnchor, RouterButton } from "../../components/router-links.js";
import { SectionCard } from "../../components/section-card.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { useProject } from "../projects/project-queries.js";
import { useInstruments } from "./instrument-queries.js";
import { useCanManageProject } from "./use-can-manage-project.js";
import { useInstrumentText } from "./use-instrument-text.js";
import { VersionView } from "./version-view.js";

/**
 * One instrument: its versions (which are in use) and one version in words. Project managers make a
 * new version here, or fix a version no measurement has used yet.
 */
export function InstrumentPage() {
  const { t } = useTranslation();
  const { projectId, instrumentId } = useParams({ from: "/projects/$projectId/instruments/$instrumentId" });
  const project = useProject(projectId);
  const instruments = useInstruments(projectId);
  const text = useInstrumentText();
  const found = instruments.data?.find((i) => i.id === instrumentId);
  const title = found
    ? text.label({ label: found.name, labelEn: found.nameEn ?? undefined })
    : t("instruments.detail.title");
  return (
    <>
      <PageHeader
        title={title}
        description={found?.description || undefined}
        above={
          <Breadcrumbs current={title}>
            <RouterAnchor to="/projects" size="sm">
              {t("projects.title")}
            </RouterAnchor>
            <RouterAnchor to="/projects/$projectId" params={{ projectId }} size="sm">
              {project.data?.name ?? t("projects.detailTitle")}
            </RouterAnchor>
            <RouterAnchor to="/projects/$projectId/instruments" params={{ projectId }} size="sm">
              {t("instruments.list.title")}
            </RouterAnchor>
          </Breadcrumbs>
        }
        badges={
          found ? (
            <Badge variant="light" color={found.isBuiltin ? "bundlinje" : "gray"}>
              {found.isBuiltin ? t("instruments.list.builtin") : t("instruments.list.own")}
            </Badge>
          ) : null
        }
      />
      <QueryState query={instruments}>
        {() =>
          found ? (
            <InstrumentDetail projectId={projectId} instrument={found} project={project.data} />
          ) : (
            <Alert color="red" variant="light" title={t("instruments.detail.notFound")} role="alert">
              {t("instruments.detail.notFoundHint")}
            </Alert>
          )
        }
      </QueryState>
    </>
  );
}

function InstrumentDetail({
  projectId,
  instrument,
  project,
}: {
  projectId: string;
  instrument: ProjectInstrument;
  project: { id: string; organisationId: string } | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const search = useSearch({ from: "/projects/$projectId/instruments/$instrumentId" });
  const canManage = useCanManageProject(project);
  const newest = instrument.versions[instrument.versions.length - 1]!;
  const shown = instrument.versions.find((v) => v.version === search.version) ?? newest;
  const params = { projectId, instrumentId: instrument.id };
  return (
    <Stack gap="lg">
      <SectionCard
        title={t("instruments.detail.versionsTitle")}
        actions={
          canManage ? (
            <RouterButton to="/projects/$projectId/instruments/$instrumentId/versions/new" params={params}>
              {t("instruments.detail.newVersion", { version: newest.version + 1 })}
            </RouterButton>
          ) : null
        }
      >
        <List spacing="xs" listStyleType="none" ml={0} pl={0}>
          {[...instrument.versions].reverse().map((v) => (
            <List.Item key={v.id}>
              <Group gap="sm">
                {v.version === shown.version ? (
                  <Text fw={700} aria-current="true">
                    {t("instruments.versionN", { version: v.version })}
                  </Text>
                ) : (
                  <RouterAnchor
                    to="/projects/$projectId/instruments/$instrumentId"
                    params={params}
                    search={{ version: v.version }}
                  >
                    {t("instruments.detail.showVersion", { version: v.version })}
                  </RouterAnchor>
                )}
                <Text size="sm" c="dimmed">
                  {t("instruments.detail.createdOn", { date: format.date(v.createdAt.slice(0, 10)) })}
                </Text>
                {v.version === newest.version ? (
                  <Badge variant="light" color="bundlinje">
                    {t("instruments.detail.newest")}
                  </Badge>
                ) : null}
                <Badge variant="light" color={v.isInUse ? "green" : "gray"}>
                  {v.isInUse ? t("instruments.inUse") : t("instruments.notInUse")}
                </Badge>
              </Group>
            </List.Item>
          ))}
        </List>
      </SectionCard>
      <SectionCard
        title={t("instruments.versionN", { version: shown.version })}
        actions={
          canManage && !shown.isInUse ? (
            <RouterButton
              variant="default"
              to="/projects/$projectId/instruments/$instrumentId/versions/$version/edit"
              params={{ ...params, version: String(shown.version) }}
            >
              {t("instruments.detail.editVersion", { version: shown.version })}
            </RouterButton>
          ) : null
        }
      >
        <Alert variant="light" color={shown.isInUse ? "green" : "gray"}>
          <Text size="sm">
            {shown.isInUse
              ? t("instruments.detail.inUseNote", { version: shown.version })
              : t("instruments.detail.notInUseNote", { version: shown.version })}
            {shown.version !== newest.version
              ? ` ${t("instruments.detail.olderNote", { newest: newest.version })}`
              : ""}
          </Text>
        </Alert>
        <VersionView version={shown.definition} />
      </SectionCard>
    </Stack>
  );
}
