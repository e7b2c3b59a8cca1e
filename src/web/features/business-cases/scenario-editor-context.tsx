import { createContext, useContext, useSyncExternalStore } from "react";
import type { ScenarioDraft } from "./scenario-draft.js";
import type { DraftStore } from "./scenario-draft-store.js";
import { getAtPath } from "./scenario-validation.js";

/** What every part of the scenario editor uses to read and write the draft. Stable between keystrokes. */
export interface ScenarioEditor {
  store: DraftStore;
  /** True for readers without businessCase.write: the fields show values but cannot be changed. */
  isReadOnly: boolean;
  /** The interface language ("da" | "en"): decimal separator and the reading of kroner. */
  language: string;
  /** Sets one field by its path, e.g. `setField("effects.1.lagYears", 2)`. */
  setField: (path: string, value: unknown) => void;
  /** Any other change (add or remove a row, switch an effect's kind). */
  update: (recipe: (draft: ScenarioDraft) => ScenarioDraft) => void;
}

const ScenarioEditorContext = createContext<ScenarioEditor | null>(null);

export const ScenarioEditorProvider = ScenarioEditorContext.Provider;

/**
 * The editor's store and actions, inside `ScenarioEditorProvider`.
 * @throws Error outside the provider (a programming error).
 */
export function useScenarioEditor(): ScenarioEditor {
  const editor = useContext(ScenarioEditorContext);
  if (!editor) throw new Error("useScenarioEditor() used outside ScenarioEditorProvider");
  return editor;
}

/**
 * A part of the draft, re-rendering only when it changes. The selector must return a value from the
 * draft itself (or a primitive), not a new object, or every change would re-render.
 */
export function useDraft<T>(select: (draft: ScenarioDraft) => T): T {
  const { store } = useScenarioEditor();
  return useSyncExternalStore(store.subscribe, () => select(store.getSnapshot().draft));
}

/** The value at a path of the draft (`effects.1.lagYears`). */
export function useDraftValue(path: string): unknown {
  const { store } = useScenarioEditor();
  return useSyncExternalStore(store.subscribe, () => getAtPath(store.getSnapshot().draft, path));
}

/** The message for a path, or undefined. */
export function useDraftError(path: string): string | undefined {
  const { store } = useScenarioEditor();
  return useSyncExternalStore(store.subscribe, () => store.getSnapshot().errors[path]);
}

/** The first message for a path or anything under it (`variants.0.scaledEffectIds.1`). */
export function useDraftErrorUnder(path: string): string | undefined {
  const { store } = useScenarioEditor();
  return useSyncExternalStore(store.subscribe, () => {
    const errors = store.getSnapshot().errors;
    if (errors[path]) return errors[path];
    const prefix = `${path}.`;
    for (const key in errors) if (key.startsWith(prefix)) return errors[key];
    return undefined;
  });
}
