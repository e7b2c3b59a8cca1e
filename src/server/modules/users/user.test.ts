import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../../../test/test-app.js";

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin@bundlinje.demo");
});
afterAll(() => t.close());

describe("users (platform admin)", () => {
  it("creates a user with a role, who can then sign in; e-mails are unique regardless of case", async () => {
    const res = await admin.post("/api/users", {
      email: "Ny.Raadgiver@vejle.demo",
      displayName: "Nanna Rådgiver",
      password: "syv grønne æbler i kurven",
      memberships: [{ organisationId: t.seed.orgIds.vejle, role: "caseworker" }],
    });
    expect(res.status).toBe(201);
    const user = await res.json();
    expect(user.memberships).toEqual([
      expect.objectContaining({ organisationName: "Vejle Kommune", role: "caseworker" }),
    ]);
    expect(user).not.toHaveProperty("passwordHash");
    const dup = await admin.post("/api/users", {
      email: "ny.raadgiver@VEJLE.demo",
      displayName: "Dublet",
      password: "syv grønne æbler i kurven",
      memberships: [{ organisationId: t.seed.orgIds.vejle, role: "caseworker" }],
    });
    expect(dup.status).toBe(409);
    expect(
      (
        await t.request("POST", "/api/auth/login", {
          email: "ny.raadgiver@vejle.demo",
          password: "syv grønne æbler i kurven",
        })
      ).status,
    ).toBe(200);
  });

  it("lists and searches users; a team leader sees only colleagues of their municipality", async () => {
    const all = await (await admin.get("/api/users?q=vejle.demo")).json();
    expect(all.items.length).toBeGreaterThanOrEqual(4);
    const leader = await t.login("leder@vejle.demo");
    const colleagues = await (await leader.get("/api/users")).json();
    const emails = colleagues.items.map((u: { email: string }) => u.email);
    expect(emails).toContain("sagsbehandler@vejle.demo");
    expect(emails).not.toContain("sagsbehandler@rodovre.demo");
    expect(emails).not.toContain("konsulent@modersmaal.demo");
    expect((await leader.get(`/api/users/${t.seed.userIds["sagsbehandler@rodovre.demo"]}`)).status).toBe(404);
    expect(
      (await leader.post(`/api/users/${t.seed.userIds["sagsbehandler@vejle.demo"]}/deactivate`)).status,
    ).toBe(403);
  });

  it("edits with optimistic locking: a stale version gets 409", async () => {
    const id = t.seed.userIds["okonomi@vejle.demo"]!;
    const user = await (await admin.get(`/api/users/${id}`)).json();
    const ok = await admin.patch(`/api/users/${id}`, {
      displayName: "Ole Økonomi-Hansen",
      externalIssuer: "https://sso.vejle.dk",
      externalSubject: "ole-123",
      version: user.version,
    });
    expect(ok.status).toBe(200);
    expect((await ok.json()).externalSubject).toBe("ole-123");
    const stale = await admin.patch(`/api/users/${id}`, { displayName: "Gammel", version: user.version });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.code).toBe("STALE_VERSION");
  });

  it("refuses a role that does not belong to the organisation kind", async () => {
    const id = t.seed.userIds["sagsbehandler@vejle.demo"]!;
    const res = await admin.post(`/api/users/${id}/roles`, {
      organisationId: t.seed.orgIds.investor,
      role: "caseworker",
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details[0].path).toBe("memberships.0.role");
  });

  it("keeps at least one platform admin and never deletes a user", async () => {
    const me = await (await admin.get(`/api/users/${admin.userId}`)).json();
    const res = await admin.del(`/api/users/${admin.userId}/roles/${me.memberships[0].id}`);
    expect(res.status).toBe(409);
    expect((await admin.post(`/api/users/${admin.userId}/deactivate`)).status).toBe(409);
    const list = await (await admin.get("/api/users?limit=500")).json();
    const beforeIds = list.items.map((u: { id: string }) => u.id);
    await admin.post(`/api/users/${t.seed.userIds["evaluator@evaluering.demo"]}/deactivate`);
    const after = await (await admin.get("/api/users?limit=500")).json();
    expect(after.items.map((u: { id: string }) => u.id)).toEqual(beforeIds);
    expect(after.items.find((u: { email: string }) => u.email === "evaluator@evaluering.demo").isActive).toBe(
      false,
    );
  });

  it("unlocks a locked account and resets two-factor", async () => {
    const email = "investor@fond.demo";
    for (let i = 0; i < 5; i++)
      await t.request("POST", "/api/auth/login", { email, password: `wrong-${i}-password` });
    const id = t.seed.userIds[email]!;
    expect((await (await admin.get(`/api/users/${id}`)).json()).isLocked).toBe(true);
    expect((await admin.post(`/api/users/${id}/unlock`)).status).toBe(200);
    expect((await t.request("POST", "/api/auth/login", { email, password: "bundlinje-demo" })).status).toBe(
      200,
    );
    expect((await admin.post(`/api/users/${id}/two-factor/reset`)).status).toBe(200);
  });
});

describe("organisations and projects", () => {
  it("creates and edits an organisation; names are unique", async () => {
    const created = await admin.post("/api/organisations", {
      name: "Herning Kommune",
      kind: "municipality",
      externalCode: "657",
    });
    expect(created.status).toBe(201);
    const org = await created.json();
    expect(
      (await admin.post("/api/organisations", { name: "herning kommune", kind: "municipality" })).status,
    ).toBe(409);
    const edited = await admin.patch(`/api/organisations/${org.id}`, {
      requiresTwoFactor: true,
      version: org.version,
    });
    expect((await edited.json()).requiresTwoFactor).toBe(true);
  });

  it("creates a project with tracks and parties, checking that each party's kind fits its part", async () => {
    const body = {
      organisationId: t.seed.orgIds.rodovre,
      name: "Små sagsstammer – Rødovre",
      startsOn: "2026-01-01",
      endsOn: "2027-12-31",
      tracks: [{ code: "standard", name: "Standard", capacityFamilies: 25 }],
      parties: [{ organisationId: t.seed.orgIds.investor, part: "provider" }],
    };
    const wrong = await admin.post("/api/projects", body);
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.details[0].path).toBe("parties.0.part");
    const ok = await admin.post("/api/projects", {
      ...body,
      parties: [{ organisationId: t.seed.orgIds.provider, part: "provider" }],
    });
    expect(ok.status).toBe(201);
    const p = await ok.json();
    expect(p.tracks).toEqual([
      expect.objectContaining({
        code: "standard",
        capacityFamilies: 25,
        caseloadWeightPct: 100,
        reviewIntervalMonths: 12,
      }),
    ]);
    expect(p.parties.map((x: { part: string }) => x.part).sort()).toEqual(["owner", "provider"]);
    // The provider's consultant now sees the project; Vejle's caseworker does not.
    const consultant = await t.login("konsulent@modersmaal.demo");
    expect((await consultant.get(`/api/projects/${p.id}`)).status).toBe(200);
    const vejle = await t.login("sagsbehandler@vejle.demo");
    expect((await vejle.get(`/api/projects/${p.id}`)).status).toBe(404);
  });

  it("lets a municipality's project manager manage its own projects only", async () => {
    const pm = await t.login("projektleder@vejle.demo");
    const own = await pm.post("/api/projects", {
      organisationId: t.seed.orgIds.vejle,
      name: "Familiens Plan – Vejle",
      startsOn: "2026-06-01",
      endsOn: "2028-05-31",
      tracks: [{ code: "plan", name: "Familiens Plan", capacityFamilies: 40 }],
    });
    expect(own.status).toBe(201);
    const p = await own.json();
    const renamed = await pm.patch(`/api/projects/${p.id}`, {
      name: "Familiens Plan – Vejle Øst",
      tracks: [
        { code: "plan", name: "Familiens Plan", capacityFamilies: 45 },
        { code: "light", name: "Let spor", capacityFamilies: 10 },
      ],
      version: p.version,
    });
    expect(renamed.status).toBe(200);
    expect(
      (await renamed.json()).tracks.map(
        (x: { code: string; capacityFamilies: number }) => `${x.code}:${x.capacityFamilies}`,
      ),
    ).toEqual(["light:10", "plan:45"]);
    const other = await pm.post("/api/projects", {
      organisationId: t.seed.orgIds.rodovre,
      name: "Ikke mit",
      startsOn: "2026-06-01",
      endsOn: "2028-05-31",
      tracks: [{ code: "xx", name: "Spor X", capacityFamilies: 1 }],
    });
    expect(other.status, await other.clone().text()).toBe(403);
  });
});
