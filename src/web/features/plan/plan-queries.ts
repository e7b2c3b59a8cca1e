import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../lib/api-client.js";
import { invalidateCasework } from "../families/family-queries.js";
import type { FamilyPlanView, PlanAgreement, PlanDiff, PlanVersionSummary } from "./plan-types.js";

export const planKeys = {
  all: ["plan"] as const,
  course: (courseId: string) => [...planKeys.all, courseId] as const,
  current: (courseId: string) => [...planKeys.course(courseId), "current"] as const,
  versions: (courseId: string) => [...planKeys.course(courseId), "versions"] as const,
  version: (courseId: string, version: number) => [...planKeys.course(courseId), "version", version] as const,
  diff: (courseId: string, from: number, to: number) =>
    [...planKeys.course(courseId), "diff", from, to] as const,
};

const planPath = (courseId: string, rest = "") => `/courses/${encodeURIComponent(courseId)}/plan${rest}`;

/** GET /api/courses/:id/plan: the current version, its monthly cost per department and the abilities. */
export function usePlan(courseId: string) {
  return useQuery({
    queryKey: planKeys.current(courseId),
    queryFn: ({ signal }) => api.get<FamilyPlanView>(planPath(courseId), { signal }),
  });
}

/** GET /api/courses/:id/plan/versions: every saved version, newest first. */
export function usePlanVersions(courseId: string) {
  return useQuery({
    queryKey: planKeys.versions(courseId),
    queryFn: ({ signal }) =>
      api.get<{ items: PlanVersionSummary[] }>(planPath(courseId, "/versions"), { signal }),
  });
}

/** GET /api/courses/:id/plan/versions/:version (an older version, read-only); off for null. */
export function usePlanVersion(courseId: string, version: number | null) {
  return useQuery({
    queryKey: planKeys.version(courseId, version ?? 0),
    queryFn: ({ signal }) => api.get<FamilyPlanView>(planPath(courseId, `/versions/${version}`), { signal }),
    enabled: version !== null && version > 0,
  });
}

/** GET /api/courses/:id/plan/diff: what changed per goal and measure from one version to another. */
export function usePlanDiff(courseId: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: planKeys.diff(courseId, from ?? -1, to ?? -1),
    queryFn: ({ signal }) =>
      api.get<PlanDiff>(planPath(courseId, "/diff"), { signal, query: { from: from ?? 0, to: to ?? 0 } }),
    enabled: from !== null && to !== null && from !== to,
  });
}

/**
 * PUT /api/courses/:id/plan with `If-Match: "<version the edit was based on>"`: a save on a stale
 * version is refused with 409 STALE_VERSION, never applied over someone else's.
 */
export function savePlan(
  courseId: string,
  input: { plan: unknown; note: string; baseVersion: number },
): Promise<FamilyPlanView> {
  return api.put<FamilyPlanView>(
    planPath(courseId),
    { plan: input.plan, note: input.note },
    { headers: { "If-Match": `"${input.baseVersion}"` } },
  );
}

/** Saves a new version; afterwards the plan, its versions and the family's timeline are read again. */
export function useSavePlan(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { plan: unknown; note: string; baseVersion: number }) => savePlan(courseId, input),
    onSuccess: async (view) => {
      queryClient.setQueryData(planKeys.current(courseId), view);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: planKeys.course(courseId) }),
        invalidateCasework(queryClient),
      ]);
    },
  });
}

/** POST /api/courses/:id/plan/agreements: the family agreed to a version on a day. */
export function useRecordAgreement(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { planVersion: number; agreedOn: string; note: string }) =>
      api.post<PlanAgreement>(planPath(courseId, "/agreements"), input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: planKeys.course(courseId) }),
        invalidateCasework(queryClient),
      ]),
  });
}
