// All names and CPR numbers in this file are fictional.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calendarDate } from "../calendar-date.js";
import {
  type ExistingPerson,
  editDistance,
  findDuplicatePeople,
  isSimilarName,
  normalisePersonName,
} from "./duplicate-person.js";

const d = calendarDate;

describe("normalisePersonName", () => {
  it.each([
    ["  Åse  Jørgensen-Müller ", "åse jørgensen muller"],
    ["ÆBLE ØRN ÅEN", "æble ørn åen"],
    ["José Ibáñez", "jose ibanez"],
    ["A\u030Ase", "åse"], // å written as a + combining ring
    ["Al–Hassan\tAli", "al hassan ali"],
    ["Çelik Şahin", "celik sahin"],
  ])("%j → %j", (input, out) => {
    expect(normalisePersonName(input)).toBe(out);
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.string(), (s) => normalisePersonName(normalisePersonName(s)) === normalisePersonName(s)),
    );
  });
});

describe("isSimilarName", () => {
  it("matches spelling variants, word order and extra names, not different people", () => {
    expect(isSimilarName("Mohamed Ali", "Mohammed Ali")).toBe(true);
    expect(isSimilarName("Muhammad Khan", "Mohammad Khan")).toBe(true);
    expect(isSimilarName("Hassan Amina", "Amina Hassan")).toBe(true);
    expect(isSimilarName("Amina Hassan", "Amina Ali Hassan")).toBe(true);
    expect(isSimilarName("Amina Hassan", "Fatima Hassan")).toBe(false);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });

  it("is symmetric", () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => isSimilarName(a, b) === isSimilarName(b, a)));
  });
});

describe("findDuplicatePeople", () => {
  const existing: ExistingPerson[] = [
    { personId: "p1", name: "Amina Hassan", birthDate: d("1990-01-01"), cpr: "0101901234" },
    { personId: "p2", name: "Yusuf Hassan", birthDate: d("2015-05-05") },
    { personId: "p3", name: "Ali Mohamed", birthDate: d("2015-05-05") },
    { personId: "p4", name: "Sara Nielsen", birthDate: d("1985-02-02") },
  ];

  it("warns on the same CPR number, in any written form", () => {
    expect(findDuplicatePeople({ name: "A. H.", cpr: "010190-1234" }, existing)).toEqual([
      {
        personId: "p1",
        match: "same-cpr",
        message: "Der findes allerede en person med samme CPR-nummer i kommunen.",
      },
    ]);
  });

  it("warns on the same normalised name and birth date, taking the birth date from a CPR number", () => {
    expect(findDuplicatePeople({ name: "  yusuf  HASSAN", birthDate: d("2015-05-05") }, existing)).toEqual([
      {
        personId: "p2",
        match: "same-name-and-birth-date",
        message: "Der findes allerede en person med samme navn og fødselsdato i kommunen.",
      },
    ]);
    expect(
      findDuplicatePeople({ name: "Sara Nielsen", cpr: "020285-4321" }, existing).map((w) => w.match),
    ).toEqual(["same-name-and-birth-date"]);
  });

  it("warns loosely on the same birth date and a similar name, strongest first", () => {
    const r = findDuplicatePeople({ name: "Ali Mohammed", birthDate: d("2015-05-05") }, existing);
    expect(r.map((w) => [w.personId, w.match])).toEqual([["p3", "similar-name-and-birth-date"]]);
    expect(findDuplicatePeople({ name: "Ali Mohamed", birthDate: d("2015-05-06") }, existing)).toEqual([]);
  });

  it("does not call two people with different valid CPR numbers similar (twins)", () => {
    const twins: ExistingPerson[] = [{ personId: "t1", name: "Ali Hassan", cpr: "050515-4001" }];
    expect(findDuplicatePeople({ name: "Ala Hassan", cpr: "050515-4002" }, twins)).toEqual([]);
    expect(
      findDuplicatePeople({ name: "Ala Hassan", birthDate: d("2015-05-05") }, twins).map((w) => w.match),
    ).toEqual(["similar-name-and-birth-date"]);
  });

  it("never puts a name or number in the message", () => {
    for (const w of findDuplicatePeople({ name: "Amina Hassan", cpr: "0101901234" }, existing)) {
      expect(w.message).not.toMatch(/Amina|Hassan|\d/);
    }
  });
});
