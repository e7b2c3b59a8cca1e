import type { Actor } from "../domain/access/index.js";
import type { AuditEntry, AuditEventType } from "./audit/events.js";
import type { AuditOrigin } from "./audit/record.js";
import type { AppConfig } from "./config.js";
import type { Database, Db, DbOrTx } from "./db/client.js";
import type { LoginRateLimiter } from "./modules/auth/login-rate-limiter.js";

/** The clock is injected so that tests can move time (session expiry, lockout). */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** Long-lived things the app is built from. */
export interface AppDeps {
  database: Database;
  config: AppConfig;
  clock: Clock;
  version: string;
  /** Folder with the built web app; absent in API-only tests. */
  webDistDir?: string;
  /** The application key that seals secrets at rest (src/server/crypto). */
  appKey: Buffer;
  /** Login attempts per client address (in memory, per app server). */
  loginLimiter: LoginRateLimiter;
  /** Set when the process is shutting down: responses then ask clients to close the connection. */
  lifecycle?: { isStopping: boolean };
}

/** The signed-in user's session, as the request sees it. */
export interface SessionInfo {
  tokenHash: string;
  userId: string;
  csrfToken: string;
  isTwoFactorVerified: boolean;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
}

/** Everything a service needs about one request. Services take `(ctx, input)`. */
export interface RequestContext {
  deps: AppDeps;
  db: Db;
  requestId: string;
  clientIp: string;
  now(): Date;
  session: SessionInfo | null;
  actor: Actor | null;
  /** The audit origin of this request (actor, request id, clock). */
  auditOrigin(): AuditOrigin;
  /** Records an audit event inside the given transaction. */
  audit<T extends AuditEventType>(tx: DbOrTx, entry: AuditEntry<T>): Promise<void>;
}

/** A request context whose actor is known (routes with a permission). */
export type ActorContext = RequestContext & { actor: Actor; session: SessionInfo };
