import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import type { Me } from "../../contracts/auth.js";
import { isApiError } from "../lib/api-error.js";
import { setSessionNotice } from "../lib/session-notice.js";
import { ME_QUERY_KEY } from "../lib/use-me.js";

/** Codes that mean "the session is gone": show the login page again. */
const SIGNED_OUT_CODES = ["UNAUTHENTICATED", "SESSION_EXPIRED"];

function onApiError(error: unknown) {
  if (isApiError(error, ...SIGNED_OUT_CODES)) {
    const wasSignedIn = queryClient.getQueryData<Me | null>(ME_QUERY_KEY);
    if (wasSignedIn) setSessionNotice("expired");
    void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
  } else if (isApiError(error, "TWO_FACTOR_ENROLMENT_REQUIRED")) {
    void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (query.queryKey[0] !== ME_QUERY_KEY[0]) onApiError(error);
    },
  }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx answer will not change by asking again; a network hiccup or a 5xx might.
      retry: (failureCount, error) =>
        !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
    },
    mutations: { retry: false },
  },
});
