import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  Organisation,
  OrganisationCreateInput,
  OrganisationUpdateInput,
} from "../../../../contracts/admin.js";
import { api, type Page } from "../../../lib/api-client.js";

export const organisationKeys = {
  all: ["organisations"] as const,
  list: (q: string) => [...organisationKeys.all, "list", q] as const,
  detail: (id: string) => [...organisationKeys.all, "detail", id] as const,
};

/** GET /api/organisations?q=: the organisations the user may see (for admins: all). */
export function useOrganisations(q = "", options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: organisationKeys.list(q),
    queryFn: ({ signal }) =>
      api.get<Page<Organisation>>("/organisations", { signal, query: { q, limit: 500 } }),
    enabled: options.enabled ?? true,
    placeholderData: (previous) => previous,
  });
}

/** GET /api/organisations/:id. */
export function useOrganisation(id: string) {
  return useQuery({
    queryKey: organisationKeys.detail(id),
    queryFn: ({ signal }) => api.get<Organisation>(`/organisations/${encodeURIComponent(id)}`, { signal }),
  });
}

/** POST /api/organisations. */
export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OrganisationCreateInput) => api.post<Organisation>("/organisations", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationKeys.all }),
  });
}

/** PATCH /api/organisations/:id with the version that was read (409 STALE_VERSION when it changed). */
export function useUpdateOrganisation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OrganisationUpdateInput) =>
      api.patch<Organisation>(`/organisations/${encodeURIComponent(id)}`, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: organisationKeys.all }),
  });
}
