import { describe, expect, it, vi } from "vitest";

// The form's checks speak through i18n, which sets <html lang>: a stand-in for the page's document.
vi.hoisted(() => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
});

import {
  BUILTIN_INSTRUMENTS,
  getLatestVersion,
  InstrumentVersionSchema,
} from "../../../domain/progression/index.js";
import {
  createInputOf,
  definitionOf,
  newInstrumentValues,
  toFormErrors,
  validateInstrumentForm,
  valuesFromVersion,
} from "./instrument-form-values.js";

const texts = (code: string, name: string) => ({ code, name, nameEn: null, description: "" });

describe("the instrument form's values", () => {
  it("give back every shipped instrument's version unchanged (nothing is lost on the way through the form)", () => {
    for (const instrument of BUILTIN_INSTRUMENTS) {
      const version = getLatestVersion(instrument);
      const values = valuesFromVersion(texts(instrument.code, instrument.name), version);
      const again = InstrumentVersionSchema.parse({ ...definitionOf(values), version: version.version });
      expect(again, instrument.code).toEqual(version);
      expect(validateInstrumentForm(values, false), instrument.code).toEqual({});
    }
  });

  it("puts the domain's messages at the field that caused them", () => {
    const wellBeing = () =>
      valuesFromVersion(texts("well-being", "Trivsel"), getLatestVersion(BUILTIN_INSTRUMENTS[0]!));
    const blank = wellBeing();
    blank.items[0]!.label = " ";
    blank.scores[0]!.meaningfulChange.value = "";
    const errors = validateInstrumentForm(blank, false);
    expect(errors["items.0.label"]).toBe("Udfyld feltet");
    expect(errors["scores.0.meaningfulChange.value"]).toBe("Udfyld feltet");
    // The checks across fields (the version's superRefine) speak once each field is in order.
    const range = wellBeing();
    range.items[0]!.scale.max = 0;
    expect(validateInstrumentForm(range, false)).toEqual({
      "items.0.scale.max": "Største værdi skal være større end mindste værdi",
    });
  });

  it("asks for a valid code only when the instrument is new", () => {
    const values = { ...newInstrumentValues(), code: "Ro i hjemmet", name: "Ro i hjemmet" };
    expect(validateInstrumentForm(values, true).code).toMatch(/små bogstaver/);
    expect(validateInstrumentForm(values, false).code).toBeUndefined();
  });

  it("maps the API's paths (definition.…, versions.0.…, one entry of a multi-select) to the fields", () => {
    expect(
      toFormErrors({
        "definition.items.1.scale.max": "a",
        "versions.0.items.0.label": "b",
        "definition.scores.2.items.1": "c",
        "definition.respondents.0": "d",
        code: "e",
      }),
    ).toEqual({
      "items.1.scale.max": "a",
      "items.0.label": "b",
      "scores.2.items": "c",
      respondents: "d",
      code: "e",
    });
  });

  it("creates an instrument as version 1 without blank optional texts", () => {
    const values = newInstrumentValues();
    Object.assign(values, { code: "ro", name: "Ro", description: "  " });
    Object.assign(values.items[0]!, { code: "ro", label: "Hvor roligt?" });
    Object.assign(values.scores[0]!, { item: "ro", code: "ro", label: "Ro" });
    const input = createInputOf(values);
    expect(input.description).toBeUndefined();
    expect(input.versions).toHaveLength(1);
    expect(InstrumentVersionSchema.parse(input.versions[0])).toMatchObject({
      version: 1,
      items: [{ code: "ro", scale: { kind: "numeric-range", min: 1, max: 10, step: 1 } }],
    });
  });
});
