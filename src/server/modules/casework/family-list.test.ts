import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCourseFixture } from "../../../../test/casework-fixture.js";
import { createTestApp, type TestApp, type TestClient } from "../../../../test/test-app.js";
import { pageOf } from "../../../contracts/admin.js";
import { FamilySummarySchema } from "../../../contracts/casework.js";
import {
  auditEvent,
  caseTask,
  caseTeamMember,
  family,
  familyMembership,
  person,
  referral,
} from "../../db/schema/index.js";

// The family list's summaries and filters, read through one statement (family-list.repository.ts).
// Today is 2026-03-02 (the test clock).

const FamilyPageSchema = pageOf(FamilySummarySchema, "FamilyPage");

let t: TestApp;
let leader: TestClient;
let caseworker: TestClient;
let fixture: Awaited<ReturnType<typeof insertCourseFixture>>;
let formerCaseworkerId: string;
let referralOnlyFamilyId: string;

beforeAll(async () => {
  t = await createTestApp();
  leader = await t.login("leder@vejle.demo");
  caseworker = await t.login("sagsbehandler@vejle.demo");
  formerCaseworkerId = t.seed.userIds["projektleder@vejle.demo"]!;
  fixture = await insertCourseFixture(t, {
    familyName: "Familien Qvistgaard",
    caseworkerIds: [caseworker.userId],
    consultantIds: [t.seed.userIds["konsulent@modersmaal.demo"]!],
  });
  await t.db.update(person).set({ lastName: "Zyxwert" }).where(eq(person.id, fixture.parentId));
  // The child moved out yesterday; a former caseworker left the team yesterday.
  await t.db
    .update(familyMembership)
    .set({ toOn: "2026-03-01" })
    .where(eq(familyMembership.personId, fixture.childId));
  await t.db.insert(caseTeamMember).values({
    organisationId: fixture.organisationId,
    courseId: fixture.courseId,
    userId: formerCaseworkerId,
    memberOrganisationId: fixture.organisationId,
    role: "caseworker",
    fromOn: "2026-01-05",
    toOn: "2026-03-01",
  });
  const task = {
    organisationId: fixture.organisationId,
    courseId: fixture.courseId,
    kind: "review" as const,
  };
  await t.db.insert(caseTask).values([
    { ...task, key: "overdue", title: "Overskredet", dueOn: "2026-02-20" },
    { ...task, key: "later", title: "Senere", dueOn: "2026-03-10" },
    { ...task, key: "done", title: "Udført", dueOn: "2026-02-01", doneAt: new Date("2026-02-02T10:00:00Z") },
  ]);
  // A family whose referral has not become a course: its responsible caseworker stands in for a team.
  const [f] = await t.db
    .insert(family)
    .values({ organisationId: fixture.organisationId, name: "Familien Qvistgaard-Henvist" })
    .returning();
  referralOnlyFamilyId = f!.id;
  await t.db.insert(referral).values({
    organisationId: fixture.organisationId,
    projectId: fixture.projectId,
    trackId: fixture.trackId,
    familyId: f!.id,
    reason: "Bekymring",
    legalBasis: "Barnets lov § 32",
    referredOn: "2026-02-25",
    state: "screening",
    stateSince: "2026-02-26",
    caseworkerUserId: formerCaseworkerId,
  });
});
afterAll(() => t.close());

async function list(client: TestClient, query: string) {
  const res = await client.get(`/api/families?${query}`);
  expect(res.status).toBe(200);
  return FamilyPageSchema.parse(await res.json());
}
const names = (page: { items: { name: string }[] }) => page.items.map((f) => f.name);

describe("the family list", () => {
  it("summarises a family: current members, languages, today's caseworkers, open and overdue tasks", async () => {
    const page = await list(leader, "q=Qvistgaard");
    expect(page.total).toBe(2);
    expect(page.items[0]).toEqual({
      id: fixture.familyId,
      name: "Familien Qvistgaard",
      memberCount: 1,
      languages: ["so"],
      interpreterNeeded: true,
      projectId: fixture.projectId,
      projectName: expect.any(String),
      trackId: fixture.trackId,
      trackName: expect.any(String),
      courseId: fixture.courseId,
      courseState: "active",
      referralId: fixture.referralId,
      referralState: "accepted",
      caseworkers: [{ id: caseworker.userId, name: expect.any(String) }],
      openTasks: 2,
      overdueTasks: 1,
      nextDueOn: "2026-02-20",
    });
    expect(page.items[1]).toMatchObject({
      id: referralOnlyFamilyId,
      memberCount: 0,
      languages: [],
      courseId: null,
      courseState: null,
      referralState: "screening",
      caseworkers: [{ id: formerCaseworkerId, name: expect.any(String) }],
      openTasks: 0,
      overdueTasks: 0,
      nextDueOn: null,
    });
  });

  it("finds a family by a member's name, with a long or a short term, and takes % and _ literally", async () => {
    expect(names(await list(leader, "q=zyxwer"))).toEqual(["Familien Qvistgaard"]);
    expect(names(await list(leader, "q=yx"))).toEqual(["Familien Qvistgaard"]);
    expect(names(await list(leader, "q=amina zyx"))).toEqual(["Familien Qvistgaard"]);
    expect((await list(leader, "q=Qvist_aard")).total).toBe(0);
    expect((await list(leader, "q=%25")).total).toBe(0);
  });

  it("filters by caseworker: on the case team today, or responsible for a referral without a course", async () => {
    expect(names(await list(leader, `q=Qvistgaard&caseworkerId=${caseworker.userId}`))).toEqual([
      "Familien Qvistgaard",
    ]);
    expect(names(await list(leader, `q=Qvistgaard&caseworkerId=${formerCaseworkerId}`))).toEqual([
      "Familien Qvistgaard-Henvist",
    ]);
  });

  it("filters by overdue tasks and state, and a page past the end still answers the total", async () => {
    expect(names(await list(leader, "q=Qvistgaard&overdue=true"))).toEqual(["Familien Qvistgaard"]);
    expect(names(await list(leader, "q=Qvistgaard&state=referral"))).toEqual(["Familien Qvistgaard-Henvist"]);
    expect(names(await list(leader, "q=Qvistgaard&state=open"))).toEqual(["Familien Qvistgaard"]);
    expect(await list(leader, "q=Qvistgaard&offset=5")).toEqual({ items: [], total: 2 });
  });

  it("shows a caseworker the families of their case team, and audits each read once", async () => {
    const page = await list(caseworker, "q=Qvistgaard&overdue=true");
    expect(names(page)).toEqual(["Familien Qvistgaard"]);
    const [event] = await t.db.select().from(auditEvent).orderBy(desc(auditEvent.seq)).limit(1);
    expect(event).toMatchObject({
      eventType: "family.listed",
      actorUserId: caseworker.userId,
      purpose: "sagsoverblik",
      payload: { rows: 1, filters: ["q", "overdue"] },
    });
  });
});
