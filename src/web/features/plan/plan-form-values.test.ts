import { describe, expect, it } from "vitest";
import { validateFamilyPlan } from "../../../domain/casework/family-plan.js";
import {
  formPathOf,
  indexesWithErrors,
  newGoalValues,
  newMeasureValues,
  nextId,
  type PlanFormValues,
  PlanShapeSchema,
  parseCostOre,
  planFormValues,
  toFormErrors,
  toPlanInput,
  withoutGoal,
} from "./plan-form-values.js";

const PERSON = "0b0c6c1e-8b61-4d52-9d3c-2f4f3f0a1b2c";

function filledPlan(): PlanFormValues {
  return {
    goals: [
      {
        ...newGoalValues("g1"),
        subject: PERSON,
        ownWords: "  Abdirahman vil komme i skole hver dag  ",
        category: "school-day-care",
        targetDate: "2026-12-31",
        status: "in-progress",
        hasScale: true,
        levels: ["Aldrig i skole", "Sjældent", "Tre dage om ugen", "Fire dage", "Hver dag"],
        currentLevel: "-1",
        subGoals: [{ id: "s1", text: "Møder til første time", status: "not-started", targetDate: "" }],
      },
    ],
    measures: [
      {
        ...newMeasureValues("m1", "2026-03-01"),
        what: "Mentor i skolen",
        performedBy: "Skolens AKT-lærer",
        responsibleName: "AKT-lærer",
        department: "school",
        intensity: "hours-per-week",
        hoursPerWeek: "1,5",
        costKr: "12.500,50",
        goalIds: ["g1"],
      },
    ],
    note: "",
  };
}

describe("toPlanInput", () => {
  it("sends kroner as øre, decimals as numbers, the GAS levels keyed −2…+2, and leaves blank optional parts out", () => {
    const input = toPlanInput(filledPlan(), "da");
    expect(input.measures[0]).toMatchObject({
      estimatedMonthlyCostOre: 1_250_050,
      intensity: { kind: "hours-per-week", hoursPerWeek: 1.5 },
      department: "school",
    });
    expect(input.measures[0]).not.toHaveProperty("endOn", expect.anything());
    expect(input.goals[0]).toMatchObject({
      subject: { kind: "member", personId: PERSON },
      ownWords: "Abdirahman vil komme i skole hver dag",
      scale: {
        levels: { "-2": "Aldrig i skole", "0": "Tre dage om ugen", "2": "Hver dag" },
        currentLevel: -1,
      },
    });
    expect(input.goals[0]!.subGoals[0]).toEqual({
      id: "s1",
      text: "Møder til første time",
      status: "not-started",
    });
    // What the editor sends is a valid plan for the domain.
    expect(validateFamilyPlan(input).ok).toBe(true);
  });

  it("reads English amounts with a thousands comma", () => {
    const values = filledPlan();
    values.measures[0]!.costKr = "12,500";
    expect(toPlanInput(values, "en").measures[0]!.estimatedMonthlyCostOre).toBe(1_250_000);
  });

  it("round-trips a saved plan through the editor's values", () => {
    const input = toPlanInput(filledPlan(), "da");
    const parsed = validateFamilyPlan(input);
    if (!parsed.ok) throw new Error("invalid");
    expect(toPlanInput(planFormValues(parsed.plan, "da"), "da")).toEqual(input);
  });

  it("marks an unreadable amount as NaN so that the form can refuse it", () => {
    expect(parseCostOre("tolv kroner", "da")).toBeNaN();
    expect(parseCostOre("  ", "da")).toBeUndefined();
  });
});

describe("the editor's validation of the shape", () => {
  it("reports the empty required fields of a new goal and measure at their fields", () => {
    const values: PlanFormValues = {
      goals: [newGoalValues("g1")],
      measures: [newMeasureValues("m1", "2026-03-01")],
      note: "",
    };
    const result = PlanShapeSchema.safeParse(toPlanInput(values, "da"));
    expect(result.success).toBe(false);
    const errors = toFormErrors(
      Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message])),
    );
    expect(Object.keys(errors)).toEqual(
      expect.arrayContaining([
        "goals.0.ownWords",
        "goals.0.category",
        "goals.0.targetDate",
        "measures.0.what",
        "measures.0.department",
        "measures.0.costKr",
      ]),
    );
  });

  it("asks who is responsible once the rest of the measure is filled in", () => {
    const values = filledPlan();
    values.measures[0]!.responsibleName = "";
    const result = PlanShapeSchema.safeParse(toPlanInput(values, "da"));
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["measures.0.responsibleUserId", "Angiv, hvem der er ansvarlig"],
    ]);
  });
});

describe("formPathOf", () => {
  it.each([
    ["plan.goals.0.ownWords", "goals.0.ownWords"],
    ["plan.goals.2.subject.personId", "goals.2.subject"],
    ["plan.goals.1.scale.levels.-2", "goals.1.levels.0"],
    ["plan.goals.1.scale.levels.2", "goals.1.levels.4"],
    ["plan.goals.1.scale.currentLevel", "goals.1.currentLevel"],
    ["plan.goals.0.subGoals.1.targetDate", "goals.0.subGoals.1.targetDate"],
    ["plan.measures.3.estimatedMonthlyCostOre", "measures.3.costKr"],
    ["plan.measures.0.intensity.hoursPerWeek", "measures.0.hoursPerWeek"],
    ["plan.measures.0.intensity", "measures.0.intensity"],
    ["plan.measures.0.goalIds.1", "measures.0.goalIds"],
    ["plan.measures.0.responsibleUserId", "measures.0.responsibleUserId"],
    ["note", "note"],
  ])("%s → %s", (from, to) => {
    expect(formPathOf(from)).toBe(to);
  });

  it("keeps the first message when two plan paths land on one field", () => {
    expect(
      toFormErrors({ "plan.measures.0.goalIds.0": "Første", "plan.measures.0.goalIds.1": "Anden" }),
    ).toEqual({ "measures.0.goalIds": "Første" });
  });
});

describe("indexesWithErrors", () => {
  it("finds the goals and the measures with an error, each once", () => {
    const errors = {
      "goals.2.ownWords": "Skal udfyldes",
      "goals.2.levels.0": "Skal udfyldes",
      "goals.10.targetDate": "Skal udfyldes",
      "measures.0.costKr": "Skriv et beløb",
      note: "For lang",
    };
    expect(indexesWithErrors(errors, "goals")).toEqual([2, 10]);
    expect(indexesWithErrors(errors, "measures")).toEqual([0]);
  });
});

describe("nextId and withoutGoal", () => {
  it("takes the first free number", () => {
    expect(nextId("g", [])).toBe("g1");
    expect(nextId("g", ["g1", "g2"])).toBe("g3");
    expect(nextId("g", ["g1", "g3"])).toBe("g2");
    expect(nextId("m", ["x", "m2"])).toBe("m1");
  });

  it("removes a goal and the measures' links to it", () => {
    const values = filledPlan();
    const after = withoutGoal(values, 0);
    expect(after.goals).toHaveLength(0);
    expect(after.measures[0]!.goalIds).toEqual([]);
  });
});
