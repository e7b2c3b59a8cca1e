import type { MiddlewareHandler } from "hono";
import { AppError } from "../errors.js";
import type { AppEnv } from "./app-env.js";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
export const CSRF_HEADER = "x-csrf-token";
const ACCEPTED_TYPES = ["application/json", "multipart/form-data", "text/csv"];

/**
 * CSRF protection for every state-changing request under /api:
 * - with a session: the X-CSRF-Token header must equal the session's token (synchronizer token);
 * - without one (login): the Origin header, when sent, must be this server's own origin, and the body
 *   must be JSON (a cross-site HTML form cannot send application/json without a CORS preflight).
 */
export function csrfProtection(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const ctx = c.get("ctx");
    const origin = c.req.header("origin");
    if (origin && origin !== new URL(c.req.url).origin && origin !== ctx.deps.config.publicOrigin) {
      throw new AppError("CSRF_REJECTED", "Forespørgslen kom fra et andet website og blev afvist.");
    }
    if (ctx.session) {
      if (c.req.header(CSRF_HEADER) !== ctx.session.csrfToken) {
        throw new AppError("CSRF_REJECTED", "Sikkerhedstjekket fejlede. Genindlæs siden og prøv igen.");
      }
    }
    // A form-encoded or text body is what a cross-site <form> can send; the API never accepts it.
    const type = c.req.header("content-type");
    if (type && !ACCEPTED_TYPES.some((t) => type.startsWith(t))) {
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send data som JSON (Content-Type: application/json).");
    }
    return next();
  };
}
