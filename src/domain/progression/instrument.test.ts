import { describe, expect, it } from "vitest";
import { BUILTIN_INSTRUMENTS, getBuiltinInstrument, INSTRUMENT_CODES } from "./builtin-instruments.js";
import {
  addInstrumentVersion,
  categoriesOfScore,
  getInstrumentVersion,
  getLatestVersion,
  InstrumentSchema,
  InstrumentVersionSchema,
} from "./instrument.js";

describe("shipped instruments", () => {
  it("are all valid, with unique codes, and every score states its meaningful change", () => {
    expect(BUILTIN_INSTRUMENTS.map((i) => i.code)).toEqual(Object.values(INSTRUMENT_CODES));
    for (const instrument of BUILTIN_INSTRUMENTS) {
      expect(InstrumentSchema.safeParse(instrument).success).toBe(true);
      for (const score of getLatestVersion(instrument).scores)
        expect(score.meaningfulChange.value).toBeGreaterThan(0);
    }
  });

  it("survive a JSON round trip unchanged", () => {
    for (const instrument of BUILTIN_INSTRUMENTS) {
      expect(InstrumentSchema.parse(JSON.parse(JSON.stringify(instrument)))).toEqual(instrument);
    }
  });

  it("model the family scale with nine areas 1–10, a total and subscales", () => {
    const v = getLatestVersion(getBuiltinInstrument("family-areas"));
    expect(v.items).toHaveLength(9);
    for (const item of v.items)
      expect(item.scale).toMatchObject({ kind: "numeric-range", min: 1, max: 10, step: 1 });
    expect(v.scores.map((s) => s.code).slice(0, 4)).toEqual([
      "total",
      "children-and-parenting",
      "relations-and-network",
      "everyday-life",
    ]);
  });

  it("order placement risk none < low < medium < high < placed, and the employment ladder in five steps", () => {
    const risk = categoriesOfScore(getLatestVersion(getBuiltinInstrument("placement-risk")), "risk");
    expect(risk?.map((c) => c.code)).toEqual(["none", "low", "medium", "high", "placed"]);
    const ladder = categoriesOfScore(getLatestVersion(getBuiltinInstrument("employment-ladder")), "step");
    expect(ladder?.map((c) => c.code)).toEqual([
      "cash-benefit-not-ready",
      "activation",
      "work-placement",
      "part-time-job-or-education",
      "self-supporting",
    ]);
    expect(getLatestVersion(getBuiltinInstrument("goal-attainment")).familyAggregate).toEqual({
      kind: "gas-t-score",
      rho: 0.3,
      meaningfulChange: { kind: "absolute", value: 10 },
    });
  });
});

describe("InstrumentVersionSchema", () => {
  const base = {
    version: 1,
    subjects: ["person"],
    respondents: ["member"],
    items: [
      {
        code: "a",
        label: "A",
        scale: { kind: "numeric-range", min: 1, max: 5 },
        direction: "higher-is-better",
      },
    ],
    scores: [
      {
        kind: "item",
        item: "a",
        code: "a",
        label: "A",
        direction: "higher-is-better",
        meaningfulChange: { kind: "absolute", value: 1 },
      },
    ],
  };

  it("rejects duplicate codes, unknown items, a reversed range and unordered categories, in Danish", () => {
    const bad = {
      ...base,
      items: [
        base.items[0],
        { ...base.items[0], scale: { kind: "numeric-range", min: 5, max: 1 } },
        {
          code: "c",
          label: "C",
          direction: "lower-is-better",
          scale: {
            kind: "ordered-categories",
            categories: [
              { code: "x", label: "X", value: 2 },
              { code: "y", label: "Y", value: 1 },
            ],
          },
        },
      ],
      scores: [...base.scores, { ...base.scores[0], code: "b", item: "nope" }],
    };
    const result = InstrumentVersionSchema.safeParse(bad);
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toMatchObject({
      "items.1.code": "Koden a er brugt før",
      "items.1.scale.max": "Største værdi skal være større end mindste værdi",
      "items.2.scale.categories.1.value": "Værdierne skal stige i den viste rækkefølge",
      "scores.1.item": "Ukendt spørgsmål: nope",
    });
  });

  it("rejects a code that is not kebab-case and a GAS aggregate on an instrument that is not per goal", () => {
    expect(
      InstrumentVersionSchema.safeParse({ ...base, items: [{ ...base.items[0], code: "Bad Code" }] }).success,
    ).toBe(false);
    const gas = InstrumentVersionSchema.safeParse({ ...base, familyAggregate: { kind: "gas-t-score" } });
    expect(gas.error?.issues[0]?.message).toBe("En samlet målopfyldelsesscore kræver et instrument pr. mål");
  });
});

describe("versions", () => {
  it("are succeeded, never edited: a new version is appended as n + 1", () => {
    const wellBeing = getBuiltinInstrument("well-being");
    const v1 = getLatestVersion(wellBeing);
    const next = addInstrumentVersion(wellBeing, {
      ...v1,
      respondents: ["member", "parent", "consultant", "caseworker"],
    });
    expect(next.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(getInstrumentVersion(next, 1)).toBe(v1);
    expect(getLatestVersion(next).respondents).toContain("caseworker");
    expect(wellBeing.versions).toHaveLength(1);
    expect(() => getInstrumentVersion(next, 3)).toThrow(RangeError);
  });

  it("must be numbered 1, 2, 3 in the stored instrument", () => {
    const wellBeing = getBuiltinInstrument("well-being");
    const gap = { ...wellBeing, versions: [{ ...wellBeing.versions[0]!, version: 2 }] };
    expect(InstrumentSchema.safeParse(gap).success).toBe(false);
  });
});
