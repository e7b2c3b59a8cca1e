import { z } from "zod";

const optionalText = z.string().trim().max(200).optional().catch(undefined);

/** Rows per page of the family list. */
export const FAMILY_PAGE_SIZE = 25;

/** The family list's search and filters, kept in the address (shareable, and Back works). */
export const FamilyListSearchSchema = z.object({
  q: optionalText,
  projectId: optionalText,
  trackId: optionalText,
  state: optionalText,
  caseworkerId: optionalText,
  overdue: z
    .union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")])
    .optional()
    .catch(undefined),
  offset: z.coerce.number().int().min(0).optional().catch(undefined),
});
export type FamilyListSearch = z.infer<typeof FamilyListSearchSchema>;

/**
 * The family page's tab and the course it shows (a family may have had more than one). The tab is a
 * free string so that new tabs need no change here; an unknown one falls back to the overview.
 */
export const FamilyPageSearchSchema = z.object({
  tab: z.string().trim().max(40).optional().catch(undefined),
  courseId: optionalText,
});
export type FamilyPageSearch = z.infer<typeof FamilyPageSearchSchema>;
