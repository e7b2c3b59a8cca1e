import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiUrl, type Page } from "../../lib/api-client.js";
import type {
  BusinessCaseCreateInput,
  BusinessCaseDetail,
  BusinessCaseNewVersionInput,
  BusinessCaseSummary,
  BusinessCaseUpdateInput,
  BusinessCaseVersion,
  ScenarioDiff,
} from "./business-case-types.js";

export interface BusinessCaseListFilter {
  projectId?: string;
  organisationId?: string;
}

export const businessCaseKeys = {
  all: ["business-cases"] as const,
  list: (filter: BusinessCaseListFilter) => [...businessCaseKeys.all, "list", filter] as const,
  detail: (id: string) => [...businessCaseKeys.all, "detail", id] as const,
  versions: (id: string) => [...businessCaseKeys.all, "versions", id] as const,
  version: (id: string, version: number) => [...businessCaseKeys.all, "version", id, version] as const,
  diff: (id: string, from: number, to: number) => [...businessCaseKeys.all, "diff", id, from, to] as const,
};

const path = (id: string, rest = "") => `/business-cases/${encodeURIComponent(id)}${rest}`;

/** GET /api/business-cases: the business cases the user may see (optionally of one project or owner). */
export function useBusinessCases(filter: BusinessCaseListFilter = {}) {
  return useQuery({
    queryKey: businessCaseKeys.list(filter),
    queryFn: ({ signal }) =>
      api.get<Page<BusinessCaseSummary>>("/business-cases", { signal, query: { ...filter } }),
  });
}

/** GET /api/business-cases/:id, with the current version's scenario and canEdit. */
export function useBusinessCase(id: string) {
  return useQuery({
    queryKey: businessCaseKeys.detail(id),
    queryFn: ({ signal }) => api.get<BusinessCaseDetail>(path(id), { signal }),
  });
}

/** GET /api/business-cases/:id/versions, newest first. */
export function useBusinessCaseVersions(id: string, enabled = true) {
  return useQuery({
    queryKey: businessCaseKeys.versions(id),
    queryFn: ({ signal }) => api.get<{ items: BusinessCaseVersion[] }>(path(id, "/versions"), { signal }),
    enabled,
  });
}

/** Fetches one saved version (for the compare and print pages). */
export function fetchBusinessCaseVersion(id: string, version: number, signal?: AbortSignal) {
  return api.get<BusinessCaseVersion>(path(id, `/versions/${version}`), { signal });
}

/** GET /api/business-cases/:id/versions/:version; `version` null = not wanted (the current one is used). */
export function useBusinessCaseVersion(id: string, version: number | null) {
  return useQuery({
    queryKey: businessCaseKeys.version(id, version ?? 0),
    queryFn: ({ signal }) => fetchBusinessCaseVersion(id, version ?? 0, signal),
    enabled: version !== null && id !== "",
  });
}

/** GET /api/business-cases/:id/diff?from&to: the input changes between two versions. */
export function useScenarioDiff(id: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: businessCaseKeys.diff(id, from ?? 0, to ?? 0),
    queryFn: ({ signal }) => api.get<ScenarioDiff>(path(id, "/diff"), { signal, query: { from, to } }),
    enabled: from !== null && to !== null && from !== to,
    placeholderData: keepPreviousData,
  });
}

/** POST /api/business-cases (201, the new business case with version 1). */
export function useCreateBusinessCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BusinessCaseCreateInput) => api.post<BusinessCaseDetail>("/business-cases", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: businessCaseKeys.all }),
  });
}

/** PATCH /api/business-cases/:id: name, description, sharing (409 STALE_VERSION when changed meanwhile). */
export function useUpdateBusinessCase(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BusinessCaseUpdateInput) => api.patch<BusinessCaseDetail>(path(id), input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: businessCaseKeys.all }),
  });
}

/** POST /api/business-cases/:id/versions (409 STALE_VERSION when someone saved a newer version). */
export function useSaveBusinessCaseVersion(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BusinessCaseNewVersionInput) =>
      api.post<BusinessCaseDetail>(path(id, "/versions"), input),
    onSuccess: (detail) => {
      queryClient.setQueryData(businessCaseKeys.detail(id), detail);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: businessCaseKeys.all }),
  });
}

/** POST /api/business-cases/:id/duplicate (201, the copy). */
export function useDuplicateBusinessCase(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string }) => api.post<BusinessCaseDetail>(path(id, "/duplicate"), input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: businessCaseKeys.all }),
  });
}

/** The XLSX export of a saved version (a plain download link; the session cookie goes along). */
export function businessCaseXlsxUrl(id: string, version: number): string {
  return apiUrl(path(id, "/export.xlsx"), { version });
}
