import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCourseFixture } from "../../../../test/casework-fixture.js";
import { createTestApp, type TestApp, type TestClient } from "../../../../test/test-app.js";
import { CourseReviewSchema } from "../../../contracts/casework-tasks.js";
import type { FamilyPlan } from "../../../domain/casework/index.js";
import { auditEvent, caseTask, contact, course, courseReview, planVersion } from "../../db/schema/index.js";
import { syncCourseTasks } from "./task-sync.js";

let t: TestApp;
let caseworker: TestClient;
let leader: TestClient;
let rodovre: TestClient;
let investor: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  caseworker = await t.login("sagsbehandler@vejle.demo");
  leader = await t.login("leder@vejle.demo");
  rodovre = await t.login("sagsbehandler@rodovre.demo");
  investor = await t.login("investor@fond.demo");
});
afterAll(() => t.close());

const sync = (courseId: string) =>
  t.db.transaction((tx) => syncCourseTasks(tx, courseId, "2026-03-02" as never));
const tasksOf = (courseId: string) =>
  t.db.select().from(caseTask).where(eq(caseTask.courseId, courseId)).orderBy(caseTask.dueOn);

const PLAN = {
  goals: [
    {
      id: "g1",
      subject: { kind: "family" },
      ownWords: "Børnene kommer i skole hver dag",
      category: "school-day-care",
      targetDate: "2026-06-30",
      status: "in-progress",
      subGoals: [],
    },
    {
      id: "g2",
      subject: { kind: "family" },
      ownWords: "Far får et job",
      category: "employment-education",
      targetDate: "2026-12-31",
      status: "not-started",
      subGoals: [],
    },
  ],
  measures: [
    {
      id: "m1",
      what: "Familiebehandling i hjemmet",
      performedBy: "Familiekonsulent",
      responsibleName: "Familiekonsulenten",
      department: "provider",
      startOn: "2025-04-01",
      estimatedMonthlyCostOre: 2_000_000,
      goalIds: ["g1"],
    },
    {
      id: "m2",
      what: "Virksomhedspraktik",
      performedBy: "Jobcentret",
      responsibleName: "Jobkonsulent",
      department: "job-centre",
      startOn: "2025-05-01",
      endOn: "2025-10-31",
      estimatedMonthlyCostOre: 0,
      goalIds: ["g2"],
    },
    {
      id: "m3",
      what: "Lektiecafé",
      performedBy: "Skolen",
      responsibleName: "Klasselæreren",
      department: "school",
      startOn: "2026-04-01",
      estimatedMonthlyCostOre: 0,
      goalIds: ["g1"],
    },
  ],
} as unknown as FamilyPlan;

async function courseWithPlan() {
  const c = await insertCourseFixture(t, {
    acceptedOn: "2025-03-01",
    caseworkerIds: [caseworker.userId],
  });
  await t.db.insert(planVersion).values({
    organisationId: c.organisationId,
    courseId: c.courseId,
    version: 1,
    plan: PLAN,
  });
  await t.db.update(course).set({ planVersion: 1 }).where(eq(course.id, c.courseId));
  const visit = (at: string, kind: "home-visit" | "phone") => ({
    organisationId: c.organisationId,
    courseId: c.courseId,
    occurredAt: new Date(at),
    kind,
    participants: { personIds: [c.parentId], userIds: [caseworker.userId], others: [] },
    language: "so",
    durationMinutes: 60,
    isOutOfHours: false,
  });
  await t.db
    .insert(contact)
    .values([
      visit("2025-02-27T10:00:00Z", "home-visit"),
      visit("2025-06-10T10:00:00Z", "home-visit"),
      visit("2025-09-01T10:00:00Z", "home-visit"),
      visit("2026-01-15T10:00:00Z", "phone"),
    ]);
  await sync(c.courseId);
  return c;
}

describe("POST /api/courses/{id}/reviews", () => {
  let c: Awaited<ReturnType<typeof courseWithPlan>>;
  beforeAll(async () => {
    c = await courseWithPlan();
  });

  it("has the review task due 12 months after acceptance before the review", async () => {
    const open = (await tasksOf(c.courseId)).filter((x) => x.kind === "review");
    expect(open.map((x) => [x.dueOn, x.doneAt])).toEqual([["2026-03-01", null]]);
  });

  it("stores the decision with a snapshot, completes the review task and moves the next review due", async () => {
    const res = await caseworker.post(`/api/courses/${c.courseId}/reviews`, {
      heldOn: "2026-03-02",
      decision: "continue",
      reasons: "Familien er godt i gang; fremmødet i skolen er steget.",
    });
    expect(res.status).toBe(201);
    const review = CourseReviewSchema.parse(await res.json());
    expect(review).toMatchObject({
      courseId: c.courseId,
      heldOn: "2026-03-02",
      decision: "continue",
      decisionLabel: "Fortsæt forløbet",
      planVersion: 1,
      createdByName: "Sara Sagsbehandler",
    });
    expect(review.snapshot).toEqual({
      planVersion: 1,
      goals: [
        { id: "g1", category: "school-day-care", status: "in-progress" },
        { id: "g2", category: "employment-education", status: "not-started" },
      ],
      measures: [
        {
          id: "m1",
          what: "Familiebehandling i hjemmet",
          department: "provider",
          startOn: "2025-04-01",
          endOn: null,
          status: "running",
        },
        {
          id: "m2",
          what: "Virksomhedspraktik",
          department: "job-centre",
          startOn: "2025-05-01",
          endOn: "2025-10-31",
          status: "ended",
        },
        {
          id: "m3",
          what: "Lektiecafé",
          department: "school",
          startOn: "2026-04-01",
          endOn: null,
          status: "planned",
        },
      ],
      // The visit before the acceptance does not count.
      contactsFromOn: "2025-03-01",
      contactsSinceLastReview: 3,
      contactsByKind: { "home-visit": 2, phone: 1 },
    });

    const reviews = (await tasksOf(c.courseId)).filter((x) => x.kind === "review");
    expect(reviews.map((x) => [x.dueOn, x.doneAt !== null, x.doneBy])).toEqual([
      ["2026-03-01", true, caseworker.userId],
      ["2027-03-02", false, null],
    ]);
    const [audit] = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.eventType, "review.recorded"), eq(auditEvent.subjectId, c.courseId)));
    expect(audit!.payload).toEqual({ reviewId: review.id, decision: "continue" });
    // The course's state is the course service's business: unchanged here.
    const [after] = await t.db.select().from(course).where(eq(course.id, c.courseId));
    expect(after!.state).toBe("active");
  });

  it("counts contacts from the day after the previous review", async () => {
    t.clock.advanceMinutes(1);
    const res = await leader.post(`/api/courses/${c.courseId}/reviews`, {
      heldOn: "2026-03-02",
      decision: "adjust",
      reasons: "Planen justeres: lektiecaféen rykkes frem.",
    });
    expect(res.status).toBe(201);
    const review = CourseReviewSchema.parse(await res.json());
    expect(review.snapshot.contactsFromOn).toBe("2026-03-03");
    expect(review.snapshot.contactsSinceLastReview).toBe(0);
    // A second review on the same day leaves the next review open.
    const open = (await tasksOf(c.courseId)).filter((x) => x.kind === "review" && x.doneAt === null);
    expect(open.map((x) => x.dueOn)).toEqual(["2027-03-02"]);
  });

  it("lists the reviews newest first (GET), audited as a course read", async () => {
    const res = await caseworker.get(`/api/courses/${c.courseId}/reviews`);
    expect(res.status).toBe(200);
    const { items } = await res.json();
    expect(items.map((r: { decision: string }) => r.decision)).toEqual(["adjust", "continue"]);
    const [audit] = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.eventType, "course.viewed"), eq(auditEvent.subjectId, c.courseId)));
    expect(audit!.payload).toEqual({ section: "reviews" });
    expect(audit!.purpose).toBe("sagsbehandling");
  });

  it("requires reasons and a decision, in Danish", async () => {
    const res = await caseworker.post(`/api/courses/${c.courseId}/reviews`, {
      heldOn: "2026-03-02",
      decision: "continue",
      reasons: "  ",
    });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(JSON.stringify(error)).toContain("Begrundelsen for afgørelsen skal udfyldes");
    const noDecision = await caseworker.post(`/api/courses/${c.courseId}/reviews`, {
      heldOn: "2026-03-02",
      reasons: "Fint",
    });
    expect(noDecision.status).toBe(400);
    expect(JSON.stringify(await noDecision.json())).toContain("Vælg en afgørelse");
  });

  it("refuses a date in the future or before the acceptance", async () => {
    const future = await caseworker.post(`/api/courses/${c.courseId}/reviews`, {
      heldOn: "2026-03-03",
      decision: "continue",
      reasons: "For tidligt",
    });
    expect(future.status).toBe(400);
    expect((await future.json()).error.details[0].path).toBe("heldOn");
    const early = await caseworker.post(`/api/courses/${c.courseId}/reviews`, {
      heldOn: "2025-02-01",
      decision: "continue",
      reasons: "For tidligt",
    });
    expect(early.status).toBe(400);
    expect((await early.json()).error.message).toContain("1.3.2025");
  });

  it("refuses a review of a closed course (409)", async () => {
    const closed = await insertCourseFixture(t, { state: "closed", caseworkerIds: [caseworker.userId] });
    const res = await caseworker.post(`/api/courses/${closed.courseId}/reviews`, {
      heldOn: "2026-03-02",
      decision: "end",
      reasons: "Afsluttes",
    });
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toContain("lukket");
    expect(await t.db.select().from(courseReview).where(eq(courseReview.courseId, closed.courseId))).toEqual(
      [],
    );
  });

  it("an 'end' decision leaves no new review due", async () => {
    const other = await courseWithPlan();
    const res = await caseworker.post(`/api/courses/${other.courseId}/reviews`, {
      heldOn: "2026-03-02",
      decision: "end",
      reasons: "Målene er nået.",
    });
    expect(res.status).toBe(201);
    const reviews = (await tasksOf(other.courseId)).filter((x) => x.kind === "review");
    expect(reviews.map((x) => [x.dueOn, x.doneAt !== null])).toEqual([["2026-03-01", true]]);
  });
});

describe("who may review", () => {
  let c: Awaited<ReturnType<typeof insertCourseFixture>>;
  beforeAll(async () => {
    c = await insertCourseFixture(t, { acceptedOn: "2025-03-01" });
  });
  const body = { heldOn: "2026-03-02", decision: "continue", reasons: "Fortsætter" };

  it("a caseworker not on the case team gets 404; the team leader may", async () => {
    expect((await caseworker.get(`/api/courses/${c.courseId}/reviews`)).status).toBe(404);
    expect((await caseworker.post(`/api/courses/${c.courseId}/reviews`, body)).status).toBe(404);
    expect((await leader.get(`/api/courses/${c.courseId}/reviews`)).status).toBe(200);
  });

  it("Rødovre and the investor get 404; nothing is written", async () => {
    expect((await rodovre.get(`/api/courses/${c.courseId}/reviews`)).status).toBe(404);
    expect((await rodovre.post(`/api/courses/${c.courseId}/reviews`, body)).status).toBe(404);
    expect((await investor.get(`/api/courses/${c.courseId}/reviews`)).status).toBe(404);
    expect((await investor.post(`/api/courses/${c.courseId}/reviews`, body)).status).toBe(404);
    expect(await t.db.select().from(courseReview).where(eq(courseReview.courseId, c.courseId))).toEqual([]);
  });
});
