import type { z } from "zod";
import type {
  FamilyPlanView,
  PlanAgreement,
  PlanDiff,
  PlanVersionSummarySchema,
} from "../../../contracts/casework-plan.js";
import type { Goal, Measure, SubGoal } from "../../../domain/casework/family-plan.js";

/** The API's answers about Familiens Plan, as the web app reads them (types only). */
export type { FamilyPlanView, Goal, Measure, PlanAgreement, PlanDiff, SubGoal };
export type PlanVersionSummary = z.infer<typeof PlanVersionSummarySchema>;
export type PlanDiffEntry = PlanDiff["goals"][number] | PlanDiff["measures"][number];
