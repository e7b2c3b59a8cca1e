import { describe, expect, it } from "vitest";
import { caseTeamRoleOf } from "./case-team-roles.js";
import { ROLES } from "./roles.js";

describe("caseTeamRoleOf", () => {
  it("lets caseworkers and team leaders carry cases, family consultants consult, and nobody else", () => {
    const places = Object.fromEntries(ROLES.map((r) => [r, caseTeamRoleOf(r) ?? null]));
    expect(places).toEqual({
      ...Object.fromEntries(ROLES.map((r) => [r, null])),
      caseworker: "caseworker",
      team_leader: "caseworker",
      family_consultant: "consultant",
    });
  });
});
