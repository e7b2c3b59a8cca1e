/**
 * Every permission in the product. Routes name one of these; the role table in policy-table.ts says
 * which roles hold it and how far it reaches.
 */
export const PERMISSIONS = [
  // Platform administration
  "organisation.read",
  "organisation.manage",
  "project.read",
  "project.manage",
  "user.read",
  "user.manage",
  "role.assign",
  "audit.read",
  "audit.export",
  // Case work (personal data)
  "family.read",
  "family.write",
  "cpr.reveal",
  "caseload.read",
  "caseload.manage",
  "measurement.read",
  "measurement.record",
  // Money and outcomes
  "businessCase.read",
  "businessCase.write",
  "contract.read",
  "contract.manage",
  "settlement.validate",
  "settlement.approve",
  "economy.read",
  "economy.write",
  // Aggregates and research
  "aggregate.read",
  "pseudonymisedExport.create",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Permissions that reach a personal record (a family, a person, a CPR number, a measurement of a
 * person). Investors and the platform admin never hold any of them; evaluators reach people only
 * through pseudonymised exports.
 */
export const PERSONAL_DATA_PERMISSIONS = [
  "family.read",
  "family.write",
  "cpr.reveal",
  "measurement.read",
  "measurement.record",
] as const satisfies readonly Permission[];

/** Whether a route's permission reaches a personal record. */
export const isPersonalDataPermission = (p: string): boolean =>
  (PERSONAL_DATA_PERMISSIONS as readonly string[]).includes(p);

/** A permission that the route deliberately does not check (login, health): named so it is a choice. */
export const PUBLIC = "public" as const;
/** A route any signed-in user may call about themselves (me, logout, two-factor setup). */
export const AUTHENTICATED = "authenticated" as const;
export type RoutePermission = Permission | typeof PUBLIC | typeof AUTHENTICATED;
