import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ProjectCreateInputSchema } from "../../../contracts/admin.js";
import { Breadcrumbs } from "../../components/breadcrumbs.js";
import { PageHeader } from "../../components/page-header.js";
import { QueryState } from "../../components/query-state.js";
import { RouterAnchor } from "../../components/router-links.js";
import { notifySuccess } from "../../lib/notify.js";
import { useOrganisations } from "../admin/organisations/organisation-queries.js";
import { ProjectForm } from "./project-form.js";
import { emptyProjectForm, toProjectCreateInput } from "./project-form-values.js";
import { useCreateProject } from "./project-queries.js";
import { useOwnerOptions } from "./use-owner-options.js";

/** "Opret projekt". */
export function ProjectCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const organisations = useOrganisations();
  const ownerOptions = useOwnerOptions(organisations.data?.items ?? []);
  const createProject = useCreateProject();
  const title = t("projects.createTitle");

  return (
    <>
      <PageHeader
        title={title}
        description={t("projects.createDescription")}
        above={
          <Breadcrumbs current={title}>
            <RouterAnchor to="/projects" size="sm">
              {t("projects.title")}
            </RouterAnchor>
          </Breadcrumbs>
        }
      />
      <QueryState query={organisations}>
        {(page) => (
          <ProjectForm
            initialValues={emptyProjectForm(ownerOptions.length === 1 ? (ownerOptions[0]?.id ?? "") : "")}
            schema={ProjectCreateInputSchema}
            toInput={toProjectCreateInput}
            ownerOptions={ownerOptions}
            organisations={page.items.filter((o) => o.isActive)}
            submitLabel={t("projects.create")}
            cancel={{ to: "/projects" }}
            onSubmit={async (values) => {
              const project = await createProject.mutateAsync(toProjectCreateInput(values));
              notifySuccess(t("projects.created", { name: project.name }));
              await navigate({ to: "/projects/$projectId", params: { projectId: project.id } });
            }}
          />
        )}
      </QueryState>
    </>
  );
}
