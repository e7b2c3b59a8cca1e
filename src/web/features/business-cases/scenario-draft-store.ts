import type { ScenarioDraft } from "./scenario-draft.js";
import type { DraftValidation } from "./scenario-validation.js";

/** What the studio and each editor field read from the store. */
export interface DraftSnapshot {
  draft: ScenarioDraft;
  validation: DraftValidation;
  /** Messages of a refused save (VALIDATION_FAILED), shown until the next change. */
  serverErrors: Record<string, string>;
  /** Engine and server messages keyed by the editor's field paths. */
  errors: Record<string, string>;
}

/**
 * The draft being edited, outside React state so that each field subscribes to its own value and
 * message (useSyncExternalStore with a selector): a keystroke re-renders that field, not the
 * hundred others. Every change is validated at once with the engine (well under a millisecond).
 */
export class DraftStore {
  private snapshot: DraftSnapshot;
  private readonly listeners = new Set<() => void>();
  private validate: (draft: ScenarioDraft) => DraftValidation;

  constructor(draft: ScenarioDraft, validate: (draft: ScenarioDraft) => DraftValidation) {
    this.validate = validate;
    this.snapshot = this.snapshotOf(draft, {});
  }

  private snapshotOf(draft: ScenarioDraft, serverErrors: Record<string, string>): DraftSnapshot {
    const validation = this.validate(draft);
    return { draft, validation, serverErrors, errors: { ...validation.errors, ...serverErrors } };
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  /** The current snapshot (a new object after every change). */
  readonly getSnapshot = (): DraftSnapshot => this.snapshot;

  /** Calls `listener` after every change; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Replaces the draft (a change by the user clears the messages of a refused save). */
  setDraft(next: ScenarioDraft | ((draft: ScenarioDraft) => ScenarioDraft)): void {
    const draft = typeof next === "function" ? next(this.snapshot.draft) : next;
    if (draft === this.snapshot.draft) return;
    this.snapshot = this.snapshotOf(draft, {});
    this.emit();
  }

  /** Shows the messages of a refused save at their fields. */
  setServerErrors(serverErrors: Record<string, string>): void {
    this.snapshot = {
      ...this.snapshot,
      serverErrors,
      errors: { ...this.snapshot.validation.errors, ...serverErrors },
    };
    this.emit();
  }

  /** Validates again with another validator (e.g. after the interface language changed). */
  setValidator(validate: (draft: ScenarioDraft) => DraftValidation): void {
    this.validate = validate;
    this.snapshot = this.snapshotOf(this.snapshot.draft, this.snapshot.serverErrors);
    this.emit();
  }
}
