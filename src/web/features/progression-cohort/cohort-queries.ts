import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type {
  CohortBucketName,
  CohortCourses,
  CohortFigure,
  CohortView,
} from "../../../contracts/progression-cohort.js";
import { api } from "../../lib/api-client.js";
import type { CohortSearch } from "./cohort-search.js";

/** The figure a click asks about: a class of a classification, a month, or the before–after. */
export interface FigureChoice {
  figure: CohortFigure;
  bucket?: CohortBucketName;
  month?: number;
}

export const cohortKeys = {
  all: ["progression-cohort"] as const,
  view: (projectId: string, search: CohortSearch) => [...cohortKeys.all, "view", projectId, search] as const,
  courses: (projectId: string, search: CohortSearch, figure: FigureChoice, offset: number) =>
    [...cohortKeys.all, "courses", projectId, search, figure, offset] as const,
};

const base = (projectId: string) => `/projects/${encodeURIComponent(projectId)}/progression/cohort`;

/** GET /api/projects/:id/progression/cohort: the figures of the chosen score over the courses you may see. */
export function useCohort(projectId: string, search: CohortSearch) {
  return useQuery({
    queryKey: cohortKeys.view(projectId, search),
    queryFn: ({ signal }) => api.get<CohortView>(base(projectId), { signal, query: { ...search } }),
    placeholderData: keepPreviousData,
  });
}

/** Rows per page of the courses behind a figure. */
export const COURSES_PAGE_SIZE = 50;

/** GET …/cohort/courses: the families (or members) behind one figure; null figure = not asked yet. */
export function useCohortCourses(
  projectId: string,
  search: CohortSearch,
  figure: FigureChoice | null,
  offset: number,
) {
  return useQuery({
    queryKey: cohortKeys.courses(projectId, search, figure ?? { figure: "latest" }, offset),
    queryFn: ({ signal }) =>
      api.get<CohortCourses>(`${base(projectId)}/courses`, {
        signal,
        query: { ...search, ...figure, limit: COURSES_PAGE_SIZE, offset },
      }),
    enabled: figure !== null,
    placeholderData: keepPreviousData,
  });
}
