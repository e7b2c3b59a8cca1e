import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Project, ProjectCreateInput, ProjectUpdateInput } from "../../../contracts/admin.js";
import { api, type Page } from "../../lib/api-client.js";
import { ME_QUERY_KEY } from "../../lib/use-me.js";

export const projectKeys = {
  all: ["projects"] as const,
  list: () => [...projectKeys.all, "list"] as const,
  detail: (id: string) => [...projectKeys.all, "detail", id] as const,
};

/** GET /api/projects: the projects the user may see. */
export function useProjects() {
  return useQuery({
    queryKey: projectKeys.list(),
    queryFn: ({ signal }) => api.get<Page<Project>>("/projects", { signal, query: { limit: 500 } }),
  });
}

/** GET /api/projects/:id, with tracks and parties. */
export function useProject(id: string) {
  return useQuery({
    queryKey: projectKeys.detail(id),
    queryFn: ({ signal }) => api.get<Project>(`/projects/${encodeURIComponent(id)}`, { signal }),
  });
}

/** POST /api/projects. Me.projects changes too, so /api/me is read again. */
export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProjectCreateInput) => api.post<Project>("/projects", input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: projectKeys.all });
      await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
  });
}

/** PATCH /api/projects/:id with the version that was read (409 STALE_VERSION when it changed). */
export function useUpdateProject(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProjectUpdateInput) =>
      api.patch<Project>(`/projects/${encodeURIComponent(id)}`, input),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: projectKeys.all });
      await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
  });
}
