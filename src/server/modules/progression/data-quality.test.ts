import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCourseFixture } from "../../../../test/casework-fixture.js";
import { createTestApp, type TestApp, type TestClient } from "../../../../test/test-app.js";
import { type DataQualityPage, DataQualityPageSchema } from "../../../contracts/progression-cohort.js";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import { MeasurementScheduleSchema } from "../../../domain/progression/index.js";
import {
  auditEvent,
  course,
  instrument,
  instrumentVersion,
  measurement,
  track,
} from "../../db/schema/index.js";
import { loadCourseProgress } from "./course-progress.js";
import { loadCourseProgressMany } from "./course-progress-batch.js";

/*
 * The data-quality list on two courses of a track of their own, whose schedule asks for the family's
 * well-being at a baseline within 4 weeks and every 3 months (window ± 14 days). Both start
 * 1 September 2025; the test clock stands at 2 March 2026, so:
 *   baseline   window 1.9.–29.9.2025   (closed)
 *   interval 1 due 1.12.2025, window 17.11.–15.12.2025   (closed)
 *   interval 2 due 1.3.2026, window 15.2.–15.3.2026   (open today: not an issue)
 * Course 1: baseline 5.9 and a second one 20.9 in the same window (a duplicate, written around the
 * form's check), interval 1 recorded 20.12 (late by 5 days), and on 20.2.2026 a value of 14 on the
 * 1–10 scale (out of range: the item, and the score). Course 2: nothing recorded (two missing).
 */

let t: TestApp;
let pm: TestClient;
let sara: TestClient;
let projectId: string;
let trackId: string;
let saraId: string;
let first: Awaited<ReturnType<typeof insertCourseFixture>>;
let second: Awaited<ReturnType<typeof insertCourseFixture>>;

beforeAll(async () => {
  t = await createTestApp();
  pm = await t.login("projektleder@vejle.demo");
  sara = await t.login("sagsbehandler@vejle.demo");
  saraId = t.seed.userIds["sagsbehandler@vejle.demo"]!;
  projectId = t.seed.projectIds.vejle;
  const [tr] = await t.db
    .insert(track)
    .values({
      projectId,
      code: "dq-test",
      name: "Datakvalitetstest",
      capacityFamilies: 10,
      measurementSchedule: MeasurementScheduleSchema.parse({
        schemaVersion: 1,
        entries: [
          { instrumentCode: "well-being", subjects: "family", baselineWithinWeeks: 4, everyMonths: 3 },
        ],
      }),
    })
    .returning();
  trackId = tr!.id;
  first = await insertCourseFixture(t, {
    trackCode: "dq-test",
    acceptedOn: "2025-09-01",
    familyName: "Familien Datakvalitet 1",
  });
  second = await insertCourseFixture(t, {
    trackCode: "dq-test",
    acceptedOn: "2025-09-01",
    familyName: "Familien Datakvalitet 2",
    caseworkerIds: [saraId],
  });
  const leader = await t.login("leder@vejle.demo");
  for (const measuredOn of ["2025-09-05", "2025-12-20"]) {
    const res = await leader.post(`/api/courses/${first.courseId}/measurements`, {
      instrumentCode: "well-being",
      subject: { kind: "family" },
      measuredOn,
      respondent: "parent",
      values: { "well-being": 5 },
    });
    expect(res.status, await res.clone().text()).toBe(201);
  }
  // Written straight into the table, as an old import or a repair could have: the form refuses both.
  const [v] = await t.db
    .select({ id: instrumentVersion.id })
    .from(instrumentVersion)
    .innerJoin(instrument, eq(instrument.id, instrumentVersion.instrumentId))
    .where(and(eq(instrument.projectId, projectId), eq(instrument.code, "well-being")));
  const row = (measuredOn: string, value: number) => ({
    organisationId: first.organisationId,
    projectId,
    courseId: first.courseId,
    familyId: first.familyId,
    instrumentVersionId: v!.id,
    instrumentCode: "well-being",
    instrumentVersion: 1,
    measuredOn,
    respondent: "parent" as const,
    values: { "well-being": value },
    scored: { "well-being": value },
  });
  await t.db.insert(measurement).values([row("2025-09-20", 6), row("2026-02-20", 14)]);
});
afterAll(() => t.close());

async function dataQuality(client: TestClient, query = ""): Promise<DataQualityPage> {
  const res = await client.get(
    `/api/projects/${projectId}/progression/data-quality?track=${trackId}${query}`,
  );
  expect(res.status, await res.clone().text()).toBe(200);
  return DataQualityPageSchema.parse(await res.json());
}

describe("the data-quality list", () => {
  it("finds the missing, late, duplicate and out-of-range measurements of each course", async () => {
    const page = await dataQuality(pm);
    expect(page.asOf).toBe("2026-03-02");
    expect(page.total).toBe(2);
    expect(page.totals).toEqual({ missing: 2, late: 1, outOfRange: 2, duplicate: 1, coursesChecked: 2 });
    const [a, b] = page.items;
    // Most issues first: course 1 has four, course 2 two.
    expect(a).toMatchObject({
      courseId: first.courseId,
      familyId: first.familyId,
      familyName: "Familien Datakvalitet 1",
      trackName: "Datakvalitetstest",
      counts: { missing: 0, late: 1, outOfRange: 2, duplicate: 1 },
    });
    const late = a!.issues.find((i) => i.kind === "late");
    expect(late).toMatchObject({
      instrumentCode: "well-being",
      instrumentName: "Trivsel",
      subject: { kind: "family" },
      slot: {
        kind: "interval",
        sequence: 1,
        dueOn: "2025-12-01",
        windowFrom: "2025-11-17",
        windowTo: "2025-12-15",
      },
      daysLate: 5,
      measurements: [{ measuredOn: "2025-12-20" }],
    });
    const duplicate = a!.issues.find((i) => i.kind === "duplicate");
    expect(duplicate).toMatchObject({ slot: { kind: "baseline", windowTo: "2025-09-29" } });
    expect(duplicate!.measurements.map((m) => m.measuredOn)).toEqual(["2025-09-05", "2025-09-20"]);
    const outOfRange = a!.issues.filter((i) => i.kind === "out-of-range");
    expect(outOfRange).toEqual([
      expect.objectContaining({
        field: "well-being",
        value: 14,
        allowedMin: 1,
        allowedMax: 10,
        message: "Skal være mellem 1 og 10",
        slot: null,
        measurements: [expect.objectContaining({ measuredOn: "2026-02-20" })],
      }),
      expect.objectContaining({
        field: "well-being",
        value: 14,
        allowedMin: 1,
        allowedMax: 10,
        message: expect.stringMatching(/^Scoren Trivsel \(1–10\) er 14, men kan kun ligge mellem 1 og 10$/),
      }),
    ]);
    expect(b).toMatchObject({
      courseId: second.courseId,
      counts: { missing: 2, late: 0, outOfRange: 0, duplicate: 0 },
      caseworkers: [{ id: saraId, name: "Sara Sagsbehandler" }],
    });
    expect(b!.issues.map((i) => [i.kind, i.slot?.kind, i.daysLate])).toEqual([
      ["missing", "baseline", 154],
      ["missing", "interval", 77],
    ]);
    expect(page.options.tracks.find((x) => x.id === trackId)).toMatchObject({ hasSchedule: true });
    expect(page.options.caseworkers).toEqual(
      expect.arrayContaining([{ id: saraId, name: "Sara Sagsbehandler" }]),
    );
  });

  it("filters by kind and caseworker, and pages", async () => {
    const missing = await dataQuality(pm, "&kind=missing");
    expect(missing.items.map((c) => c.courseId)).toEqual([second.courseId]);
    expect(missing.items[0]!.issues.every((i) => i.kind === "missing")).toBe(true);
    const outOfRange = await dataQuality(pm, "&kind=out-of-range");
    expect(outOfRange.items.map((c) => c.courseId)).toEqual([first.courseId]);
    expect(outOfRange.items[0]!.issues).toHaveLength(2);
    const hers = await dataQuality(pm, `&caseworker=${saraId}`);
    expect(hers.items.map((c) => c.courseId)).toEqual([second.courseId]);
    const paged = await dataQuality(pm, "&limit=1&offset=1");
    expect(paged).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(paged.items.map((c) => c.courseId)).toEqual([second.courseId]);
    const bad = await pm.get(`/api/projects/${projectId}/progression/data-quality?kind=wrong`);
    expect(bad.status).toBe(400);
  });

  it("is audited with the purpose", async () => {
    await dataQuality(pm, "&kind=late");
    const events = await t.db
      .select({ purpose: auditEvent.purpose, payload: auditEvent.payload })
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.eventType, "dataQuality.viewed"),
          eq(auditEvent.actorUserId, t.seed.userIds["projektleder@vejle.demo"]!),
        ),
      );
    expect(events).toContainEqual({
      purpose: "projektopfølgning",
      payload: { rows: 1, filters: ["track", "kind"] },
    });
  });

  it("shows a caseworker only her courses, and Vejle's list to no one outside the project", async () => {
    const hers = await dataQuality(sara);
    expect(hers.items.map((c) => c.courseId)).toEqual([second.courseId]);
    expect(hers.totals.coursesChecked).toBe(1);
    const rodovre = await t.login("sagsbehandler@rodovre.demo");
    const asRodovre = await rodovre.get(`/api/projects/${projectId}/progression/data-quality`);
    expect(asRodovre.status).toBe(404);
    const investor = await t.login("investor@fond.demo");
    expect((await investor.get(`/api/projects/${projectId}/progression/data-quality`)).status).toBe(404);
  });

  it("reads the schedule's inputs of many courses exactly as loadCourseProgress reads one", async () => {
    const today = "2026-03-02" as CalendarDate;
    const ids = [...Object.values(t.seed.casework.courseIds), first.courseId, second.courseId];
    const rows = await t.db.select().from(course).where(inArray(course.id, ids));
    expect(rows.length).toBeGreaterThan(20);
    const many = await loadCourseProgressMany(t.db, rows, today);
    for (const row of rows) {
      const one = await loadCourseProgress(t.db, row, today);
      expect(many.get(row.id), row.id).toEqual(one);
    }
  });
});
