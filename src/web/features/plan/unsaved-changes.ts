import type { PlanFormValues } from "./plan-form-values.js";

/** What an edit changed, per goal and measure (by id), for telling the user what a refused save held. */
export interface UnsavedChanges {
  goals: { change: "added" | "removed" | "changed"; label: string }[];
  measures: { change: "added" | "removed" | "changed"; label: string }[];
  isNoteWritten: boolean;
}

function compare<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  label: (x: T) => string,
): UnsavedChanges["goals"] {
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Set(after.map((x) => x.id));
  const out: UnsavedChanges["goals"] = [];
  for (const a of after) {
    const b = old.get(a.id);
    if (!b) out.push({ change: "added", label: label(a) });
    else if (JSON.stringify(b) !== JSON.stringify(a)) out.push({ change: "changed", label: label(a) });
  }
  for (const b of before) if (!now.has(b.id)) out.push({ change: "removed", label: label(b) });
  return out;
}

/**
 * The differences between the values the editor started from and the values it holds: what the user
 * would lose if the save is refused (409) and the editor closed. Empty lists when nothing changed.
 */
export function unsavedChangesOf(base: PlanFormValues, edited: PlanFormValues): UnsavedChanges {
  return {
    goals: compare(base.goals, edited.goals, (g) => g.ownWords.trim()),
    measures: compare(base.measures, edited.measures, (m) => m.what.trim()),
    isNoteWritten: edited.note.trim() !== "",
  };
}

/** True when the edit changed nothing that a save would keep. */
export function hasNoChanges(changes: UnsavedChanges): boolean {
  return changes.goals.length === 0 && changes.measures.length === 0;
}
