import { Button, Stack, Text } from "@mantine/core";
import { useParams } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProjectInstrument, TrackSchedule } from "../../../contracts/progression.js";
import { Breadcrumbs } from "../../components/breadcrumbs.js";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { QueryState } from "../../components/query-state.js";
import { RouterAnchor, RouterButton } from "../../components/router-links.js";
import { SectionCard } from "../../components/section-card.js";
import { notifySuccess } from "../../lib/notify.js";
import { useInstruments } from "../instruments/instrument-queries.js";
import { useCanManageProject } from "../instruments/use-can-manage-project.js";
import { useProject } from "../projects/project-queries.js";
import { ScheduleEditor } from "./schedule-editor.js";
import { useSaveSchedule, useSchedules } from "./schedule-queries.js";
import { ScheduleTable } from "./schedule-table.js";

/**
 * The measurement schedules of a project's tracks: per track the planned duration and which
 * instruments are measured for whom and when. Project managers edit one track at a time.
 */
export function SchedulePage() {
  const { t } = useTranslation();
  const { projectId } = useParams({ from: "/projects/$projectId/schedules" });
  const project = useProject(projectId);
  const schedules = useSchedules(projectId);
  const instruments = useInstruments(projectId);
  const canManage = useCanManageProject(project.data);
  const [editing, setEditing] = useState<string | null>(null);
  const title = t("schedules.page.title");

  return (
    <>
      <PageHeader
        title={title}
        documentTitle={project.data ? `${title} – ${project.data.name}` : title}
        description={t("schedules.page.description")}
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
          <RouterButton to="/projects/$projectId/instruments" params={{ projectId }} variant="default">
            {t("instruments.list.title")}
          </RouterButton>
        }
      />
      <QueryState query={schedules}>
        {(tracks) => (
          <QueryState query={instruments}>
            {(list) =>
              tracks.length === 0 ? (
                <EmptyState title={t("projects.noTracks")} />
              ) : (
                <Stack gap="lg">
                  {!canManage && project.data ? (
                    <Text size="sm" c="dimmed">
                      {t("schedules.page.readOnly")}
                    </Text>
                  ) : null}
                  {tracks.map((track) => (
                    <TrackScheduleSection
                      key={track.trackId}
                      projectId={projectId}
                      track={track}
                      instruments={list}
                      canManage={canManage}
                      isEditing={editing === track.trackId}
                      onEdit={() => setEditing(track.trackId)}
                      onDone={() => setEditing(null)}
                    />
                  ))}
                </Stack>
              )
            }
          </QueryState>
        )}
      </QueryState>
    </>
  );
}

function TrackScheduleSection({
  projectId,
  track,
  instruments,
  canManage,
  isEditing,
  onEdit,
  onDone,
}: {
  projectId: string;
  track: TrackSchedule;
  instruments: readonly ProjectInstrument[];
  canManage: boolean;
  isEditing: boolean;
  onEdit: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveSchedule(projectId, track.trackId);
  return (
    <SectionCard
      title={track.trackName}
      actions={
        canManage && !isEditing ? (
          <Button
            variant="default"
            onClick={onEdit}
            aria-label={t("schedules.page.editNamed", { track: track.trackName })}
          >
            {t("schedules.page.edit")}
          </Button>
        ) : null
      }
    >
      {isEditing ? (
        <ScheduleEditor
          track={track}
          instruments={instruments}
          onCancel={onDone}
          onSave={async (input) => {
            const saved = await save.mutateAsync(input);
            notifySuccess(
              saved.courseCount > 0
                ? t("schedules.page.savedWithCourses", { track: saved.trackName, count: saved.courseCount })
                : t("schedules.page.saved", { track: saved.trackName }),
            );
            onDone();
          }}
        />
      ) : (
        <>
          <Text size="sm">
            {t("schedules.page.duration", { count: track.plannedDurationMonths })}
            {" · "}
            {t("schedules.page.courses", { count: track.courseCount })}
          </Text>
          <ScheduleTable track={track} instruments={instruments} />
        </>
      )}
    </SectionCard>
  );
}
