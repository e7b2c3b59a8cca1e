import type { Permission } from "./permissions.js";
import type { Role } from "./roles.js";

/**
 * How far a granted permission reaches, always relative to the organisation of the membership that
 * holds the role:
 * - `any`: every record on the platform (platform admin only);
 * - `organisation`: records owned by the membership's organisation;
 * - `project`: records of projects in which the membership's organisation takes part;
 * - `assigned-organisation`: records the membership's organisation is assigned to (a provider's courses);
 * - `assigned`: records whose team includes the user, within the membership's organisation or its
 *   assignment;
 * - `self`: the user's own record.
 */
export type Reach = "any" | "organisation" | "project" | "assigned-organisation" | "assigned" | "self";

/** Role → permission → reach. Anything not listed is denied. */
export const POLICY_TABLE = {
  caseworker: {
    "organisation.read": "project",
    "project.read": "project",
    "user.read": "organisation",
    "family.read": "assigned",
    "family.write": "assigned",
    "cpr.reveal": "assigned",
    "caseload.read": "self",
    "measurement.read": "assigned",
    "measurement.record": "assigned",
  },
  team_leader: {
    "organisation.read": "project",
    "project.read": "project",
    "user.read": "organisation",
    "family.read": "organisation",
    "family.write": "organisation",
    "cpr.reveal": "organisation",
    "caseload.read": "organisation",
    "caseload.manage": "organisation",
    "measurement.read": "organisation",
    "measurement.record": "organisation",
    "economy.read": "organisation",
    "businessCase.read": "organisation",
    "aggregate.read": "project",
  },
  family_consultant: {
    "organisation.read": "project",
    "project.read": "project",
    "user.read": "organisation",
    "family.read": "assigned",
    "family.write": "assigned",
    "caseload.read": "self",
    "measurement.read": "assigned",
    "measurement.record": "assigned",
  },
  project_manager: {
    "organisation.read": "project",
    "project.read": "project",
    "project.manage": "organisation",
    "user.read": "organisation",
    "family.read": "project",
    "measurement.read": "project",
    // Imports the school's absence files for the municipality's own courses (issue 5, CSV import).
    "measurement.record": "organisation",
    "caseload.read": "project",
    "businessCase.read": "project",
    "businessCase.write": "organisation",
    "contract.read": "project",
    "contract.manage": "organisation",
    "economy.read": "project",
    "economy.write": "organisation",
    "aggregate.read": "project",
  },
  finance_controller: {
    "organisation.read": "project",
    "project.read": "project",
    "user.read": "organisation",
    "businessCase.read": "project",
    "businessCase.write": "organisation",
    "contract.read": "project",
    "settlement.approve": "project",
    "economy.read": "project",
    "economy.write": "organisation",
    "aggregate.read": "project",
  },
  investor: {
    "organisation.read": "project",
    "project.read": "project",
    "contract.read": "project",
    "settlement.approve": "project",
    "economy.read": "project",
    "aggregate.read": "project",
    // Reaches only business cases that their owner shares with the project's parties.
    "businessCase.read": "project",
  },
  evaluator: {
    "organisation.read": "project",
    "project.read": "project",
    "contract.read": "project",
    "settlement.validate": "project",
    "aggregate.read": "project",
    "pseudonymisedExport.create": "project",
  },
  platform_admin: {
    "organisation.read": "any",
    "organisation.manage": "any",
    "project.read": "any",
    "project.manage": "any",
    "user.read": "any",
    "user.manage": "any",
    "role.assign": "any",
    "audit.read": "any",
    "audit.export": "any",
  },
} as const satisfies Record<Role, Partial<Record<Permission, Reach>>>;

/** The reach a role has for a permission, or undefined when the role does not hold it. */
export function reachOf(role: Role, permission: Permission): Reach | undefined {
  return (POLICY_TABLE[role] as Partial<Record<Permission, Reach>>)[permission];
}
