import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type Page } from "../../lib/api-client.js";
import type { ReferralCreateInput, ReferralDetail, ReferralSummary } from "../families/casework-types.js";
import { caseworkKeys, invalidateCasework } from "../families/family-queries.js";

/** At most this many referrals are shown in the inbox at once (newest first). */
export const REFERRAL_INBOX_LIMIT = 200;

const path = (id: string, rest = "") => `/referrals/${encodeURIComponent(id)}${rest}`;

/** GET /api/referrals: the inbox, newest first (optionally one state, or only the open ones). */
export function useReferrals(filter: { state?: string; open?: boolean }) {
  return useQuery({
    queryKey: caseworkKeys.referrals(filter),
    queryFn: ({ signal }) =>
      api.get<Page<ReferralSummary>>("/referrals", {
        signal,
        query: { state: filter.state, open: filter.open ? "true" : undefined, limit: REFERRAL_INBOX_LIMIT },
      }),
  });
}

/** GET /api/referrals/:id: history, allowed events and the acceptance check. */
export function useReferral(id: string) {
  return useQuery({
    queryKey: caseworkKeys.referral(id),
    queryFn: ({ signal }) => api.get<ReferralDetail>(path(id), { signal }),
  });
}

/** POST /api/referrals (409 when a member may be a duplicate). */
export function useCreateReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReferralCreateInput) => api.post<ReferralDetail>("/referrals", input),
    onSuccess: () => invalidateCasework(queryClient),
  });
}

/** POST /api/referrals/:id/transitions with the version that was read. */
export function useReferralTransition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      event: string;
      on: string;
      reason?: string;
      version: number;
      providerOrganisationId?: string;
      consultantUserId?: string;
    }) => api.post<ReferralDetail>(path(id, "/transitions"), input),
    onSuccess: (referral) => {
      queryClient.setQueryData(caseworkKeys.referral(id), referral);
      return invalidateCasework(queryClient);
    },
  });
}
