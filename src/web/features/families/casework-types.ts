import type { z } from "zod";
import type {
  AcceptanceProblemSchema,
  AllowedEventSchema,
  ConsentSchema,
  CourseDetailSchema,
  CourseSummarySchema,
  DuplicateWarningSchema,
  FamilyDetailSchema,
  FamilyMemberSchema,
  ReferralDetailSchema,
  ReferralSummarySchema,
  TeamCandidateSchema,
  TeamMemberSchema,
  TransitionSchema,
} from "../../../contracts/casework.js";

/** The API's answers, as the web app reads them (types only: no schema code in the bundle). */
export type {
  FamilySummary,
  NewMemberInput,
  PersonInput,
  ReferralCreateInput,
} from "../../../contracts/casework.js";
export type FamilyDetail = z.infer<typeof FamilyDetailSchema>;
export type FamilyMember = z.infer<typeof FamilyMemberSchema>;
export type Consent = z.infer<typeof ConsentSchema>;
export type CourseSummary = z.infer<typeof CourseSummarySchema>;
export type CourseDetail = z.infer<typeof CourseDetailSchema>;
export type TeamMember = z.infer<typeof TeamMemberSchema>;
export type TeamCandidate = z.infer<typeof TeamCandidateSchema>;
export type Transition = z.infer<typeof TransitionSchema>;
export type AllowedEvent = z.infer<typeof AllowedEventSchema>;
export type ReferralSummary = z.infer<typeof ReferralSummarySchema>;
export type ReferralDetail = z.infer<typeof ReferralDetailSchema>;
export type AcceptanceProblem = z.infer<typeof AcceptanceProblemSchema>;
export type DuplicateWarning = z.infer<typeof DuplicateWarningSchema>;
