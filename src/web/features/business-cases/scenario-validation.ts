import { type Scenario, validateScenario } from "../../../domain/business-case/index.js";
import { translateServerMessage } from "../../i18n/translate-server-message.js";
import { editorPathOf, type ScenarioDraft, scenarioInputOf } from "./scenario-draft.js";

/** What the studio knows about a draft after each change. */
export interface DraftValidation {
  /** The scenario JSON of the draft (what is saved or exported). */
  input: Record<string, unknown>;
  /** The clean scenario (defaults filled) when the draft is valid, else null. */
  scenario: Scenario | null;
  /** Messages keyed by the editor's field paths (`effects.1.lagYears`, `costLines.0.amountKr`). */
  errors: Record<string, string>;
}

/**
 * Runs the engine's `validateScenario` on a draft (cheap: well under a millisecond), so that every
 * keystroke shows its message at the field. Amount fields are checked first (kroner text → øre).
 */
export function validateDraft(
  draft: ScenarioDraft,
  language: string,
  amountMessage: string,
  durationMessage?: string,
): DraftValidation {
  const { input, errors: amountErrors } = scenarioInputOf(draft, language, amountMessage);
  const result = validateScenario(input);
  const errors: Record<string, string> = {};
  if (!result.ok) {
    for (const [path, message] of Object.entries(result.errors)) {
      const at = editorPathOf(path);
      // The engine speaks of JSON's null for a permanent effect; the form has a checkbox for it.
      const shown =
        durationMessage && at.endsWith(".durationYears") && message.startsWith("Angiv varigheden")
          ? durationMessage
          : translateServerMessage(message);
      if (!errors[at]) errors[at] = shown;
    }
  }
  Object.assign(errors, amountErrors);
  const isValid = result.ok && Object.keys(amountErrors).length === 0;
  return { input, scenario: isValid && result.ok ? result.scenario : null, errors };
}

/** Sets a value at a dot path (`effects.1.lagYears`) immutably, copying the objects along the way. */
export function setAtPath<T>(root: T, path: string, value: unknown): T {
  const keys = path.split(".");
  const write = (node: unknown, depth: number): unknown => {
    const key = keys[depth] as string;
    if (Array.isArray(node)) {
      const copy = node.slice();
      const index = Number(key);
      copy[index] = depth === keys.length - 1 ? value : write(copy[index], depth + 1);
      return copy;
    }
    const record = { ...(node as Record<string, unknown>) };
    record[key] = depth === keys.length - 1 ? value : write(record[key], depth + 1);
    return record;
  };
  return write(root, 0) as T;
}

/** The value at a dot path, or undefined. */
export function getAtPath(root: unknown, path: string): unknown {
  let node = root;
  for (const key of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
