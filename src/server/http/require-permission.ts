import type { MiddlewareHandler } from "hono";
import {
  AUTHENTICATED,
  abilitiesOf,
  isPersonalDataPermission,
  PUBLIC,
  type RoutePermission,
} from "../../domain/access/index.js";
import { AppError } from "../errors.js";
import type { AppEnv } from "./app-env.js";

/**
 * The route-level gate: a signed-in user (unless the route is public) who holds the permission in at
 * least one role. Record-level decisions (which organisation, which family) are made in the service
 * with `authorize()`/`scope()` from the policy module.
 *
 * A user who can never reach a personal record (investor, platform admin, evaluator outside the
 * exports) gets 404 on a personal-data route, as if the record did not exist: the answer is the same
 * for every id, so it tells nothing, and such a user never learns that a family is behind an address.
 */
export function requirePermission(
  permission: RoutePermission,
  allowDuringTwoFactorEnrolment: boolean,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (permission === PUBLIC) return next();
    const ctx = c.get("ctx");
    if (!ctx.session || !ctx.actor) {
      throw new AppError(
        "UNAUTHENTICATED",
        "Du er ikke logget ind, eller din session er udløbet. Log ind igen.",
      );
    }
    if (!ctx.session.isTwoFactorVerified && !allowDuringTwoFactorEnrolment) {
      throw new AppError(
        "TWO_FACTOR_ENROLMENT_REQUIRED",
        "Din organisation kræver totrinsbekræftelse. Opsæt den under din profil, før du fortsætter.",
      );
    }
    const abilities = abilitiesOf(ctx.actor);
    if (permission !== AUTHENTICATED && !abilities.includes(permission)) {
      if (isPersonalDataPermission(permission) && !abilities.some(isPersonalDataPermission))
        throw new AppError("NOT_FOUND", "Siden eller posten findes ikke.");
      throw new AppError("FORBIDDEN", "Din rolle giver ikke adgang til dette.");
    }
    return next();
  };
}
