import { type QueryClient, useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import type { Me } from "../../contracts/auth.js";
import { api, setCsrfToken } from "./api-client.js";
import { isApiError } from "./api-error.js";

export const ME_QUERY_KEY = ["me"] as const;

/** GET /api/me; null when nobody is signed in (401). Keeps the CSRF token for later writes. */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    const me = await api.get<Me>("/me", { signal });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The signed-in user (`data` is null when signed out). */
export function useMe() {
  return useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 60_000,
    refetchOnWindowFocus: true,
  });
}

/**
 * The signed-in user, for components that only render inside the signed-in layout. During the render
 * in which the user logs out (Me becomes null before the layout is swapped) it keeps the last value.
 * @throws Error when called while nobody has been signed in (a programming error).
 */
export function useCurrentMe(): Me {
  const { data } = useMe();
  const last = useRef<Me | null>(data ?? null);
  if (data) last.current = data;
  if (!last.current) throw new Error("useCurrentMe() used outside the signed-in layout");
  return last.current;
}

/**
 * Forgets every cached answer except /api/me (whose query the root layout observes), so that the next
 * user never sees the previous user's data.
 */
export function removeCachedDataExceptMe(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
}
