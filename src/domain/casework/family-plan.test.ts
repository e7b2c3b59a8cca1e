import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, calendarDate } from "../calendar-date.js";
import { type Ore, ore } from "../money.js";
import {
  computeMonthlyCostByDepartment,
  DEPARTMENTS,
  type Department,
  type FamilyPlanInput,
  type MeasureCostInput,
  validateFamilyPlan,
} from "./family-plan.js";

const d = calendarDate;

const plan: FamilyPlanInput = {
  goals: [
    {
      id: "g1",
      subject: { kind: "member", personId: "barn" },
      ownWords: "Jeg vil gerne komme i skole hver dag",
      category: "school-day-care",
      targetDate: "2025-06-30",
      status: "in-progress",
      scale: {
        levels: {
          "-2": "Under halvdelen af dagene",
          "-1": "Halvdelen af dagene",
          "0": "Fire dage om ugen",
          "1": "Alle dage de fleste uger",
          "2": "Alle dage",
        },
        currentLevel: -1,
      },
      subGoals: [{ id: "s1", text: "Møde til første time", status: "not-started", targetDate: "2025-01-31" }],
    },
    {
      id: "g2",
      subject: { kind: "family" },
      ownWords: "Vi vil have mere ro om aftenen",
      category: "family-relations",
      targetDate: "2025-12-31",
      status: "not-started",
    },
  ],
  measures: [
    {
      id: "m1",
      what: "Familiebehandling i hjemmet",
      performedBy: "Familiekonsulent fra leverandøren",
      responsibleUserId: "u-sagsbehandler",
      department: "provider",
      legalBasis: "Barnets lov § 32, stk. 1, nr. 3",
      startOn: "2024-02-01",
      endOn: "2024-11-30",
      intensity: { kind: "hours-per-week", hoursPerWeek: 6 },
      estimatedMonthlyCostOre: 2_500_000,
      goalIds: ["g1", "g2"],
    },
    {
      id: "m2",
      what: "Virksomhedspraktik",
      performedBy: "Jobcentrets virksomhedskonsulent",
      responsibleName: "Jobkonsulent",
      department: "job-centre",
      startOn: "2024-03-15",
      intensity: { kind: "frequency", times: 3, per: "week" },
      estimatedMonthlyCostOre: 0,
    },
  ],
};

describe("validateFamilyPlan", () => {
  it("accepts a plan across departments and fills defaults", () => {
    const r = validateFamilyPlan(plan, { memberPersonIds: ["mor", "barn"] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.goals[1]?.subGoals).toEqual([]);
    expect(r.plan.measures[1]?.goalIds).toEqual([]);
  });

  const broken = (patch: (p: FamilyPlanInput) => void) => {
    const p = structuredClone(plan);
    patch(p);
    const r = validateFamilyPlan(p, { memberPersonIds: ["mor", "barn"] });
    return r.ok ? {} : r.errors;
  };

  it("answers bad input with Danish messages by field", () => {
    expect(broken((p) => (p.measures![0]!.endOn = "2024-01-31"))).toEqual({
      "measures.0.endOn": "Slutdatoen må ikke ligge før startdatoen",
    });
    expect(broken((p) => (p.measures![0]!.goalIds = ["g1", "g9"]))).toEqual({
      "measures.0.goalIds.1": "Indsatsen henviser til et mål, som ikke findes i planen",
    });
    expect(broken((p) => ((p.measures![0] as { department: string }).department = "kantine"))).toEqual({
      "measures.0.department": "Ukendt afdeling",
    });
    expect(broken((p) => (p.measures![1]!.estimatedMonthlyCostOre = -1))).toEqual({
      "measures.1.estimatedMonthlyCostOre": "Prisen må ikke være negativ",
    });
    expect(broken((p) => (p.measures![1]!.estimatedMonthlyCostOre = 12.5))).toEqual({
      "measures.1.estimatedMonthlyCostOre": "Prisen skal være et helt antal øre",
    });
    expect(broken((p) => (p.goals![1]!.id = "g1"))).toMatchObject({
      "goals.1.id": "Målets id findes flere gange",
    });
    expect(broken((p) => (p.goals![0]!.subGoals![0]!.targetDate = "2025-07-01"))).toEqual({
      "goals.0.subGoals.0.targetDate": "Delmålets måldato ligger efter målets måldato (30.6.2025)",
    });
    expect(broken((p) => (p.goals![0]!.subject = { kind: "member", personId: "nabo" }))).toEqual({
      "goals.0.subject.personId": "Målet gælder en person, som ikke er medlem af familien",
    });
    expect(broken((p) => (p.goals![0]!.scale!.currentLevel = 3))).toEqual({
      "goals.0.scale.currentLevel": "Niveauet skal være et helt tal fra −2 til +2",
    });
    expect(broken((p) => (p.goals![0]!.ownWords = "   "))).toEqual({ "goals.0.ownWords": "Skal udfyldes" });
    expect(
      broken((p) => {
        p.measures![1]!.department = "other";
        delete p.measures![1]!.responsibleName;
      }),
    ).toEqual({
      "measures.1.responsibleUserId": "Angiv, hvem der er ansvarlig",
      "measures.1.departmentOther": "Skriv, hvilken afdeling det er",
    });
  });

  it("answers a missing field in Danish too", () => {
    const errors = broken((p) => delete (p.goals![1] as { targetDate?: string }).targetDate);
    expect(errors["goals.1.targetDate"]).toMatch(/^Skal være en dato/);
  });
});

describe("computeMonthlyCostByDepartment", () => {
  const measure = (
    id: string,
    department: Department,
    costOre: number,
    startOn: string,
    endOn?: string,
  ): MeasureCostInput => ({
    id,
    department,
    estimatedMonthlyCostOre: ore(costOre),
    startOn: d(startOn),
    ...(endOn ? { endOn: d(endOn) } : {}),
  });

  it("counts a whole month in full and a part month pro rata by days (start and end included)", () => {
    const r = computeMonthlyCostByDepartment(
      [
        measure("a", "provider", 2_500_000, "2024-01-01"),
        measure("b", "job-centre", 2_900_000, "2024-02-15"), // 15 of 29 days
        measure("c", "school", 100_000, "2024-01-01", "2024-02-01"), // 1 day
        measure("d", "day-care", 100_000, "2024-03-01"), // not yet
      ],
      "2024-02",
    );
    expect(r.daysInMonth).toBe(29);
    expect(r.lines).toEqual([
      { measureId: "b", department: "job-centre", activeDays: 15, amountOre: 1_500_000 },
      { measureId: "c", department: "school", activeDays: 1, amountOre: 3448 },
      { measureId: "a", department: "provider", activeDays: 29, amountOre: 2_500_000 },
    ]);
    expect(r.totalOre).toBe(4_003_448); // 2 500 000 + 1 500 000 + 3 448.27…, rounded once
    expect(r.byDepartmentOre).toMatchObject({
      provider: 2_500_000,
      "job-centre": 1_500_000,
      school: 3448,
      "day-care": 0,
    });
    expect(Object.keys(r.byDepartmentOre)).toEqual([...DEPARTMENTS]);
  });

  it("rounds the month's total once, half-up, and splits it so the parts add up", () => {
    // Three measures of 1 øre-day each: exact 100/30 = 3.33… øre apiece, 10 øre in all.
    const three = ["children-and-family", "school", "provider"].map((dep, i) =>
      measure(`m${i}`, dep as Department, 100, "2024-04-30"),
    );
    const r = computeMonthlyCostByDepartment(three, "2024-04");
    expect(r.totalOre).toBe(10); // rounding each measure would give 9
    expect(r.lines.map((l) => l.amountOre)).toEqual([4, 3, 3]);
    // Half-up at exactly .5: 15 øre × 1 day / 30 = 0.5 → 1
    expect(
      computeMonthlyCostByDepartment([measure("h", "school", 15, "2024-04-30")], "2024-04").totalOre,
    ).toBe(1);
  });

  it("is zero for an empty plan and refuses a malformed month", () => {
    const r = computeMonthlyCostByDepartment([], "2024-12");
    expect(r.totalOre).toBe(0);
    expect(Object.values(r.byDepartmentOre).every((v) => v === 0)).toBe(true);
    expect(() => computeMonthlyCostByDepartment([], "2024-13")).toThrow(RangeError);
  });

  const measureArb = fc.record({
    id: fc.uuid(),
    department: fc.constantFrom(...DEPARTMENTS),
    estimatedMonthlyCostOre: fc.integer({ min: 0, max: 50_000_000 }).map((n) => n as Ore),
    start: fc.integer({ min: 0, max: 120 }),
    length: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
  });
  const toMeasure = (m: typeof measureArb extends fc.Arbitrary<infer T> ? T : never): MeasureCostInput => {
    const startOn = addDays(d("2024-01-01"), m.start);
    return {
      id: m.id,
      department: m.department,
      estimatedMonthlyCostOre: m.estimatedMonthlyCostOre,
      startOn,
      ...(m.length !== undefined ? { endOn: addDays(startOn, m.length) } : {}),
    };
  };

  it("lines add up to departments and departments to the total, exactly; the total is the exact sum rounded once", () => {
    fc.assert(
      fc.property(
        fc.array(measureArb, { maxLength: 25 }),
        fc.constantFrom("2024-02", "2024-03", "2024-04"),
        (raw, month) => {
          const measures = raw.map(toMeasure);
          const r = computeMonthlyCostByDepartment(measures, month);
          const D = BigInt(r.daysInMonth);
          const exactTimesD = r.lines.reduce(
            (s, l) =>
              s +
              BigInt(measures.find((m) => m.id === l.measureId)!.estimatedMonthlyCostOre) *
                BigInt(l.activeDays),
            0n,
          );
          // half-up: total = floor((2·exact·D + D) / 2D)
          expect(BigInt(r.totalOre)).toBe((2n * exactTimesD + D) / (2n * D));
          expect(Object.values(r.byDepartmentOre).reduce((s, v) => s + v, 0)).toBe(r.totalOre);
          for (const dep of DEPARTMENTS) {
            expect(r.lines.filter((l) => l.department === dep).reduce((s, l) => s + l.amountOre, 0)).toBe(
              r.byDepartmentOre[dep],
            );
          }
          for (const l of r.lines) {
            const exact =
              BigInt(measures.find((m) => m.id === l.measureId)!.estimatedMonthlyCostOre) *
              BigInt(l.activeDays);
            const diff = BigInt(l.amountOre) * D - exact;
            expect(2n * (diff < 0n ? -diff : diff) < 3n * D).toBe(true); // within 1.5 øre
          }
        },
      ),
    );
  });

  it("does not depend on the order of the measures", () => {
    fc.assert(
      fc.property(fc.array(measureArb, { maxLength: 12 }), (raw) => {
        const measures = raw.map(toMeasure);
        const a = computeMonthlyCostByDepartment(measures, "2024-03");
        const b = computeMonthlyCostByDepartment([...measures].reverse(), "2024-03");
        expect(b).toEqual(a);
      }),
    );
  });
});
