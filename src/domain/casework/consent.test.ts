import { describe, expect, it } from "vitest";
import { calendarDate } from "../calendar-date.js";
import { type ConsentRecord, ConsentRecordSchema, findEffectiveConsent } from "./consent.js";

const d = calendarDate;
const rec = (
  subject: ConsentRecord["subject"],
  status: ConsentRecord["status"],
  on: string,
  purpose: ConsentRecord["purpose"] = "treatment",
): ConsentRecord => ({ subject, purpose, status, on: d(on) });
const p1 = { kind: "person", personId: "p1" } as const;
const fam = { kind: "family", familyId: "f1" } as const;

describe("findEffectiveConsent", () => {
  const q = { familyId: "f1", personId: "p1", purpose: "treatment" as const, asOf: d("2024-06-01") };

  it("is missing without records, and follows the latest record on or before the date", () => {
    expect(findEffectiveConsent([], q)).toEqual({ status: "missing" });
    const records = [
      rec(p1, "given", "2024-01-01"),
      rec(p1, "withdrawn", "2024-03-01"),
      rec(p1, "given", "2024-07-01"),
    ];
    expect(findEffectiveConsent(records, q)).toEqual({ status: "withdrawn", on: "2024-03-01" });
    expect(findEffectiveConsent(records, { ...q, asOf: d("2024-07-01") })).toEqual({
      status: "given",
      on: "2024-07-01",
    });
  });

  it("lets the family's records apply to its members, the latest winning", () => {
    expect(findEffectiveConsent([rec(fam, "given", "2024-01-01")], q)).toEqual({
      status: "given",
      on: "2024-01-01",
    });
    expect(
      findEffectiveConsent([rec(fam, "given", "2024-01-01"), rec(p1, "withdrawn", "2024-02-01")], q).status,
    ).toBe("withdrawn");
    expect(
      findEffectiveConsent([rec({ kind: "family", familyId: "f2" }, "given", "2024-01-01")], q).status,
    ).toBe("missing");
  });

  it("lets a withdrawal beat a consent of the same day, in any order", () => {
    const a = rec(p1, "given", "2024-02-01");
    const b = rec(p1, "withdrawn", "2024-02-01");
    expect(findEffectiveConsent([a, b], q).status).toBe("withdrawn");
    expect(findEffectiveConsent([b, a], q).status).toBe("withdrawn");
  });

  it("keeps purposes apart", () => {
    expect(findEffectiveConsent([rec(p1, "given", "2024-01-01", "evaluation")], q).status).toBe("missing");
  });

  it("parses a record and refuses an unknown purpose in Danish", () => {
    expect(
      ConsentRecordSchema.parse({ subject: p1, purpose: "evaluation", status: "given", on: "2024-01-01" }).on,
    ).toBe("2024-01-01");
    expect(
      ConsentRecordSchema.safeParse({ subject: p1, purpose: "marketing", status: "given", on: "2024-01-01" })
        .error?.issues[0]?.message,
    ).toBe("Ukendt formål med samtykket");
  });
});
