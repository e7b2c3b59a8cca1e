import { z } from "zod";
import { ORGANISATION_KINDS, PROJECT_PARTS, ROLES } from "../domain/access/index.js";
import { CalendarDateSchema, UuidSchema } from "./common.js";

const name = z
  .string()
  .trim()
  .min(2, "Navnet skal have mindst 2 tegn")
  .max(200, "Navnet må højst have 200 tegn");

export const OrganisationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(ORGANISATION_KINDS),
    externalCode: z.string().nullable(),
    requiresTwoFactor: z.boolean(),
    isActive: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: "Organisation" });
export type Organisation = z.infer<typeof OrganisationSchema>;

export const OrganisationCreateInputSchema = z
  .object({
    name,
    kind: z.enum(ORGANISATION_KINDS, { message: "Vælg en type" }),
    externalCode: z.string().trim().max(40).nullable().optional(),
    requiresTwoFactor: z.boolean().default(false),
  })
  .meta({ id: "OrganisationCreateInput" });
export type OrganisationCreateInput = z.infer<typeof OrganisationCreateInputSchema>;

export const OrganisationUpdateInputSchema = z
  .object({
    name: name.optional(),
    externalCode: z.string().trim().max(40).nullable().optional(),
    requiresTwoFactor: z.boolean().optional(),
    isActive: z.boolean().optional(),
    version: z.number().int().describe("The version you read; a stale version is refused with 409"),
  })
  .meta({ id: "OrganisationUpdateInput" });
export type OrganisationUpdateInput = z.infer<typeof OrganisationUpdateInputSchema>;

export const TrackSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    capacityFamilies: z.number().int(),
    caseloadWeightPct: z.number().int(),
    reviewIntervalMonths: z.number().int(),
  })
  .meta({ id: "Track" });

export const TrackInputSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{2,40}$/, "Koden må kun indeholde små bogstaver, tal og bindestreg"),
  name,
  capacityFamilies: z.number().int().min(1, "Mindst 1 familie").max(10_000),
  caseloadWeightPct: z.number().int().min(10).max(1000).default(100),
  reviewIntervalMonths: z.number().int().min(1).max(60).default(12),
});

export const ProjectPartySchema = z.object({
  organisationId: z.string(),
  organisationName: z.string(),
  organisationKind: z.enum(ORGANISATION_KINDS),
  part: z.enum(PROJECT_PARTS),
});

export const ProjectSchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    organisationName: z.string(),
    name: z.string(),
    description: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    status: z.enum(["planned", "active", "closed"]),
    tracks: z.array(TrackSchema),
    parties: z.array(ProjectPartySchema),
    version: z.number().int(),
  })
  .meta({ id: "Project" });
export type Project = z.infer<typeof ProjectSchema>;

const projectFields = {
  name,
  description: z.string().trim().max(4000).default(""),
  startsOn: CalendarDateSchema,
  endsOn: CalendarDateSchema,
  status: z.enum(["planned", "active", "closed"]).default("planned"),
  tracks: z.array(TrackInputSchema).min(1, "Et projekt har mindst ét spor").max(20),
  parties: z
    .array(z.object({ organisationId: UuidSchema, part: z.enum(PROJECT_PARTS) }))
    .max(50)
    .default([]),
};

const endAfterStart = (p: { startsOn?: string; endsOn?: string }) =>
  !p.startsOn || !p.endsOn || p.endsOn >= p.startsOn;
const endAfterStartIssue = { message: "Slutdatoen skal ligge efter startdatoen", path: ["endsOn"] };

export const ProjectCreateInputSchema = z
  .object({ organisationId: UuidSchema, ...projectFields })
  .refine(endAfterStart, endAfterStartIssue)
  .meta({ id: "ProjectCreateInput" });
export type ProjectCreateInput = z.infer<typeof ProjectCreateInputSchema>;

export const ProjectUpdateInputSchema = z
  .object({ ...projectFields, version: z.number().int() })
  .partial({
    name: true,
    description: true,
    startsOn: true,
    endsOn: true,
    status: true,
    tracks: true,
    parties: true,
  })
  .refine(endAfterStart, endAfterStartIssue)
  .meta({ id: "ProjectUpdateInput" });
export type ProjectUpdateInput = z.infer<typeof ProjectUpdateInputSchema>;

export const UserMembershipSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  role: z.enum(ROLES),
});

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    isActive: z.boolean(),
    hasTwoFactor: z.boolean(),
    isLocked: z.boolean(),
    memberships: z.array(UserMembershipSchema),
    externalIssuer: z.string().nullable(),
    externalSubject: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: "User" });
export type User = z.infer<typeof UserSchema>;

export const UserCreateInputSchema = z
  .object({
    email: z.email({ message: "Skriv en gyldig e-mailadresse" }).max(320),
    displayName: name,
    password: z.string().max(1024).optional().describe("Initial password; the user can change it"),
    memberships: z
      .array(z.object({ organisationId: UuidSchema, role: z.enum(ROLES) }))
      .min(1, "Giv brugeren mindst én rolle"),
  })
  .meta({ id: "UserCreateInput" });
export type UserCreateInput = z.infer<typeof UserCreateInputSchema>;

export const UserUpdateInputSchema = z
  .object({
    displayName: name.optional(),
    email: z.email({ message: "Skriv en gyldig e-mailadresse" }).max(320).optional(),
    externalIssuer: z.string().trim().max(500).nullable().optional(),
    externalSubject: z.string().trim().max(500).nullable().optional(),
    version: z.number().int(),
  })
  .meta({ id: "UserUpdateInput" });
export type UserUpdateInput = z.infer<typeof UserUpdateInputSchema>;

export const RoleAssignmentInputSchema = z
  .object({ organisationId: UuidSchema, role: z.enum(ROLES) })
  .meta({ id: "RoleAssignmentInput" });

export const ListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const AuditEventSchema = z
  .object({
    id: z.number(),
    seq: z.number(),
    occurredAt: z.string(),
    actorUserId: z.string().nullable(),
    actorName: z.string().nullable(),
    organisationId: z.string().nullable(),
    projectId: z.string().nullable(),
    eventType: z.string(),
    subjectType: z.string().nullable(),
    subjectId: z.string().nullable(),
    purpose: z.string().nullable(),
    requestId: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "AuditEvent" });
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditQuerySchema = z.object({
  userId: UuidSchema.optional(),
  eventType: z.string().max(100).optional(),
  subjectType: z.string().max(100).optional(),
  subjectId: z.string().max(200).optional(),
  from: CalendarDateSchema.optional(),
  to: CalendarDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const pageOf = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ items: z.array(item), total: z.number().int() }).meta({ id });
