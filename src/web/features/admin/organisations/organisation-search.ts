import { z } from "zod";

/** The organisations list's search text, kept in the address. */
export const OrganisationListSearchSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
});
