/** The roles a user can hold in an organisation (a membership). */
export const ROLES = [
  "caseworker",
  "team_leader",
  "family_consultant",
  "project_manager",
  "finance_controller",
  "investor",
  "evaluator",
  "platform_admin",
] as const;
export type Role = (typeof ROLES)[number];

/** Kinds of organisation; a kind decides which roles make sense in it. */
export const ORGANISATION_KINDS = ["municipality", "provider", "investor", "evaluator", "platform"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** An organisation's part in a project. */
export const PROJECT_PARTS = ["owner", "payer", "provider", "investor", "evaluator"] as const;
export type ProjectPart = (typeof PROJECT_PARTS)[number];

/** Which roles an organisation of each kind may grant. Assigning another is refused. */
export const ROLES_BY_ORGANISATION_KIND = {
  municipality: ["caseworker", "team_leader", "project_manager", "finance_controller"],
  provider: ["family_consultant", "team_leader", "project_manager"],
  investor: ["investor"],
  evaluator: ["evaluator"],
  platform: ["platform_admin"],
} as const satisfies Record<OrganisationKind, readonly Role[]>;

/** True when an organisation of `kind` may grant `role`. */
export function isRoleAllowedForKind(kind: OrganisationKind, role: Role): boolean {
  return (ROLES_BY_ORGANISATION_KIND[kind] as readonly Role[]).includes(role);
}
