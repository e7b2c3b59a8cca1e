import type { z } from "zod";
import type {
  BusinessCaseCreateInputSchema,
  BusinessCaseDetailSchema,
  BusinessCaseNewVersionInputSchema,
  BusinessCaseSummarySchema,
  BusinessCaseUpdateInputSchema,
  BusinessCaseVersionSchema,
  ScenarioDiffSchema,
} from "../../../contracts/business-case.js";

/** A business case in a list (GET /api/business-cases). */
export type BusinessCaseSummary = z.infer<typeof BusinessCaseSummarySchema>;
/** One business case with its current version (GET /api/business-cases/:id). */
export type BusinessCaseDetail = z.infer<typeof BusinessCaseDetailSchema>;
/** A saved version of a business case's scenario. */
export type BusinessCaseVersion = z.infer<typeof BusinessCaseVersionSchema>;
/** The input changes between two versions. */
export type ScenarioDiff = z.infer<typeof ScenarioDiffSchema>;
export type BusinessCaseCreateInput = z.input<typeof BusinessCaseCreateInputSchema>;
export type BusinessCaseUpdateInput = z.input<typeof BusinessCaseUpdateInputSchema>;
export type BusinessCaseNewVersionInput = z.input<typeof BusinessCaseNewVersionInputSchema>;
