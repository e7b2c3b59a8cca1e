import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  InstrumentCreate,
  InstrumentVersionInput,
  ProjectInstrument,
} from "../../../contracts/progression.js";
import { api } from "../../lib/api-client.js";

export const instrumentKeys = {
  all: ["instruments"] as const,
  ofProject: (projectId: string) => [...instrumentKeys.all, projectId] as const,
};

const base = (projectId: string) => `/projects/${encodeURIComponent(projectId)}/instruments`;

/** GET /api/projects/:id/instruments: every instrument with all its versions. */
export function useInstruments(projectId: string) {
  return useQuery({
    queryKey: instrumentKeys.ofProject(projectId),
    queryFn: ({ signal }) => api.get<ProjectInstrument[]>(base(projectId), { signal }),
  });
}

function useInstrumentMutation<Input>(projectId: string, send: (input: Input) => Promise<ProjectInstrument>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: () => queryClient.invalidateQueries({ queryKey: instrumentKeys.ofProject(projectId) }),
  });
}

/** POST /api/projects/:id/instruments: a new instrument with its version 1. */
export function useCreateInstrument(projectId: string) {
  return useInstrumentMutation(projectId, (input: InstrumentCreate) =>
    api.post<ProjectInstrument>(base(projectId), input),
  );
}

/** POST …/instruments/:instrumentId/versions: the next version (409 when a newer one was saved meanwhile). */
export function useAddVersion(projectId: string, instrumentId: string) {
  return useInstrumentMutation(projectId, (input: InstrumentVersionInput) =>
    api.post<ProjectInstrument>(`${base(projectId)}/${encodeURIComponent(instrumentId)}/versions`, input),
  );
}

/** PUT …/versions/:version: edit a version no measurement has used (409 once one has). */
export function useEditVersion(projectId: string, instrumentId: string, version: number) {
  return useInstrumentMutation(projectId, (input: InstrumentVersionInput) =>
    api.put<ProjectInstrument>(
      `${base(projectId)}/${encodeURIComponent(instrumentId)}/versions/${version}`,
      input,
    ),
  );
}
