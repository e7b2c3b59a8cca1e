import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { appUser, auditEvent, organisation } from "../db/schema/index.js";
import { verifyAuditChain } from "./verify.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const auditCount = async () => (await t.db.select({ n: count() }).from(auditEvent))[0]!.n;
const lastEvents = async (n: number) =>
  (await t.db.select().from(auditEvent).orderBy(sql`${auditEvent.seq} desc`).limit(n)).reverse();

describe("audit log", () => {
  it("writes exactly one event with the change, in the same transaction", async () => {
    const admin = await t.login("admin@bundlinje.demo");
    const before = await auditCount();
    const res = await admin.post("/api/organisations", { name: "Kolding Kommune", kind: "municipality" });
    expect(res.status).toBe(201);
    const org = await res.json();
    const [event] = await lastEvents(1);
    expect(await auditCount()).toBe(before + 1);
    expect(event).toMatchObject({
      eventType: "organisation.created",
      subjectType: "organisation",
      subjectId: org.id,
      actorUserId: admin.userId,
    });
    expect(event!.requestId).toBe(res.headers.get("x-request-id"));
  });

  it("a failed write leaves no audit row and no change", async () => {
    const admin = await t.login("admin@bundlinje.demo");
    const before = await auditCount();
    const usersBefore = (await t.db.select({ n: count() }).from(appUser))[0]!.n;
    // Duplicate e-mail: refused inside the transaction after validation.
    const dup = await admin.post("/api/users", {
      email: "leder@vejle.demo",
      displayName: "Dublet",
      password: "en lang og sjælden adgangskode",
      memberships: [{ organisationId: t.seed.orgIds.vejle, role: "team_leader" }],
    });
    expect(dup.status).toBe(409);
    // A role that the organisation kind does not allow.
    const badRole = await admin.post("/api/users", {
      email: "ny@vejle.demo",
      displayName: "Ny",
      password: "en lang og sjælden adgangskode",
      memberships: [{ organisationId: t.seed.orgIds.vejle, role: "investor" }],
    });
    expect(badRole.status).toBe(400);
    expect(await auditCount()).toBe(before);
    expect((await t.db.select({ n: count() }).from(appUser))[0]!.n).toBe(usersBefore);
  });

  it("when the audit write fails, the change is rolled back too", async () => {
    const admin = await t.login("admin@bundlinje.demo");
    // Make every audit insert fail for a moment (a CHECK the app's events cannot meet).
    await t.db.execute(
      sql`ALTER TABLE audit_event ADD CONSTRAINT audit_test_block CHECK (event_type <> 'organisation.created') NOT VALID`,
    );
    try {
      const res = await admin.post("/api/organisations", { name: "Esbjerg Kommune", kind: "municipality" });
      expect(res.status).toBe(500);
    } finally {
      await t.db.execute(sql`ALTER TABLE audit_event DROP CONSTRAINT audit_test_block`);
    }
    expect(await t.db.select().from(organisation).where(eq(organisation.name, "Esbjerg Kommune"))).toEqual(
      [],
    );
  });

  it("records role changes and deactivation", async () => {
    const admin = await t.login("admin@bundlinje.demo");
    const id = t.seed.userIds["sagsbehandler@vejle.demo"]!;
    const assigned = await admin.post(`/api/users/${id}/roles`, {
      organisationId: t.seed.orgIds.vejle,
      role: "team_leader",
    });
    const user = await assigned.json();
    const m = user.memberships.find((x: { role: string }) => x.role === "team_leader");
    await admin.del(`/api/users/${id}/roles/${m.id}`);
    await admin.post(`/api/users/${id}/deactivate`);
    await admin.post(`/api/users/${id}/reactivate`);
    const types = (await lastEvents(4)).map((e) => e.eventType);
    expect(types).toEqual(["role.assigned", "role.revoked", "user.deactivated", "user.reactivated"]);
  });

  it("rejects UPDATE and DELETE on the table itself", async () => {
    await expect(t.db.execute(sql`UPDATE audit_event SET event_type = 'x'`)).rejects.toThrow();
    await expect(t.db.execute(sql`DELETE FROM audit_event`)).rejects.toThrow();
    await expect(t.db.execute(sql`TRUNCATE audit_event`)).rejects.toThrow();
  });

  it("is hash-chained, and verification names the first edited row", async () => {
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
    const events = await lastEvents(3);
    const victim = events[0]!.seq;
    // Someone with superuser rights switches the guard off and edits a row.
    await t.db.execute(sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update`);
    await t.db.execute(sql`UPDATE audit_event SET actor_user_id = NULL WHERE seq = ${victim}`);
    await t.db.execute(sql`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenAtSeq: victim });
  });
});

describe("audit page API", () => {
  it("filters, exports CSV, and audits the viewing and the export", async () => {
    const admin = await t.login("admin@bundlinje.demo");
    const page = await (await admin.get("/api/audit?eventType=auth.login_succeeded&limit=5")).json();
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((e: { eventType: string }) => e.eventType === "auth.login_succeeded")).toBe(true);
    const csv = await admin.get("/api/audit/export.csv?eventType=organisation.created");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const text = await csv.text();
    expect(text.split("\n")[0]).toContain("seq,occurredAt,actorUserId");
    expect(text).toContain("organisation.created");
    const [exported] = await lastEvents(1);
    expect(exported).toMatchObject({ eventType: "audit.exported", actorUserId: admin.userId });
    expect(exported!.payload).toMatchObject({ filters: ["eventType"] });
  });

  it("is for the platform admin only", async () => {
    const leader = await t.login("leder@vejle.demo");
    expect((await leader.get("/api/audit")).status).toBe(403);
    expect((await leader.get("/api/audit/export.csv")).status).toBe(403);
  });
});
