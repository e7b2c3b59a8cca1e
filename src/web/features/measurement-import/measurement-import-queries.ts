import { useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  MeasurementImportCheck,
  MeasurementImportInput,
  MeasurementImportOverview,
  MeasurementImportResult,
} from "../../../contracts/progression-import.js";
import { api, apiUrl } from "../../lib/api-client.js";
import { ApiError } from "../../lib/api-error.js";
import { useMe } from "../../lib/use-me.js";

export const importKeys = {
  overview: (projectId: string) => ["measurement-imports", projectId] as const,
};

const base = (projectId: string) => `/projects/${encodeURIComponent(projectId)}/measurement-imports`;

/** GET /api/projects/:id/measurement-imports: the importable instruments and the history. */
export function useImportOverview(projectId: string) {
  return useQuery({
    queryKey: importKeys.overview(projectId),
    queryFn: ({ signal }) => api.get<MeasurementImportOverview>(base(projectId), { signal }),
  });
}

/**
 * POSTs JSON with XMLHttpRequest, which (unlike fetch) reports how much of the body has been sent:
 * the progress bar of a large file is the real upload. `onUploaded` fires when the last byte is sent.
 */
function postWithProgress<T>(
  path: string,
  body: unknown,
  csrfToken: string | undefined,
  on: { progress: (fraction: number) => void; uploaded: () => void },
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", apiUrl(path));
    xhr.setRequestHeader("Content-Type", "application/json");
    xhr.setRequestHeader("Accept", "application/json");
    if (csrfToken) xhr.setRequestHeader("X-CSRF-Token", csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) on.progress(e.loaded / e.total);
    };
    xhr.upload.onload = () => on.uploaded();
    xhr.onerror = () => reject(ApiError.network());
    xhr.onload = () => {
      let parsed: unknown = null;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        parsed = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(parsed as T);
      else reject(ApiError.fromResponse(xhr.status, parsed, xhr.getResponseHeader("x-request-id")));
    };
    xhr.send(JSON.stringify(body));
  });
}

export type UploadHandlers = Parameters<typeof postWithProgress>[3];

/** The dry run and the commit, with upload progress; the commit refreshes the history. */
export function useImportActions(projectId: string) {
  const queryClient = useQueryClient();
  const csrfToken = useMe().data?.csrfToken;
  return {
    check: (input: MeasurementImportInput, on: UploadHandlers) =>
      postWithProgress<MeasurementImportCheck>(`${base(projectId)}/check`, input, csrfToken, on),
    commit: async (input: MeasurementImportInput, on: UploadHandlers) => {
      try {
        return await postWithProgress<MeasurementImportResult>(base(projectId), input, csrfToken, on);
      } finally {
        await queryClient.invalidateQueries({ queryKey: importKeys.overview(projectId) });
      }
    },
  };
}
