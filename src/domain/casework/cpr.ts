/**
 * The Danish CPR number (personnummer): `DDMMYY-SSSS`, the birth date followed by a 4-digit serial.
 *
 * What is checked (the form only — whether the number exists is the CPR register's business):
 * - 10 digits, optionally with a hyphen after the sixth; surrounding whitespace is ignored;
 * - the first six digits are a real date, with the century taken from the seventh digit (the first of
 *   the serial) by the CPR office's table:
 *
 *   | 7th digit | YY 00–36 | YY 37–57 | YY 58–99 |
 *   |-----------|----------|----------|----------|
 *   | 0–3       | 19YY     | 19YY     | 19YY     |
 *   | 4, 9      | 20YY     | 19YY     | 19YY     |
 *   | 5–8       | 20YY     | 20YY     | 18YY     |
 *
 * - optionally (`asOf`), the birth date is not in the future.
 *
 * What is deliberately NOT checked: the modulus-11 control (weights 4 3 2 7 6 5 4 3 2 1). Since
 * 1 October 2007 the CPR office issues numbers that fail it, because some birth dates ran out of
 * modulus-11 numbers; refusing them would refuse real people. Substitute numbers
 * (erstatningspersonnumre, day + 60) are not CPR numbers and are refused.
 *
 * Legal sex (juridisk køn) follows the last digit: odd = man, even = woman.
 *
 * Handling: the normalised form (`CprNumber`, 10 digits without hyphen) belongs only in the encrypted
 * identifier store and the audited reveal. Show `maskCpr()` everywhere else. Never put a CPR number in
 * a log line, URL, audit payload or error message — no message produced here contains the number.
 */
import { z } from "zod";
import { type CalendarDate, compareDates, isCalendarDate } from "../calendar-date.js";

declare const cprBrand: unique symbol;
/** A CPR number in normalised form: exactly 10 digits, no hyphen, with a real birth date. Sensitive. */
export type CprNumber = string & { readonly [cprBrand]: true };

/** Legal sex as recorded by the CPR number's last digit. */
export type LegalSex = "male" | "female";

/** Danish labels for legal sex. */
export const LEGAL_SEX_LABELS: Readonly<Record<LegalSex, string>> = { male: "Mand", female: "Kvinde" };

/** Why a text is not a CPR number. */
export type CprProblemCode = "format" | "birth-date" | "future-birth-date";

/** The outcome of `parseCpr`: the normalised number and what it says, or a Danish message (never echoing the input). */
export type CprParseResult =
  | { ok: true; cpr: CprNumber; birthDate: CalendarDate; legalSex: LegalSex }
  | { ok: false; code: CprProblemCode; message: string };

/** Thrown by `normaliseCpr` on an invalid number; the message is Danish and never contains the input. */
export class CprError extends Error {
  override name = "CprError";
  /** Why the text is not a CPR number. */
  readonly code: CprProblemCode;

  /** @param code why; @param message Danish, without the number. */
  constructor(code: CprProblemCode, message: string) {
    super(message);
    this.code = code;
  }
}

const FORM = /^(\d{6})-?(\d{4})$/;

const MESSAGES: Readonly<Record<CprProblemCode, string>> = {
  format: "CPR-nummeret skal bestå af 10 cifre, fx DDMMÅÅ-XXXX.",
  "birth-date": "CPR-nummeret indeholder ikke en gyldig fødselsdato.",
  "future-birth-date": "Fødselsdatoen i CPR-nummeret ligger efter dags dato.",
};

/** The four-digit birth year from the two-digit year and the serial's first digit (the CPR office's table). */
function birthYear(yy: number, seventhDigit: number): number {
  if (seventhDigit <= 3) return 1900 + yy;
  if (seventhDigit === 4 || seventhDigit === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy; // 5–8
}

function birthDateOfDigits(digits: string): CalendarDate | undefined {
  const yy = Number(digits.slice(4, 6));
  const year = birthYear(yy, Number(digits[6]));
  const date = `${year}-${digits.slice(2, 4)}-${digits.slice(0, 2)}`;
  return isCalendarDate(date) ? date : undefined;
}

/**
 * Validates and normalises a CPR number and derives its birth date and legal sex.
 * @param input e.g. `"DDMMYY-SSSS"` or `"DDMMYYSSSS"`; surrounding whitespace is ignored.
 * @param options.asOf when given, a birth date after this date is refused.
 * Never throws; the message never contains the input.
 */
export function parseCpr(input: string, options: { asOf?: CalendarDate } = {}): CprParseResult {
  const m = FORM.exec(input.trim());
  if (!m) return { ok: false, code: "format", message: MESSAGES.format };
  const digits = `${m[1]}${m[2]}`;
  const birthDate = birthDateOfDigits(digits);
  if (!birthDate) return { ok: false, code: "birth-date", message: MESSAGES["birth-date"] };
  if (options.asOf && compareDates(birthDate, options.asOf) > 0) {
    return { ok: false, code: "future-birth-date", message: MESSAGES["future-birth-date"] };
  }
  return { ok: true, cpr: digits as CprNumber, birthDate, legalSex: legalSexOfDigits(digits) };
}

/** True when `input` is a CPR number in valid form (see `parseCpr`). */
export function isValidCpr(input: string, options: { asOf?: CalendarDate } = {}): boolean {
  return parseCpr(input, options).ok;
}

/**
 * The normalised form (10 digits, no hyphen) of a CPR number.
 * @throws CprError when the text is not a valid CPR number (Danish message, without the number).
 */
export function normaliseCpr(input: string, options: { asOf?: CalendarDate } = {}): CprNumber {
  const r = parseCpr(input, options);
  if (!r.ok) throw new CprError(r.code, r.message);
  return r.cpr;
}

/** The birth date a (normalised, valid) CPR number encodes, century included. */
export function birthDateFromCpr(cpr: CprNumber): CalendarDate {
  const d = birthDateOfDigits(cpr);
  if (!d) throw new CprError("birth-date", MESSAGES["birth-date"]);
  return d;
}

function legalSexOfDigits(digits: string): LegalSex {
  return Number(digits[9]) % 2 === 1 ? "male" : "female";
}

/** Legal sex from the last digit: odd = male, even = female. */
export function legalSexFromCpr(cpr: CprNumber): LegalSex {
  return legalSexOfDigits(cpr);
}

/**
 * The display form with the serial hidden: `"DDMMYY-****"`. Any text that is not a CPR number in
 * valid form masks to `"******-****"`, so masking never leaks a mistyped number.
 */
export function maskCpr(cpr: CprNumber | string): string {
  const r = parseCpr(cpr);
  return r.ok ? `${r.cpr.slice(0, 6)}-****` : "******-****";
}

/** The full display form `"DDMMYY-SSSS"` — only for an audited reveal. */
export function formatCpr(cpr: CprNumber): string {
  return `${cpr.slice(0, 6)}-${cpr.slice(6)}`;
}

/**
 * A CPR number at a boundary: accepts `"DDMMYY-SSSS"` or `"DDMMYYSSSS"`, outputs the normalised
 * `CprNumber`. The Danish error never contains the input.
 */
export const CprNumberSchema = z.string({ error: "CPR-nummeret skal være tekst" }).transform((s, ctx) => {
  const r = parseCpr(s);
  if (!r.ok) {
    ctx.addIssue({ code: "custom", message: r.message });
    return z.NEVER;
  }
  return r.cpr;
});
