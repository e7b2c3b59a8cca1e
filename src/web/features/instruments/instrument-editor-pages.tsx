import { Alert, Stack, Text } from "@mantine/core";
import { useNavigate, useParams } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ProjectInstrument } from "../../../contracts/progression.js";
import { Breadcrumbs } from "../../components/breadcrumbs.js";
import { PageHeader } from "../../components/page-header.js";
import { QueryState } from "../../components/query-state.js";
import { RouterAnchor, RouterButton } from "../../components/router-links.js";
import { notifySuccess } from "../../lib/notify.js";
import { useProject } from "../projects/project-queries.js";
import { InstrumentForm } from "./instrument-form.js";
import {
  createInputOf,
  newInstrumentValues,
  valuesFromVersion,
  versionInputOf,
} from "./instrument-form-values.js";
import { useAddVersion, useCreateInstrument, useEditVersion, useInstruments } from "./instrument-queries.js";

/** Header with breadcrumbs back to the project, its instruments and (when there is one) the instrument. */
function EditorHeader({
  projectId,
  title,
  description,
  instrument,
}: {
  projectId: string;
  title: string;
  description?: ReactNode;
  instrument?: ProjectInstrument;
}) {
  const { t } = useTranslation();
  const project = useProject(projectId);
  return (
    <PageHeader
      title={title}
      description={description}
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
          {instrument ? (
            <RouterAnchor
              to="/projects/$projectId/instruments/$instrumentId"
              params={{ projectId, instrumentId: instrument.id }}
              size="sm"
            >
              {instrument.name}
            </RouterAnchor>
          ) : null}
        </Breadcrumbs>
      }
    />
  );
}

/** "Nyt måleredskab": an instrument of the project's own, with its version 1. */
export function InstrumentCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { projectId } = useParams({ from: "/projects/$projectId/instruments/new" });
  const create = useCreateInstrument(projectId);
  return (
    <>
      <EditorHeader
        projectId={projectId}
        title={t("instruments.editor.createTitle")}
        description={t("instruments.editor.createDescription")}
      />
      <InstrumentForm
        mode="create"
        initialValues={newInstrumentValues()}
        versionNumber={1}
        onCancel={() => void navigate({ to: "/projects/$projectId/instruments", params: { projectId } })}
        onSave={async (values) => {
          const created = await create.mutateAsync(createInputOf(values));
          notifySuccess(t("instruments.editor.created", { name: created.name }));
          await navigate({
            to: "/projects/$projectId/instruments/$instrumentId",
            params: { projectId, instrumentId: created.id },
          });
        }}
      />
    </>
  );
}

/** The instrument of the address, from the project's list. */
function useInstrumentOf(projectId: string, instrumentId: string) {
  const instruments = useInstruments(projectId);
  return { query: instruments, instrument: instruments.data?.find((i) => i.id === instrumentId) };
}

/** "Ny version": the next version, prefilled from the newest. */
export function VersionCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { projectId, instrumentId } = useParams({
    from: "/projects/$projectId/instruments/$instrumentId/versions/new",
  });
  const { query, instrument } = useInstrumentOf(projectId, instrumentId);
  const add = useAddVersion(projectId, instrumentId);
  const newest = instrument?.versions[instrument.versions.length - 1];
  const next = (newest?.version ?? 0) + 1;
  const back = () =>
    void navigate({
      to: "/projects/$projectId/instruments/$instrumentId",
      params: { projectId, instrumentId },
    });
  return (
    <>
      <EditorHeader
        projectId={projectId}
        instrument={instrument}
        title={t("instruments.editor.newVersionTitle", { version: next })}
        description={
          newest ? t("instruments.editor.newVersionDescription", { version: newest.version }) : undefined
        }
      />
      <QueryState query={query}>
        {() =>
          instrument && newest ? (
            <InstrumentForm
              mode="new-version"
              initialValues={valuesFromVersion(instrument, newest.definition)}
              versionNumber={next}
              onCancel={back}
              onSave={async (values) => {
                await add.mutateAsync(versionInputOf(values, newest.version));
                notifySuccess(
                  t("instruments.editor.versionSaved", { version: next, name: values.name.trim() }),
                );
                await navigate({
                  to: "/projects/$projectId/instruments/$instrumentId",
                  params: { projectId, instrumentId },
                });
              }}
            />
          ) : (
            <NotFound />
          )
        }
      </QueryState>
    </>
  );
}

/** "Ret version n": only while no measurement has used it; a version in use says so and offers a new one. */
export function VersionEditPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const params = useParams({ from: "/projects/$projectId/instruments/$instrumentId/versions/$version/edit" });
  const { projectId, instrumentId } = params;
  const versionNo = Number(params.version);
  const { query, instrument } = useInstrumentOf(projectId, instrumentId);
  const edit = useEditVersion(projectId, instrumentId, versionNo);
  const version = instrument?.versions.find((v) => v.version === versionNo);
  const back = () =>
    void navigate({
      to: "/projects/$projectId/instruments/$instrumentId",
      params: { projectId, instrumentId },
      search: { version: versionNo },
    });
  return (
    <>
      <EditorHeader
        projectId={projectId}
        instrument={instrument}
        title={t("instruments.editor.editTitle", { version: versionNo })}
        description={t("instruments.editor.editDescription")}
      />
      <QueryState query={query}>
        {() =>
          !instrument || !version ? (
            <NotFound />
          ) : version.isInUse ? (
            <Alert color="orange" variant="light" title={t("instruments.editor.inUseTitle")} role="alert">
              <Stack gap="sm" align="flex-start">
                <Text size="sm">{t("instruments.detail.inUseNote", { version: versionNo })}</Text>
                <RouterButton
                  to="/projects/$projectId/instruments/$instrumentId/versions/new"
                  params={{ projectId, instrumentId }}
                >
                  {t("instruments.detail.newVersion", {
                    version: instrument.versions[instrument.versions.length - 1]!.version + 1,
                  })}
                </RouterButton>
              </Stack>
            </Alert>
          ) : (
            <InstrumentForm
              mode="edit"
              initialValues={valuesFromVersion(instrument, version.definition)}
              versionNumber={versionNo}
              onCancel={back}
              onSave={async (values) => {
                await edit.mutateAsync(versionInputOf(values));
                notifySuccess(t("instruments.editor.versionEdited", { version: versionNo }));
                back();
              }}
            />
          )
        }
      </QueryState>
    </>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={t("instruments.detail.notFound")} role="alert">
      {t("instruments.detail.notFoundHint")}
    </Alert>
  );
}
