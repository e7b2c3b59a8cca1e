import { ERROR_STATUS, type ErrorCode } from "../contracts/errors.js";
import type { Decision } from "../domain/access/index.js";

/**
 * The one error type services throw. `message` is shown to the user as it is (Danish, plain words);
 * `details` lists per-field problems.
 */
export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { path: string; message: string }[],
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what = "Det du leder efter") => new AppError("NOT_FOUND", `${what} findes ikke.`);
export const forbidden = () => new AppError("FORBIDDEN", "Du har ikke adgang til at gøre dette.");
export const staleVersion = () =>
  new AppError("STALE_VERSION", "Nogen har ændret dette i mellemtiden. Hent siden igen og prøv på ny.");

/**
 * Turns a policy decision into the answer: nothing when allowed, 404 when the record is hidden from
 * the actor (so its existence does not leak), 403 when it is visible but the action is not allowed.
 */
export function enforce(decision: Decision, what: string): void {
  if (!decision.allowed) throw decision.reason === "hidden" ? notFound(what) : forbidden();
}
