import { describe, expect, it } from "vitest";
import { absence, day } from "./test-fixtures.js";
import {
  changeFromBaseline,
  classifyChange,
  findBaseline,
  isMeaningfulChange,
  lastOnOrBefore,
  type SeriesPoint,
  seriesOf,
  summariseTrend,
} from "./trend.js";

const pt = (on: string, value: number, id = on): SeriesPoint => ({
  measuredOn: day(on),
  value,
  measurementId: id,
});

describe("seriesOf", () => {
  it("keeps the effective values of one subject and score, oldest first, up to asOf", () => {
    const ms = [
      absence("c1", "2024-05-01", 10, { id: "may" }),
      absence("c1", "2024-02-01", 30, { id: "feb" }),
      absence("c1", "2024-02-01", 20, { id: "feb-fix", supersedes: "feb" }),
      absence("c2", "2024-03-01", 50, { id: "other-child" }),
      absence("c1", "2024-09-01", 5, { id: "later" }),
    ];
    const series = seriesOf(
      ms,
      { instrumentCode: "school-absence", score: "absence-pct", subject: { kind: "person", personId: "c1" } },
      { asOf: day("2024-08-31") },
    );
    expect(series).toEqual([pt("2024-02-01", 20, "feb-fix"), pt("2024-05-01", 10, "may")]);
  });
});

describe("lastOnOrBefore", () => {
  const series = [
    pt("2024-02-01", 1),
    pt("2024-03-01", 2, "a"),
    pt("2024-03-01", 3, "b"),
    pt("2024-06-01", 4),
  ];
  it("includes the day itself, takes the later of two on the same day, and is undefined before the first", () => {
    expect(lastOnOrBefore(series, day("2024-03-01"))?.measurementId).toBe("b");
    expect(lastOnOrBefore(series, day("2024-05-31"))?.value).toBe(3);
    expect(lastOnOrBefore(series, day("2024-06-01"))?.value).toBe(4);
    expect(lastOnOrBefore(series, day("2024-01-31"))).toBeUndefined();
  });
});

describe("findBaseline", () => {
  const start = day("2024-01-15");
  it("is the first value from the start through start + 7·weeks days, both inclusive", () => {
    expect(findBaseline([pt("2024-01-15", 1), pt("2024-01-20", 2)], start, 6)?.value).toBe(1);
    expect(findBaseline([pt("2024-02-26", 7)], start, 6)?.value).toBe(7);
    expect(findBaseline([pt("2024-02-27", 7)], start, 6)).toBeUndefined();
    expect(findBaseline([pt("2024-01-14", 5), pt("2024-02-01", 6)], start, 6)?.value).toBe(6);
    expect(findBaseline([pt("2024-01-15", 5)], start, 0)?.value).toBe(5);
    expect(() => findBaseline([], start, -1)).toThrow(RangeError);
  });
});

describe("change from baseline", () => {
  it("is absolute and relative to the baseline (no relative change from 0)", () => {
    expect(changeFromBaseline(20, 5)).toEqual({ absolute: -15, relativePct: -75 });
    expect(changeFromBaseline(4, 6)).toEqual({ absolute: 2, relativePct: 50 });
    expect(changeFromBaseline(0, 3)).toEqual({ absolute: 3, relativePct: null });
  });

  it("counts when it reaches the instrument's threshold, absolute or relative", () => {
    const abs = { kind: "absolute", value: 5 } as const;
    const rel = { kind: "relative-pct", value: 25 } as const;
    expect(isMeaningfulChange(changeFromBaseline(20, 15), abs)).toBe(true);
    expect(isMeaningfulChange(changeFromBaseline(20, 15.5), abs)).toBe(false);
    expect(isMeaningfulChange(changeFromBaseline(20, 25), rel)).toBe(true);
    expect(isMeaningfulChange(changeFromBaseline(20, 24), rel)).toBe(false);
    expect(isMeaningfulChange(changeFromBaseline(0, 1), rel)).toBe(true);
    expect(isMeaningfulChange(changeFromBaseline(0, 0), rel)).toBe(false);
  });

  it("is classified by direction: a fall improves a lower-is-better score and worsens a higher-is-better one", () => {
    const abs2 = { kind: "absolute", value: 2 } as const;
    expect(classifyChange(changeFromBaseline(20, 10), abs2, "lower-is-better")).toBe("improved");
    expect(classifyChange(changeFromBaseline(20, 26), abs2, "lower-is-better")).toBe("worse");
    expect(classifyChange(changeFromBaseline(20, 19), abs2, "lower-is-better")).toBe("unchanged");
    expect(classifyChange(changeFromBaseline(5, 7), abs2, "higher-is-better")).toBe("improved");
    expect(classifyChange(changeFromBaseline(5, 3), abs2, "higher-is-better")).toBe("worse");
    expect(classifyChange(changeFromBaseline(5, 6), abs2, "higher-is-better")).toBe("unchanged");
  });
});

describe("summariseTrend", () => {
  it("gives baseline, latest on or before asOf, change and class", () => {
    const series = [pt("2024-01-20", 4), pt("2024-04-20", 5), pt("2024-07-20", 8), pt("2024-10-20", 9)];
    const options = {
      courseStartedOn: day("2024-01-15"),
      direction: "higher-is-better" as const,
      meaningfulChange: { kind: "absolute" as const, value: 2 },
    };
    expect(summariseTrend(series, { ...options, asOf: day("2024-08-01") })).toEqual({
      baseline: series[0],
      latest: series[2],
      change: { absolute: 4, relativePct: 100 },
      classification: "improved",
    });
    expect(summariseTrend(series, { ...options, asOf: day("2024-01-25") })).toEqual({ baseline: series[0] });
    expect(summariseTrend(series.slice(1), { ...options, asOf: day("2024-12-01") })).toEqual({});
  });
});
