// All CPR numbers in this file are fictional, made up for the tests.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, calendarDate } from "../calendar-date.js";
import {
  birthDateFromCpr,
  CprError,
  CprNumberSchema,
  formatCpr,
  isValidCpr,
  legalSexFromCpr,
  maskCpr,
  normaliseCpr,
  parseCpr,
} from "./cpr.js";

const d = calendarDate;

function passesModulus11(digits: string): boolean {
  const weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
  return weights.reduce((s, w, i) => s + w * Number(digits[i]), 0) % 11 === 0;
}

describe("parseCpr", () => {
  it("accepts 10 digits with or without the hyphen, trims, and normalises to 10 digits", () => {
    for (const input of ["010190-1234", "0101901234", "  010190-1234 "]) {
      const r = parseCpr(input);
      expect(r).toEqual({ ok: true, cpr: "0101901234", birthDate: "1990-01-01", legalSex: "female" });
    }
  });

  it.each([
    ["010190-0001", "1990-01-01"], // 7th digit 0–3: 19YY
    ["010105-3001", "1905-01-01"],
    ["010105-4001", "2005-01-01"], // 4: 00–36 → 20YY
    ["010136-4001", "2036-01-01"],
    ["010137-4001", "1937-01-01"], // 4: 37–99 → 19YY
    ["010110-5001", "2010-01-01"], // 5–8: 00–57 → 20YY
    ["010157-8001", "2057-01-01"],
    ["010158-6001", "1858-01-01"], // 5–8: 58–99 → 18YY
    ["010199-7001", "1899-01-01"],
    ["010136-9001", "2036-01-01"], // 9: 00–36 → 20YY
    ["010137-9001", "1937-01-01"], // 9: 37–99 → 19YY
  ])("takes the century of %s from the seventh digit → %s", (input, birthDate) => {
    const r = parseCpr(input);
    expect(r.ok && r.birthDate).toBe(birthDate);
  });

  it("checks the date with its century: 29 February 2000 exists, 29 February 1900 does not", () => {
    expect(parseCpr("290200-4001").ok).toBe(true);
    const r = parseCpr("290200-1001");
    expect(r).toMatchObject({ ok: false, code: "birth-date" });
  });

  it.each(["320190-1234", "011390-1234", "000190-1234", "610190-1234" /* substitute number, day + 60 */])(
    "refuses %s: not a real birth date",
    (input) => {
      expect(parseCpr(input)).toEqual({
        ok: false,
        code: "birth-date",
        message: "CPR-nummeret indeholder ikke en gyldig fødselsdato.",
      });
    },
  );

  it.each([
    "",
    "010190",
    "010190-123",
    "010190-12345",
    "01019-01234",
    "01-01-90-1234",
    "010190 1234",
    "O10190-1234",
  ])("refuses %j: not the form DDMMYY-XXXX", (input) => {
    expect(parseCpr(input)).toMatchObject({ ok: false, code: "format" });
  });

  it("does not require the modulus-11 check (numbers issued since 2007 may fail it)", () => {
    expect(passesModulus11("0101901234")).toBe(false);
    expect(isValidCpr("010190-1234")).toBe(true);
  });

  it("refuses a birth date after the as-of date when one is given", () => {
    expect(parseCpr("010157-8001", { asOf: d("2026-01-01") })).toMatchObject({
      ok: false,
      code: "future-birth-date",
    });
    expect(parseCpr("010126-4001", { asOf: d("2026-01-01") }).ok).toBe(true);
  });

  it("never echoes the number in a message, a thrown error or a zod error", () => {
    for (const input of ["320190-1234", "0101901234567", "310290-5678"]) {
      const r = parseCpr(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).not.toMatch(/\d{4}/);
      expect(() => normaliseCpr(input)).toThrow(CprError);
      try {
        normaliseCpr(input);
      } catch (e) {
        expect(String(e)).not.toContain(input.slice(0, 6));
      }
      const z = CprNumberSchema.safeParse(input);
      expect(z.success).toBe(false);
      expect(JSON.stringify(z.error)).not.toContain(input.slice(0, 6));
    }
  });
});

describe("derived facts and display", () => {
  it("derives the legal sex from the last digit: odd = male, even = female", () => {
    expect(legalSexFromCpr(normaliseCpr("010190-1233"))).toBe("male");
    expect(legalSexFromCpr(normaliseCpr("010190-1234"))).toBe("female");
  });

  it("masks the serial for display and masks anything invalid completely", () => {
    expect(maskCpr("010190-1234")).toBe("010190-****");
    expect(maskCpr("0101901234")).toBe("010190-****");
    expect(maskCpr("320190-1234")).toBe("******-****");
    expect(maskCpr("hello")).toBe("******-****");
  });

  it("formats for an audited reveal and parses back through the schema", () => {
    const cpr = normaliseCpr("0101901234");
    expect(formatCpr(cpr)).toBe("010190-1234");
    expect(CprNumberSchema.parse("010190-1234")).toBe(cpr);
    expect(birthDateFromCpr(cpr)).toBe("1990-01-01");
  });
});

/** The seventh digits the CPR office's table allows for a birth year. */
function seventhDigitsFor(year: number): number[] {
  const yy = year % 100;
  if (year < 1900) return [5, 6, 7, 8];
  if (year < 2000) return yy >= 37 ? [0, 1, 2, 3, 4, 9] : [0, 1, 2, 3];
  return yy <= 36 ? [4, 5, 6, 7, 8, 9] : [5, 6, 7, 8];
}

describe("properties", () => {
  const start = d("1858-01-01");
  const days = 73_048; // through 2057-12-31
  const birthDate = fc.integer({ min: 0, max: days }).map((n) => addDays(start, n));

  it("every birth date 1858–2057 with an allowed seventh digit round-trips through parse, mask and format", () => {
    fc.assert(
      fc.property(birthDate, fc.nat(), fc.integer({ min: 0, max: 999 }), (bd, pick, rest) => {
        const [y, m, day] = bd.split("-");
        const digits = seventhDigitsFor(Number(y));
        const seventh = digits[pick % digits.length]!;
        const serial = `${seventh}${String(rest).padStart(3, "0")}`;
        const input = `${day}${m}${y!.slice(2)}-${serial}`;
        const r = parseCpr(input);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.birthDate).toBe(bd);
        expect(r.legalSex).toBe(rest % 2 === 1 ? "male" : "female");
        expect(maskCpr(r.cpr)).toBe(`${input.slice(0, 6)}-****`);
        expect(normaliseCpr(formatCpr(r.cpr))).toBe(r.cpr);
      }),
    );
  });

  it("any 10 digits either parse to a real date or are refused with a message", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{10}$/), (s) => {
        const r = parseCpr(s);
        if (r.ok) expect(r.cpr).toBe(s);
        else expect(r.message.length).toBeGreaterThan(0);
      }),
    );
  });
});
