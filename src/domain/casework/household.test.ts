import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, calendarDate } from "../calendar-date.js";
import {
  addMembership,
  findHouseholdOn,
  findMembershipOverlaps,
  type HouseholdMembership,
  HouseholdMembershipSchema,
  HouseholdOverlapError,
  listMembersOn,
  movePerson,
} from "./household.js";

const d = calendarDate;
const m = (
  id: string,
  personId: string,
  familyId: string,
  role: HouseholdMembership["role"],
  fromOn: string,
  toOn?: string,
) => HouseholdMembershipSchema.parse({ id, personId, familyId, role, fromOn, toOn });

const base = [
  m("m1", "mor", "f1", "parent", "2020-01-01"),
  m("m2", "far", "f1", "parent", "2020-01-01", "2024-03-31"),
  m("m3", "barn", "f1", "child", "2020-01-01"),
  m("m4", "far", "f2", "parent", "2024-04-01"),
];

describe("reading households on a date", () => {
  it("lists members on a date, parents first, ends inclusive", () => {
    expect(listMembersOn(base, "f1", d("2024-03-31")).map((x) => x.personId)).toEqual(["far", "mor", "barn"]);
    expect(listMembersOn(base, "f1", d("2024-04-01")).map((x) => x.personId)).toEqual(["mor", "barn"]);
    expect(listMembersOn(base, "f2", d("2024-04-01")).map((x) => x.personId)).toEqual(["far"]);
  });

  it("finds a person's household on a date", () => {
    expect(findHouseholdOn(base, "far", d("2024-03-31"))?.familyId).toBe("f1");
    expect(findHouseholdOn(base, "far", d("2024-04-01"))?.familyId).toBe("f2");
    expect(findHouseholdOn(base, "far", d("2019-12-31"))).toBeUndefined();
    expect(() =>
      findHouseholdOn([...base, m("x", "mor", "f2", "parent", "2024-01-01")], "mor", d("2024-02-01")),
    ).toThrow(HouseholdOverlapError);
  });

  it("refuses a period that ends before it starts", () => {
    const r = HouseholdMembershipSchema.safeParse({
      id: "x",
      personId: "p",
      familyId: "f",
      role: "child",
      fromOn: "2024-02-01",
      toOn: "2024-01-31",
    });
    expect(r.error?.issues[0]).toMatchObject({
      path: ["toOn"],
      message: "Slutdatoen må ikke ligge før startdatoen",
    });
  });
});

describe("overlaps", () => {
  it("refuses a person in two households at once, with the period in the message", () => {
    const r = addMembership(base, m("m5", "mor", "f2", "parent", "2024-05-01"));
    expect(r).toEqual({
      ok: false,
      code: "overlap",
      message:
        "Personen er allerede medlem af en anden husstand fra 1.1.2020 og frem. En person kan kun høre til én husstand ad gangen.",
      conflictingIds: ["m1"],
    });
    expect(addMembership(base, m("m6", "far", "f1", "parent", "2024-03-31")).ok).toBe(false); // one shared day
    expect(addMembership(base, m("m7", "far", "f3", "parent", "2019-01-01", "2019-12-31")).ok).toBe(true);
  });

  it("finds the overlapping pairs in stored data", () => {
    const broken = [...base, m("m5", "mor", "f2", "parent", "2024-05-01", "2024-06-30")];
    expect(findMembershipOverlaps(broken)).toEqual([
      { personId: "mor", firstId: "m1", secondId: "m5", fromOn: "2024-05-01", toOn: "2024-06-30" },
    ]);
    expect(findMembershipOverlaps(base)).toEqual([]);
  });
});

describe("movePerson", () => {
  it("closes the old membership the day before and opens the new one", () => {
    const r = movePerson(base, {
      personId: "barn",
      toFamilyId: "f2",
      role: "child",
      on: d("2024-08-01"),
      newMembershipId: "m9",
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.closed).toEqual({ ...base[2], toOn: "2024-07-31" });
    expect(r.opened).toEqual({
      id: "m9",
      personId: "barn",
      familyId: "f2",
      role: "child",
      fromOn: "2024-08-01",
    });
    expect(findHouseholdOn(r.memberships, "barn", d("2024-07-31"))?.familyId).toBe("f1");
    expect(findHouseholdOn(r.memberships, "barn", d("2024-08-01"))?.familyId).toBe("f2");
    expect(findMembershipOverlaps(r.memberships)).toEqual([]);
  });

  it("can change a role within the same household", () => {
    const r = movePerson(base, {
      personId: "barn",
      toFamilyId: "f1",
      role: "other-adult",
      on: d("2026-01-01"),
      newMembershipId: "m9",
    });
    expect(r.ok).toBe(true);
  });

  it("refuses what is not a move", () => {
    const move = {
      personId: "barn",
      toFamilyId: "f1",
      role: "child" as const,
      on: d("2024-08-01"),
      newMembershipId: "m9",
    };
    expect(movePerson(base, move)).toMatchObject({ ok: false, code: "same-household" });
    expect(movePerson(base, { ...move, personId: "ny" })).toMatchObject({
      ok: false,
      code: "no-current-household",
      message:
        "Personen hører ikke til nogen husstand den 1.8.2024. Opret et nyt medlemskab i stedet for en flytning.",
    });
    expect(movePerson(base, { ...move, toFamilyId: "f2", on: d("2020-01-01") })).toMatchObject({
      ok: false,
      code: "starts-same-day",
    });
    expect(movePerson(base, { ...move, toFamilyId: "f2", newMembershipId: "m1" })).toMatchObject({
      ok: false,
      code: "duplicate-id",
    });
    const later = [...base, m("m8", "barn", "f3", "child", "2030-01-01")];
    expect(
      movePerson(
        later.map((x) => (x.id === "m3" ? { ...x, toOn: d("2029-12-31") } : x)),
        { ...move, toFamilyId: "f2" },
      ),
    ).toMatchObject({
      ok: false,
      code: "overlap",
    });
  });
});

describe("properties", () => {
  const op = fc.record({
    kind: fc.constantFrom("add", "move"),
    personId: fc.constantFrom("p1", "p2", "p3"),
    familyId: fc.constantFrom("f1", "f2", "f3"),
    role: fc.constantFrom("parent", "child", "other-adult") as fc.Arbitrary<HouseholdMembership["role"]>,
    start: fc.integer({ min: 0, max: 400 }),
    length: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
  });

  it("whatever is added or moved, nobody is ever in two households on the same day", () => {
    let moves = 0;
    fc.assert(
      fc.property(fc.array(op, { minLength: 5, maxLength: 30 }), (ops) => {
        // Everyone starts somewhere, open-ended, so that moves have something to move from.
        let list: HouseholdMembership[] = ["p1", "p2", "p3"].map((p, i) =>
          m(`start-${p}`, p, `f${i + 1}`, "parent", "2024-01-01"),
        );
        ops.forEach((o, i) => {
          const fromOn = addDays(d("2024-01-01"), o.start);
          const r =
            o.kind === "add"
              ? addMembership(list, {
                  id: `m${i}`,
                  personId: o.personId,
                  familyId: o.familyId,
                  role: o.role,
                  fromOn,
                  ...(o.length !== undefined ? { toOn: addDays(fromOn, o.length) } : {}),
                })
              : movePerson(list, {
                  personId: o.personId,
                  toFamilyId: o.familyId,
                  role: o.role,
                  on: fromOn,
                  newMembershipId: `m${i}`,
                });
          if (r.ok) {
            list = r.memberships;
            if (o.kind === "move") moves++;
          }
        });
        expect(findMembershipOverlaps(list)).toEqual([]);
      }),
    );
    expect(moves).toBeGreaterThan(50); // the property really exercises moves
  });
});
