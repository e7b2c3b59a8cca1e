import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TrackSchedule, TrackScheduleInput } from "../../../contracts/progression.js";
import { api } from "../../lib/api-client.js";
import { caseworkKeys } from "../families/family-queries.js";

export const scheduleKeys = {
  all: ["schedules"] as const,
  ofProject: (projectId: string) => [...scheduleKeys.all, projectId] as const,
};

/** GET /api/projects/:id/schedules: each track's planned duration and measurement schedule. */
export function useSchedules(projectId: string) {
  return useQuery({
    queryKey: scheduleKeys.ofProject(projectId),
    queryFn: ({ signal }) =>
      api.get<TrackSchedule[]>(`/projects/${encodeURIComponent(projectId)}/schedules`, { signal }),
  });
}

/**
 * PUT /api/projects/:id/tracks/:trackId/schedule. The courses' measurement tasks change with it, so
 * every cached task list is read again.
 */
export function useSaveSchedule(projectId: string, trackId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TrackScheduleInput) =>
      api.put<TrackSchedule>(
        `/projects/${encodeURIComponent(projectId)}/tracks/${encodeURIComponent(trackId)}/schedule`,
        input,
      ),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: scheduleKeys.ofProject(projectId) });
      await queryClient.invalidateQueries({ queryKey: caseworkKeys.all });
    },
  });
}
