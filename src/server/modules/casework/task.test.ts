import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCourseFixture } from "../../../../test/casework-fixture.js";
import { createTestApp, type TestApp, type TestClient } from "../../../../test/test-app.js";
import { CaseTaskPageSchema, CaseTaskSchema } from "../../../contracts/casework-tasks.js";
import type { FamilyPlan } from "../../../domain/casework/index.js";
import { auditEvent, caseTask, course, planVersion, referral, track } from "../../db/schema/index.js";
import { syncAllOpenCourseTasks, syncCourseTasks } from "./task-sync.js";

let t: TestApp;
let caseworker: TestClient;
let leader: TestClient;
let rodovre: TestClient;
let investor: TestClient;
let saraId: string;
beforeAll(async () => {
  t = await createTestApp();
  caseworker = await t.login("sagsbehandler@vejle.demo");
  leader = await t.login("leder@vejle.demo");
  rodovre = await t.login("sagsbehandler@rodovre.demo");
  investor = await t.login("investor@fond.demo");
  saraId = caseworker.userId;
  // The demo families' tasks, as after the seed: the tests below must hold among them.
  await t.db.transaction((tx) => syncAllOpenCourseTasks(tx, undefined, "2026-03-02" as never));
});
afterAll(() => t.close());

const sync = (courseId: string) =>
  t.db.transaction((tx) => syncCourseTasks(tx, courseId, "2026-03-02" as never));
const tasksOf = (courseId: string) => t.db.select().from(caseTask).where(eq(caseTask.courseId, courseId));

async function myTasks(client: TestClient, query = "") {
  const res = await client.get(`/api/tasks/mine${query}`);
  expect(res.status).toBe(200);
  return CaseTaskPageSchema.parse(await res.json());
}

/** A plan with one goal and one measure, as the plan service would store it. */
function planWithMeasure(measure: { id: string; what: string; startOn: string }): FamilyPlan {
  return {
    goals: [
      {
        id: "g1",
        subject: { kind: "family" },
        ownWords: "Vi vil have ro om morgenen",
        category: "family-relations",
        targetDate: "2026-12-31",
        status: "in-progress",
        subGoals: [],
      },
    ],
    measures: [
      {
        id: measure.id,
        what: measure.what,
        performedBy: "Familiekonsulent fra leverandøren",
        responsibleName: "Familiekonsulenten",
        department: "provider",
        startOn: measure.startOn,
        estimatedMonthlyCostOre: 1_500_000,
        goalIds: ["g1"],
      },
    ],
  } as unknown as FamilyPlan;
}

describe("task derivation", () => {
  it("makes the review due the track's interval after acceptance, overdue the day after", async () => {
    const c = await insertCourseFixture(t, { acceptedOn: "2025-02-10", caseworkerIds: [saraId] });
    const r = await sync(c.courseId);
    expect(r.inserted).toBe(1);
    const [review] = await tasksOf(c.courseId);
    expect(review).toMatchObject({ kind: "review", dueOn: "2026-02-10", doneAt: null });

    const page = await myTasks(caseworker);
    const shown = page.items.find((x) => x.courseId === c.courseId)!;
    expect(shown).toMatchObject({
      kind: "review",
      kindLabel: "Revurdering",
      dueOn: "2026-02-10",
      isOverdue: true,
      familyId: c.familyId,
      familyName: "Familien Test",
      doneAt: null,
    });

    // The track's own interval: 6 months moves the due date; the open task follows (no duplicate).
    await t.db.update(track).set({ reviewIntervalMonths: 6 }).where(eq(track.id, c.trackId));
    try {
      await sync(c.courseId);
      const after = await tasksOf(c.courseId);
      expect(after).toHaveLength(1);
      expect(after[0]!.dueOn).toBe("2025-08-10");
    } finally {
      await t.db.update(track).set({ reviewIntervalMonths: 12 }).where(eq(track.id, c.trackId));
    }
    await sync(c.courseId);
    expect((await tasksOf(c.courseId)).map((x) => x.dueOn)).toEqual(["2026-02-10"]);
  });

  it("derives no review before treatment has started, and is idempotent", async () => {
    const c = await insertCourseFixture(t, { state: "baseline", caseworkerIds: [saraId] });
    await sync(c.courseId);
    expect(await tasksOf(c.courseId)).toEqual([]);
    await t.db.update(course).set({ state: "active" }).where(eq(course.id, c.courseId));
    expect((await sync(c.courseId)).inserted).toBe(1);
    expect(await sync(c.courseId)).toEqual({ inserted: 0, updated: 0, deleted: 0 });
  });

  it("follows up each measure of the current plan version 3 months after its start", async () => {
    const c = await insertCourseFixture(t, { acceptedOn: "2026-01-05", caseworkerIds: [saraId] });
    await t.db.insert(planVersion).values({
      organisationId: c.organisationId,
      courseId: c.courseId,
      version: 1,
      plan: planWithMeasure({ id: "m1", what: "Familiebehandling i hjemmet", startOn: "2026-01-15" }),
    });
    await t.db.update(course).set({ planVersion: 1 }).where(eq(course.id, c.courseId));
    await sync(c.courseId);
    const followUp = (await tasksOf(c.courseId)).find((x) => x.kind === "measure-follow-up")!;
    expect(followUp.dueOn).toBe("2026-04-15");
    expect(followUp.title).toContain("Familiebehandling i hjemmet");

    // A new plan version without the measure: the open follow-up goes away.
    await t.db.insert(planVersion).values({
      organisationId: c.organisationId,
      courseId: c.courseId,
      version: 2,
      plan: { goals: [], measures: [] } as unknown as FamilyPlan,
    });
    await t.db.update(course).set({ planVersion: 2 }).where(eq(course.id, c.courseId));
    const r = await sync(c.courseId);
    expect(r.deleted).toBe(1);
    expect((await tasksOf(c.courseId)).map((x) => x.kind)).toEqual(["review"]);
  });

  it("sets a children's investigation deadline 4 months after referral when the legal basis names one", async () => {
    const c = await insertCourseFixture(t, {
      state: "accepted",
      acceptedOn: "2026-01-20",
      caseworkerIds: [saraId],
    });
    await sync(c.courseId);
    expect(await tasksOf(c.courseId)).toEqual([]);
    await t.db
      .update(referral)
      .set({ legalBasis: "Barnets lov § 20 (børnefaglig undersøgelse)" })
      .where(eq(referral.id, c.referralId));
    await sync(c.courseId);
    const [inv] = await tasksOf(c.courseId);
    expect(inv).toMatchObject({ kind: "investigation", dueOn: "2026-05-20" });
    const shown = (await myTasks(caseworker, "?kind=investigation")).items.find((x) => x.id === inv!.id)!;
    expect(shown.kindLabel).toBe("Børnefaglig undersøgelse");
    expect(shown.isOverdue).toBe(false);
  });

  it("removes open tasks of a closed course but keeps the done ones; syncAll visits every course", async () => {
    const c = await insertCourseFixture(t, { acceptedOn: "2025-01-10", caseworkerIds: [saraId] });
    await t.db.insert(planVersion).values({
      organisationId: c.organisationId,
      courseId: c.courseId,
      version: 1,
      plan: planWithMeasure({ id: "m9", what: "Sprogstøtte", startOn: "2025-02-01" }),
    });
    await t.db.update(course).set({ planVersion: 1 }).where(eq(course.id, c.courseId));
    await sync(c.courseId);
    const followUp = (await tasksOf(c.courseId)).find((x) => x.kind === "measure-follow-up")!;
    expect((await caseworker.post(`/api/tasks/${followUp.id}/complete`)).status).toBe(200);
    await t.db.update(course).set({ state: "closed" }).where(eq(course.id, c.courseId));
    const r = await t.db.transaction((tx) => syncAllOpenCourseTasks(tx, c.organisationId));
    expect(r.deleted).toBeGreaterThanOrEqual(1);
    const left = await tasksOf(c.courseId);
    expect(left.map((x) => x.id)).toEqual([followUp.id]);
    expect(left[0]!.doneAt).not.toBeNull();
  });
});

describe("GET /api/tasks/mine", () => {
  let mine: Awaited<ReturnType<typeof insertCourseFixture>>;
  let notMine: Awaited<ReturnType<typeof insertCourseFixture>>;
  beforeAll(async () => {
    mine = await insertCourseFixture(t, {
      acceptedOn: "2025-06-01",
      caseworkerIds: [saraId],
      familyName: "Familien Mig",
    });
    notMine = await insertCourseFixture(t, {
      acceptedOn: "2025-01-01",
      consultantIds: [t.seed.userIds["konsulent@modersmaal.demo"]!],
      familyName: "Familien Anden",
    });
    await sync(mine.courseId);
    await sync(notMine.courseId);
  });

  it("shows only tasks of courses where I am on the active case team, overdue first", async () => {
    const page = await myTasks(caseworker, "?limit=500");
    const courseIds = page.items.map((x) => x.courseId);
    expect(courseIds).toContain(mine.courseId);
    expect(courseIds).not.toContain(notMine.courseId);
    const firstNotOverdue = page.items.findIndex((x) => !x.isOverdue);
    if (firstNotOverdue >= 0) expect(page.items.slice(firstNotOverdue).every((x) => !x.isOverdue)).toBe(true);
    for (let i = 1; i < page.items.length; i++) {
      const [a, b] = [page.items[i - 1]!, page.items[i]!];
      if (a.isOverdue === b.isOverdue) expect(a.dueOn <= b.dueOn).toBe(true);
    }
    expect(page.total).toBe(page.items.length);
    const [audit] = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.eventType, "task.listed"), eq(auditEvent.actorUserId, saraId)));
    expect(audit!.purpose).toBe("sagsbehandling");
  });

  it("lets a team leader see the whole municipality with scope=organisation, not a caseworker", async () => {
    const page = await myTasks(leader, "?scope=organisation&limit=500");
    const courseIds = page.items.map((x) => x.courseId);
    expect(courseIds).toEqual(expect.arrayContaining([mine.courseId, notMine.courseId]));
    const own = (await myTasks(leader)).items.map((x) => x.courseId); // on neither case team himself
    expect(own).not.toContain(mine.courseId);
    expect(own).not.toContain(notMine.courseId);
    expect((await caseworker.get("/api/tasks/mine?scope=organisation")).status).toBe(403);
  });

  it("filters by status and pages", async () => {
    const open = await myTasks(caseworker, "?status=open&limit=1");
    expect(open.items).toHaveLength(1);
    expect(open.total).toBeGreaterThan(1);
    const done = await myTasks(caseworker, "?status=done");
    expect(done.items.length).toBeGreaterThan(1);
    expect(done.items.every((x) => x.doneAt !== null)).toBe(true);
    // The most recently done first (what the caseworker just did is on top).
    const doneAt = done.items.map((x) => x.doneAt!);
    expect(doneAt).toEqual([...doneAt].sort().reverse());
    expect((await caseworker.get("/api/tasks/mine?status=maybe")).status).toBe(400);
  });

  it("filters by kind and to the overdue ones", async () => {
    const all = await myTasks(caseworker, "?limit=500");
    expect(new Set(all.items.map((x) => x.kind)).size).toBeGreaterThan(1);
    const reviews = await myTasks(caseworker, "?kind=review&limit=500");
    expect(reviews.items.length).toBeGreaterThan(0);
    expect(reviews.items.every((x) => x.kind === "review")).toBe(true);
    expect(reviews.total).toBe(all.items.filter((x) => x.kind === "review").length);
    const overdue = await myTasks(caseworker, "?overdue=true&limit=500");
    expect(overdue.items.length).toBeGreaterThan(0);
    expect(overdue.items.every((x) => x.isOverdue)).toBe(true);
    expect(overdue.total).toBe(all.items.filter((x) => x.isOverdue).length);
    expect((await caseworker.get("/api/tasks/mine?kind=birthday")).status).toBe(400);
  });

  it("GET /api/courses/{id}/tasks lists one course's tasks (404 when not reachable)", async () => {
    const res = await caseworker.get(`/api/courses/${mine.courseId}/tasks`);
    expect(res.status).toBe(200);
    const page = CaseTaskPageSchema.parse(await res.json());
    expect(page.items.map((x) => x.kind)).toEqual(["review"]);
    expect((await caseworker.get(`/api/courses/${notMine.courseId}/tasks`)).status).toBe(404);
    expect((await leader.get(`/api/courses/${notMine.courseId}/tasks`)).status).toBe(200);
  });
});

describe("POST /api/tasks/{id}/complete", () => {
  it("marks the task done with who and when, once; audited", async () => {
    const c = await insertCourseFixture(t, { acceptedOn: "2025-03-01", caseworkerIds: [saraId] });
    await sync(c.courseId);
    const [task] = await tasksOf(c.courseId);
    const res = await caseworker.post(`/api/tasks/${task!.id}/complete`);
    expect(res.status).toBe(200);
    const done = CaseTaskSchema.parse(await res.json());
    expect(done).toMatchObject({ id: task!.id, doneByName: "Sara Sagsbehandler", isOverdue: false });
    expect(done.doneAt).toBe("2026-03-02T09:00:00.000Z");

    const again = await caseworker.post(`/api/tasks/${task!.id}/complete`);
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toContain("allerede");

    const [audit] = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.eventType, "task.completed"), eq(auditEvent.subjectId, c.courseId)));
    expect(audit!.payload).toEqual({ taskId: task!.id, kind: "review" });

    // A re-sync keeps the done task as it is.
    await sync(c.courseId);
    const [kept] = await tasksOf(c.courseId);
    expect(kept!.doneBy).toBe(saraId);
  });

  it("answers 404 for a task of a course I am not on, and for an unknown id", async () => {
    const c = await insertCourseFixture(t, { acceptedOn: "2025-03-01" });
    await sync(c.courseId);
    const [task] = await tasksOf(c.courseId);
    expect((await caseworker.post(`/api/tasks/${task!.id}/complete`)).status).toBe(404);
    expect((await caseworker.post("/api/tasks/00000000-0000-4000-8000-000000000000/complete")).status).toBe(
      404,
    );
    expect((await leader.post(`/api/tasks/${task!.id}/complete`)).status).toBe(200);
  });
});

describe("another municipality and the investor get nothing of Vejle", () => {
  let vejleTaskId: string;
  let vejleCourseId: string;
  beforeAll(async () => {
    const c = await insertCourseFixture(t, { acceptedOn: "2025-01-01", caseworkerIds: [saraId] });
    await sync(c.courseId);
    vejleCourseId = c.courseId;
    vejleTaskId = (await tasksOf(c.courseId))[0]!.id;
  });

  it("Rødovre's caseworker sees no Vejle task and cannot reach or complete one", async () => {
    const own = await insertCourseFixture(t, {
      municipality: "rodovre",
      familyName: "Familien Rødovre",
      acceptedOn: "2025-01-01",
      caseworkerIds: [rodovre.userId],
    });
    await sync(own.courseId);
    const page = await myTasks(rodovre, "?status=all&limit=500");
    expect(page.items.map((x) => x.courseId)).toContain(own.courseId);
    expect(page.items.map((x) => x.courseId)).not.toContain(vejleCourseId);
    expect(JSON.stringify(page)).not.toContain("Familien Test");
    expect((await rodovre.get(`/api/courses/${vejleCourseId}/tasks`)).status).toBe(404);
    expect((await rodovre.post(`/api/tasks/${vejleTaskId}/complete`)).status).toBe(404);
    const [task] = await t.db.select().from(caseTask).where(eq(caseTask.id, vejleTaskId));
    expect(task!.doneAt).toBeNull();
  });

  it("the investor holds no family permission", async () => {
    expect((await investor.get("/api/tasks/mine")).status).toBe(404);
    expect((await investor.get(`/api/courses/${vejleCourseId}/tasks`)).status).toBe(404);
    expect((await investor.post(`/api/tasks/${vejleTaskId}/complete`)).status).toBe(404);
  });

  it("answers 401 without a session", async () => {
    expect((await t.request("GET", "/api/tasks/mine")).status).toBe(401);
  });
});

describe("the overdue flag follows the Danish date of the clock", () => {
  it("a task due on 5 March is not overdue on 2 March, and is on 6 March", async () => {
    const c = await insertCourseFixture(t, {
      acceptedOn: "2025-03-05",
      caseworkerIds: [saraId],
      familyName: "Familien Frist",
    });
    await sync(c.courseId);
    const before = (await myTasks(caseworker, "?kind=review")).items.find((x) => x.courseId === c.courseId)!;
    expect(before).toMatchObject({ dueOn: "2026-03-05", isOverdue: false });
    // 5 March 23:30 UTC is already 6 March in Denmark.
    t.clock.advanceMinutes(3 * 24 * 60 + 14 * 60 + 30);
    const again = await t.login("sagsbehandler@vejle.demo");
    const after = (await myTasks(again, "?kind=review")).items.find((x) => x.courseId === c.courseId)!;
    expect(after.isOverdue).toBe(true);
    expect((await myTasks(again)).items[0]!.isOverdue).toBe(true);
  });
});
