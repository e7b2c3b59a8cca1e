import { describe, expect, it } from "vitest";
import { getBuiltinInstrument } from "./builtin-instruments.js";
import {
  checkMeasuredOn,
  correctionHistory,
  createMeasurement,
  effectiveMeasurements,
  MeasurementSchema,
} from "./measurement.js";
import { ProgressionInputError } from "./scoring.js";
import { absence, day, goalScore, measure } from "./test-fixtures.js";

describe("createMeasurement", () => {
  it("keeps the instrument version it was scored with, the values and the scores", () => {
    const m = measure("well-being", "c1", "2024-02-01", { "well-being": 7 }, { id: "x" });
    expect(m).toEqual({
      id: "x",
      subject: { kind: "person", personId: "c1" },
      instrumentCode: "well-being",
      instrumentVersion: 1,
      measuredOn: "2024-02-01",
      respondent: "member",
      values: { "well-being": 7 },
      scored: { "well-being": 7 },
      bands: { "well-being": "moderate" },
    });
    expect(MeasurementSchema.parse(JSON.parse(JSON.stringify(m)))).toEqual(m);
  });

  it("refuses a family subject for a person instrument, and a per-goal instrument without a goal", () => {
    expect(() => measure("school-absence", "family", "2024-02-01", { "absence-pct": 3 })).toThrow(
      ProgressionInputError,
    );
    try {
      createMeasurement({
        id: "g",
        subject: { kind: "family", familyId: "f1" },
        instrument: getBuiltinInstrument("goal-attainment"),
        measuredOn: day("2024-02-01"),
        respondent: "consultant",
        values: { attainment: "more" },
      });
      expect.unreachable();
    } catch (e) {
      expect((e as ProgressionInputError).errors).toEqual({ goalId: "Vælg det mål, der scores" });
    }
    expect(goalScore("g1", "2024-02-01", 1).goalId).toBe("g1");
  });
});

describe("corrections", () => {
  it("supersede: only the newest record of a chain counts, and the history keeps every version", () => {
    const a = absence("c1", "2024-02-01", 30, { id: "a" });
    const b = absence("c1", "2024-02-01", 3, { id: "b", supersedes: "a" });
    const c = absence("c1", "2024-02-01", 13, { id: "c", supersedes: "b" });
    const other = absence("c2", "2024-02-01", 5, { id: "d" });
    expect(effectiveMeasurements([a, b, c, other]).map((m) => m.id)).toEqual(["c", "d"]);
    expect(effectiveMeasurements([a, b]).map((m) => m.id)).toEqual(["b"]);
    expect(correctionHistory([a, b, c, other], "c").map((m) => m.id)).toEqual(["c", "b", "a"]);
  });
});

describe("checkMeasuredOn", () => {
  it("refuses a date in the future or before the course", () => {
    const course = { startedOn: day("2024-01-15") };
    expect(checkMeasuredOn(day("2024-03-01"), course, day("2024-02-01"))).toBe("Datoen ligger i fremtiden");
    expect(checkMeasuredOn(day("2024-01-14"), course, day("2024-02-01"))).toBe(
      "Datoen ligger før forløbets start (2024-01-15)",
    );
    expect(checkMeasuredOn(day("2024-01-15"), course, day("2024-01-15"))).toBeUndefined();
  });
});
