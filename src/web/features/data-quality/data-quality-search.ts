import { z } from "zod";
import { DATA_QUALITY_KINDS } from "../../../contracts/progression-cohort.js";

const optionalText = z.string().trim().max(80).optional().catch(undefined);

/** Courses per page of the data-quality list. */
export const DATA_QUALITY_PAGE_SIZE = 25;

/** The data-quality list's filters and page, kept in the address. */
export const DataQualitySearchSchema = z.object({
  track: optionalText,
  kind: z.enum(DATA_QUALITY_KINDS).optional().catch(undefined),
  caseworker: optionalText,
  offset: z.coerce.number().int().min(0).optional().catch(undefined),
});
export type DataQualitySearch = z.infer<typeof DataQualitySearchSchema>;
