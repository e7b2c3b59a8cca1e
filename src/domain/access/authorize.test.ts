import { describe, expect, it } from "vitest";
import type { Actor, Resource } from "./actor.js";
import { abilitiesOf, authorize, can } from "./authorize.js";
import { PERMISSIONS, PERSONAL_DATA_PERMISSIONS, type Permission } from "./permissions.js";
import { type Reach, reachOf } from "./policy-table.js";
import { type OrganisationKind, ROLES, type Role } from "./roles.js";
import { scope } from "./scope.js";

const ME = "user-me";
const MY_ORG = "org-mine";
const PARTNER_ORG = "org-partner"; // another organisation in a project mine takes part in
const OTHER_ORG = "org-other"; // another tenant, nothing shared
const SHARED_PROJECT = "project-shared";
const OTHER_PROJECT = "project-other";

const KIND_OF_ROLE: Record<Role, OrganisationKind> = {
  caseworker: "municipality",
  team_leader: "municipality",
  family_consultant: "provider",
  project_manager: "municipality",
  finance_controller: "municipality",
  investor: "investor",
  evaluator: "evaluator",
  platform_admin: "platform",
};

function actorWith(role: Role): Actor {
  return {
    userId: ME,
    memberships: [{ organisationId: MY_ORG, organisationKind: KIND_OF_ROLE[role], role }],
    projectParties: [{ projectId: SHARED_PROJECT, organisationId: MY_ORG }],
  };
}

/** The relationships a record can have to the actor; each test record has exactly one. */
const RELATIONSHIPS = {
  "own organisation": { organisationIds: [MY_ORG], projectIds: [OTHER_PROJECT] },
  "partner's record in a shared project": { organisationIds: [PARTNER_ORG], projectIds: [SHARED_PROJECT] },
  "assigned to my organisation": { organisationIds: [PARTNER_ORG], assignedOrganisationIds: [MY_ORG] },
  "on my team (partner's record, my organisation assigned)": {
    organisationIds: [PARTNER_ORG],
    assignedOrganisationIds: [MY_ORG],
    teamUserIds: [ME],
  },
  "on my team in my organisation": { organisationIds: [MY_ORG], teamUserIds: [ME] },
  "on my team in another tenant (not via my organisation)": {
    organisationIds: [OTHER_ORG],
    teamUserIds: [ME],
  },
  "my own user record": { organisationIds: [OTHER_ORG], userId: ME },
  "another tenant's record": { organisationIds: [OTHER_ORG], projectIds: [OTHER_PROJECT] },
} satisfies Record<string, Omit<Resource, "type">>;
type Relationship = keyof typeof RELATIONSHIPS;

/**
 * Written independently of the implementation: which relationships each reach covers.
 * "on my team in my organisation" is also an own-organisation record, and so on.
 */
const COVERS: Record<Reach, Relationship[]> = {
  any: Object.keys(RELATIONSHIPS) as Relationship[],
  organisation: ["own organisation", "on my team in my organisation"],
  project: ["own organisation", "partner's record in a shared project", "on my team in my organisation"],
  "assigned-organisation": [
    "assigned to my organisation",
    "on my team (partner's record, my organisation assigned)",
  ],
  assigned: ["on my team (partner's record, my organisation assigned)", "on my team in my organisation"],
  self: ["my own user record"],
};

describe("policy matrix: role × permission × relationship", () => {
  for (const role of ROLES) {
    for (const permission of PERMISSIONS) {
      for (const relationship of Object.keys(RELATIONSHIPS) as Relationship[]) {
        const reach = reachOf(role, permission);
        const expected = reach !== undefined && COVERS[reach].includes(relationship);
        it(`${role} ${expected ? "may" : "may not"} ${permission} on ${relationship}`, () => {
          const resource: Resource = { type: "family", ...RELATIONSHIPS[relationship] };
          expect(can(actorWith(role), permission, resource)).toBe(expected);
        });
      }
    }
  }
});

describe("what each role is for (DOMAIN.md 'Who uses it')", () => {
  const family = (rel: Relationship): Resource => ({ type: "family", ...RELATIONSHIPS[rel] });

  it("investors never reach a personal record, whatever the relationship", () => {
    for (const permission of PERSONAL_DATA_PERMISSIONS) {
      for (const rel of Object.keys(RELATIONSHIPS) as Relationship[]) {
        expect(can(actorWith("investor"), permission, family(rel))).toBe(false);
      }
    }
  });

  it("the platform admin and the evaluator hold no personal-data permission", () => {
    for (const role of ["platform_admin", "evaluator", "finance_controller"] as const) {
      for (const permission of PERSONAL_DATA_PERMISSIONS) expect(reachOf(role, permission)).toBeUndefined();
    }
  });

  it("a caseworker sees only families on their own team", () => {
    expect(can(actorWith("caseworker"), "family.read", family("on my team in my organisation"))).toBe(true);
    expect(can(actorWith("caseworker"), "family.read", family("own organisation"))).toBe(false);
  });

  it("a team leader sees every family of the municipality but none of another tenant", () => {
    expect(can(actorWith("team_leader"), "family.read", family("own organisation"))).toBe(true);
    expect(can(actorWith("team_leader"), "family.read", family("another tenant's record"))).toBe(false);
  });

  it("a family consultant follows assignments across municipalities", () => {
    const r = family("on my team (partner's record, my organisation assigned)");
    expect(can(actorWith("family_consultant"), "family.read", r)).toBe(true);
    expect(
      can(actorWith("family_consultant"), "family.read", family("partner's record in a shared project")),
    ).toBe(false);
  });

  it("only the platform admin manages users, roles and reads the audit log", () => {
    for (const role of ROLES) {
      const holds = ["user.manage", "role.assign", "audit.read", "audit.export"].map((p) =>
        reachOf(role, p as Permission),
      );
      expect(holds.every((r) => r !== undefined)).toBe(role === "platform_admin");
    }
  });

  it("roles held in one organisation give nothing in another organisation's records", () => {
    const multi: Actor = {
      userId: ME,
      memberships: [
        { organisationId: MY_ORG, organisationKind: "municipality", role: "caseworker" },
        { organisationId: PARTNER_ORG, organisationKind: "municipality", role: "team_leader" },
      ],
      projectParties: [],
    };
    expect(can(multi, "family.read", { type: "family", organisationIds: [PARTNER_ORG] })).toBe(true);
    expect(can(multi, "family.read", { type: "family", organisationIds: [MY_ORG] })).toBe(false);
  });
});

describe("authorize: 404 for what is hidden, 403 for what is visible but not allowed", () => {
  const project = (organisationIds: string[], projectIds: string[]): Resource => ({
    type: "project",
    organisationIds,
    projectIds,
  });

  it("allows", () => {
    expect(
      authorize(actorWith("project_manager"), "project.manage", project([MY_ORG], [SHARED_PROJECT])),
    ).toEqual({
      allowed: true,
    });
  });
  it("forbidden when the record is visible", () => {
    expect(authorize(actorWith("caseworker"), "project.manage", project([MY_ORG], [SHARED_PROJECT]))).toEqual(
      {
        allowed: false,
        reason: "forbidden",
      },
    );
  });
  it("hidden when the record belongs to another tenant", () => {
    expect(
      authorize(actorWith("project_manager"), "project.manage", project([OTHER_ORG], [OTHER_PROJECT])),
    ).toEqual({
      allowed: false,
      reason: "hidden",
    });
  });
  it("an actor with no memberships is denied everything", () => {
    const nobody: Actor = { userId: ME, memberships: [], projectParties: [] };
    for (const p of PERMISSIONS) expect(authorize(nobody, p, project([MY_ORG], [])).allowed).toBe(false);
    expect(abilitiesOf(nobody)).toEqual([]);
  });
});

describe("scope: the filter for lists", () => {
  it("is `all` only for platform-wide reach", () => {
    expect(scope(actorWith("platform_admin"), "user.read")).toEqual({ kind: "all" });
    expect(scope(actorWith("platform_admin"), "family.read")).toEqual({ kind: "none" });
  });
  it("is `none` for a permission the role lacks", () => {
    expect(scope(actorWith("investor"), "family.read")).toEqual({ kind: "none" });
  });
  it("lists the organisations and projects that a project reach covers", () => {
    expect(scope(actorWith("investor"), "project.read")).toEqual({
      kind: "some",
      organisationIds: [MY_ORG],
      projectIds: [SHARED_PROJECT],
      assignedOrganisationIds: [],
      teamMember: null,
      selfUserId: null,
    });
  });
  it("narrows a caseworker's families to their team", () => {
    expect(scope(actorWith("caseworker"), "family.read")).toEqual({
      kind: "some",
      organisationIds: [],
      projectIds: [],
      assignedOrganisationIds: [],
      teamMember: { userId: ME, organisationIds: [MY_ORG] },
      selfUserId: null,
    });
  });
});
