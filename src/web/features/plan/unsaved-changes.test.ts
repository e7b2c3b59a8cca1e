import { describe, expect, it } from "vitest";
import { newGoalValues, newMeasureValues, type PlanFormValues } from "./plan-form-values.js";
import { hasNoChanges, unsavedChangesOf } from "./unsaved-changes.js";

const base: PlanFormValues = {
  goals: [
    { ...newGoalValues("g1"), ownWords: "Vi vil spise aftensmad sammen" },
    { ...newGoalValues("g2"), ownWords: "Mor vil lære dansk" },
  ],
  measures: [{ ...newMeasureValues("m1", "2026-01-01"), what: "Familiebehandling" }],
  note: "",
};

describe("unsavedChangesOf", () => {
  it("finds nothing in an untouched edit", () => {
    const changes = unsavedChangesOf(base, structuredClone(base));
    expect(hasNoChanges(changes)).toBe(true);
    expect(changes.isNoteWritten).toBe(false);
  });

  it("names the goals and measures added, changed and removed", () => {
    const edited = structuredClone(base);
    edited.goals[0]!.status = "in-progress";
    edited.goals.splice(1, 1);
    edited.goals.push({ ...newGoalValues("g3"), ownWords: "Sagal vil gå til fodbold" });
    edited.measures.push({ ...newMeasureValues("m2", "2026-02-01"), what: "Fritidspas" });
    edited.note = "Opfølgning";
    const changes = unsavedChangesOf(base, edited);
    expect(changes.goals).toEqual([
      { change: "changed", label: "Vi vil spise aftensmad sammen" },
      { change: "added", label: "Sagal vil gå til fodbold" },
      { change: "removed", label: "Mor vil lære dansk" },
    ]);
    expect(changes.measures).toEqual([{ change: "added", label: "Fritidspas" }]);
    expect(changes.isNoteWritten).toBe(true);
  });
});
