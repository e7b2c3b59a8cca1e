import { eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { type CourseMeasurements, CourseMeasurementsSchema } from "../../contracts/progression.js";
import type { CalendarDate } from "../../domain/calendar-date.js";
import {
  findInstrument,
  findScoreDefinition,
  getLatestVersion,
  summariseTrend,
} from "../../domain/progression/index.js";
import { course, measurement } from "../db/schema/index.js";

let t: TestApp;
let vejle: CourseMeasurements[];

beforeAll(async () => {
  t = await createTestApp();
  const leader = await t.login("leder@vejle.demo");
  const courses = await t.db.select().from(course).where(eq(course.organisationId, t.seed.orgIds.vejle));
  vejle = [];
  for (const c of courses) {
    const res = await leader.get(`/api/courses/${c.id}/measurements`);
    expect(res.status).toBe(200);
    vejle.push(CourseMeasurementsSchema.parse(await res.json()));
  }
});
afterAll(() => t.close());

describe("demo measurements (issue 5 §6)", () => {
  it("passes every check a typed-in measurement passes", () => {
    expect(t.seed.progression.refused).toEqual([]);
    expect(t.seed.progression.measurements).toBeGreaterThan(300);
  });

  it("measures the 25 Vejle courses that have started, with most families improving and some not", () => {
    expect(vejle.length).toBeGreaterThanOrEqual(25);
    const measured = vejle.filter((v) => v.measurements.length > 0);
    expect(measured.length).toBeGreaterThanOrEqual(20);
    const classes = { improved: 0, unchanged: 0, worse: 0 };
    for (const v of measured) {
      const score = findScoreDefinition(
        getLatestVersion(findInstrument(v.instruments, "well-being")),
        "well-being",
      )!;
      const series = v.measurements
        .filter((m) => m.instrumentCode === "well-being" && m.subject.kind === "family" && !m.supersededById)
        .map((m) => ({
          measuredOn: m.measuredOn as CalendarDate,
          value: m.scored["well-being"]!,
          measurementId: m.id,
        }));
      const trend = summariseTrend(series, {
        courseStartedOn: v.course.startedOn as CalendarDate,
        direction: score.direction,
        meaningfulChange: score.meaningfulChange,
        asOf: "2026-03-02" as CalendarDate,
      });
      if (trend.classification) classes[trend.classification]++;
    }
    const total = classes.improved + classes.unchanged + classes.worse;
    expect(total).toBeGreaterThanOrEqual(10);
    expect(classes.improved / total).toBeGreaterThan(0.5);
    expect(classes.unchanged + classes.worse).toBeGreaterThan(0);
  });

  it("leaves some measurements missing and records some late", () => {
    const statuses = vejle.flatMap((v) => v.due.map((d) => d.status));
    const count = (s: string) => statuses.filter((x) => x === s).length;
    expect(count("done")).toBeGreaterThan(count("overdue"));
    expect(count("overdue")).toBeGreaterThan(0);
    expect(count("late")).toBeGreaterThan(0);
  });

  it("shows one corrected measurement with its reason", async () => {
    const corrected = await t.db.select().from(measurement).where(isNotNull(measurement.supersedesId));
    expect(corrected).toHaveLength(1);
    expect(corrected[0]!.correctionReason).toMatch(/Tastefejl/);
  });
});
