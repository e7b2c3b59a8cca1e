export type { Actor, ActorMembership, Resource, ResourceType } from "./actor.js";
export { abilitiesOf, authorize, can, type Decision, READ_PERMISSION_OF } from "./authorize.js";
export { CASE_TEAM_MEMBERSHIP_ROLES, caseTeamRoleOf } from "./case-team-roles.js";
export {
  AUTHENTICATED,
  isPersonalDataPermission,
  PERMISSIONS,
  PERSONAL_DATA_PERMISSIONS,
  type Permission,
  PUBLIC,
  type RoutePermission,
} from "./permissions.js";
export { POLICY_TABLE, type Reach, reachOf } from "./policy-table.js";
export {
  isRoleAllowedForKind,
  ORGANISATION_KINDS,
  type OrganisationKind,
  PROJECT_PARTS,
  type ProjectPart,
  ROLES,
  ROLES_BY_ORGANISATION_KIND,
  type Role,
} from "./roles.js";
export { type Scope, scope } from "./scope.js";
