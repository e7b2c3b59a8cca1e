import { useQuery } from "@tanstack/react-query";
import type { TimelineItem } from "../../../contracts/casework-plan.js";
import { api } from "../../lib/api-client.js";
import { contactKeys } from "../contacts/contact-queries.js";

export type { TimelineItem };

/** GET /api/families/:id/timeline: everything around the family, newest first. */
export function useFamilyTimeline(familyId: string) {
  return useQuery({
    queryKey: [...contactKeys.timelines, familyId] as const,
    queryFn: ({ signal }) =>
      api.get<{ familyId: string; items: TimelineItem[] }>(
        `/families/${encodeURIComponent(familyId)}/timeline`,
        { signal },
      ),
  });
}
