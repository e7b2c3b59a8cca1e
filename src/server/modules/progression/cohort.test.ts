import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCourseFixture } from "../../../../test/casework-fixture.js";
import { createTestApp, type TestApp, type TestClient } from "../../../../test/test-app.js";
import { ErrorResponseSchema } from "../../../contracts/errors.js";
import { MeasurementRecordSchema } from "../../../contracts/progression.js";
import {
  type CohortCourses,
  CohortCoursesSchema,
  type CohortView,
  CohortViewSchema,
} from "../../../contracts/progression-cohort.js";
import { addDays } from "../../../domain/calendar-date.js";
import { danishDateOf } from "../../../domain/casework/index.js";
import {
  auditEvent,
  courseTransition,
  familyMembership,
  measurement,
  person,
  track,
} from "../../db/schema/index.js";

/*
 * The cohort view on a fixture whose answer is worked out by hand below. Six families start a course in
 * a track of their own on 2 June 2025 (the test clock stands at 2 March 2026); well-being of the family
 * (1–10, a change of 2 counts, higher is better). Baseline = the first value within 6 weeks of the
 * start (through 14 July 2025).
 *
 *   family  values (day: value)                                   latest vs baseline       end of course
 *   A       10.6: 3, 5.9: 5, 10.1: 2 → corrected to 7            3 → 7  +4  improved      (running)
 *   B       20.6: 6, 1.12: 7                                     6 → 7  +1  unchanged     (running)
 *   C       5.6: 8, 10.9: 6, 10.1: 5     completed 15.1.2026     8 → 5  −3  worse         10.1: 5, −3 worse
 *   D       3.6: 4, 25.1: 7, 25.2: 3     completed 1.2.2026      4 → 3  −1  unchanged     25.1: 7, +3 improved
 *   E       1.8: 5, 1.11: 6              (no baseline)           not measurable
 *   F       10.6: 5                      (nothing after it)      not measurable
 *
 * Latest: improved 1, unchanged 2, worse 1 of 4 measurable (25 %, 50 %, 25 %), 2 not measurable; four
 * families, so the group is marked small. End: C worse, D improved (2 measurable).
 * Whole months since the start (start + m months ≤ day), the last value of each family in the month:
 *   month 0: A 3, B 6, C 8, D 4, F 5 → 3 4 5 6 8: q1 4, median 5, q3 6 (five families: not small)
 *   month 3: A 5, C 6 → median 5.5;  month 7: A 7, C 5, D 7 → 5 7 7: q1 6, median 7, q3 7
 *   month 1: E 5; month 4: E 6; month 5: B 7; month 8: D 3
 * Before–after (C, D): baselines 8 and 4 (median 6), ends 5 and 7 (median 6), changes −3 and +3 (median 0).
 * Families A–D have Somali as main language, E and F Arabic. Sara (caseworker) is on A and C only.
 */

let t: TestApp;
let pm: TestClient;
let leader: TestClient;
let sara: TestClient;
let projectId: string;
let trackId: string;
const courses: Record<string, { courseId: string; familyId: string; childId: string }> = {};

const START = "2025-06-02";

beforeAll(async () => {
  t = await createTestApp();
  pm = await t.login("projektleder@vejle.demo");
  leader = await t.login("leder@vejle.demo");
  sara = await t.login("sagsbehandler@vejle.demo");
  projectId = t.seed.projectIds.vejle;
  const [tr] = await t.db
    .insert(track)
    .values({ projectId, code: "kohorte-test", name: "Kohortetest", capacityFamilies: 10 })
    .returning();
  trackId = tr!.id;
  const saraId = t.seed.userIds["sagsbehandler@vejle.demo"]!;
  for (const key of ["A", "B", "C", "D", "E", "F"]) {
    const ended = key === "C" ? "2026-01-15" : key === "D" ? "2026-02-01" : null;
    const fx = await insertCourseFixture(t, {
      trackCode: "kohorte-test",
      acceptedOn: START,
      state: ended ? "completed" : "active",
      familyName: `Familien Kohorte ${key}`,
      caseworkerIds: key === "A" || key === "C" ? [saraId] : [],
    });
    courses[key] = { courseId: fx.courseId, familyId: fx.familyId, childId: fx.childId };
    if (ended) {
      await t.db.insert(courseTransition).values({
        organisationId: fx.organisationId,
        courseId: fx.courseId,
        event: "complete",
        fromState: "active",
        toState: "completed",
        onDate: ended,
      });
    }
    if (key === "E" || key === "F") {
      const members = await t.db
        .select({ personId: familyMembership.personId })
        .from(familyMembership)
        .where(eq(familyMembership.familyId, fx.familyId));
      for (const m of members) {
        await t.db
          .update(person)
          .set({ languages: ["ar", "da"] })
          .where(eq(person.id, m.personId));
      }
    }
  }
  const wellBeing: Record<string, [string, number][]> = {
    A: [
      ["2025-06-10", 3],
      ["2025-09-05", 5],
      ["2026-01-10", 2],
    ],
    B: [
      ["2025-06-20", 6],
      ["2025-12-01", 7],
    ],
    C: [
      ["2025-06-05", 8],
      ["2025-09-10", 6],
      ["2026-01-10", 5],
    ],
    D: [
      ["2025-06-03", 4],
      ["2026-01-25", 7],
      ["2026-02-25", 3],
    ],
    E: [
      ["2025-08-01", 5],
      ["2025-11-01", 6],
    ],
    F: [["2025-06-10", 5]],
  };
  for (const [key, values] of Object.entries(wellBeing)) {
    for (const [measuredOn, value] of values) {
      const res = await leader.post(`/api/courses/${courses[key]!.courseId}/measurements`, {
        instrumentCode: "well-being",
        subject: { kind: "family" },
        measuredOn,
        respondent: "parent",
        values: { "well-being": value },
      });
      expect(res.status, await res.clone().text()).toBe(201);
      if (key === "A" && measuredOn === "2026-01-10") {
        // A typing error, corrected: only the correction counts.
        const typo = MeasurementRecordSchema.parse(await res.json());
        const fixed = await leader.post(
          `/api/courses/${courses.A!.courseId}/measurements/${typo.id}/corrections`,
          {
            instrumentCode: "well-being",
            subject: { kind: "family" },
            measuredOn,
            respondent: "parent",
            values: { "well-being": 7 },
            correctionReason: "Tastefejl",
          },
        );
        expect(fixed.status).toBe(201);
      }
    }
  }
  // School absence of the children of A (20 % → 8 %: improved) and C (10 % → 12 %: unchanged).
  for (const [key, values] of [
    [
      "A",
      [
        ["2025-06-10", 20],
        ["2026-01-10", 8],
      ],
    ],
    [
      "C",
      [
        ["2025-06-12", 10],
        ["2025-12-12", 12],
      ],
    ],
  ] as const) {
    for (const [measuredOn, value] of values) {
      const res = await leader.post(`/api/courses/${courses[key]!.courseId}/measurements`, {
        instrumentCode: "school-absence",
        subject: { kind: "person", personId: courses[key]!.childId },
        measuredOn,
        period: { from: "2025-03-01", to: measuredOn },
        respondent: "school",
        values: { "absence-pct": value },
      });
      expect(res.status, await res.clone().text()).toBe(201);
    }
  }
});
afterAll(() => t.close());

async function cohort(client: TestClient, query: string): Promise<CohortView> {
  const res = await client.get(`/api/projects/${projectId}/progression/cohort?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return CohortViewSchema.parse(await res.json());
}

async function coursesBehind(client: TestClient, query: string): Promise<CohortCourses> {
  const res = await client.get(`/api/projects/${projectId}/progression/cohort/courses?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return CohortCoursesSchema.parse(await res.json());
}

const familyName = (key: string) => `Familien Kohorte ${key}`;

describe("the cohort view of a score", () => {
  it("gives the hand-computed shares, months and before–after for the project manager", async () => {
    const view = await cohort(pm, `track=${trackId}`);
    expect(view.selection).toMatchObject({
      instrumentCode: "well-being",
      scoreCode: "well-being",
      subject: "family",
      direction: "higher-is-better",
      meaningfulChange: { kind: "absolute", value: 2 },
      baselineWithinWeeks: 6,
      smallGroupFamilies: 5,
    });
    expect(view.asOf).toBe("2026-03-02");
    expect(view.population).toEqual({ courses: 6, families: 6, subjects: 6 });
    expect(view.toLatest).toEqual({
      improved: { count: 1, pct: 25, families: 1, isSmall: true },
      unchanged: { count: 2, pct: 50, families: 2, isSmall: true },
      worse: { count: 1, pct: 25, families: 1, isSmall: true },
      notMeasurable: { count: 2, families: 2 },
      measurable: 4,
      total: 6,
      families: 4,
      isSmall: true,
    });
    expect(view.toEnd).toMatchObject({
      improved: { count: 1, pct: 50 },
      unchanged: { count: 0, pct: 0, isSmall: false },
      worse: { count: 1, pct: 50 },
      notMeasurable: { count: 0 },
      measurable: 2,
      total: 2,
    });
    const months = Object.fromEntries(view.overTime.map((m) => [m.month, m]));
    expect(Object.keys(months).map(Number)).toEqual([0, 1, 3, 4, 5, 7, 8]);
    expect(months[0]).toEqual({
      month: 0,
      spread: { n: 5, min: 3, q1: 4, median: 5, q3: 6, max: 8 },
      families: 5,
      isSmall: false,
    });
    expect(months[3]!.spread).toEqual({ n: 2, min: 5, q1: 5.25, median: 5.5, q3: 5.75, max: 6 });
    expect(months[3]!.isSmall).toBe(true);
    expect(months[7]!.spread).toEqual({ n: 3, min: 5, q1: 6, median: 7, q3: 7, max: 7 });
    expect(months[8]!.spread.median).toBe(3);
    expect(view.beforeAfter).toEqual({
      n: 2,
      families: 2,
      isSmall: true,
      baseline: { n: 2, min: 4, q1: 5, median: 6, q3: 7, max: 8 },
      end: { n: 2, min: 5, q1: 5.5, median: 6, q3: 6.5, max: 7 },
      change: { n: 2, min: -3, q1: -1.5, median: 0, q3: 1.5, max: 3 },
    });
    expect(view.options.tracks.map((x) => x.code)).toContain("kohorte-test");
    expect(view.options.languages).toEqual(expect.arrayContaining(["ar", "so"]));
    expect(view.options.instruments.map((i) => i.code)).not.toContain("goal-attainment");
  });

  it("filters by main language and by course state", async () => {
    const somali = await cohort(pm, `track=${trackId}&language=so`);
    expect(somali.population.courses).toBe(4);
    expect(somali.toLatest.notMeasurable.count).toBe(0);
    expect(somali.toLatest.measurable).toBe(4);
    const arabic = await cohort(pm, `track=${trackId}&language=ar`);
    expect(arabic.population.courses).toBe(2);
    expect(arabic.toLatest).toMatchObject({ measurable: 0, notMeasurable: { count: 2 }, isSmall: false });
    const completed = await cohort(pm, `track=${trackId}&state=completed`);
    expect(completed.population.courses).toBe(2);
    expect(completed.toLatest).toMatchObject({
      worse: { count: 1 },
      unchanged: { count: 1 },
      improved: { count: 0 },
    });
  });

  it("counts persons for an instrument about each member, and refuses what the instrument does not measure", async () => {
    const view = await cohort(pm, `track=${trackId}&instrument=school-absence`);
    expect(view.selection).toMatchObject({
      subject: "person",
      scoreCode: "absence-pct",
      direction: "lower-is-better",
      meaningfulChange: { kind: "absolute", value: 5 },
    });
    expect(view.population.subjects).toBe(2);
    expect(view.toLatest).toMatchObject({
      improved: { count: 1, pct: 50 },
      unchanged: { count: 1, pct: 50 },
      worse: { count: 0 },
      measurable: 2,
    });
    const behind = await coursesBehind(pm, `track=${trackId}&instrument=school-absence&bucket=improved`);
    expect(behind.items).toEqual([
      expect.objectContaining({
        familyName: familyName("A"),
        personId: courses.A!.childId,
        personName: "Ali Test",
        baseline: { value: 20, measuredOn: "2025-06-10" },
        latest: { value: 8, measuredOn: "2026-01-10" },
        change: { absolute: -12, relativePct: -60 },
        classification: "improved",
      }),
    ]);

    for (const [query, path] of [
      ["instrument=school-absence&subject=family", "subject"],
      ["instrument=iq-test", "instrument"],
      ["instrument=goal-attainment", "instrument"],
      ["instrument=well-being&score=nope", "score"],
      ["state=sleeping", "state"],
    ]) {
      const res = await pm.get(`/api/projects/${projectId}/progression/cohort?${query}`);
      expect(res.status, query).toBe(400);
      const body = ErrorResponseSchema.parse(await res.json());
      expect(
        body.error.details?.map((d) => d.path),
        query,
      ).toContain(path);
    }
  });

  it("lists the families behind each figure with their baseline, latest and end values", async () => {
    const unchanged = await coursesBehind(pm, `track=${trackId}&figure=latest&bucket=unchanged`);
    expect(unchanged.total).toBe(2);
    expect(unchanged.items.map((r) => r.familyName)).toEqual([familyName("B"), familyName("D")]);
    expect(unchanged.items[1]).toMatchObject({
      courseId: courses.D!.courseId,
      familyId: courses.D!.familyId,
      trackName: "Kohortetest",
      state: "completed",
      startedOn: START,
      endedOn: "2026-02-01",
      baseline: { value: 4, measuredOn: "2025-06-03" },
      latest: { value: 3, measuredOn: "2026-02-25" },
      change: { absolute: -1, relativePct: -25 },
      classification: "unchanged",
      end: { value: 7, measuredOn: "2026-01-25" },
      endChange: { absolute: 3, relativePct: 75 },
      endClassification: "improved",
      personId: null,
    });
    const improvedAtEnd = await coursesBehind(pm, `track=${trackId}&figure=end&bucket=improved`);
    expect(improvedAtEnd.items.map((r) => r.familyName)).toEqual([familyName("D")]);
    const improved = await coursesBehind(pm, `track=${trackId}&bucket=improved`);
    // The corrected value counts, not the typing error.
    expect(improved.items[0]).toMatchObject({
      familyName: familyName("A"),
      latest: { value: 7, measuredOn: "2026-01-10" },
    });
    const notMeasurable = await coursesBehind(pm, `track=${trackId}&bucket=not-measurable`);
    expect(notMeasurable.items.map((r) => [r.familyName, r.baseline?.value ?? null])).toEqual([
      [familyName("E"), null],
      [familyName("F"), 5],
    ]);
    const month7 = await coursesBehind(pm, `track=${trackId}&figure=month&month=7`);
    expect(month7.items.map((r) => [r.familyName, r.monthValue?.value])).toEqual([
      [familyName("A"), 7],
      [familyName("C"), 5],
      [familyName("D"), 7],
    ]);
    const beforeAfter = await coursesBehind(pm, `track=${trackId}&figure=before-after`);
    expect(beforeAfter.items.map((r) => r.familyName)).toEqual([familyName("C"), familyName("D")]);
    const paged = await coursesBehind(pm, `track=${trackId}&figure=month&month=0&limit=2&offset=2`);
    expect(paged).toMatchObject({ total: 5, limit: 2, offset: 2 });
    expect(paged.items.map((r) => r.familyName)).toEqual([familyName("C"), familyName("D")]);

    const noBucket = await pm.get(`/api/projects/${projectId}/progression/cohort/courses?figure=end`);
    expect(noBucket.status).toBe(400);
    const noMonth = await pm.get(`/api/projects/${projectId}/progression/cohort/courses?figure=month`);
    expect(noMonth.status).toBe(400);
  });

  it("audits the view (aggregates) and the drill-down (personal) with a purpose", async () => {
    await cohort(pm, `track=${trackId}&language=so`);
    await coursesBehind(pm, `track=${trackId}&bucket=worse`);
    const events = await t.db
      .select({ type: auditEvent.eventType, purpose: auditEvent.purpose, payload: auditEvent.payload })
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.actorUserId, t.seed.userIds["projektleder@vejle.demo"]!),
          eq(auditEvent.projectId, projectId),
        ),
      );
    expect(events).toEqual(
      expect.arrayContaining([
        {
          type: "cohort.viewed",
          purpose: "projektopfølgning",
          payload: { instrumentCode: "well-being", filters: ["track", "language"] },
        },
        {
          type: "cohort.courses_listed",
          purpose: "projektopfølgning",
          payload: { instrumentCode: "well-being", rows: 1 },
        },
      ]),
    );
  });
});

describe("who sees which figures", () => {
  it("a caseworker's figures come from her own courses only (A and C)", async () => {
    const view = await cohort(sara, `track=${trackId}`);
    expect(view.population).toEqual({ courses: 2, families: 2, subjects: 2 });
    expect(view.toLatest).toMatchObject({ improved: { count: 1 }, worse: { count: 1 }, measurable: 2 });
    const behind = await coursesBehind(sara, `track=${trackId}&figure=month&month=0`);
    expect(behind.items.map((r) => r.familyName)).toEqual([familyName("A"), familyName("C")]);
    const events = await t.db
      .select({ purpose: auditEvent.purpose })
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.actorUserId, t.seed.userIds["sagsbehandler@vejle.demo"]!),
          eq(auditEvent.eventType, "cohort.courses_listed"),
        ),
      );
    expect(events.map((e) => e.purpose)).toContain("sagsbehandling");
  });

  it("the team leader sees all of the municipality's courses", async () => {
    const view = await cohort(leader, `track=${trackId}`);
    expect(view.population.courses).toBe(6);
  });

  it("Rødovre gets 404 for Vejle's project, the investor 404, and no one sees anything of Vejle", async () => {
    const rodovre = await t.login("sagsbehandler@rodovre.demo");
    const investor = await t.login("investor@fond.demo");
    for (const path of [
      `/api/projects/${projectId}/progression/cohort`,
      `/api/projects/${projectId}/progression/cohort/courses?bucket=improved`,
    ]) {
      const asRodovre = await rodovre.get(path);
      expect(asRodovre.status, path).toBe(404);
      expect(await asRodovre.text()).not.toContain(courses.A!.familyId);
      const asInvestor = await investor.get(path);
      expect(asInvestor.status, path).toBe(404);
    }
    // Rødovre's own project answers, with none of Vejle's courses in it.
    const own = await rodovre.get(`/api/projects/${t.seed.projectIds.rodovre}/progression/cohort`);
    expect(own.status).toBe(200);
    const text = await own.text();
    for (const c of Object.values(courses)) expect(text).not.toContain(c.courseId);
  });
});

describe("kept views", () => {
  it("show a new measurement at once, and a change made around the app within half a minute", async () => {
    const before = await cohort(pm, `track=${trackId}`);
    expect(before.toLatest.improved.count).toBe(1);
    const res = await leader.post(`/api/courses/${courses.F!.courseId}/measurements`, {
      instrumentCode: "well-being",
      subject: { kind: "family" },
      measuredOn: "2026-02-01",
      respondent: "parent",
      values: { "well-being": 8 },
    });
    expect(res.status).toBe(201);
    const after = await cohort(pm, `track=${trackId}`);
    expect(after.toLatest).toMatchObject({ improved: { count: 2 }, notMeasurable: { count: 1 } });

    // Written straight into the table (no audit event): seen once the kept view has aged out.
    const [row] = await t.db.select().from(measurement).where(eq(measurement.courseId, courses.E!.courseId));
    const { id: _id, ...copy } = row!;
    await t.db.insert(measurement).values({ ...copy, measuredOn: "2025-06-20" });
    expect((await cohort(pm, `track=${trackId}`)).toLatest.notMeasurable.count).toBe(1);
    t.clock.advanceMinutes(1);
    expect((await cohort(pm, `track=${trackId}`)).toLatest.notMeasurable.count).toBe(0);
  });

  it("the drill-down's kept computation follows a case-team change at once", async () => {
    const months = `track=${trackId}&figure=month&month=0`;
    expect((await coursesBehind(sara, months)).items.map((r) => r.familyName)).toEqual([
      familyName("A"),
      familyName("C"),
    ]);
    // The team leader takes Sara off course A (her last day yesterday): A leaves her list now, not
    // when a kept computation ages out.
    const saraId = t.seed.userIds["sagsbehandler@vejle.demo"]!;
    const course = await (await leader.get(`/api/courses/${courses.A!.courseId}`)).json();
    const place = (course.team as { id: string; userId: string }[]).find((m) => m.userId === saraId)!;
    const yesterday = addDays(danishDateOf(t.clock.now()), -1);
    const ended = await leader.post(`/api/courses/${courses.A!.courseId}/team/${place.id}/end`, {
      toOn: yesterday,
    });
    expect(ended.status, await ended.clone().text()).toBe(200);
    expect((await coursesBehind(sara, months)).items.map((r) => r.familyName)).toEqual([familyName("C")]);
  });
});
