import { and, desc, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCourseFixture } from "../../../../test/casework-fixture.js";
import { createTestApp, type TestApp, type TestClient } from "../../../../test/test-app.js";
import {
  CaseloadBoardSchema,
  CaseloadCheckSchema,
  CaseloadReassignPlanSchema,
} from "../../../contracts/casework-tasks.js";
import type { Role } from "../../../domain/access/index.js";
import { appUser, auditEvent, caseTeamMember, membership } from "../../db/schema/index.js";
import { hashPassword } from "../auth/password-hash.js";
import { syncCourseTasks } from "./task-sync.js";

let t: TestApp;
let leader: TestClient;
/** A caseworker of our own (the demo caseworkers carry demo families). */
let caseworker: TestClient;
let consultant: TestClient;
let sara: TestClient;
let rodovre: TestClient;
let rodovreLeader: TestClient;
let investor: TestClient;
let boId: string;
let consultantId: string;
let kimId: string;
let jakobId: string;
let metteId: string;
/** Bo's courses: 22 ordinary and 2 intensive (24 families, 2500 % weighted). */
const boCourses: string[] = [];
const intensiveCourses: string[] = [];

async function addUser(name: string, organisationId: string, role: Role, password?: string) {
  const email = `${name.toLowerCase()}@test.demo`;
  const [u] = await t.db
    .insert(appUser)
    .values({ email, displayName: name, passwordHash: password ? await hashPassword(password) : null })
    .returning();
  await t.db.insert(membership).values({ userId: u!.id, organisationId, role });
  return { id: u!.id, email };
}

beforeAll(async () => {
  t = await createTestApp();
  leader = await t.login("leder@vejle.demo");
  sara = await t.login("sagsbehandler@vejle.demo");
  const bo = await addUser("Bo Belastet", t.seed.orgIds.vejle, "caseworker", "bo-kode-123");
  caseworker = await t.login(bo.email, "bo-kode-123");
  const karin = await addUser(
    "Karin Konsulent",
    t.seed.orgIds.provider,
    "family_consultant",
    "karin-kode-123",
  );
  consultant = await t.login(karin.email, "karin-kode-123");
  rodovre = await t.login("sagsbehandler@rodovre.demo");
  investor = await t.login("investor@fond.demo");
  boId = caseworker.userId;
  consultantId = consultant.userId;
  kimId = (await addUser("Kim Kollega", t.seed.orgIds.vejle, "caseworker")).id;
  jakobId = (await addUser("Jakob Jeppesen", t.seed.orgIds.vejle, "caseworker")).id;
  metteId = (await addUser("Mette Mikkelsen", t.seed.orgIds.vejle, "caseworker")).id;
  const rl = await addUser("Rødovreleder", t.seed.orgIds.rodovre, "team_leader", "rødovre-leder-kode");
  rodovreLeader = await t.login(rl.email, "rødovre-leder-kode");

  for (let i = 0; i < 24; i++) {
    const isIntensive = i >= 22;
    const c = await insertCourseFixture(t, {
      trackCode: isIntensive ? "intensive" : "ordinary",
      familyName: `Familien ${String(i + 1).padStart(2, "0")}`,
      acceptedOn: i === 0 ? "2025-01-05" : "2026-01-05",
      caseworkerIds: [boId],
      consultantIds: i >= 21 ? [consultantId] : [],
    });
    boCourses.push(c.courseId);
    if (isIntensive) intensiveCourses.push(c.courseId);
  }
  // The first course's review fell due on 2026-01-05: one overdue task.
  await t.db.transaction((tx) => syncCourseTasks(tx, boCourses[0]!));
});
afterAll(() => t.close());

async function board(client: TestClient, query = "") {
  const res = await client.get(`/api/caseloads${query}`);
  expect(res.status).toBe(200);
  return CaseloadBoardSchema.parse(await res.json());
}
const activeRowsOf = async (userId: string) =>
  (await t.db.select().from(caseTeamMember).where(eq(caseTeamMember.userId, userId))).filter(
    (r) => r.fromOn <= "2026-03-02" && (r.toOn === null || r.toOn >= "2026-03-02"),
  );
const reassignAudits = () =>
  t.db.select().from(auditEvent).where(eq(auditEvent.eventType, "caseload.reassigned"));

describe("GET /api/caseloads", () => {
  it("shows a team leader every caseworker and consultant of the municipality, weighted", async () => {
    const b = await board(leader);
    expect(b).toMatchObject({
      organisationId: t.seed.orgIds.vejle,
      organisationName: "Vejle Kommune",
      asOf: "2026-03-02",
      defaults: { warningAtFamilies: 20, hardLimitFamilies: 25 },
      canManage: true,
    });
    const bo = b.workers.find((w) => w.userId === boId)!;
    expect(bo).toMatchObject({
      name: "Bo Belastet",
      role: "caseworker",
      organisationName: "Vejle Kommune",
      familyCount: 24,
      weightedLoadPct: 2500,
      status: "warning",
      limits: { warningAtFamilies: 20, hardLimitFamilies: 25 },
      hasOwnLimits: false,
      overdueTasks: 1,
    });
    expect(bo.families).toHaveLength(24);
    const intensive = bo.families.filter((f) => f.weightPct === 150);
    expect(intensive.map((f) => f.courseId).sort()).toEqual([...intensiveCourses].sort());
    expect(intensive[0]!.trackName).toBe("Intensiv familiebehandling");
    expect(bo.families.every((f) => f.courseState === "active")).toBe(true);
    // The overdue task is shown at its family too.
    expect(bo.families.find((f) => f.courseId === boCourses[0])?.overdueTasks).toBe(1);
    expect(bo.families.reduce((n, f) => n + f.overdueTasks, 0)).toBe(bo.overdueTasks);

    const konsulent = b.workers.find((w) => w.userId === consultantId)!;
    expect(konsulent).toMatchObject({
      role: "consultant",
      organisationName: "Familiebehandling på Modersmål",
      familyCount: 3,
      weightedLoadPct: 400,
      status: "ok",
    });
    for (const id of [kimId, jakobId, metteId]) {
      expect(b.workers.find((w) => w.userId === id)).toMatchObject({ familyCount: 0, weightedLoadPct: 0 });
    }
    expect(b.workers.some((w) => w.userId === leader.userId)).toBe(false);
    expect(b.workers.some((w) => w.userId === rodovre.userId)).toBe(false);

    const [audit] = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.eventType, "caseload.viewed"), eq(auditEvent.actorUserId, leader.userId)));
    expect(audit!.payload).toEqual({ workers: b.workers.length });
    expect(audit!.organisationId).toBe(t.seed.orgIds.vejle);
  });

  it("shows a caseworker and a consultant only themselves", async () => {
    const own = await board(caseworker);
    expect(own.workers.map((w) => w.userId)).toEqual([boId]);
    expect(own.canManage).toBe(false);
    expect((await board(sara)).workers.map((w) => w.userId)).toEqual([sara.userId]);
    const kons = await board(consultant);
    expect(kons.workers.map((w) => w.userId)).toEqual([consultantId]);
    expect(kons.workers[0]!.familyCount).toBe(3);
  });

  it("shows Rødovre nothing of Vejle, and the investor nothing at all", async () => {
    for (const client of [rodovre, rodovreLeader]) {
      const b = await board(client);
      expect(b.organisationId).toBe(t.seed.orgIds.rodovre);
      const text = JSON.stringify(b);
      for (const id of [t.seed.orgIds.vejle, boId, consultantId, ...boCourses])
        expect(text).not.toContain(id);
      expect((await client.get(`/api/caseloads?organisationId=${t.seed.orgIds.vejle}`)).status).toBe(404);
    }
    expect((await board(rodovreLeader)).workers.map((w) => w.userId)).toContain(rodovre.userId);
    expect((await investor.get("/api/caseloads")).status).toBe(403);
    expect((await t.request("GET", "/api/caseloads")).status).toBe(401);
  });
});

describe("POST /api/caseloads/check", () => {
  let unstaffed: string;
  beforeAll(async () => {
    unstaffed = (await insertCourseFixture(t, { familyName: "Familien Ny" })).courseId;
  });

  it("stops a worker at the hard limit unless a team leader gives a reason", async () => {
    const res = await leader.post("/api/caseloads/check", { userId: boId, courseId: unstaffed });
    expect(res.status).toBe(200);
    const check = CaseloadCheckSchema.parse(await res.json());
    expect(check).toMatchObject({
      userId: boId,
      status: "over-hard-limit",
      isAllowed: false,
      needsOverride: true,
      loadBeforePct: 2500,
      loadAfterPct: 2600,
    });
    expect(check.message).toContain("kræver en teamleders godkendelse");
    const withReason = await leader.post("/api/caseloads/check", {
      userId: boId,
      courseId: unstaffed,
      overrideReason: "Kortvarigt, mens Kim er på kursus",
    });
    expect(await withReason.json()).toMatchObject({ isAllowed: true, needsOverride: true });
    const kim = await (
      await leader.post("/api/caseloads/check", { userId: kimId, courseId: unstaffed })
    ).json();
    expect(kim).toMatchObject({ status: "ok", isAllowed: true, loadAfterPct: 100 });
  });

  it("answers 404 for a course the caller cannot reach and for a user of another tenant", async () => {
    expect(
      (await caseworker.post("/api/caseloads/check", { userId: kimId, courseId: unstaffed })).status,
    ).toBe(404);
    expect(
      (await caseworker.post("/api/caseloads/check", { userId: kimId, courseId: boCourses[1] })).status,
    ).toBe(200);
    expect(
      (await leader.post("/api/caseloads/check", { userId: rodovre.userId, courseId: unstaffed })).status,
    ).toBe(404);
    expect((await rodovre.post("/api/caseloads/check", { userId: boId, courseId: unstaffed })).status).toBe(
      404,
    );
  });
});

describe("PUT /api/caseloads/limits", () => {
  it("lets a team leader set the municipality's default and a worker's own limits; audited", async () => {
    const res = await leader.call("PUT", "/api/caseloads/limits", {
      userId: null,
      warningAtFamilies: 30,
      hardLimitFamilies: 40,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      organisationId: t.seed.orgIds.vejle,
      userId: null,
      warningAtFamilies: 30,
      hardLimitFamilies: 40,
    });
    let b = await board(leader);
    expect(b.defaults).toEqual({ warningAtFamilies: 30, hardLimitFamilies: 40 });
    expect(b.workers.find((w) => w.userId === boId)!.status).toBe("ok");

    // Back to 20/25 (an update of the same row), and Mette gets her own, very low limits.
    await leader.call("PUT", "/api/caseloads/limits", {
      userId: null,
      warningAtFamilies: 20,
      hardLimitFamilies: 25,
    });
    const own = await leader.call("PUT", "/api/caseloads/limits", {
      userId: metteId,
      warningAtFamilies: 1,
      hardLimitFamilies: 1,
    });
    expect(own.status).toBe(200);
    b = await board(leader);
    expect(b.defaults).toEqual({ warningAtFamilies: 20, hardLimitFamilies: 25 });
    expect(b.workers.find((w) => w.userId === metteId)).toMatchObject({
      hasOwnLimits: true,
      limits: { warningAtFamilies: 1, hardLimitFamilies: 1 },
    });
    const audits = await t.db
      .select()
      .from(auditEvent)
      .where(
        and(eq(auditEvent.eventType, "caseload.limits_updated"), eq(auditEvent.actorUserId, leader.userId)),
      );
    expect(audits.map((a) => a.payload)).toEqual([{ userId: null }, { userId: null }, { userId: metteId }]);
  });

  it("removes a worker's own limits, so the municipality's default applies again; audited", async () => {
    await leader.call("PUT", "/api/caseloads/limits", {
      userId: boId,
      warningAtFamilies: 2,
      hardLimitFamilies: 3,
    });
    expect((await board(leader)).workers.find((w) => w.userId === boId)!.hasOwnLimits).toBe(true);

    expect((await caseworker.call("DELETE", `/api/caseloads/limits/${boId}`)).status).toBe(403);
    const res = await leader.call("DELETE", `/api/caseloads/limits/${boId}`);
    expect(res.status).toBe(200);
    const b = await board(leader);
    expect(await res.json()).toEqual({ organisationId: t.seed.orgIds.vejle, userId: boId, ...b.defaults });
    expect(b.workers.find((w) => w.userId === boId)).toMatchObject({
      hasOwnLimits: false,
      limits: b.defaults,
    });

    const again = await leader.call("DELETE", `/api/caseloads/limits/${boId}`);
    expect(again.status).toBe(404);
    expect((await again.json()).error.message).toContain("ingen egne grænser");
    const [audit] = await t.db
      .select()
      .from(auditEvent)
      .where(
        and(eq(auditEvent.eventType, "caseload.limits_updated"), eq(auditEvent.actorUserId, leader.userId)),
      )
      .orderBy(desc(auditEvent.seq))
      .limit(1);
    expect(audit!.payload).toEqual({ userId: boId, removed: true });
  });

  it("refuses a warning limit above the hard limit, caseworkers and other municipalities", async () => {
    const bad = await leader.call("PUT", "/api/caseloads/limits", {
      userId: null,
      warningAtFamilies: 30,
      hardLimitFamilies: 25,
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("Advarselsgrænsen må ikke være højere");
    const body = { userId: null, warningAtFamilies: 5, hardLimitFamilies: 6 };
    expect((await caseworker.call("PUT", "/api/caseloads/limits", body)).status).toBe(403);
    expect(
      (
        await rodovreLeader.call("PUT", "/api/caseloads/limits", {
          ...body,
          organisationId: t.seed.orgIds.vejle,
        })
      ).status,
    ).toBe(404);
    expect((await rodovreLeader.call("PUT", "/api/caseloads/limits", { ...body, userId: boId })).status).toBe(
      404,
    );
    expect((await board(leader)).defaults).toEqual({ warningAtFamilies: 20, hardLimitFamilies: 25 });
  });
});

describe("POST /api/caseloads/reassign", () => {
  let metteCourse: string;
  beforeAll(async () => {
    metteCourse = (await insertCourseFixture(t, { caseworkerIds: [metteId], familyName: "Familien Mette" }))
      .courseId;
  });

  it("stops at the hard limit without an override reason (409, nothing written)", async () => {
    const before = await t.db.select().from(caseTeamMember);
    const res = await leader.post("/api/caseloads/reassign", {
      fromUserId: boId,
      toUserIds: [metteId],
      courseIds: [boCourses[1]],
      on: "2026-03-02",
    });
    expect(res.status).toBe(409);
    const { error } = await res.json();
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain("kræver en teamleders godkendelse med en begrundelse");
    expect(await t.db.select().from(caseTeamMember)).toEqual(before);
    expect(await reassignAudits()).toEqual([]);
  });

  it("moves one course with a team leader's override reason", async () => {
    const res = await leader.post("/api/caseloads/reassign", {
      fromUserId: boId,
      toUserIds: [metteId],
      courseIds: [boCourses[1]],
      on: "2026-03-02",
      overrideReason: "Bo går på barsel; Mette tager familien midlertidigt",
    });
    expect(res.status).toBe(200);
    const plan = CaseloadReassignPlanSchema.parse(await res.json());
    expect(plan).toMatchObject({
      applied: true,
      needsOverride: true,
      isAllowed: true,
      endOldOn: "2026-03-01",
    });
    expect(plan.moves).toEqual([
      {
        courseId: boCourses[1],
        familyId: expect.any(String),
        familyName: "Familien 02",
        fromUserId: boId,
        toUserId: metteId,
        toName: "Mette Mikkelsen",
      },
    ]);
    const rows = await t.db.select().from(caseTeamMember).where(eq(caseTeamMember.courseId, boCourses[1]!));
    const old = rows.find((r) => r.userId === boId)!;
    const added = rows.find((r) => r.userId === metteId)!;
    expect(old.toOn).toBe("2026-03-01");
    expect(added).toMatchObject({
      role: "caseworker",
      fromOn: "2026-03-02",
      toOn: null,
      memberOrganisationId: t.seed.orgIds.vejle,
      overrideReason: "Bo går på barsel; Mette tager familien midlertidigt",
      createdBy: leader.userId,
    });
    const [audit] = await reassignAudits();
    expect(audit!.payload).toEqual({ fromUserId: boId, moves: 1, targets: [metteId], overrideUsed: true });
    const mette = (await board(leader)).workers.find((w) => w.userId === metteId)!;
    expect(mette).toMatchObject({ familyCount: 2, status: "over-hard-limit" });
    expect(mette.families.map((f) => f.courseId).sort()).toEqual([metteCourse, boCourses[1]].sort());
  });

  it("plans a whole caseload on a dry run without writing anything", async () => {
    const before = await t.db.select().from(caseTeamMember);
    const res = await leader.post("/api/caseloads/reassign", {
      fromUserId: boId,
      toUserIds: [kimId, jakobId],
      on: "2026-03-02",
      dryRun: true,
    });
    expect(res.status).toBe(200);
    const plan = CaseloadReassignPlanSchema.parse(await res.json());
    expect(plan.applied).toBe(false);
    expect(plan.moves).toHaveLength(23);
    expect(plan.needsOverride).toBe(false);
    expect(plan.targets.map((x) => x.loadBeforePct)).toEqual([0, 0]);
    expect(plan.targets.reduce((s, x) => s + x.loadAfterPct, 0)).toBe(2400);
    expect(plan.targets.map((x) => x.name)).toEqual(["Kim Kollega", "Jakob Jeppesen"]);
    expect(await t.db.select().from(caseTeamMember)).toEqual(before);
  });

  it("reassigns a whole caseload in one step: old places end, new ones start, one audit row", async () => {
    const res = await leader.post("/api/caseloads/reassign", {
      fromUserId: boId,
      toUserIds: [kimId, jakobId],
      on: "2026-03-02",
    });
    expect(res.status).toBe(200);
    const plan = CaseloadReassignPlanSchema.parse(await res.json());
    expect(plan.applied).toBe(true);
    expect(plan.moves).toHaveLength(23);
    expect(await activeRowsOf(boId)).toEqual([]);
    const boRows = await t.db.select().from(caseTeamMember).where(eq(caseTeamMember.userId, boId));
    expect(boRows).toHaveLength(24);
    expect(boRows.every((r) => r.toOn === "2026-03-01")).toBe(true);
    const kim = await activeRowsOf(kimId);
    const jakob = await activeRowsOf(jakobId);
    expect(kim.length + jakob.length).toBe(23);
    expect(kim.length).toBeGreaterThan(0);
    expect(jakob.length).toBeGreaterThan(0);
    expect([...kim, ...jakob].every((r) => r.fromOn === "2026-03-02" && r.overrideReason === null)).toBe(
      true,
    );
    // Each family went to one worker; the consultant keeps their places.
    expect(new Set([...kim, ...jakob].map((r) => r.courseId)).size).toBe(23);
    expect(await activeRowsOf(consultantId)).toHaveLength(3);

    const audits = await reassignAudits();
    expect(audits).toHaveLength(2);
    const payload = audits[1]!.payload as { moves: number; targets: string[]; overrideUsed: boolean };
    expect(payload.moves).toBe(23);
    expect([...payload.targets].sort()).toEqual([kimId, jakobId].sort());
    expect(payload.overrideUsed).toBe(false);
    expect(JSON.stringify(payload)).not.toContain("Familien");

    const b = await board(leader);
    expect(b.workers.find((w) => w.userId === boId)).toMatchObject({ familyCount: 0, overdueTasks: 0 });
    const loads = [kimId, jakobId].map((id) => b.workers.find((w) => w.userId === id)!);
    expect(loads[0]!.familyCount + loads[1]!.familyCount).toBe(23);
    expect(loads[0]!.weightedLoadPct + loads[1]!.weightedLoadPct).toBe(2400);
    expect(loads[0]!.overdueTasks + loads[1]!.overdueTasks).toBe(1);
  });

  it("refuses nothing to move (409), a target who is the leaving worker or unknown (400)", async () => {
    const nothing = await leader.post("/api/caseloads/reassign", {
      fromUserId: boId,
      toUserIds: [kimId],
      on: "2026-03-02",
    });
    expect(nothing.status).toBe(409);
    const self = await leader.post("/api/caseloads/reassign", {
      fromUserId: kimId,
      toUserIds: [kimId],
      on: "2026-03-02",
      dryRun: true,
    });
    expect(self.status).toBe(400);
    expect((await self.json()).error.message).toContain("kan ikke flyttes til den medarbejder");
    const unknown = await leader.post("/api/caseloads/reassign", {
      fromUserId: kimId,
      toUserIds: ["00000000-0000-4000-8000-000000000000"],
      on: "2026-03-02",
      dryRun: true,
    });
    expect(unknown.status).toBe(400);
    const notHeld = await leader.post("/api/caseloads/reassign", {
      fromUserId: kimId,
      toUserIds: [jakobId],
      courseIds: [metteCourse],
      on: "2026-03-02",
      dryRun: true,
    });
    expect(notHeld.status).toBe(400);
    // A consultant's place cannot go to a municipal caseworker.
    const wrongOrg = await leader.post("/api/caseloads/reassign", {
      fromUserId: consultantId,
      toUserIds: [jakobId],
      on: "2026-03-02",
      dryRun: true,
    });
    expect(wrongOrg.status).toBe(400);
    expect((await wrongOrg.json()).error.message).toContain(
      "arbejder ikke for Familiebehandling på Modersmål",
    );
  });

  it("is for team leaders of the municipality only", async () => {
    const body = { fromUserId: kimId, toUserIds: [jakobId], on: "2026-03-02", dryRun: true };
    expect((await caseworker.post("/api/caseloads/reassign", body)).status).toBe(403);
    expect((await sara.post("/api/caseloads/reassign", body)).status).toBe(403);
    expect((await consultant.post("/api/caseloads/reassign", body)).status).toBe(403);
    expect((await investor.post("/api/caseloads/reassign", body)).status).toBe(403);
    expect((await rodovre.post("/api/caseloads/reassign", body)).status).toBe(403);
    expect((await rodovreLeader.post("/api/caseloads/reassign", body)).status).toBe(404);
    expect(
      (
        await rodovreLeader.post("/api/caseloads/reassign", {
          ...body,
          dryRun: false,
          organisationId: t.seed.orgIds.vejle,
        })
      ).status,
    ).toBe(404);
    const kim = await t.db
      .select()
      .from(caseTeamMember)
      .where(and(eq(caseTeamMember.userId, kimId), isNull(caseTeamMember.toOn)));
    expect(kim.length).toBeGreaterThan(0);
    expect(await reassignAudits()).toHaveLength(2);
  });
});
