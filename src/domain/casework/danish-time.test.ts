import { describe, expect, it } from "vitest";
import { danishDateOf, danishTimeOf, isOutOfHours } from "./danish-time.js";

describe("Danish wall-clock time", () => {
  it("reads the date in Denmark, not in UTC, on both sides of midnight and of summer time", () => {
    expect(danishDateOf(new Date("2026-11-24T23:30:00Z"))).toBe("2026-11-25"); // CET: 00:30
    expect(danishDateOf(new Date("2026-11-24T22:59:00Z"))).toBe("2026-11-24"); // CET: 23:59
    expect(danishDateOf(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01"); // CEST: 00:30
    expect(danishTimeOf(new Date("2026-06-30T15:05:00Z"))).toEqual({ hour: 17, minute: 5 });
  });

  it("flags a contact out of hours when it starts or ends before 08:00 or from 17:00", () => {
    expect(isOutOfHours(new Date("2026-11-25T09:00:00Z"), 60)).toBe(false); // 10:00–11:00
    expect(isOutOfHours(new Date("2026-11-25T15:00:00Z"), 60)).toBe(false); // 16:00–16:59
    expect(isOutOfHours(new Date("2026-11-25T15:30:00Z"), 60)).toBe(true); // 16:30–17:29
    expect(isOutOfHours(new Date("2026-11-25T18:00:00Z"), 45)).toBe(true); // 19:00
    expect(isOutOfHours(new Date("2026-11-25T06:30:00Z"), 30)).toBe(true); // 07:30
    expect(isOutOfHours(new Date("2026-06-25T05:00:00Z"), 30)).toBe(true); // CEST 07:00
    expect(isOutOfHours(new Date("2026-06-25T06:00:00Z"), 30)).toBe(false); // CEST 08:00
  });
});
