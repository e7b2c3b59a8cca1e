import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addMonths } from "../calendar-date.js";
import { type CohortSeries, summariseCohort, wholeMonthsBetween } from "./cohort.js";
import { median, quantileOfSorted, spreadOf } from "./statistics.js";
import { day } from "./test-fixtures.js";

const series = (
  courseId: string,
  startedOn: string,
  endedOn: string | null,
  points: Array<[string, number]>,
): CohortSeries => ({
  courseId,
  startedOn: day(startedOn),
  endedOn: endedOn === null ? null : day(endedOn),
  points: points.map(([on, value]) => ({ measuredOn: day(on), value, measurementId: `${courseId}-${on}` })),
});

describe("statistics", () => {
  it("uses interpolated (type 7) quartiles", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantileOfSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(spreadOf([5, 10, 10, 20])).toEqual({ n: 4, min: 5, q1: 8.75, median: 10, q3: 12.5, max: 20 });
    expect(spreadOf([])).toBeUndefined();
    expect(() => median([])).toThrow(RangeError);
  });
});

describe("wholeMonthsBetween", () => {
  it("counts calendar months with month-end clamping", () => {
    expect(wholeMonthsBetween(day("2024-01-31"), day("2024-02-29"))).toBe(1);
    expect(wholeMonthsBetween(day("2024-01-31"), day("2024-02-28"))).toBe(0);
    expect(wholeMonthsBetween(day("2024-01-15"), day("2025-01-15"))).toBe(12);
    expect(wholeMonthsBetween(day("2024-01-15"), day("2024-01-14"))).toBe(-1);
  });

  it("is the largest m with addMonths(start, m) ≤ date (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: -800, max: 800 }),
        (offset, span) => {
          const start = addDays(day("1995-01-01"), offset);
          const date = addDays(start, span);
          const m = wholeMonthsBetween(start, date);
          expect(addMonths(start, m) <= date && addMonths(start, m + 1) > date).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("summariseCohort (school absence, lower is better, 5 points counts)", () => {
  const cohort = [
    series("A", "2024-01-01", "2024-10-31", [
      ["2024-01-10", 20],
      ["2024-04-05", 12],
      ["2024-07-03", 8],
      ["2024-10-25", 4],
    ]),
    series("B", "2024-02-01", "2024-11-30", [
      ["2024-02-05", 10],
      ["2024-05-10", 11],
      ["2024-11-20", 12],
    ]),
    series("C", "2024-01-01", null, [
      ["2024-01-05", 5],
      ["2024-06-01", 15],
    ]),
    series("D", "2024-01-01", null, [["2024-03-01", 10]]),
  ];
  const summary = summariseCohort(cohort, {
    direction: "lower-is-better",
    meaningfulChange: { kind: "absolute", value: 5 },
    asOf: day("2024-12-31"),
    bucketMonths: 3,
  });

  it("shares improved / unchanged / worse among measurable courses, with the courses behind each", () => {
    expect(summary.classification.improved).toMatchObject({ count: 1, courseIds: ["A"] });
    expect(summary.classification.improved.pct).toBeCloseTo(33.333, 3);
    expect(summary.classification.unchanged.courseIds).toEqual(["B"]);
    expect(summary.classification.worse.courseIds).toEqual(["C"]);
    expect(summary.classification.notMeasurable).toEqual({ count: 1, courseIds: ["D"] });
    expect(summary.classification.total).toBe(4);
  });

  it("gives median and quartiles per quarter since the start (each course's last value in it)", () => {
    expect(summary.overTime.map((b) => [b.fromMonth, b.toMonth, b.spread.median, b.spread.n])).toEqual([
      [0, 3, 10, 4],
      [3, 6, 12, 3],
      [6, 9, 8, 1],
      [9, 12, 8, 2],
    ]);
    expect(summary.overTime[0]!.spread).toMatchObject({ q1: 8.75, q3: 12.5 });
    expect(summary.overTime[0]!.courseIds).toEqual(["A", "B", "C", "D"]);
  });

  it("compares baseline and end for the courses that have ended", () => {
    expect(summary.beforeAfter).toMatchObject({ n: 2, courseIds: ["A", "B"] });
    expect(summary.beforeAfter.baseline?.median).toBe(15);
    expect(summary.beforeAfter.end?.median).toBe(8);
    expect(summary.beforeAfter.change?.median).toBe(-7);
  });

  it("ignores values after asOf and handles an empty cohort", () => {
    const early = summariseCohort(cohort, {
      direction: "lower-is-better",
      meaningfulChange: { kind: "absolute", value: 5 },
      asOf: day("2024-03-31"),
    });
    expect(early.beforeAfter.n).toBe(0);
    expect(early.classification.notMeasurable.count).toBe(4);
    const empty = summariseCohort([], {
      direction: "lower-is-better",
      meaningfulChange: { kind: "absolute", value: 5 },
      asOf: day("2024-03-31"),
    });
    expect(empty.classification.improved.pct).toBe(0);
    expect(empty.overTime).toEqual([]);
  });
});
