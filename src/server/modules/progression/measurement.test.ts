import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCourseFixture } from "../../../../test/casework-fixture.js";
import { createTestApp, type TestApp, type TestClient } from "../../../../test/test-app.js";
import { ErrorResponseSchema } from "../../../contracts/errors.js";
import { CourseMeasurementsSchema, MeasurementRecordSchema } from "../../../contracts/progression.js";
import { auditEvent, caseTask, instrumentVersion, measurement } from "../../db/schema/index.js";

let t: TestApp;
let sara: TestClient;
let saraId: string;

beforeAll(async () => {
  t = await createTestApp();
  sara = await t.login("sagsbehandler@vejle.demo");
  saraId = t.seed.userIds["sagsbehandler@vejle.demo"]!;
});
afterAll(() => t.close());

// The test clock stands at 2026-03-02; the fixture's course was accepted 2026-01-05.
const newCourse = () => insertCourseFixture(t, { caseworkerIds: [saraId] });

const wellBeing = (overrides: Record<string, unknown> = {}) => ({
  instrumentCode: "well-being",
  subject: { kind: "family" },
  measuredOn: "2026-01-20",
  respondent: "parent",
  values: { "well-being": 4 },
  ...overrides,
});

async function measurementsOf(courseId: string, client = sara) {
  const res = await client.get(`/api/courses/${courseId}/measurements`);
  expect(res.status).toBe(200);
  return CourseMeasurementsSchema.parse(await res.json());
}

describe("recording measurements", () => {
  it("scores a measurement with the newest version, fills its due slot, and audits the write and the read", async () => {
    const fx = await newCourse();
    const res = await sara.post(`/api/courses/${fx.courseId}/measurements`, wellBeing());
    expect(res.status).toBe(201);
    const recorded = MeasurementRecordSchema.parse(await res.json());
    expect(recorded).toMatchObject({
      instrumentCode: "well-being",
      instrumentVersion: 1,
      scored: { "well-being": 4 },
      subject: { kind: "family", familyId: fx.familyId },
      recordedByName: "Sara Sagsbehandler",
      supersedesId: null,
    });
    const view = await measurementsOf(fx.courseId);
    expect(view.measurements.map((m) => m.id)).toEqual([recorded.id]);
    const baseline = view.due.find(
      (d) => d.instrumentCode === "well-being" && d.subject.kind === "family" && d.kind === "baseline",
    );
    expect(baseline).toMatchObject({ status: "done", measurementId: recorded.id, windowFrom: "2026-01-05" });
    // The members' baselines of the same instrument are still missing (window closed 2026-02-02).
    const memberBaseline = view.due.find(
      (d) => d.instrumentCode === "well-being" && d.subject.kind === "person" && d.kind === "baseline",
    );
    expect(memberBaseline?.status).toBe("overdue");
    expect(view.members.map((m) => m.role).sort()).toEqual(["child", "parent"]);
    const events = await t.db
      .select({ type: auditEvent.eventType, purpose: auditEvent.purpose })
      .from(auditEvent)
      .where(eq(auditEvent.subjectId, fx.courseId));
    expect(events).toEqual(
      expect.arrayContaining([
        { type: "measurement.recorded", purpose: null },
        { type: "measurement.viewed", purpose: "sagsbehandling" },
      ]),
    );
  });

  it("refuses bad input with a message per field and stores nothing", async () => {
    const fx = await newCourse();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ values: { "well-being": 11 } }, "values.well-being", /10/],
      [{ measuredOn: "2026-03-03" }, "measuredOn", /fremtiden/],
      [{ measuredOn: "2025-12-31" }, "measuredOn", /før forløbets start/],
      [{ subject: { kind: "person", personId: fx.familyId } }, "subject.personId", /hører ikke til familien/],
      [{ instrumentCode: "iq-test" }, "instrumentCode", /findes ikke/],
      [{ version: 7 }, "version", /ingen version 7/],
    ];
    for (const [overrides, path, message] of cases) {
      const res = await sara.post(`/api/courses/${fx.courseId}/measurements`, wellBeing(overrides));
      expect(res.status, path).toBe(400);
      const body = ErrorResponseSchema.parse(await res.json());
      expect(body.error.details?.find((d) => d.path === path)?.message, path).toMatch(message);
    }
    expect(await t.db.select().from(measurement).where(eq(measurement.courseId, fx.courseId))).toEqual([]);
  });

  it("refuses a measurement of a member the instrument is not for (school absence of a parent)", async () => {
    const fx = await newCourse();
    const res = await sara.post(`/api/courses/${fx.courseId}/measurements`, {
      instrumentCode: "school-absence",
      subject: { kind: "person", personId: fx.parentId },
      measuredOn: "2026-01-20",
      period: { from: "2025-11-01", to: "2026-01-19" },
      respondent: "school",
      values: { "absence-pct": 12 },
    });
    expect(res.status).toBe(400);
    const body = ErrorResponseSchema.parse(await res.json());
    expect(body.error.details?.find((d) => d.path === "subject.personId")?.message).toMatch(
      /måles kun for børn/,
    );
  });

  it("refuses a second measurement for the same due slot, but takes one for another slot", async () => {
    const fx = await newCourse();
    expect((await sara.post(`/api/courses/${fx.courseId}/measurements`, wellBeing())).status).toBe(201);
    const again = await sara.post(
      `/api/courses/${fx.courseId}/measurements`,
      wellBeing({ measuredOn: "2026-01-25", values: { "well-being": 5 } }),
    );
    expect(again.status).toBe(400);
    expect(ErrorResponseSchema.parse(await again.json()).error.message).toMatch(
      /Nulpunktsmålingen af Trivsel .* er allerede registreret den 20\.1\.2026\. Ret den eksisterende/,
    );
    const child = await sara.post(
      `/api/courses/${fx.courseId}/measurements`,
      wellBeing({ subject: { kind: "person", personId: fx.childId }, respondent: "member" }),
    );
    expect(child.status).toBe(201);
    // The other order: an earlier measurement in the same window, closer to the course start.
    const earlier = await sara.post(
      `/api/courses/${fx.courseId}/measurements`,
      wellBeing({ measuredOn: "2026-01-16", values: { "well-being": 4 } }),
    );
    expect(earlier.status).toBe(400);
    expect(ErrorResponseSchema.parse(await earlier.json()).error.message).toMatch(
      /Nulpunktsmålingen af Trivsel .* er allerede registreret den 20\.1\.2026/,
    );
  });

  it("corrects a measurement: the new record supersedes the old, which stays visible; a second correction of the old one is a conflict", async () => {
    const fx = await newCourse();
    const first = MeasurementRecordSchema.parse(
      await (await sara.post(`/api/courses/${fx.courseId}/measurements`, wellBeing())).json(),
    );
    const url = `/api/courses/${fx.courseId}/measurements/${first.id}/corrections`;
    const noReason = await sara.post(url, wellBeing({ values: { "well-being": 6 } }));
    expect(noReason.status).toBe(400);
    const fixed = await sara.post(
      url,
      wellBeing({ values: { "well-being": 6 }, correctionReason: "Tastefejl" }),
    );
    expect(fixed.status).toBe(201);
    const correction = MeasurementRecordSchema.parse(await fixed.json());
    expect(correction).toMatchObject({
      supersedesId: first.id,
      correctionReason: "Tastefejl",
      scored: { "well-being": 6 },
    });
    const view = await measurementsOf(fx.courseId);
    expect(view.measurements.find((m) => m.id === first.id)?.supersededById).toBe(correction.id);
    const baseline = view.due.find(
      (d) => d.instrumentCode === "well-being" && d.subject.kind === "family" && d.kind === "baseline",
    );
    expect(baseline?.measurementId).toBe(correction.id);
    const twice = await sara.post(url, wellBeing({ values: { "well-being": 7 }, correctionReason: "Igen" }));
    expect(twice.status).toBe(409);
  });

  it("keeps measurements append-only and a used instrument version unchangeable in the database", async () => {
    const fx = await newCourse();
    const rec = MeasurementRecordSchema.parse(
      await (await sara.post(`/api/courses/${fx.courseId}/measurements`, wellBeing())).json(),
    );
    await expect(
      t.db.execute(sql`update measurement set note = 'x' where id = ${rec.id}`),
    ).rejects.toMatchObject({
      cause: { message: /append-only/ },
    });
    await expect(t.db.execute(sql`delete from measurement where id = ${rec.id}`)).rejects.toMatchObject({
      cause: { message: /append-only/ },
    });
    const [row] = await t.db.select().from(measurement).where(eq(measurement.id, rec.id));
    await expect(
      t.db.execute(
        sql`update instrument_version set definition = definition where id = ${row!.instrumentVersionId}`,
      ),
    ).rejects.toMatchObject({ cause: { message: /in use/ } });
    // An unused version of another instrument may still be edited (e.g. a draft fixed before use).
    const [unused] = await t.db
      .select({ id: instrumentVersion.id })
      .from(instrumentVersion)
      .where(
        and(
          eq(instrumentVersion.projectId, t.seed.projectIds.vejle),
          sql`not exists (select 1 from measurement m where m.instrument_version_id = ${instrumentVersion.id})`,
        ),
      )
      .limit(1);
    await t.db.execute(sql`update instrument_version set definition = definition where id = ${unused!.id}`);
  });

  it("turns the schedule into one measurement task per point, done when every slot of it is filled", async () => {
    const fx = await newCourse();
    const baselineTask = async () =>
      (
        await t.db
          .select({
            key: caseTask.key,
            title: caseTask.title,
            dueOn: caseTask.dueOn,
            doneAt: caseTask.doneAt,
          })
          .from(caseTask)
          .where(and(eq(caseTask.courseId, fx.courseId), eq(caseTask.kind, "measurement-due")))
      ).find((x) => x.key === "measurement|baseline|0");
    const record = async (body: Record<string, unknown>) => {
      const res = await sara.post(`/api/courses/${fx.courseId}/measurements`, wellBeing(body));
      expect(res.status, await res.clone().text()).toBe(201);
    };
    // Recording anything syncs the course's measurement tasks. The baseline point (accepted 5 January)
    // holds six slots: well-being for the family and both members, the nine areas, the child's
    // absence and the support hours; the family's well-being is now in.
    await record({});
    expect(await baselineTask()).toMatchObject({
      title:
        "Måling: nulpunktsmåling – mangler Trivsel, Familiens situation på ni områder, Skolefravær, Støttetimer (5 af 6)",
      dueOn: "2026-02-02",
      doneAt: null,
    });
    for (const personId of [fx.parentId, fx.childId]) {
      await record({ subject: { kind: "person", personId }, respondent: "member" });
    }
    const areas = [
      "parenting",
      "home",
      "children-school",
      "children-development",
      "family-relations",
      "network",
      "economy",
      "health",
      "work-education",
    ];
    await record({
      instrumentCode: "family-areas",
      respondent: "consultant",
      values: Object.fromEntries(areas.map((a) => [a, 5])),
    });
    await record({
      instrumentCode: "school-absence",
      subject: { kind: "person", personId: fx.childId },
      respondent: "school",
      measuredOn: "2026-02-10",
      period: { from: "2025-11-01", to: "2026-01-31" },
      values: { "absence-pct": 18.5 },
    });
    expect((await baselineTask())?.title).toBe("Måling: nulpunktsmåling – mangler Støttetimer (1 af 6)");
    await record({
      instrumentCode: "support-hours",
      respondent: "caseworker",
      values: { "hours-per-week": 22 },
    });
    expect((await baselineTask())?.doneAt).not.toBeNull();
  });
});

describe("who reaches measurements", () => {
  it("hides Vejle's measurements from Rødovre's caseworker and the investor", async () => {
    const fx = await newCourse();
    const rodovre = await t.login("sagsbehandler@rodovre.demo");
    expect((await rodovre.get(`/api/courses/${fx.courseId}/measurements`)).status).toBe(404);
    expect((await rodovre.post(`/api/courses/${fx.courseId}/measurements`, wellBeing())).status).toBe(404);
    const investor = await t.login("investor@fond.demo");
    expect([403, 404]).toContain((await investor.get(`/api/courses/${fx.courseId}/measurements`)).status);
    expect([403, 404]).toContain(
      (await investor.post(`/api/courses/${fx.courseId}/measurements`, wellBeing())).status,
    );
    expect(await t.db.select().from(measurement).where(eq(measurement.courseId, fx.courseId))).toEqual([]);
  });
});
