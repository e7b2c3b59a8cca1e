import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCourseFixture } from "../../../../test/casework-fixture.js";
import { createTestApp, type TestApp } from "../../../../test/test-app.js";
import { calendarDate } from "../../../domain/calendar-date.js";
import {
  type ContractVersion,
  createVejleContract,
  parseContractVersion,
  type SettlementPeriod,
  settle,
  validateContractVersion,
} from "../../../domain/contract/index.js";
import type { MeasurementSchedule } from "../../../domain/progression/index.js";
import {
  course,
  courseTransition,
  instrument,
  instrumentVersion,
  measurement,
  referral,
  track,
} from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { type ContractOutcomes, loadContractOutcomes } from "./contract-outcomes.js";
import { isRuleAvailableOnTrack, ruleAvailabilityOfTracks } from "./track-rule-availability.js";

/*
 * The contract's outcomes read from the seeded Vejle project (courses in every state, the demo
 * measurements; the test clock stands at 2 March 2026), and from a few courses of our own in 2023,
 * outside the seeded courses' dates, for the exact cases:
 *   family A: an ordinary course accepted 1.2.2023 that ended 1.12.2023, then an intensive course
 *             accepted 1.6.2023 that still runs → the later (intensive) course is A's;
 *   family B: an ordinary course 10.1.2023 → ended 10.11.2023; support hours 20 at baseline (20.1),
 *             10 on 1.11 corrected to 6, and 19 on 12.11 (closer to the end day, after it).
 *
 * The example contract's party ids are fictional: only its tracks and goals matter here. Its track
 * codes are the seeded project's ("ordinary", "intensive"); only the service window is moved onto the
 * data's dates.
 */

let t: TestApp;
let projectId: string;
let seededContract: ContractVersion;
let contract2023: ContractVersion;
let familyA: Awaited<ReturnType<typeof insertCourseFixture>>;
let familyB: Awaited<ReturnType<typeof insertCourseFixture>>;
let laterCourseOfA: string;

const TODAY = "2026-03-02";

function withWindows(
  service: { from: string; to: string },
  followUp: { from: string; to: string },
): ContractVersion {
  return parseContractVersion({ ...createVejleContract(), serviceWindow: service, followUpWindow: followUp });
}

const period = (kind: "interim" | "final", from: string, to: string): SettlementPeriod => ({
  periodId: `${kind}-${to}`,
  kind,
  from: calendarDate(from),
  to: calendarDate(to),
  settlementDate: calendarDate(to),
});

const SEEDED_FINAL = period("final", "2024-01-01", TODAY);

beforeAll(async () => {
  t = await createTestApp();
  projectId = t.seed.projectIds.vejle;
  seededContract = withWindows({ from: "2024-01-01", to: TODAY }, { from: TODAY, to: "2028-03-01" });
  contract2023 = withWindows(
    { from: "2023-01-01", to: "2023-12-31" },
    { from: "2024-01-01", to: "2025-12-31" },
  );

  familyA = await insertCourseFixture(t, {
    trackCode: "ordinary",
    acceptedOn: "2023-02-01",
    state: "completed",
  });
  familyB = await insertCourseFixture(t, {
    trackCode: "ordinary",
    acceptedOn: "2023-01-10",
    state: "completed",
  });
  const ended = (courseId: string, onDate: string) => ({
    organisationId: familyA.organisationId,
    courseId,
    event: "complete",
    fromState: "active",
    toState: "completed",
    onDate,
  });
  await t.db
    .insert(courseTransition)
    .values([ended(familyA.courseId, "2023-12-01"), ended(familyB.courseId, "2023-11-10")]);
  const [intensive] = await t.db
    .select()
    .from(track)
    .where(and(eq(track.projectId, projectId), eq(track.code, "intensive")));
  const [r] = await t.db
    .insert(referral)
    .values({
      organisationId: familyA.organisationId,
      projectId,
      trackId: intensive!.id,
      familyId: familyA.familyId,
      reason: "Fornyet bekymring",
      legalBasis: "Barnets lov § 32",
      childIds: [familyA.childId],
      referredOn: "2023-05-20",
      state: "accepted",
      stateSince: "2023-06-01",
    })
    .returning();
  const [c] = await t.db
    .insert(course)
    .values({
      organisationId: familyA.organisationId,
      projectId,
      trackId: intensive!.id,
      familyId: familyA.familyId,
      referralId: r!.id,
      state: "active",
      stateSince: "2023-06-01",
      acceptedOn: "2023-06-01",
    })
    .returning();
  laterCourseOfA = c!.id;

  const [v] = await t.db
    .select({ id: instrumentVersion.id })
    .from(instrumentVersion)
    .innerJoin(instrument, eq(instrument.id, instrumentVersion.instrumentId))
    .where(and(eq(instrument.projectId, projectId), eq(instrument.code, "support-hours")));
  const hours = (id: string, measuredOn: string, value: number, supersedesId?: string) => ({
    id,
    organisationId: familyB.organisationId,
    projectId,
    courseId: familyB.courseId,
    familyId: familyB.familyId,
    instrumentVersionId: v!.id,
    instrumentCode: "support-hours",
    instrumentVersion: 1,
    measuredOn,
    respondent: "caseworker" as const,
    values: { "hours-per-week": value },
    scored: { "hours-per-week": value },
    ...(supersedesId ? { supersedesId, correctionReason: "Tastefejl" } : {}),
  });
  const ids = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
  await t.db
    .insert(measurement)
    .values([
      hours(ids[0]!, "2023-01-20", 20),
      hours(ids[1]!, "2023-11-01", 10),
      hours(ids[2]!, "2023-11-01", 6, ids[1]!),
      hours(ids[3]!, "2023-11-12", 19),
    ]);
  await t.db.update(measurement).set({ supersededById: ids[2]! }).where(eq(measurement.id, ids[1]!));
});
afterAll(() => t.close());

/** The seeded project's courses in the window, with the day each ended (null while it runs). */
async function seededCourses(from: string, to: string) {
  const rows = await t.db
    .select({
      id: course.id,
      familyId: course.familyId,
      acceptedOn: course.acceptedOn,
      trackCode: track.code,
    })
    .from(course)
    .innerJoin(track, eq(track.id, course.trackId))
    .where(and(eq(course.projectId, projectId), inArray(track.code, ["ordinary", "intensive"])));
  const ends = await t.db
    .select({ courseId: courseTransition.courseId, onDate: courseTransition.onDate })
    .from(courseTransition)
    .where(inArray(courseTransition.toState, ["completed", "ended-early"]));
  const endOf = new Map<string, string>();
  for (const e of ends)
    if (!endOf.has(e.courseId) || e.onDate < endOf.get(e.courseId)!) endOf.set(e.courseId, e.onDate);
  return rows
    .filter((r) => r.acceptedOn >= from && r.acceptedOn <= to)
    .map((r) => ({ ...r, endedOn: endOf.get(r.id) ?? null }));
}

const goalsOf = (contract: ContractVersion, trackCode: string) =>
  contract.tracks.find((tr) => tr.code === trackCode)!.goals.map((g) => g.id);

function expectWellFormed(result: ContractOutcomes, contract: ContractVersion, asOf: string) {
  const expected = result.families.flatMap((f) =>
    goalsOf(contract, f.trackCode).map((goalId) => `${f.familyId}/${f.trackCode}/${goalId}`),
  );
  expect(result.outcomes.map((o) => `${o.familyId}/${o.trackCode}/${o.goalId}`)).toEqual(expected);
  expect(Object.keys(result.details).sort()).toEqual(
    result.outcomes.map((o) => `${o.familyId}/${o.goalId}`).sort(),
  );
  for (const o of result.outcomes) {
    const d = result.details[`${o.familyId}/${o.goalId}`]!;
    expect(d.status).toBe(o.status);
    expect(d.reason).toBe(o.reason);
    expect(d.asOf).toBe(asOf);
    if (o.status === "met") expect(o.reason).toBeUndefined();
    else expect(o.reason, `${o.familyId}/${o.goalId}`).toMatch(/\S/);
  }
  // Families in the contract's track order, then by id; one row per family.
  const order = result.families.map((f) => [
    contract.tracks.findIndex((tr) => tr.code === f.trackCode),
    f.familyId,
  ]);
  expect(order).toEqual(
    [...order].sort((a, b) => Number(a[0]) - Number(b[0]) || String(a[1]).localeCompare(String(b[1]))),
  );
  expect(new Set(result.families.map((f) => f.familyId)).size).toBe(result.families.length);
}

describe("loadContractOutcomes on the seeded Vejle project", () => {
  it("gives a final period an outcome for every course in the window × every goal of its track", async () => {
    const result = await loadContractOutcomes(t.db, {
      projectId,
      contract: seededContract,
      period: SEEDED_FINAL,
    });

    const courses = await seededCourses("2024-01-01", TODAY);
    expect(courses.length).toBe(25);
    expect(result.families.map((f) => f.courseId).sort()).toEqual(courses.map((c) => c.id).sort());
    for (const f of result.families) {
      expect(f.trackCode).toBe(courses.find((c) => c.id === f.courseId)!.trackCode);
    }
    expect(result.outcomes).toHaveLength(
      courses.reduce((n, c) => n + goalsOf(seededContract, c.trackCode).length, 0),
    );
    expectWellFormed(result, seededContract, TODAY);

    const statuses = new Set(result.outcomes.map((o) => o.status));
    expect(statuses).toContain("met");
    expect(statuses).toContain("not-measurable");
    // A running course is counted in the final period, and is not measurable.
    const running = courses.find((c) => c.endedOn === null)!;
    const runningFamily = result.families.find((f) => f.courseId === running.id)!;
    expect(result.details[`${runningFamily.familyId}/plan-goals`]).toEqual({
      status: "not-measurable",
      reason: `Forløbet er ikke afsluttet pr. ${TODAY}`,
      asOf: TODAY,
    });
    // A met change rule says what it rests on.
    const metChange = result.outcomes.find((o) => o.status === "met" && o.goalId !== "plan-goals");
    if (metChange) {
      const d = result.details[`${metChange.familyId}/${metChange.goalId}`]!;
      expect(d.observed).toBeTypeOf("number");
      expect(d.baseline).toBeTypeOf("number");
    }

    // The settlement engine takes them as they are.
    const settlement = settle(seededContract, result.outcomes, SEEDED_FINAL, {
      families: result.families.map(({ familyId, trackCode }) => ({ familyId, trackCode })),
    });
    expect(settlement.tracks.reduce((n, tr) => n + tr.families, 0)).toBe(25);
  });

  it("counts in an interim period only the courses that ended on or before its last day", async () => {
    const to = "2025-12-31";
    const result = await loadContractOutcomes(t.db, {
      projectId,
      contract: seededContract,
      period: period("interim", "2024-01-01", to),
    });
    const courses = await seededCourses("2024-01-01", to);
    const ended = courses.filter((c) => c.endedOn !== null && c.endedOn <= to);
    expect(ended.length).toBeGreaterThan(0);
    expect(ended.length).toBeLessThan(courses.length);
    expect(result.families.map((f) => f.courseId).sort()).toEqual(ended.map((c) => c.id).sort());
    expectWellFormed(result, seededContract, to);
    // Ended courses are judged; none is "not ended".
    expect(result.outcomes.some((o) => o.reason?.startsWith("Forløbet er ikke afsluttet"))).toBe(false);
  });

  it("gives the same answer, in the same order, every time", async () => {
    const input = { projectId, contract: seededContract, period: SEEDED_FINAL };
    const first = await loadContractOutcomes(t.db, input);
    const second = await t.db.transaction((tx) => loadContractOutcomes(tx, input));
    expect(second).toEqual(first);
    expect(JSON.stringify(second.outcomes)).toBe(JSON.stringify(first.outcomes));
  });

  it("gives a family in a track that does not measure the rule's instrument not measurable, with the rule's reason", async () => {
    const base = createVejleContract();
    const noPlacement = base.tracks[1]!.goals.find((g) => g.id === "no-placement")!;
    const contract = parseContractVersion({
      ...seededContract,
      tracks: seededContract.tracks.map((tr) =>
        tr.code === "ordinary"
          ? {
              ...tr,
              goals: [
                ...tr.goals,
                {
                  ...noPlacement,
                  payment: { kind: "weighted", weightBps: 0, thresholdBps: 2_000, targetBps: 5_000 },
                },
              ],
            }
          : tr,
      ),
    });
    const result = await loadContractOutcomes(t.db, { projectId, contract, period: SEEDED_FINAL });
    const endedOrdinary = (await seededCourses("2024-01-01", TODAY)).filter(
      (c) => c.trackCode === "ordinary" && c.endedOn !== null,
    );
    expect(endedOrdinary.length).toBeGreaterThan(0);
    for (const c of endedOrdinary) {
      expect(result.details[`${c.familyId}/no-placement`]).toMatchObject({
        status: "not-measurable",
        reason: "Ingen målinger af risiko for anbringelse for børn",
      });
    }
    // Contract validation refuses such a goal when it is told what the tracks measure.
    const tracks = await t.db
      .select({ code: track.code, measurementSchedule: track.measurementSchedule })
      .from(track)
      .where(eq(track.projectId, projectId));
    expect(
      validateContractVersion(seededContract, { isRuleAvailable: ruleAvailabilityOfTracks(tracks) }).ok,
    ).toBe(true);
    const refused = validateContractVersion(contract, { isRuleAvailable: ruleAvailabilityOfTracks(tracks) });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(Object.keys(refused.errors)).toEqual(["tracks.0.goals.3.outcomeRule"]);
  });

  it("refuses a contract whose goal names a rule that is not in the catalogue", async () => {
    const contract = parseContractVersion({
      ...seededContract,
      tracks: seededContract.tracks.map((tr, i) =>
        i === 0
          ? {
              ...tr,
              goals: tr.goals.map((g, gi) =>
                gi === 1 ? { ...g, outcomeRule: { ruleId: "nope", ruleVersion: 1 } } : g,
              ),
            }
          : tr,
      ),
    });
    const error = await loadContractOutcomes(t.db, { projectId, contract, period: SEEDED_FINAL }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details).toEqual([
      { path: "tracks.0.goals.1.outcomeRule", message: "Ukendt resultatregel: nope version 1" },
    ]);
  });
});

describe("which course counts, and which measurements", () => {
  it("counts a family once, with its later course, in the final period", async () => {
    const result = await loadContractOutcomes(t.db, {
      projectId,
      contract: contract2023,
      period: period("final", "2023-01-01", "2024-06-30"),
    });
    expect(result.families).toEqual([
      { familyId: familyB.familyId, courseId: familyB.courseId, trackCode: "ordinary" },
      { familyId: familyA.familyId, courseId: laterCourseOfA, trackCode: "intensive" },
    ]);
    expect(result.outcomes.filter((o) => o.familyId === familyA.familyId).map((o) => o.goalId)).toEqual([
      "plan-goals",
      "support-hours",
      "school-absence",
      "no-placement",
    ]);
    for (const o of result.outcomes.filter((x) => x.familyId === familyA.familyId)) {
      expect(o).toMatchObject({
        status: "not-measurable",
        reason: "Forløbet er ikke afsluttet pr. 2024-06-30",
      });
    }
    // B's end value is the one closest to the end day: 19 on 12.11 (20 → 19: not met).
    expect(result.details[`${familyB.familyId}/support-hours`]).toMatchObject({
      status: "not-met",
      baseline: 20,
      observed: 19,
    });
    expectWellFormed(result, contract2023, "2024-06-30");
  });

  it("reads only effective measurements up to the period's end, and leaves out a family whose later course runs", async () => {
    const result = await loadContractOutcomes(t.db, {
      projectId,
      contract: contract2023,
      period: period("interim", "2023-01-01", "2023-11-11"),
    });
    // A's later course has not ended: A does not count (no fall-back to its earlier course).
    expect(result.families).toEqual([
      { familyId: familyB.familyId, courseId: familyB.courseId, trackCode: "ordinary" },
    ]);
    // 12.11 is after the period; the 10 of 1.11 was corrected to 6: 20 → 6 is a fall of 14 ≥ 12.
    expect(result.details[`${familyB.familyId}/support-hours`]).toEqual({
      status: "met",
      baseline: 20,
      observed: 6,
      asOf: "2023-11-11",
    });
    expect(result.details[`${familyB.familyId}/plan-goals`]).toMatchObject({
      status: "not-measurable",
      reason: "Familien har ingen handleplansmål",
    });
  });

  it("gives nothing for a window without courses or a project without the contract's tracks", async () => {
    // (Rødovre has an "intensive" track of its own; a project id that does not exist has none.)
    const empty = { outcomes: [], families: [], details: {} };
    const contract = withWindows(
      { from: "2020-01-01", to: "2020-12-31" },
      { from: "2021-01-01", to: "2021-12-31" },
    );
    expect(
      await loadContractOutcomes(t.db, {
        projectId,
        contract,
        period: period("final", "2020-01-01", "2022-12-31"),
      }),
    ).toEqual(empty);
    expect(
      await loadContractOutcomes(t.db, {
        projectId: crypto.randomUUID(),
        contract: seededContract,
        period: SEEDED_FINAL,
      }),
    ).toEqual(empty);
  });
});

describe("isRuleAvailableOnTrack", () => {
  const schedule = (...codes: string[]): MeasurementSchedule => ({
    schemaVersion: 1,
    entries: codes.map((instrumentCode) => ({
      instrumentCode,
      subjects: "family",
      atEnd: true,
      followUpMonthsAfterEnd: [],
      windowDays: 14,
    })),
  });
  const ref = (ruleId: string) => ({ ruleId, ruleVersion: 1 });

  it("needs every instrument of the rule in the track's schedule", () => {
    expect(isRuleAvailableOnTrack(ref("plan-goals-attained-80pct"), schedule("goal-attainment"))).toBe(true);
    expect(isRuleAvailableOnTrack(ref("plan-goals-attained-80pct"), schedule("well-being"))).toBe(false);
    expect(isRuleAvailableOnTrack(ref("no-child-placed-or-at-risk"), schedule("placement-risk"))).toBe(true);
    expect(isRuleAvailableOnTrack(ref("well-being-score-up"), schedule("well-being"))).toBe(true);
  });

  it("refuses an unknown rule or version and a track without a schedule", () => {
    expect(isRuleAvailableOnTrack(ref("nope"), schedule("goal-attainment"))).toBe(false);
    expect(
      isRuleAvailableOnTrack(
        { ruleId: "plan-goals-attained-80pct", ruleVersion: 2 },
        schedule("goal-attainment"),
      ),
    ).toBe(false);
    expect(isRuleAvailableOnTrack(ref("plan-goals-attained-80pct"), null)).toBe(false);
  });

  it("matches the seeded tracks: placement risk only on the intensive track", async () => {
    const rows = await t.db
      .select({ code: track.code, schedule: track.measurementSchedule })
      .from(track)
      .where(eq(track.projectId, projectId));
    const byCode = new Map(rows.map((r) => [r.code, r.schedule]));
    const placement = ref("no-child-placed-or-at-risk");
    expect(isRuleAvailableOnTrack(placement, byCode.get("intensive"))).toBe(true);
    expect(isRuleAvailableOnTrack(placement, byCode.get("ordinary"))).toBe(false);
    for (const id of [
      "plan-goals-attained-80pct",
      "support-hours-down-12-per-week",
      "school-absence-down-70pct",
    ]) {
      expect(isRuleAvailableOnTrack(ref(id), byCode.get("ordinary"))).toBe(true);
    }
  });
});
