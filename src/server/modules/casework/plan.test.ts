import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCourseFixture } from "../../../../test/casework-fixture.js";
import { createTestApp, type TestApp, type TestClient } from "../../../../test/test-app.js";
import { FamilyPlanViewSchema, PlanDiffSchema } from "../../../contracts/casework-plan.js";
import { auditEvent, course, planVersion } from "../../db/schema/index.js";

let t: TestApp;
let sara: TestClient;
let lars: TestClient;
let saraId: string;

beforeAll(async () => {
  t = await createTestApp();
  sara = await t.login("sagsbehandler@vejle.demo");
  lars = await t.login("leder@vejle.demo");
  saraId = t.seed.userIds["sagsbehandler@vejle.demo"]!;
});
afterAll(() => t.close());

type Fixture = Awaited<ReturnType<typeof insertCourseFixture>>;

const newCourse = (options: Parameters<typeof insertCourseFixture>[1] = {}) =>
  insertCourseFixture(t, { caseworkerIds: [saraId], ...options });

const put = (client: TestClient, courseId: string, body: unknown, ifMatch?: string) =>
  client.call(
    "PUT",
    `/api/courses/${courseId}/plan`,
    body,
    ifMatch === undefined ? {} : { "if-match": ifMatch },
  );

function goal(fx: Fixture, id = "g1", ownWords = "Ali kommer i skole hver dag") {
  return {
    id,
    subject: { kind: "member", personId: fx.childId },
    ownWords,
    category: "school-day-care",
    targetDate: "2026-12-31",
    status: "in-progress",
  };
}

function measure(id = "m1", overrides: Record<string, unknown> = {}) {
  return {
    id,
    what: "Familiebehandling i hjemmet",
    performedBy: "Familiekonsulent fra leverandøren",
    responsibleUserId: saraId,
    department: "children-and-family",
    startOn: "2026-03-01",
    endOn: "2026-08-31",
    estimatedMonthlyCostOre: 1_500_000,
    goalIds: ["g1"],
    ...overrides,
  };
}

const planOf = (fx: Fixture) => ({ goals: [goal(fx)], measures: [measure()] });

async function auditRows(type: string, subjectId: string) {
  return t.db
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.eventType, type), eq(auditEvent.subjectId, subjectId)));
}

async function versionCount(courseId: string) {
  const rows = await t.db.select().from(planVersion).where(eq(planVersion.courseId, courseId));
  return rows.length;
}

describe("GET /api/courses/{id}/plan", () => {
  it("answers version 0 and an empty plan before the first save, and audits the read with its purpose", async () => {
    const fx = await newCourse();
    const res = await sara.get(`/api/courses/${fx.courseId}/plan`);
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe('"0"');
    const view = FamilyPlanViewSchema.parse(await res.json());
    expect(view).toMatchObject({ version: 0, plan: { goals: [], measures: [] }, agreement: null });
    expect(view.costByDepartment.map((m) => m.month)).toEqual([
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
      "2026-11",
      "2026-12",
      "2027-01",
      "2027-02",
    ]);
    const rows = await auditRows("plan.viewed", fx.courseId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ purpose: "sagsbehandling", payload: { version: 0 } });
  });
});

describe("PUT /api/courses/{id}/plan", () => {
  it("saves version 1 and 2 with ETags, bumps the course, computes the monthly cost and audits", async () => {
    const fx = await newCourse();
    const first = await put(sara, fx.courseId, { plan: planOf(fx), note: "Første plan" }, '"0"');
    expect(first.status).toBe(200);
    expect(first.headers.get("etag")).toBe('"1"');
    const v1 = FamilyPlanViewSchema.parse(await first.json());
    expect(v1).toMatchObject({
      version: 1,
      currentVersion: 1,
      note: "Første plan",
      createdByName: "Sara Sagsbehandler",
    });
    expect(v1.totalMonthlyCostOre).toBe(1_500_000);
    expect(v1.costByDepartment[0]!.byDepartmentOre["children-and-family"]).toBe(1_500_000);
    // August runs in full, September not at all.
    expect(v1.costByDepartment.find((m) => m.month === "2026-08")!.totalOre).toBe(1_500_000);
    expect(v1.costByDepartment.find((m) => m.month === "2026-09")!.totalOre).toBe(0);

    t.clock.advanceMinutes(5);
    const plan2 = { goals: [goal(fx)], measures: [measure("m1", { estimatedMonthlyCostOre: 900_000 })] };
    const second = await put(sara, fx.courseId, { plan: plan2 }, '"1"');
    expect(second.status).toBe(200);
    expect(second.headers.get("etag")).toBe('"2"');
    expect((await second.json()).totalMonthlyCostOre).toBe(900_000);

    const [c] = await t.db.select().from(course).where(eq(course.id, fx.courseId));
    expect(c).toMatchObject({ planVersion: 2, version: 3 });
    const saved = await auditRows("plan.version_saved", fx.courseId);
    expect(saved.map((r) => r.payload)).toEqual([
      { version: 1, goals: 1, measures: 1 },
      { version: 2, goals: 1, measures: 1 },
    ]);
    // Saved versions are immutable in the database itself.
    await expect(
      t.db.execute(sql`UPDATE plan_version SET note = 'x' WHERE course_id = ${fx.courseId}`),
    ).rejects.toThrow();

    const current = await sara.get(`/api/courses/${fx.courseId}/plan`);
    expect(current.headers.get("etag")).toBe('"2"');
    expect((await current.json()).version).toBe(2);
  });

  it("accepts baseVersion in the body when the client cannot send If-Match; without either it is a 400", async () => {
    const fx = await newCourse();
    const viaBody = await put(sara, fx.courseId, { plan: planOf(fx), baseVersion: 0 });
    expect(viaBody.status).toBe(200);
    const missing = await put(sara, fx.courseId, { plan: planOf(fx) });
    expect(missing.status).toBe(400);
    const { error } = await missing.json();
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("If-Match");
    const malformed = await put(sara, fx.courseId, { plan: planOf(fx) }, "version-one");
    expect(malformed.status).toBe(400);
    expect(await versionCount(fx.courseId)).toBe(1);
  });

  it("refuses a stale If-Match with 409 naming who saved what and when, and writes nothing", async () => {
    const fx = await newCourse();
    expect((await put(sara, fx.courseId, { plan: planOf(fx) }, '"0"')).status).toBe(200);
    // The team leader adds a goal and changes the measure (09:00 UTC = 10:00 in Denmark).
    const larsPlan = {
      goals: [goal(fx), goal(fx, "g2", "Mor taler med skolen hver uge")],
      measures: [measure("m1", { endOn: "2026-09-30" })],
    };
    expect((await put(lars, fx.courseId, { plan: larsPlan }, '"1"')).status).toBe(200);
    const savedAt = new Date(t.clock.now());
    const hhmm = new Intl.DateTimeFormat("da-DK", {
      timeZone: "Europe/Copenhagen",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .format(savedAt)
      .replace(".", ":");

    const auditBefore = (await t.db.select().from(auditEvent)).length;
    const stale = await put(sara, fx.courseId, { plan: { goals: [], measures: [] } }, '"1"');
    expect(stale.status).toBe(409);
    const { error } = await stale.json();
    expect(error.code).toBe("STALE_VERSION");
    expect(error.message).toContain(`Lars Leder gemte version 2 kl. ${hhmm}`);
    expect(error.message).toContain("1 mål tilføjet, 1 indsats ændret");
    expect(error.message).toContain("Hent planen igen");
    expect(await versionCount(fx.courseId)).toBe(2);
    expect((await t.db.select().from(auditEvent)).length).toBe(auditBefore);
    const [c] = await t.db.select().from(course).where(eq(course.id, fx.courseId));
    expect(c!.planVersion).toBe(2);
  });

  it("lets exactly one of two concurrent saves on the same version win", async () => {
    const fx = await newCourse();
    const [a, b] = await Promise.all([
      put(sara, fx.courseId, { plan: planOf(fx), note: "A" }, '"0"'),
      put(lars, fx.courseId, { plan: planOf(fx), note: "B" }, '"0"'),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect((await loser.json()).error.code).toBe("STALE_VERSION");
    expect(await versionCount(fx.courseId)).toBe(1);
    const [c] = await t.db.select().from(course).where(eq(course.id, fx.courseId));
    expect(c!.planVersion).toBe(1);
    expect(await auditRows("plan.version_saved", fx.courseId)).toHaveLength(1);
  });

  it("answers an invalid plan with Danish messages per field path", async () => {
    const fx = await newCourse();
    const shape = await put(
      sara,
      fx.courseId,
      {
        plan: {
          goals: [goal(fx)],
          measures: [measure("m1", { endOn: "2026-02-01", department: "ministry-of-magic" })],
        },
      },
      '"0"',
    );
    expect(shape.status).toBe(400);
    const e1 = (await shape.json()).error;
    expect(e1.code).toBe("VALIDATION_FAILED");
    const byPath = Object.fromEntries(
      e1.details.map((d: { path: string; message: string }) => [d.path, d.message]),
    );
    expect(byPath["plan.measures.0.department"]).toBe("Ukendt afdeling");
    // The cross-field rule runs once the shape is right.
    const dates = await put(
      sara,
      fx.courseId,
      { plan: { goals: [goal(fx)], measures: [measure("m1", { endOn: "2026-02-01" })] } },
      '"0"',
    );
    expect((await dates.json()).error.details).toContainEqual({
      path: "plan.measures.0.endOn",
      message: "Slutdatoen må ikke ligge før startdatoen",
    });

    const stranger = await insertCourseFixture(t, { familyName: "Familien Anden" });
    const nonMember = await put(
      sara,
      fx.courseId,
      { plan: { goals: [{ ...goal(fx), subject: { kind: "member", personId: stranger.childId } }] } },
      '"0"',
    );
    expect(nonMember.status).toBe(400);
    expect((await nonMember.json()).error.details).toEqual([
      {
        path: "plan.goals.0.subject.personId",
        message: "Målet gælder en person, som ikke er medlem af familien",
      },
    ]);

    const rodovreUser = t.seed.userIds["sagsbehandler@rodovre.demo"]!;
    const foreign = await put(
      sara,
      fx.courseId,
      { plan: { goals: [goal(fx)], measures: [measure("m1", { responsibleUserId: rodovreUser })] } },
      '"0"',
    );
    expect(foreign.status).toBe(400);
    expect((await foreign.json()).error.details.map((d: { path: string }) => d.path)).toEqual([
      "plan.measures.0.responsibleUserId",
    ]);
    // The provider's consultant may be responsible.
    const consultant = t.seed.userIds["konsulent@modersmaal.demo"]!;
    const ok = await put(
      sara,
      fx.courseId,
      { plan: { goals: [goal(fx)], measures: [measure("m1", { responsibleUserId: consultant })] } },
      '"0"',
    );
    expect(ok.status).toBe(200);
    expect(await versionCount(fx.courseId)).toBe(1);
  });
});

describe("versions, agreements and compare", () => {
  it("lists versions, records the family's agreement, shows one version and diffs two", async () => {
    const fx = await newCourse();
    await put(sara, fx.courseId, { plan: planOf(fx), note: "Første" }, '"0"');
    t.clock.advanceMinutes(10);
    const v2 = {
      goals: [
        goal(fx, "g1", "Ali kommer i skole hver dag og har det godt"),
        goal(fx, "g2", "Mor finder arbejde"),
      ],
      measures: [
        measure("m2", {
          what: "Mentor",
          department: "job-centre",
          goalIds: ["g2"],
          responsibleName: "Jobcentrets mentor",
          responsibleUserId: undefined,
        }),
      ],
    };
    await put(sara, fx.courseId, { plan: v2, note: "Anden" }, '"1"');

    const agreed = await sara.post(`/api/courses/${fx.courseId}/plan/agreements`, {
      planVersion: 1,
      agreedOn: "2026-03-01",
      note: "Underskrevet på mødet",
    });
    expect(agreed.status).toBe(201);
    expect(await agreed.json()).toMatchObject({
      planVersion: 1,
      agreedOn: "2026-03-01",
      recordedByName: "Sara Sagsbehandler",
    });
    const future = await sara.post(`/api/courses/${fx.courseId}/plan/agreements`, {
      planVersion: 2,
      agreedOn: "2026-03-03",
    });
    expect(future.status).toBe(400);
    expect((await future.json()).error.details.map((d: { path: string }) => d.path)).toEqual(["agreedOn"]);
    const unknown = await sara.post(`/api/courses/${fx.courseId}/plan/agreements`, {
      planVersion: 3,
      agreedOn: "2026-03-02",
    });
    expect((await unknown.json()).error.details.map((d: { path: string }) => d.path)).toEqual([
      "planVersion",
    ]);
    expect((await auditRows("plan.agreed", fx.courseId)).map((r) => r.payload)).toEqual([{ version: 1 }]);

    const versions = await (await sara.get(`/api/courses/${fx.courseId}/plan/versions`)).json();
    expect(versions.items).toEqual([
      expect.objectContaining({ version: 2, note: "Anden", goals: 2, measures: 1, agreedOn: null }),
      expect.objectContaining({
        version: 1,
        note: "Første",
        goals: 1,
        measures: 1,
        agreedOn: "2026-03-01",
        createdByName: "Sara Sagsbehandler",
      }),
    ]);

    const one = FamilyPlanViewSchema.parse(
      await (await sara.get(`/api/courses/${fx.courseId}/plan/versions/1`)).json(),
    );
    expect(one).toMatchObject({ version: 1, currentVersion: 2, agreement: { agreedOn: "2026-03-01" } });
    expect((await sara.get(`/api/courses/${fx.courseId}/plan/versions/7`)).status).toBe(404);

    const diffRes = await sara.get(`/api/courses/${fx.courseId}/plan/diff?from=1&to=2`);
    expect(diffRes.status).toBe(200);
    const diff = PlanDiffSchema.parse(await diffRes.json());
    expect(diff.isNoteChanged).toBe(true);
    expect(diff.goals.map((g) => [g.id, g.change])).toEqual([
      ["g1", "changed"],
      ["g2", "added"],
    ]);
    expect(diff.goals[0]!.fields).toEqual([
      {
        field: "ownWords",
        before: "Ali kommer i skole hver dag",
        after: "Ali kommer i skole hver dag og har det godt",
      },
    ]);
    expect(diff.measures.map((m) => [m.id, m.change, m.label])).toEqual([
      ["m2", "added", "Mentor"],
      ["m1", "removed", "Familiebehandling i hjemmet"],
    ]);
    const fromEmpty = await (await sara.get(`/api/courses/${fx.courseId}/plan/diff?from=0&to=1`)).json();
    expect(fromEmpty.goals.map((g: { change: string }) => g.change)).toEqual(["added"]);

    // Every read above left an audit row: versions list, one version, two diffs.
    expect(await auditRows("plan.viewed", fx.courseId)).toHaveLength(4);
  });
});

describe("who reaches a plan", () => {
  it("hides the plan from a caseworker not on the team, from Rødovre and from the investor", async () => {
    const fx = await insertCourseFixture(t); // nobody on the case team
    expect((await sara.get(`/api/courses/${fx.courseId}/plan`)).status).toBe(404);
    expect((await put(sara, fx.courseId, { plan: planOf(fx) }, '"0"')).status).toBe(404);

    const mine = await newCourse();
    const rodovre = await t.login("sagsbehandler@rodovre.demo");
    for (const path of ["plan", "plan/versions", "plan/versions/1", "plan/diff?from=0&to=1"]) {
      expect((await rodovre.get(`/api/courses/${mine.courseId}/${path}`)).status, path).toBe(404);
    }
    expect((await put(rodovre, mine.courseId, { plan: planOf(mine) }, '"0"')).status).toBe(404);
    expect(
      (
        await rodovre.post(`/api/courses/${mine.courseId}/plan/agreements`, {
          planVersion: 1,
          agreedOn: "2026-03-01",
        })
      ).status,
    ).toBe(404);

    // The investor holds no family permission at all: the route's gate answers before any record is read.
    const investor = await t.login("investor@fond.demo");
    const inv = await investor.get(`/api/courses/${mine.courseId}/plan`);
    expect(inv.status).toBe(404);
    expect(await inv.text()).not.toContain(mine.courseId);
    expect(await auditRows("plan.viewed", mine.courseId)).toHaveLength(0);
  });

  it("lets the project manager read (purpose: management, her own municipality) but not save", async () => {
    const fx = await newCourse();
    const pm = await t.login("projektleder@vejle.demo");
    const res = await pm.get(`/api/courses/${fx.courseId}/plan`);
    expect(res.status).toBe(200);
    expect((await res.json()).abilities.write).toBe(false);
    expect((await put(pm, fx.courseId, { plan: planOf(fx) }, '"0"')).status).toBe(403);
    const [row] = await auditRows("plan.viewed", fx.courseId);
    expect(row!.purpose).toBe("ledelse");
  });
});
