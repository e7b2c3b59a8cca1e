import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { api, setCsrfToken } from "../../lib/api-client.js";
import { setSessionNotice } from "../../lib/session-notice.js";
import { ME_QUERY_KEY, removeCachedDataExceptMe } from "../../lib/use-me.js";

/** Ends the session, forgets every cached answer (the next user must not see them) and goes home. */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post("/auth/logout"),
    onSettled: async () => {
      // Go home while still signed in, so that no page of the app mounts after Me is gone.
      await navigate({ to: "/" });
      setCsrfToken(null);
      removeCachedDataExceptMe(queryClient);
      queryClient.setQueryData(ME_QUERY_KEY, null);
      setSessionNotice("signed-out");
    },
  });
}
