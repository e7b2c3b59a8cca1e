import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { DataQualityPage } from "../../../contracts/progression-cohort.js";
import { api } from "../../lib/api-client.js";
import { DATA_QUALITY_PAGE_SIZE, type DataQualitySearch } from "./data-quality-search.js";

export const dataQualityKeys = {
  all: ["data-quality"] as const,
  page: (projectId: string, search: DataQualitySearch) =>
    [...dataQualityKeys.all, projectId, search] as const,
};

/** GET /api/projects/:id/progression/data-quality: a page of courses with measurement issues. */
export function useDataQuality(projectId: string, search: DataQualitySearch) {
  return useQuery({
    queryKey: dataQualityKeys.page(projectId, search),
    queryFn: ({ signal }) =>
      api.get<DataQualityPage>(`/projects/${encodeURIComponent(projectId)}/progression/data-quality`, {
        signal,
        query: {
          track: search.track,
          kind: search.kind,
          caseworker: search.caseworker,
          limit: DATA_QUALITY_PAGE_SIZE,
          offset: search.offset ?? 0,
        },
      }),
    placeholderData: keepPreviousData,
  });
}
