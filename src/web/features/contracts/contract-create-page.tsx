import { useNavigate, useParams } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Breadcrumbs } from "../../components/breadcrumbs.js";
import { ErrorAlert } from "../../components/error-alert.js";
import { LoadingState } from "../../components/loading-state.js";
import { PageHeader } from "../../components/page-header.js";
import { RouterAnchor, RouterButton } from "../../components/router-links.js";
import { notifySuccess } from "../../lib/notify.js";
import { useProject } from "../projects/project-queries.js";
import { emptyContractForm } from "./contract-form-values.js";
import { useCreateContract, useOutcomeRules } from "./contract-queries.js";
import { ContractTermsForm } from "./contract-terms-form.js";

/** /projects/$projectId/contracts/new: the terms of a new outcome contract for the project. */
export function ContractCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { projectId } = useParams({ from: "/projects/$projectId/contracts/new" });
  const project = useProject(projectId);
  const rules = useOutcomeRules(projectId);
  const create = useCreateContract(projectId);
  const [initialValues] = useState(emptyContractForm);
  const title = t("contracts.create.title");
  const projectName = project.data?.name ?? t("projects.detailTitle");
  return (
    <>
      <PageHeader
        title={title}
        description={t("contracts.create.description")}
        above={
          <Breadcrumbs current={title}>
            <RouterAnchor to="/projects" size="sm">
              {t("projects.title")}
            </RouterAnchor>
            <RouterAnchor to="/projects/$projectId" params={{ projectId }} size="sm">
              {projectName}
            </RouterAnchor>
          </Breadcrumbs>
        }
      />
      {project.isError || rules.isError ? (
        <ErrorAlert error={project.error ?? rules.error} />
      ) : !project.data || !rules.data ? (
        <LoadingState />
      ) : (
        <ContractTermsForm
          initialValues={initialValues}
          projectTracks={project.data.tracks}
          rules={rules.data.items}
          submitLabel={t("contracts.create.submit")}
          cancel={
            <RouterButton variant="default" to="/projects/$projectId" params={{ projectId }}>
              {t("common.cancel")}
            </RouterButton>
          }
          onSubmit={async (terms) => {
            const contract = await create.mutateAsync(terms);
            notifySuccess(t("contracts.create.created", { title: contract.title }));
            await navigate({ to: "/contracts/$contractId", params: { contractId: contract.id }, search: {} });
          }}
        />
      )}
    </>
  );
}
