import { describe, expect, it } from "vitest";
import { danishWallClockOf, instantOfDanishWallClock } from "./danish-wall-clock.js";

describe("the Danish wall clock of contacts", () => {
  it("reads a winter evening as CET (UTC+1) and a summer evening as CEST (UTC+2)", () => {
    expect(instantOfDanishWallClock("2026-01-14", "19:30")?.toISOString()).toBe("2026-01-14T18:30:00.000Z");
    expect(instantOfDanishWallClock("2026-07-01", "19:30")?.toISOString()).toBe("2026-07-01T17:30:00.000Z");
  });

  it("shows an instant as the Danish date and time, also across midnight UTC", () => {
    expect(danishWallClockOf(new Date("2026-01-14T23:15:00Z"))).toEqual({
      date: "2026-01-15",
      time: "00:15",
    });
    expect(danishWallClockOf(new Date("2026-07-01T17:30:00Z"))).toEqual({
      date: "2026-07-01",
      time: "19:30",
    });
  });

  it("goes back and forth without moving, on the days the clocks change", () => {
    for (const [date, time] of [
      ["2026-03-29", "01:30"],
      ["2026-03-29", "03:30"],
      ["2026-10-25", "01:30"],
      ["2026-10-25", "04:00"],
    ] as const) {
      const instant = instantOfDanishWallClock(date, time);
      expect(instant && danishWallClockOf(instant)).toEqual({ date, time });
    }
  });

  it("refuses a malformed or impossible date or time", () => {
    expect(instantOfDanishWallClock("", "19:30")).toBeNull();
    expect(instantOfDanishWallClock("2026-02-30", "10:00")).toBeNull();
    expect(instantOfDanishWallClock("2026-01-14", "25:00")).toBeNull();
    expect(instantOfDanishWallClock("2026-01-14", "")).toBeNull();
  });
});
