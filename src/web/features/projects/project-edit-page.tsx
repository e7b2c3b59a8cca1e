import { Alert, Stack } from "@mantine/core";
import { useNavigate, useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ProjectUpdateInputSchema } from "../../../contracts/admin.js";
import { Breadcrumbs } from "../../components/breadcrumbs.js";
import { PageHeader } from "../../components/page-header.js";
import { QueryState } from "../../components/query-state.js";
import { RouterAnchor } from "../../components/router-links.js";
import { notifySuccess } from "../../lib/notify.js";
import { useVersionedSave } from "../../lib/use-versioned-save.js";
import { useOrganisations } from "../admin/organisations/organisation-queries.js";
import { ProjectForm } from "./project-form.js";
import { type ProjectFormValues, projectFormOf, toProjectUpdateInput } from "./project-form-values.js";
import { useProject, useUpdateProject } from "./project-queries.js";

/**
 * "Rediger projekt". A save based on an old version (409 STALE_VERSION) shows the server's message and
 * reloads the form with the current data.
 */
export function ProjectEditPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { projectId } = useParams({ from: "/projects/$projectId/edit" });
  const project = useProject(projectId);
  const organisations = useOrganisations();
  const updateProject = useUpdateProject(projectId);
  const { staleMessage, run: runSave } = useVersionedSave();
  const title = t("projects.editTitle");

  const save = async (values: ProjectFormValues, version: number) => {
    if (
      !(await runSave(
        () => updateProject.mutateAsync(toProjectUpdateInput(values, version)),
        () => project.refetch(),
      ))
    )
      return;
    notifySuccess(t("common.saved"));
    await navigate({ to: "/projects/$projectId", params: { projectId } });
  };

  return (
    <>
      <PageHeader
        title={title}
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
      />
      <Stack gap="md">
        {staleMessage ? (
          <Alert color="orange" variant="light" role="alert" title={t("errors.staleTitle")}>
            {staleMessage} {t("errors.stale")}
          </Alert>
        ) : null}
        <QueryState query={project}>
          {(p) => (
            <QueryState query={organisations}>
              {(page) => (
                <ProjectForm
                  key={p.version}
                  initialValues={projectFormOf(p)}
                  schema={ProjectUpdateInputSchema}
                  toInput={(values) => toProjectUpdateInput(values, p.version)}
                  organisations={page.items}
                  submitLabel={t("common.save")}
                  cancel={{ to: "/projects/$projectId", params: { projectId } }}
                  onSubmit={(values) => save(values, p.version)}
                />
              )}
            </QueryState>
          )}
        </QueryState>
      </Stack>
    </>
  );
}
