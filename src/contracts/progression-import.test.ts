import { describe, expect, it } from "vitest";
import { guessImportMapping, normaliseHeader } from "./progression-import.js";

const absence = {
  items: [
    {
      code: "absence-pct",
      label: "Fravær i procent af skoledagene i perioden",
      isRequired: true,
      kind: "number" as const,
    },
    {
      code: "unauthorised-absence-pct",
      label: "Heraf ulovligt fravær (procent af skoledagene)",
      isRequired: false,
      kind: "number" as const,
    },
  ],
};

describe("guessing the column mapping from common headers", () => {
  it("normalises headers", () => {
    expect(normaliseHeader("Fravær (%)")).toBe("fraværpct");
    expect(normaliseHeader("Cpr-nr.")).toBe("cprnr");
    expect(normaliseHeader("Periode fra")).toBe("periodefra");
  });

  it("recognises a school's export", () => {
    expect(
      guessImportMapping(
        ["Cpr-nr.", "Elevnavn", "Dato", "Fravær %", "Ulovligt fravær %", "Periode fra", "Periode til"],
        absence,
      ),
    ).toEqual({
      "Cpr-nr.": "cpr",
      Dato: "measuredOn",
      "Fravær %": "absence-pct",
      "Ulovligt fravær %": "unauthorised-absence-pct",
      "Periode fra": "periodFrom",
      "Periode til": "periodTo",
    });
    expect(guessImportMapping(["CPR", "Måledato", "Fraværsprocent", "Bemærkning"], absence)).toEqual({
      CPR: "cpr",
      Måledato: "measuredOn",
      Fraværsprocent: "absence-pct",
      Bemærkning: "note",
    });
  });

  it("uses each field once and matches item codes and labels", () => {
    expect(guessImportMapping(["CPR", "cpr-nummer", "absence-pct"], absence)).toEqual({
      CPR: "cpr",
      "absence-pct": "absence-pct",
    });
    expect(guessImportMapping(["Fravær i procent af skoledagene i perioden"], absence)).toEqual({
      "Fravær i procent af skoledagene i perioden": "absence-pct",
    });
  });
});
