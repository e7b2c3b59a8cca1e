import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { LoginInput, Me } from "../../../contracts/auth.js";
import { api, setCsrfToken } from "../../lib/api-client.js";
import { setSessionNotice } from "../../lib/session-notice.js";
import { ME_QUERY_KEY, removeCachedDataExceptMe } from "../../lib/use-me.js";

/** POST /api/auth/login; on success the answer (a Me) becomes the signed-in user. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api.post<Me>("/auth/login", input),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      removeCachedDataExceptMe(queryClient);
      queryClient.setQueryData(ME_QUERY_KEY, me);
      setSessionNotice(null);
    },
  });
}
