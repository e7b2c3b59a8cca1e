import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, ne } from "drizzle-orm";
import type { SessionInfo } from "../../context.js";
import type { DbOrTx } from "../../db/client.js";
import { session } from "../../db/schema/index.js";

/** A session ends after 30 minutes without a request… */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** …and 12 hours after login, whatever happens. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reads do not each cost a write. */
const TOUCH_EVERY_MS = 60 * 1000;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

function toInfo(row: typeof session.$inferSelect): SessionInfo {
  const idle = new Date(row.lastSeenAt.getTime() + SESSION_IDLE_MS);
  return {
    tokenHash: row.tokenHash,
    userId: row.userId,
    csrfToken: row.csrfToken,
    isTwoFactorVerified: row.isTwoFactorVerified,
    idleExpiresAt: idle < row.expiresAt ? idle : row.expiresAt,
    absoluteExpiresAt: row.expiresAt,
  };
}

/** Starts a session; returns the cookie token (only its hash is stored) and the session. */
export async function createSession(tx: DbOrTx, userId: string, now: Date, isTwoFactorVerified: boolean) {
  const token = randomBytes(32).toString("base64url");
  const [row] = await tx
    .insert(session)
    .values({
      tokenHash: hashToken(token),
      userId,
      csrfToken: randomBytes(24).toString("base64url"),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      isTwoFactorVerified,
    })
    .returning();
  return { token, session: toInfo(row!) };
}

/**
 * The live session for a cookie token, or null when there is none or it has expired (idle or
 * absolute); an expired session is ended on the way.
 */
export async function findLiveSession(db: DbOrTx, token: string, now: Date): Promise<SessionInfo | null> {
  const tokenHash = hashToken(token);
  const [row] = await db
    .select()
    .from(session)
    .where(and(eq(session.tokenHash, tokenHash), isNull(session.endedAt)));
  if (!row) return null;
  const isExpired =
    now.getTime() >= row.expiresAt.getTime() || now.getTime() - row.lastSeenAt.getTime() >= SESSION_IDLE_MS;
  if (isExpired) {
    await db.update(session).set({ endedAt: now }).where(eq(session.tokenHash, tokenHash));
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db.update(session).set({ lastSeenAt: now }).where(eq(session.tokenHash, tokenHash));
    row.lastSeenAt = now;
  }
  return toInfo(row);
}

/** Ends one session (logout). */
export async function endSession(tx: DbOrTx, tokenHash: string, now: Date): Promise<void> {
  await tx.update(session).set({ endedAt: now }).where(eq(session.tokenHash, tokenHash));
}

/** Ends every live session of a user (deactivation, password change), except one; returns how many. */
export async function endSessionsOfUser(tx: DbOrTx, userId: string, now: Date, exceptTokenHash?: string) {
  const ended = await tx
    .update(session)
    .set({ endedAt: now })
    .where(
      and(
        eq(session.userId, userId),
        isNull(session.endedAt),
        exceptTokenHash ? ne(session.tokenHash, exceptTokenHash) : undefined,
      ),
    )
    .returning({ tokenHash: session.tokenHash });
  return ended.length;
}
