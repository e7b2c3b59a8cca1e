import { useParams, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Breadcrumbs } from "../../components/breadcrumbs.js";
import { ErrorAlert } from "../../components/error-alert.js";
import { LoadingState } from "../../components/loading-state.js";
import { PageHeader } from "../../components/page-header.js";
import { RouterAnchor } from "../../components/router-links.js";
import { useBusinessCase } from "./business-case-queries.js";
import { BusinessCaseStudio } from "./business-case-studio.js";

/** /business-cases/$businessCaseId: the studio of one business case. */
export function BusinessCaseStudioPage() {
  const { t } = useTranslation();
  const { businessCaseId } = useParams({ from: "/business-cases/$businessCaseId" });
  const search = useSearch({ from: "/business-cases/$businessCaseId" });
  const detail = useBusinessCase(businessCaseId);

  if (detail.data) {
    // A new key per business case: the draft belongs to the case it was read from.
    return <BusinessCaseStudio key={detail.data.id} detail={detail.data} search={search} />;
  }
  const title = t("businessCases.studio.title");
  return (
    <>
      <PageHeader
        title={title}
        above={
          <Breadcrumbs current={title}>
            <RouterAnchor to="/business-cases" size="sm">
              {t("businessCases.title")}
            </RouterAnchor>
          </Breadcrumbs>
        }
      />
      {detail.isError ? (
        <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
      ) : (
        <LoadingState />
      )}
    </>
  );
}
