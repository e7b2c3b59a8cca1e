import { describe, expect, it } from "vitest";
import { ORDINARY_FAMILY_TREATMENT_SCHEDULE } from "./builtin-schedules.js";
import { assessDueMeasurements, computeDueMeasurements, MeasurementScheduleSchema } from "./schedule.js";
import { day, MEMBERS, supportHours } from "./test-fixtures.js";

const absenceSchedule = MeasurementScheduleSchema.parse({
  schemaVersion: 1,
  entries: [
    {
      instrumentCode: "school-absence",
      subjects: "each-child",
      baselineWithinWeeks: 6,
      everyMonths: 3,
      followUpMonthsAfterEnd: [24, 12],
    },
  ],
});

describe("computeDueMeasurements", () => {
  it("makes baseline, 3-monthly, end and follow-up slots per child, clamped to month ends", () => {
    const due = computeDueMeasurements(
      absenceSchedule,
      { startedOn: day("2024-01-31"), plannedEndOn: day("2024-11-30") },
      MEMBERS,
    ).filter((d) => d.subject.kind === "person" && d.subject.personId === "c1");
    expect(due.map((d) => [d.kind, d.sequence, d.dueOn])).toEqual([
      ["baseline", 0, "2024-03-13"],
      ["interval", 1, "2024-04-30"],
      ["interval", 2, "2024-07-31"],
      ["interval", 3, "2024-10-31"],
      ["end", 0, "2024-11-30"],
      ["follow-up", 12, "2025-11-30"],
      ["follow-up", 24, "2026-11-30"],
    ]);
    expect(due[0]).toMatchObject({
      windowFrom: "2024-01-31",
      windowTo: "2024-03-13",
      key: "school-absence|person:c1|baseline|0",
    });
    expect(due[1]).toMatchObject({ windowFrom: "2024-04-16", windowTo: "2024-05-14" });
  });

  it("clamps follow-ups after a leap-day end, and stops intervals at an early end", () => {
    const leap = computeDueMeasurements(
      MeasurementScheduleSchema.parse({
        schemaVersion: 1,
        entries: [
          { instrumentCode: "support-hours", subjects: "family", followUpMonthsAfterEnd: [12, 24, 48] },
        ],
      }),
      { startedOn: day("2023-05-01"), endedOn: day("2024-02-29") },
      MEMBERS,
    );
    expect(leap.map((d) => d.dueOn)).toEqual(["2024-02-29", "2025-02-28", "2026-02-28", "2028-02-29"]);

    const early = computeDueMeasurements(
      absenceSchedule,
      { startedOn: day("2024-01-31"), plannedEndOn: day("2024-11-30"), endedOn: day("2024-06-15") },
      MEMBERS,
    ).filter((d) => d.subject.kind === "person" && d.subject.personId === "c2");
    expect(early.map((d) => [d.kind, d.dueOn])).toEqual([
      ["baseline", "2024-03-13"],
      ["interval", "2024-04-30"],
      ["end", "2024-06-15"],
      ["follow-up", "2025-06-15"],
      ["follow-up", "2026-06-15"],
    ]);
  });

  it("without an end date, makes intervals only through `until`", () => {
    const course = { startedOn: day("2024-01-31") };
    const until = computeDueMeasurements(absenceSchedule, course, MEMBERS, { until: day("2024-07-31") });
    expect(
      until.filter((d) => d.subject.kind === "person" && d.subject.personId === "c1").map((d) => d.dueOn),
    ).toEqual(["2024-03-13", "2024-04-30", "2024-07-31"]);
    expect(computeDueMeasurements(absenceSchedule, course, MEMBERS).map((d) => d.kind)).toEqual([
      "baseline",
      "baseline",
    ]);
  });

  it("expands the shipped schedule to the family, each member and each goal", () => {
    const due = computeDueMeasurements(
      ORDINARY_FAMILY_TREATMENT_SCHEDULE,
      { startedOn: day("2024-01-15"), plannedEndOn: day("2024-11-15") },
      MEMBERS,
      { goals: [{ id: "g1" }, { id: "g2" }] },
    );
    const keys = new Set(due.map((d) => d.key));
    expect(keys.size).toBe(due.length);
    expect(keys.has("well-being|family|end|0")).toBe(true);
    expect(keys.has("well-being|person:p1|follow-up|24")).toBe(true);
    expect(keys.has("goal-attainment|goal:g2|end|0")).toBe(true);
    expect(keys.has("school-absence|person:p1|baseline|0")).toBe(false);
    expect([...due].map((d) => d.dueOn)).toEqual([...due].map((d) => d.dueOn).sort());
  });
});

describe("MeasurementScheduleSchema", () => {
  it("refuses two entries measuring the same subject with the same instrument", () => {
    const result = MeasurementScheduleSchema.safeParse({
      schemaVersion: 1,
      entries: [
        { instrumentCode: "well-being", subjects: "each-adult" },
        { instrumentCode: "well-being", subjects: "each-parent" },
        { instrumentCode: "well-being", subjects: "each-child" },
      ],
    });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["entries.1.subjects", "well-being måles allerede for each-adult"],
    ]);
  });
});

describe("assessDueMeasurements", () => {
  const schedule = MeasurementScheduleSchema.parse({
    schemaVersion: 1,
    entries: [
      {
        instrumentCode: "support-hours",
        subjects: "family",
        baselineWithinWeeks: 4,
        everyMonths: 3,
        followUpMonthsAfterEnd: [12],
      },
    ],
  });
  const due = computeDueMeasurements(
    schedule,
    { startedOn: day("2024-01-15"), endedOn: day("2024-11-15") },
    MEMBERS,
  );

  it("finds done, duplicate, late, overdue, open and upcoming slots, and unscheduled measurements", () => {
    const ms = [
      { ...supportHours("2024-01-20", 20), id: "base" },
      { ...supportHours("2024-01-25", 20), id: "base-again" },
      { ...supportHours("2024-04-20", 18), id: "q1" },
      { ...supportHours("2024-06-01", 17), id: "stray" },
      { ...supportHours("2024-08-10", 15), id: "q2-late" },
      { ...supportHours("2024-11-20", 9), id: "after-asof" },
    ];
    const { items, unscheduledMeasurementIds } = assessDueMeasurements(due, ms, day("2024-11-05"));
    expect(
      items.map((a) => [a.due.kind, a.due.sequence, a.status, a.measurementId ?? null, a.daysLate ?? null]),
    ).toEqual([
      ["baseline", 0, "done", "base", null],
      ["interval", 1, "done", "q1", null],
      ["interval", 2, "late", "q2-late", 12],
      ["interval", 3, "overdue", null, 7],
      ["end", 0, "open", null, null],
      ["follow-up", 12, "upcoming", null, null],
    ]);
    expect(items[0]!.duplicateMeasurementIds).toEqual(["base-again"]);
    expect(unscheduledMeasurementIds).toEqual(["stray"]);
  });

  it("counts a correction, not the record it supersedes", () => {
    const wrong = { ...supportHours("2024-01-20", 120), id: "wrong" };
    const fix = { ...supportHours("2024-01-20", 20), id: "fix", supersedes: "wrong" };
    const { items } = assessDueMeasurements(due, [wrong, fix], day("2024-02-01"));
    expect(items[0]).toMatchObject({ status: "done", measurementId: "fix", duplicateMeasurementIds: [] });
  });
});
