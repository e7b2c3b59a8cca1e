import { useSyncExternalStore } from "react";

/** Why the user is looking at the login page, when it is not simply the first visit. */
export type SessionNotice = "expired" | "signed-out" | null;

let notice: SessionNotice = null;
const listeners = new Set<() => void>();

export function setSessionNotice(next: SessionNotice): void {
  notice = next;
  for (const listener of listeners) listener();
}

export function useSessionNotice(): SessionNotice {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => notice,
  );
}
