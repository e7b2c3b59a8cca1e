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

  it("turns the schedule into measurement-due tasks and marks them done when every member is measured", async () => {
    const fx = await newCourse();
    const tasksOf = () =>
      t.db
        .select({ key: caseTask.key, title: caseTask.title, dueOn: caseTask.dueOn, doneAt: caseTask.doneAt })
        .from(caseTask)
        .where(and(eq(caseTask.courseId, fx.courseId), eq(caseTask.kind, "measurement-due")));
    // Recording anything syncs the course's measurement tasks.
    await sara.post(`/api/courses/${fx.courseId}/measurements`, wellBeing());
    const tasks = await tasksOf();
    const family = tasks.find((x) => x.key === "measurement|well-being|baseline|0");
    // Family and members share one task per slot group; the family is measured, the two members are not.
    expect(family).toMatchObject({
      title: "Måling: Trivsel – nulpunktsmåling (2 af 3 mangler)",
      dueOn: "2026-02-02",
    });
    for (const personId of [fx.parentId, fx.childId]) {
      const res = await sara.post(
        `/api/courses/${fx.courseId}/measurements`,
        wellBeing({ subject: { kind: "person", personId }, respondent: "member" }),
      );
      expect(res.status).toBe(201);
    }
    const after = (await tasksOf()).find((x) => x.key === "measurement|well-being|baseline|0");
    expect(after?.doneAt).not.toBeNull();
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
