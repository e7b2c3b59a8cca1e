import { randomUUID } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { recordAudit } from "../audit/record.js";
import type { AppDeps, RequestContext } from "../context.js";
import { loadActor } from "../modules/auth/actor.repository.js";
import { findLiveSession } from "../modules/auth/session.repository.js";
import type { AppEnv } from "./app-env.js";
import { SESSION_COOKIE } from "./session-cookie.js";

function clientIpOf(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // app.request() in tests has no socket
  }
}

/** Builds the request context: request id, clock, session and actor (when signed in). */
export function contextMiddleware(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const requestId = randomUUID();
    c.header("X-Request-Id", requestId);
    const ctx: RequestContext = {
      deps,
      db: deps.database.db,
      requestId,
      clientIp: clientIpOf(c, deps.config.trustProxy),
      now: () => deps.clock.now(),
      session: null,
      actor: null,
      auditOrigin() {
        return { actorUserId: ctx.actor?.userId ?? null, requestId, now: ctx.now };
      },
      audit(tx, entry) {
        return recordAudit(tx, ctx.auditOrigin(), entry);
      },
    };
    c.set("ctx", ctx);
    const token = getCookie(c, SESSION_COOKIE);
    if (token && c.req.path.startsWith("/api/")) await attachSession(ctx, token);
    await next();
  };
}

/** Loads the live session of a cookie token and its actor into the context (no-op when expired). */
export async function attachSession(ctx: RequestContext, token: string): Promise<void> {
  const session = await findLiveSession(ctx.db, token, ctx.now());
  if (!session) return;
  const actor = await loadActor(ctx.db, session.userId);
  ctx.session = session;
  ctx.actor = { userId: actor.userId, memberships: actor.memberships, projectParties: actor.projectParties };
}
