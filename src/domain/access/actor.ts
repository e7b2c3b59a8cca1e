import type { OrganisationKind, Role } from "./roles.js";

/** One role a user holds in one organisation. */
export interface ActorMembership {
  organisationId: string;
  organisationKind: OrganisationKind;
  role: Role;
}

/**
 * Who is asking. Built by the server from the session (memberships of active organisations, and the
 * projects those organisations take part in); the policy needs nothing else.
 */
export interface Actor {
  userId: string;
  memberships: readonly ActorMembership[];
  /** Projects in which one of the actor's organisations takes part (including as owner). */
  projectParties: readonly { projectId: string; organisationId: string }[];
}

/**
 * What the policy needs to know about a record. Each field is a relationship the rules can use;
 * leave out what does not apply.
 */
export interface Resource {
  /** The record type, for messages and for choosing the "can see it at all" permission. */
  type: ResourceType;
  /** Organisations that own the record (a user: the organisations they belong to). */
  organisationIds: readonly string[];
  /** Projects the record belongs to (a project: itself). */
  projectIds?: readonly string[];
  /** Users on the record's team (a course's case team). */
  teamUserIds?: readonly string[];
  /** Organisations assigned to the record (a provider assigned to a course). */
  assignedOrganisationIds?: readonly string[];
  /** The user the record is about, when it is a user (for `self`). */
  userId?: string;
}

export type ResourceType =
  | "organisation"
  | "project"
  | "user"
  | "audit"
  | "family"
  | "business-case"
  | "contract"
  | "economy";
