import { z } from "zod";
import {
  CONSENT_PURPOSES,
  COURSE_EVENTS,
  COURSE_STATES,
  HOUSEHOLD_ROLES,
  REFERRAL_EVENTS,
  REFERRAL_STATES,
} from "../domain/casework/index.js";
import { CalendarDateSchema, UuidSchema } from "./common.js";

/*
 * The API of families, people, referrals and courses (issue 4). Personal data: every route reads
 * through src/server/modules/casework/case-access.ts and writes an audit row.
 */

const text = (max: number, what: string) =>
  z
    .string({ error: `${what} skal udfyldes` })
    .trim()
    .min(1, `${what} skal udfyldes`)
    .max(max, `${what} må højst have ${max} tegn`);
const reason = z.string().trim().max(2000, "Begrundelsen må højst have 2000 tegn");
const version = z.number().int().describe("The version you read; a stale version is refused with 409");

export const SEXES = ["female", "male", "other", "unknown"] as const;
export const DANISH_PROFICIENCIES = ["none", "basic", "conversational", "fluent", "native"] as const;
export const LanguageCodeSchema = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}$/, "Sproget skal angives med en sprogkode (fx ar, so, da)");

// ---------------------------------------------------------------------------------------------------
// People

export const PersonInputSchema = z
  .object({
    firstName: text(100, "Fornavn"),
    lastName: text(100, "Efternavn"),
    birthDate: CalendarDateSchema,
    sex: z.enum(SEXES, { error: "Vælg køn" }),
    languages: z.array(LanguageCodeSchema).max(10, "Højst 10 sprog").default([]),
    danishProficiency: z.enum(DANISH_PROFICIENCIES, { error: "Vælg danskkundskaber" }),
    interpreterNeeded: z.boolean().default(false),
    schoolOrDayCare: z.string().trim().max(200, "Højst 200 tegn").default(""),
    /** DDMMYY-SSSS or DDMMYYSSSS; validated, then sealed. Never echoed back. */
    cpr: z.string().trim().max(20).optional(),
  })
  .meta({ id: "PersonInput" });
export type PersonInput = z.input<typeof PersonInputSchema>;

export const PersonUpdateInputSchema = PersonInputSchema.partial()
  .extend({ version })
  .meta({ id: "PersonUpdateInput" });

export const PersonSchema = z
  .object({
    id: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    birthDate: z.string(),
    sex: z.enum(SEXES),
    languages: z.array(z.string()),
    danishProficiency: z.enum(DANISH_PROFICIENCIES),
    interpreterNeeded: z.boolean(),
    schoolOrDayCare: z.string(),
    hasCpr: z.boolean(),
    /** "DDMMYY-****": the full number only through the audited reveal. */
    cprMasked: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: "Person" });
export type Person = z.infer<typeof PersonSchema>;

export const CprRevealInputSchema = z
  .object({ reason: text(500, "Begrundelsen") })
  .meta({ id: "CprRevealInput" });
export const CprRevealSchema = z.object({ cpr: z.string() }).meta({ id: "CprReveal" });

export const DuplicateCheckInputSchema = z
  .object({
    firstName: text(100, "Fornavn"),
    lastName: text(100, "Efternavn"),
    birthDate: CalendarDateSchema,
    cpr: z.string().trim().max(20).optional(),
  })
  .meta({ id: "DuplicateCheckInput" });
export const DuplicateWarningSchema = z
  .object({
    match: z.enum(["same-cpr", "same-name-and-birth-date", "similar-name-and-birth-date"]),
    /** Present only when you may see the person. */
    personId: z.string().nullable(),
    name: z.string().nullable(),
    message: z.string(),
  })
  .meta({ id: "DuplicateWarning" });
export const DuplicateCheckSchema = z
  .object({ warnings: z.array(DuplicateWarningSchema) })
  .meta({ id: "DuplicateCheck" });

// ---------------------------------------------------------------------------------------------------
// Families

export const NewMemberInputSchema = z
  .object({
    role: z.enum(HOUSEHOLD_ROLES, { error: "Vælg rolle i familien" }),
    fromOn: CalendarDateSchema,
    /** A new person… */
    person: PersonInputSchema.optional(),
    /** …or a person already known in the municipality (moving in). */
    personId: UuidSchema.optional(),
    /** Add the person even though they resemble someone already known (never for the same CPR). */
    acknowledgeDuplicates: z.boolean().default(false),
  })
  .refine((m) => (m.person === undefined) !== (m.personId === undefined), {
    message: "Angiv enten en ny person eller en eksisterende person",
    path: ["person"],
  })
  .meta({ id: "NewMemberInput" });
export type NewMemberInput = z.input<typeof NewMemberInputSchema>;

export const EndMembershipInputSchema = z
  .object({ toOn: CalendarDateSchema })
  .meta({ id: "EndMembershipInput" });

export const FamilyMemberSchema = z
  .object({
    membershipId: z.string(),
    role: z.enum(HOUSEHOLD_ROLES),
    fromOn: z.string(),
    toOn: z.string().nullable(),
    isCurrent: z.boolean(),
    person: PersonSchema,
  })
  .meta({ id: "FamilyMember" });

export const ConsentSchema = z
  .object({
    id: z.string(),
    personId: z.string().nullable(),
    purpose: z.enum(CONSENT_PURPOSES),
    isGiven: z.boolean(),
    recordedOn: z.string(),
    note: z.string(),
    recordedByName: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "Consent" });

export const ConsentInputSchema = z
  .object({
    /** Absent: the family's consent as a whole. */
    personId: UuidSchema.optional(),
    purpose: z.enum(CONSENT_PURPOSES, { error: "Vælg formålet med samtykket" }),
    isGiven: z.boolean(),
    recordedOn: CalendarDateSchema,
    note: z.string().trim().max(1000, "Højst 1000 tegn").default(""),
  })
  .meta({ id: "ConsentInput" });

const UserRefSchema = z.object({ id: z.string(), name: z.string() });

export const FamilySummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    memberCount: z.number().int(),
    languages: z.array(z.string()),
    interpreterNeeded: z.boolean(),
    projectId: z.string().nullable(),
    projectName: z.string().nullable(),
    trackId: z.string().nullable(),
    trackName: z.string().nullable(),
    courseId: z.string().nullable(),
    courseState: z.enum(COURSE_STATES).nullable(),
    referralId: z.string().nullable(),
    referralState: z.enum(REFERRAL_STATES).nullable(),
    caseworkers: z.array(UserRefSchema),
    openTasks: z.number().int(),
    overdueTasks: z.number().int(),
    nextDueOn: z.string().nullable(),
  })
  .meta({ id: "FamilySummary" });
export type FamilySummary = z.infer<typeof FamilySummarySchema>;

export const FamilyListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  projectId: UuidSchema.optional(),
  trackId: UuidSchema.optional(),
  state: z.enum([...COURSE_STATES, "referral", "open"]).optional(),
  caseworkerId: UuidSchema.optional(),
  overdue: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const FamilyDetailSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    organisationId: z.string(),
    version: z.number().int(),
    members: z.array(FamilyMemberSchema),
    consents: z.array(ConsentSchema),
    referrals: z.array(z.lazy(() => ReferralSummarySchema)),
    courses: z.array(z.lazy(() => CourseSummarySchema)),
    abilities: z.object({ write: z.boolean(), revealCpr: z.boolean() }),
  })
  .meta({ id: "FamilyDetail" });

// ---------------------------------------------------------------------------------------------------
// Referrals

export const ReferralSummarySchema = z
  .object({
    id: z.string(),
    familyId: z.string(),
    familyName: z.string(),
    projectId: z.string(),
    projectName: z.string(),
    trackId: z.string(),
    trackName: z.string(),
    state: z.enum(REFERRAL_STATES),
    stateSince: z.string(),
    referredOn: z.string(),
    reason: z.string(),
    caseworker: UserRefSchema.nullable(),
    courseId: z.string().nullable(),
  })
  .meta({ id: "ReferralSummary" });

export const TransitionSchema = z
  .object({
    id: z.string(),
    event: z.string(),
    fromState: z.string().nullable(),
    toState: z.string(),
    onDate: z.string(),
    reason: z.string(),
    byName: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "Transition" });

export const AllowedEventSchema = z
  .object({ event: z.string(), label: z.string(), to: z.string(), isReasonRequired: z.boolean() })
  .meta({ id: "AllowedEvent" });

export const AcceptanceProblemSchema = z
  .object({
    code: z.enum(["state", "consent-missing", "consent-withdrawn", "capacity-full"]),
    severity: z.enum(["blocking", "warning"]),
    purpose: z.enum(CONSENT_PURPOSES).optional(),
    personIds: z.array(z.string()).optional(),
    message: z.string(),
  })
  .meta({ id: "AcceptanceProblem" });

export const ReferralDetailSchema = ReferralSummarySchema.extend({
  legalBasis: z.string(),
  childIds: z.array(z.string()),
  version: z.number().int(),
  transitions: z.array(TransitionSchema),
  allowedEvents: z.array(AllowedEventSchema),
  acceptance: z.object({ canAccept: z.boolean(), problems: z.array(AcceptanceProblemSchema) }),
  /** The project's provider organisations (a course is delivered by one of them). */
  providers: z.array(z.object({ id: z.string(), name: z.string() })),
  abilities: z.object({ write: z.boolean() }),
}).meta({ id: "ReferralDetail" });

export const ReferralListQuerySchema = z.object({
  state: z.enum(REFERRAL_STATES).optional(),
  open: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
  projectId: UuidSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ReferralCreateInputSchema = z
  .object({
    /** An existing family… */
    familyId: UuidSchema.optional(),
    /** …or a new one with its members. */
    newFamily: z
      .object({
        name: text(200, "Familiens navn"),
        members: z.array(NewMemberInputSchema).min(1, "Tilføj mindst ét familiemedlem").max(20),
      })
      .optional(),
    projectId: UuidSchema,
    trackId: UuidSchema,
    reason: text(4000, "Årsagen til henvisningen"),
    legalBasis: text(500, "Lovgrundlaget"),
    referredOn: CalendarDateSchema,
    /** Existing family: person ids of the children concerned. New family: all its children. */
    childIds: z.array(UuidSchema).max(20).default([]),
    /** The responsible caseworker; default: you. */
    caseworkerUserId: UuidSchema.optional(),
  })
  .refine((r) => (r.familyId === undefined) !== (r.newFamily === undefined), {
    message: "Vælg en eksisterende familie eller opret en ny",
    path: ["familyId"],
  })
  .meta({ id: "ReferralCreateInput" });
export type ReferralCreateInput = z.input<typeof ReferralCreateInputSchema>;

export const ReferralTransitionInputSchema = z
  .object({
    event: z.enum(REFERRAL_EVENTS, { error: "Ukendt handling for henvisningen" }),
    on: CalendarDateSchema,
    reason: reason.optional(),
    version,
    /** Accept: the provider organisation that delivers the course (default: the project's only provider). */
    providerOrganisationId: UuidSchema.optional(),
    /** Accept: the provider's family consultant to put on the case team. */
    consultantUserId: UuidSchema.optional(),
  })
  .meta({ id: "ReferralTransitionInput" });

export const ReferralAssignInputSchema = z
  .object({ caseworkerUserId: UuidSchema, version })
  .meta({ id: "ReferralAssignInput" });

// ---------------------------------------------------------------------------------------------------
// Courses

export const TEAM_ROLES = ["caseworker", "consultant", "coordinator"] as const;

export const TeamMemberSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    name: z.string(),
    organisationId: z.string(),
    organisationName: z.string(),
    role: z.enum(TEAM_ROLES),
    fromOn: z.string(),
    toOn: z.string().nullable(),
    isActive: z.boolean(),
    overrideReason: z.string().nullable(),
  })
  .meta({ id: "TeamMember" });

export const CourseSummarySchema = z
  .object({
    id: z.string(),
    familyId: z.string(),
    projectId: z.string(),
    projectName: z.string(),
    trackId: z.string(),
    trackName: z.string(),
    state: z.enum(COURSE_STATES),
    stateSince: z.string(),
    acceptedOn: z.string(),
    providerName: z.string().nullable(),
  })
  .meta({ id: "CourseSummary" });

export const CourseDetailSchema = CourseSummarySchema.extend({
  familyName: z.string(),
  organisationId: z.string(),
  providerOrganisationId: z.string().nullable(),
  referralId: z.string(),
  planVersion: z.number().int(),
  version: z.number().int(),
  transitions: z.array(TransitionSchema),
  allowedEvents: z.array(AllowedEventSchema),
  team: z.array(TeamMemberSchema),
  abilities: z.object({ write: z.boolean(), manageCaseload: z.boolean() }),
}).meta({ id: "CourseDetail" });

export const CourseTransitionInputSchema = z
  .object({
    event: z.enum(COURSE_EVENTS, { error: "Ukendt handling for forløbet" }),
    on: CalendarDateSchema,
    reason: reason.optional(),
    version,
  })
  .meta({ id: "CourseTransitionInput" });

export const TeamMemberInputSchema = z
  .object({
    userId: UuidSchema,
    role: z.enum(TEAM_ROLES, { error: "Vælg rolle på sagsteamet" }),
    fromOn: CalendarDateSchema,
    /** A team leader's reason for going over the hard caseload limit. */
    overrideReason: reason.optional(),
  })
  .meta({ id: "TeamMemberInput" });

export const EndTeamMemberInputSchema = z
  .object({ toOn: CalendarDateSchema })
  .meta({ id: "EndTeamMemberInput" });

/** Users who may join a course's case team (the municipality's caseworkers, the provider's consultants). */
export const TeamCandidateSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    organisationId: z.string(),
    organisationName: z.string(),
    role: z.enum(TEAM_ROLES),
  })
  .meta({ id: "TeamCandidate" });
