import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CaseloadBoard,
  CaseloadReassignInput,
  CaseloadReassignPlan,
} from "../../../contracts/casework-tasks.js";
import { api } from "../../lib/api-client.js";
import { caseworkKeys, invalidateCasework } from "../families/family-queries.js";

/** One worker on the board: their families, weighted load, limits and status. */
export type CaseloadWorker = CaseloadBoard["workers"][number];
/** One course on a worker's caseload. */
export type CaseloadFamily = CaseloadWorker["families"][number];
export type { CaseloadBoard, CaseloadReassignPlan };

/** Under the case-work key: a change of a case team (on a family's page) refreshes the board too. */
export const caseloadKeys = {
  board: () => [...caseworkKeys.all, "caseloads", "board"] as const,
};

/** GET /api/caseloads: the municipality's board (team leaders: everyone; caseworkers: themselves). */
export function useCaseloadBoard() {
  return useQuery({
    queryKey: caseloadKeys.board(),
    queryFn: ({ signal }) => api.get<CaseloadBoard>("/caseloads", { signal }),
  });
}

/** The limits to save: the municipality's default (`userId` null) or one worker's. */
export interface CaseloadLimitsInput {
  userId: string | null;
  warningAtFamilies: number;
  hardLimitFamilies: number;
}

/** PUT /api/caseloads/limits (caseload.manage). */
export function useUpdateCaseloadLimits() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CaseloadLimitsInput) => api.put<unknown>("/caseloads/limits", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseloadKeys.board() }),
  });
}

/** DELETE /api/caseloads/limits/:userId (caseload.manage): the worker falls back to the default. */
export function useRemoveWorkerCaseloadLimits() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.delete<unknown>(`/caseloads/limits/${userId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseloadKeys.board() }),
  });
}

/**
 * POST /api/caseloads/reassign: with `dryRun` only the plan; otherwise the moves in one step (409 when
 * a receiver would go over the hard limit without an override reason). Case teams change, so every
 * case-work query is read again after a move.
 */
export function useReassignCaseload() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CaseloadReassignInput) =>
      api.post<CaseloadReassignPlan>("/caseloads/reassign", input),
    onSuccess: (plan) => (plan.applied ? invalidateCasework(queryClient) : undefined),
  });
}
