import type { Role } from "./roles.js";

/*
 * Who may take a place on a course's case team, by the role they hold in an organisation: the
 * municipality's caseworkers (a team leader may carry cases too) as caseworker, the provider's family
 * consultants as consultant. The coordinator place is open to anyone of either organisation. One list,
 * so that the team form, referral acceptance and the caseload board agree on who counts.
 */
export const CASE_TEAM_MEMBERSHIP_ROLES = {
  caseworker: ["caseworker", "team_leader"],
  consultant: ["family_consultant"],
} as const satisfies Record<"caseworker" | "consultant", readonly Role[]>;

/** The case-team place a membership role qualifies for, or undefined. */
export function caseTeamRoleOf(role: Role): "caseworker" | "consultant" | undefined {
  if ((CASE_TEAM_MEMBERSHIP_ROLES.consultant as readonly Role[]).includes(role)) return "consultant";
  if ((CASE_TEAM_MEMBERSHIP_ROLES.caseworker as readonly Role[]).includes(role)) return "caseworker";
  return undefined;
}
