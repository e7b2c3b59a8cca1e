import { Stack, Text } from "@mantine/core";
import { useNavigate, useParams, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Breadcrumbs } from "../../components/breadcrumbs.js";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { QueryState } from "../../components/query-state.js";
import { RouterAnchor, RouterButton } from "../../components/router-links.js";
import { SectionCard } from "../../components/section-card.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { useProject } from "../projects/project-queries.js";
import { CohortBeforeAfter } from "./cohort-before-after.js";
import { CohortCoursesDialog } from "./cohort-courses-dialog.js";
import { CohortFilters } from "./cohort-filters.js";
import { useUnitWords } from "./cohort-format.js";
import { CohortMethod } from "./cohort-method.js";
import { CohortOverTime } from "./cohort-over-time.js";
import { type FigureChoice, useCohort } from "./cohort-queries.js";
import type { CohortSearch } from "./cohort-search.js";
import { CohortShares } from "./cohort-shares.js";

/**
 * "Progression" of a project: one instrument score over the courses the user may see — share
 * improved / unchanged / worse, the median with its quartiles month by month, before–after at the end
 * of the course — with the method stated, and every figure opening the list of those behind it.
 */
export function CohortPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { projectId } = useParams({ from: "/projects/$projectId/progression" });
  const search = useSearch({ from: "/projects/$projectId/progression" });
  const navigate = useNavigate({ from: "/projects/$projectId/progression" });
  const project = useProject(projectId);
  const cohort = useCohort(projectId, search);
  const [figure, setFigure] = useState<FigureChoice | null>(null);
  const [offset, setOffset] = useState(0);
  const projectName = project.data?.name ?? "";
  const title = t("progressionCohort.cohort.title");
  const setSearch = (patch: Partial<CohortSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const show = (f: FigureChoice) => {
    setOffset(0);
    setFigure(f);
  };

  return (
    <>
      <PageHeader
        title={title}
        documentTitle={t("progressionCohort.cohort.documentTitle", { project: projectName })}
        description={t("progressionCohort.cohort.description")}
        above={
          <Breadcrumbs current={title}>
            <RouterAnchor to="/projects" size="sm">
              {t("projects.title")}
            </RouterAnchor>
            <RouterAnchor to="/projects/$projectId" params={{ projectId }} size="sm">
              {projectName || t("projects.detailTitle")}
            </RouterAnchor>
          </Breadcrumbs>
        }
        actions={
          <RouterButton
            to="/projects/$projectId/data-quality"
            params={{ projectId }}
            search={{}}
            variant="default"
          >
            {t("progressionCohort.cohort.toDataQuality")}
          </RouterButton>
        }
      />
      <QueryState query={cohort}>
        {(view) => (
          <Stack gap="lg">
            <CohortFilters
              view={view}
              search={search}
              onChange={setSearch}
              onClear={() => void navigate({ search: {}, replace: true })}
            />
            <CohortMethod selection={view.selection} />
            <Population view={view} asOf={format.date(view.asOf)} />
            {view.population.subjects === 0 ? (
              <EmptyState
                title={t("progressionCohort.cohort.noValues")}
                description={t("progressionCohort.cohort.noValuesHint")}
              />
            ) : (
              <>
                <SectionCard title={t("progressionCohort.cohort.shares.title")}>
                  <CohortShares view={view} onShow={show} />
                </SectionCard>
                <SectionCard title={t("progressionCohort.cohort.overTime.title")}>
                  <CohortOverTime view={view} onShow={show} />
                </SectionCard>
                <SectionCard title={t("progressionCohort.cohort.beforeAfter.title")}>
                  <CohortBeforeAfter view={view} onShow={show} />
                </SectionCard>
              </>
            )}
            <CohortCoursesDialog
              projectId={projectId}
              search={search}
              view={view}
              figure={figure}
              offset={offset}
              onOffset={setOffset}
              onClose={() => setFigure(null)}
            />
          </Stack>
        )}
      </QueryState>
    </>
  );
}

/** "120 forløb i udvalget. 98 familier har mindst én måling af scoren (pr. 4. dec. 2026)." */
function Population({ view, asOf }: { view: Parameters<typeof CohortShares>[0]["view"]; asOf: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const unit = useUnitWords(view.selection.subject);
  return (
    <Text size="sm" aria-live="polite">
      {t("progressionCohort.cohort.population", {
        courses: format.number(view.population.courses),
        subjects: format.number(view.population.subjects),
        unit: unit.count(view.population.subjects),
        asOf,
      })}
    </Text>
  );
}
