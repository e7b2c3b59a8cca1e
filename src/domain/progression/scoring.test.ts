import { describe, expect, it } from "vitest";
import { getBuiltinInstrument } from "./builtin-instruments.js";
import { getLatestVersion, InstrumentVersionSchema } from "./instrument.js";
import { ProgressionInputError, scoreItems, scoreItemsOrThrow } from "./scoring.js";

const familyAreas = getLatestVersion(getBuiltinInstrument("family-areas"));
const allAreas = (value: number) => Object.fromEntries(familyAreas.items.map((i) => [i.code, value]));

describe("scoreItems", () => {
  it("scores the family scale: total mean, subscales, per-area scores and the band", () => {
    const values = { ...allAreas(5), parenting: 8, home: 2 };
    const result = scoreItemsOrThrow(familyAreas, values);
    expect(result.scored.total).toBeCloseTo((7 * 5 + 8 + 2) / 9, 6);
    expect(result.scored["children-and-parenting"]).toBe(6);
    expect(result.scored.parenting).toBe(8);
    expect(result.bands.total).toBe("some-concern");
  });

  it("reports out-of-range, non-integer and non-numeric values per item, in Danish", () => {
    const result = scoreItems(familyAreas, { ...allAreas(5), parenting: 11, home: 4.5, economy: "fem" });
    expect(result).toEqual({
      ok: false,
      errors: {
        parenting: "Skal være mellem 1 og 10",
        home: "Skal være et helt tal",
        economy: "Skal være et tal",
      },
    });
  });

  it("reports missing required items, and unknown items", () => {
    const { parenting: _omitted, ...rest } = allAreas(5);
    const result = scoreItems(familyAreas, { ...rest, mood: 3 });
    expect(result).toEqual({
      ok: false,
      errors: { parenting: "Skal udfyldes", mood: "Ukendt spørgsmål i denne version af instrumentet" },
    });
  });

  it("leaves an optional item empty, with a null score", () => {
    const absence = getLatestVersion(getBuiltinInstrument("school-absence"));
    const result = scoreItemsOrThrow(absence, { "absence-pct": 12.5 });
    expect(result.scored).toEqual({ "absence-pct": 12.5, "unauthorised-absence-pct": null });
    expect(result.values["unauthorised-absence-pct"]).toBeNull();
    expect(result.bands["absence-pct"]).toBe("concerning");
    expect(scoreItems(absence, { "absence-pct": 100.5 })).toEqual({
      ok: false,
      errors: { "absence-pct": "Skal være mellem 0 og 100 %" },
    });
  });

  it("checks hours and categories", () => {
    const hours = getLatestVersion(getBuiltinInstrument("support-hours"));
    expect(scoreItems(hours, { "hours-per-week": -1 })).toEqual({
      ok: false,
      errors: { "hours-per-week": "Skal være mellem 0 og 168 timer pr. uge" },
    });
    const risk = getLatestVersion(getBuiltinInstrument("placement-risk"));
    expect(scoreItemsOrThrow(risk, { risk: "high" }).scored.risk).toBe(3);
    expect(scoreItems(risk, { risk: "severe" })).toEqual({
      ok: false,
      errors: { risk: "Ukendt svarmulighed: severe (gyldige: none, low, medium, high, placed)" },
    });
  });

  it("refuses a respondent the version does not allow", () => {
    const risk = getLatestVersion(getBuiltinInstrument("placement-risk"));
    expect(scoreItems(risk, { risk: "low" }, { respondent: "parent" })).toEqual({
      ok: false,
      errors: { respondent: "Forælder kan ikke besvare dette instrument" },
    });
  });

  it("prorates a sum over answered items when enough are answered, else gives null", () => {
    const version = InstrumentVersionSchema.parse({
      version: 1,
      subjects: ["family"],
      respondents: ["consultant"],
      items: ["a", "b", "c", "d"].map((code) => ({
        code,
        label: code,
        isRequired: false,
        direction: "higher-is-better",
        scale: { kind: "numeric-range", min: 0, max: 4 },
      })),
      scores: [
        {
          kind: "sum",
          items: ["a", "b", "c", "d"],
          minAnswered: 3,
          code: "sum",
          label: "Sum",
          direction: "higher-is-better",
          meaningfulChange: { kind: "relative-pct", value: 20 },
        },
      ],
    });
    expect(scoreItemsOrThrow(version, { a: 1, b: 2, c: 3, d: 4 }).scored.sum).toBe(10);
    expect(scoreItemsOrThrow(version, { a: 1, b: 2, c: 3 }).scored.sum).toBe(8);
    expect(scoreItemsOrThrow(version, { a: 1, b: 2 }).scored.sum).toBeNull();
  });

  it("throws ProgressionInputError with the errors from scoreItemsOrThrow", () => {
    const wellBeing = getLatestVersion(getBuiltinInstrument("well-being"));
    try {
      scoreItemsOrThrow(wellBeing, { "well-being": 0 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ProgressionInputError);
      expect((e as ProgressionInputError).errors).toEqual({ "well-being": "Skal være mellem 1 og 10" });
    }
  });
});
