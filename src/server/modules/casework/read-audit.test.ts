import { and, eq, gt, max } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../../../test/test-app.js";
import { auditEvent, caseTask, caseTeamMember, course, familyMembership } from "../../db/schema/index.js";

/**
 * Issue 4 §6: "every read of a family, person, plan or note is audited with its purpose". Walks every
 * GET of the case-work API in the OpenAPI document as Vejle's caseworker on a course of her own and
 * proves that each answer 200 left an audit event by her, with a purpose. A new case-work GET must
 * either audit its read or be listed in NOT_PERSONAL with the reason.
 */
let t: TestApp;
let sara: TestClient;
let saraId: string;
let ids: Record<string, string>;

const CASEWORK_PREFIXES = [
  "/api/families",
  "/api/persons",
  "/api/referrals",
  "/api/courses",
  "/api/tasks",
  "/api/caseloads",
];

// GETs that return no personal data (so there is no personal read to audit).
const NOT_PERSONAL = new Map([
  ["/api/caseloads/limits", "the municipality's caseload limits: numbers only"],
  ["/api/courses/{id}/team-candidates", "staff who may join a case team: users, not family members"],
]);

beforeAll(async () => {
  t = await createTestApp();
  sara = await t.login("sagsbehandler@vejle.demo");
  saraId = t.seed.userIds["sagsbehandler@vejle.demo"]!;
  const courseId = t.seed.casework.courseIds.hassan!;
  const [c] = await t.db.select().from(course).where(eq(course.id, courseId));
  const [member] = await t.db
    .select()
    .from(familyMembership)
    .where(eq(familyMembership.familyId, c!.familyId));
  const [team] = await t.db.select().from(caseTeamMember).where(eq(caseTeamMember.courseId, courseId));
  const [task] = await t.db.select().from(caseTask).where(eq(caseTask.courseId, courseId));
  ids = {
    familyId: c!.familyId,
    courseId,
    personId: member!.personId,
    referralId: c!.referralId,
    membershipId: member!.id,
    memberId: team!.id,
    taskId: task!.id,
  };
});
afterAll(() => t.close());

function urlFor(path: string): string {
  const byParam: Record<string, string> = {
    "/api/families/{id}": ids.familyId!,
    "/api/persons/{id}": ids.personId!,
    "/api/referrals/{id}": ids.referralId!,
    "/api/courses/{id}": ids.courseId!,
    "/api/tasks/{id}": ids.taskId!,
  };
  const prefix = Object.keys(byParam).find((p) => path.startsWith(p));
  let url = prefix ? path.replace("{id}", byParam[prefix]!) : path;
  url = url.replace("{version}", "1").replace("{membershipId}", ids.membershipId!);
  url = url.replace("{memberId}", ids.memberId!);
  if (url.endsWith("/plan/diff")) url += "?from=1&to=1";
  return url;
}

async function lastAuditId(): Promise<number> {
  const [row] = await t.db.select({ id: max(auditEvent.id) }).from(auditEvent);
  return row?.id ?? 0;
}

describe("every read of case work is audited with a purpose", () => {
  it("each case-work GET answered 200 writes an audit event by the reader, with a purpose", async () => {
    const doc = await (await t.request("GET", "/api/openapi.json")).json();
    const reads = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .filter(([path, ops]) => "get" in ops && CASEWORK_PREFIXES.some((p) => path.startsWith(p)))
      .map(([path]) => path);
    expect(reads.length).toBeGreaterThan(15);
    const unaudited: string[] = [];
    for (const path of reads) {
      if (NOT_PERSONAL.has(path)) continue;
      const before = await lastAuditId();
      const url = urlFor(path);
      const res = await sara.get(url);
      expect(res.status, `${url} → ${res.status} ${(await res.clone().text()).slice(0, 200)}`).toBe(200);
      const events = await t.db
        .select()
        .from(auditEvent)
        .where(and(gt(auditEvent.id, before), eq(auditEvent.actorUserId, saraId)));
      if (!events.some((e) => (e.purpose ?? "") !== "")) unaudited.push(path);
    }
    expect(unaudited, "case-work reads without an audit event with a purpose").toEqual([]);
  });

  it("the audit event of a family read names the family and the purpose, and never a personal value", async () => {
    const before = await lastAuditId();
    await sara.get(`/api/families/${ids.familyId}`);
    const [event] = await t.db
      .select()
      .from(auditEvent)
      .where(and(gt(auditEvent.id, before), eq(auditEvent.eventType, "family.viewed")));
    expect(event?.subjectId).toBe(ids.familyId);
    expect(event?.purpose).toBeTruthy();
    expect(JSON.stringify(event?.payload)).not.toMatch(/Hassan/);
  });
});
