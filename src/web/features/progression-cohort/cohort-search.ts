import { z } from "zod";

const optionalText = z.string().trim().max(80).optional().catch(undefined);

/** The cohort page's choice of measurement and filters, kept in the address (shareable; Back works). */
export const CohortSearchSchema = z.object({
  instrument: optionalText,
  score: optionalText,
  subject: z.enum(["family", "person"]).optional().catch(undefined),
  track: optionalText,
  language: optionalText,
  state: optionalText,
});
export type CohortSearch = z.infer<typeof CohortSearchSchema>;
