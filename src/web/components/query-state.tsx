import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { isApiError } from "../lib/api-error.js";
import { ErrorAlert } from "./error-alert.js";
import { LoadingState } from "./loading-state.js";

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  loadingLabel?: string;
}

/** Renders a query's data, or its loading state, or its error with a retry button. */
export function QueryState<T>({ query, children, loadingLabel }: QueryStateProps<T>) {
  if (query.isPending) return <LoadingState label={loadingLabel} />;
  if (query.isError) {
    // Asking again helps after a network hiccup or a server fault, not after a refusal (4xx).
    const isRefusal = isApiError(query.error) && query.error.status >= 400 && query.error.status < 500;
    return <ErrorAlert error={query.error} onRetry={isRefusal ? undefined : () => void query.refetch()} />;
  }
  return <>{children(query.data)}</>;
}
