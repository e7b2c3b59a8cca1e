import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { User, UserCreateInput, UserUpdateInput } from "../../../../contracts/admin.js";
import type { Role } from "../../../../domain/access/index.js";
import { api, type Page } from "../../../lib/api-client.js";

export const userKeys = {
  all: ["users"] as const,
  list: (filters: { q?: string; organisationId?: string }) => [...userKeys.all, "list", filters] as const,
  detail: (id: string) => [...userKeys.all, "detail", id] as const,
};

const userPath = (id: string, suffix = "") => `/users/${encodeURIComponent(id)}${suffix}`;

/** GET /api/users?q=&organisationId=. */
export function useUsers(
  filters: { q?: string; organisationId?: string },
  options: { enabled?: boolean } = {},
) {
  return useQuery({
    queryKey: userKeys.list(filters),
    queryFn: ({ signal }) => api.get<Page<User>>("/users", { signal, query: { ...filters, limit: 500 } }),
    enabled: options.enabled ?? true,
    placeholderData: (previous) => previous,
  });
}

/** GET /api/users/:id. */
export function useUser(id: string) {
  return useQuery({
    queryKey: userKeys.detail(id),
    queryFn: ({ signal }) => api.get<User>(userPath(id), { signal }),
  });
}

/** POST /api/users. */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UserCreateInput) => api.post<User>("/users", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

/** PATCH /api/users/:id with the version that was read. */
export function useUpdateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UserUpdateInput) => api.patch<User>(userPath(id), input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export type UserAccountAction = "deactivate" | "reactivate" | "unlock" | "two-factor/reset";

/** POST /api/users/:id/{deactivate|reactivate|unlock|two-factor/reset}. */
export function useUserAccountAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: UserAccountAction) => api.post<unknown>(userPath(id, `/${action}`)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

/** POST /api/users/:id/roles. */
export function useAssignRole(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { organisationId: string; role: Role }) =>
      api.post<unknown>(userPath(id, "/roles"), input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

/** DELETE /api/users/:id/roles/:membershipId. */
export function useRevokeRole(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (membershipId: string) =>
      api.delete<unknown>(userPath(id, `/roles/${encodeURIComponent(membershipId)}`)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
