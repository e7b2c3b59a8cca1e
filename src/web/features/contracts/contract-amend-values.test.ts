import { describe, expect, it } from "vitest";
import { amendmentProblems, amendmentStartOf, newestVersionOf } from "./contract-amend-values.js";
import { termsOfForm } from "./contract-form-values.js";
import type { ContractVersionView } from "./contract-types.js";
import { vejleExampleTerms } from "./vejle-example-terms.js";

const FORM_MESSAGES = { required: "Udfyld", amount: "Beløb", percent: "Procent", wholeNumber: "Heltal" };
const MESSAGES = { reasonRequired: "Begrundelse", validFromTooEarly: "For tidligt" };

function versionOf(version: number, validFrom: string, title: string): ContractVersionView {
  return {
    version,
    validFrom,
    reason: version === 1 ? null : "Ændret",
    createdByName: null,
    createdAt: "2024-01-01T00:00:00.000Z",
    terms: { ...vejleExampleTerms(), title, validFrom },
    parties: [],
    acceptances: [],
    missingAcceptances: [],
    isFullyAccepted: version === 1,
  } as unknown as ContractVersionView;
}

describe("an amendment's start", () => {
  // The API answers the versions oldest first, but nothing should depend on the order.
  const contract = {
    versions: [
      versionOf(2, "2024-07-01", "Version 2"),
      versionOf(1, "2024-01-01", "Version 1"),
      versionOf(3, "2025-01-01", "Version 3"),
    ],
  };

  it("is the newest version, whatever the order of the list", () => {
    expect(newestVersionOf(contract)?.version).toBe(3);
    expect(newestVersionOf({ versions: [] })).toBeUndefined();
  });

  it("is based on the newest version's number and date, with its terms in the form", () => {
    const start = amendmentStartOf(contract, "da");
    expect(start).toMatchObject({ basedOnVersion: 3, earliestValidFrom: "2025-01-01" });
    expect(start?.values.title).toBe("Version 3");
    expect(start?.values.validFrom).toBe("2025-01-01");
    expect(amendmentStartOf({ versions: [] }, "da")).toBeNull();
  });

  it("saves unchanged as the newest version's terms (the form round-trips them)", () => {
    const start = amendmentStartOf(contract, "en");
    const result = start ? termsOfForm(start.values, "en", FORM_MESSAGES) : null;
    expect(result?.ok).toBe(true);
    if (result?.ok)
      expect(result.terms).toEqual({ ...vejleExampleTerms(), title: "Version 3", validFrom: "2025-01-01" });
  });
});

describe("an amendment's own problems", () => {
  it("needs a reason of at least 3 characters, not counting spaces around it", () => {
    const check = (reason: string) =>
      amendmentProblems({ reason, validFrom: "2025-01-01" }, "2025-01-01", MESSAGES);
    expect(check("")).toEqual({ reason: "Begrundelse" });
    expect(check("  ab  ")).toEqual({ reason: "Begrundelse" });
    expect(check("abc")).toEqual({});
  });

  it("may apply from the previous version's date or later, never before", () => {
    const check = (validFrom: string) =>
      amendmentProblems({ reason: "Ny pris", validFrom }, "2025-01-01", MESSAGES);
    expect(check("2024-12-31")).toEqual({ validFrom: "For tidligt" });
    expect(check("2025-01-01")).toEqual({});
    expect(check("2025-06-30")).toEqual({});
    // An empty date is the form's own "required".
    expect(check("")).toEqual({});
  });
});
