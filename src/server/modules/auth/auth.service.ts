import { eq, sql } from "drizzle-orm";
import type { LoginInput } from "../../../contracts/auth.js";
import { recordAudit } from "../../audit/record.js";
import type { RequestContext } from "../../context.js";
import { appUser } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { loadActor } from "./actor.repository.js";
import type { LoginRateLimiter } from "./login-rate-limiter.js";
import { verifyPassword } from "./password-hash.js";
import { createSession } from "./session.repository.js";
import { hashRecoveryCode, openTotpSecret, verifyTotp } from "./totp.js";

/** Failed attempts (password or second factor) before the account is locked… */
export const MAX_FAILED_LOGINS = 5;
/** …for this long. */
export const LOCKOUT_MINUTES = 30;

const INVALID = () => new AppError("INVALID_CREDENTIALS", "E-mail eller adgangskode er forkert.");

type Method = "password" | "password+totp" | "password+recovery";
type Check =
  | { kind: "unknown_user" }
  | { kind: "locked"; until: Date }
  | { kind: "bad_password" }
  | { kind: "inactive" }
  | { kind: "second_factor_missing" }
  | { kind: "bad_second_factor"; message: string }
  | { kind: "ok"; method: Method; recoveryCodeHash?: string };

function lockedError(until: Date, now: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new AppError(
    "ACCOUNT_LOCKED",
    `Kontoen er midlertidigt låst efter for mange forkerte forsøg. Prøv igen om ${minutes} minutter, eller kontakt en administrator.`,
  );
}

const findUserByEmail = (db: RequestContext["db"], email: string) =>
  db
    .select()
    .from(appUser)
    .where(eq(sql`lower(${appUser.email})`, email.trim().toLowerCase()));

/**
 * Signs a user in and returns the new session's cookie token.
 *
 * The slow checks (argon2id, TOTP) run before any transaction: on the embedded database a transaction
 * holds the only connection, so a 30 ms hash inside it would stall every other request. The short
 * transaction afterwards re-reads the user under a row lock, applies the outcome (failure count,
 * lockout, session) and audits it; failures are committed before the error is returned.
 */
export async function login(ctx: RequestContext, input: LoginInput, limiter: LoginRateLimiter) {
  const now = ctx.now();
  const waitSeconds = limiter.hit(ctx.clientIp, now.getTime());
  if (waitSeconds > 0) {
    throw new AppError(
      "RATE_LIMITED",
      `For mange loginforsøg fra din adresse. Vent ${Math.ceil(waitSeconds / 60)} minutter.`,
      [{ path: "retryAfterSeconds", message: String(waitSeconds) }],
    );
  }

  const [found] = await findUserByEmail(ctx.db, input.email);
  const check = await checkCredentials(found, input, now, ctx.deps.appKey);

  const result = await ctx.db.transaction(async (tx): Promise<{ token: string } | { error: AppError }> => {
    if (!found || check.kind === "unknown_user") {
      await ctx.audit(tx, { type: "auth.login_failed", payload: { reason: "unknown_user" } });
      return { error: INVALID() };
    }
    const subject = { subjectId: found.id };
    const [user] = await tx.select().from(appUser).where(eq(appUser.id, found.id)).for("update");
    if (!user) return { error: INVALID() };
    if (user.lockedUntil && user.lockedUntil > now) {
      await ctx.audit(tx, { type: "auth.login_failed", ...subject, payload: { reason: "locked" } });
      return { error: lockedError(user.lockedUntil, now) };
    }
    switch (check.kind) {
      case "locked": // lifted meanwhile: treat as a fresh attempt next time
        return { error: lockedError(check.until, now) };
      case "second_factor_missing":
        return {
          error: new AppError(
            "TWO_FACTOR_REQUIRED",
            "Skriv koden fra din godkendelses-app for at logge ind.",
          ),
        };
      case "inactive":
        await ctx.audit(tx, { type: "auth.login_failed", ...subject, payload: { reason: "inactive" } });
        return { error: INVALID() };
      case "bad_password":
      case "bad_second_factor": {
        const failed = user.failedLoginCount + 1;
        const locks = failed >= MAX_FAILED_LOGINS;
        const lockedUntil = locks ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : null;
        await tx
          .update(appUser)
          .set({ failedLoginCount: locks ? 0 : failed, lockedUntil })
          .where(eq(appUser.id, user.id));
        await ctx.audit(tx, { type: "auth.login_failed", ...subject, payload: { reason: check.kind } });
        if (lockedUntil) {
          await ctx.audit(tx, {
            type: "auth.account_locked",
            ...subject,
            payload: { failedAttempts: failed, lockedMinutes: LOCKOUT_MINUTES },
          });
          return { error: lockedError(lockedUntil, now) };
        }
        return {
          error:
            check.kind === "bad_password"
              ? INVALID()
              : new AppError("INVALID_TWO_FACTOR_CODE", check.message),
        };
      }
      case "ok": {
        let recoveryCodeHashes = user.recoveryCodeHashes;
        if (check.recoveryCodeHash) {
          // Re-checked under the lock, so one recovery code cannot be used by two racing logins.
          if (!recoveryCodeHashes.includes(check.recoveryCodeHash)) {
            return {
              error: new AppError("INVALID_TWO_FACTOR_CODE", "Gendannelseskoden er forkert eller brugt."),
            };
          }
          recoveryCodeHashes = recoveryCodeHashes.filter((h) => h !== check.recoveryCodeHash);
          await ctx.audit(tx, {
            type: "auth.recovery_code_used",
            ...subject,
            payload: { remaining: recoveryCodeHashes.length },
          });
        }
        await tx
          .update(appUser)
          .set({ failedLoginCount: 0, lockedUntil: null, recoveryCodeHashes })
          .where(eq(appUser.id, user.id));
        const actor = await loadActor(tx, user.id);
        const isTwoFactorVerified = check.method !== "password" || !actor.requiresTwoFactor;
        const { token } = await createSession(tx, user.id, now, isTwoFactorVerified);
        // The actor of a login is the user who just signed in.
        await recordAudit(
          tx,
          { ...ctx.auditOrigin(), actorUserId: user.id },
          { type: "auth.login_succeeded", subjectId: user.id, payload: { method: check.method } },
        );
        return { token };
      }
    }
  });
  if ("error" in result) throw result.error;
  return result;
}

/** The slow, read-only part of a login: password hash and second factor. */
async function checkCredentials(
  user: typeof appUser.$inferSelect | undefined,
  input: LoginInput,
  now: Date,
  appKey: Buffer,
): Promise<Check> {
  if (!user) {
    await verifyPassword(null, input.password); // same time as for a known user
    return { kind: "unknown_user" };
  }
  if (user.lockedUntil && user.lockedUntil > now) return { kind: "locked", until: user.lockedUntil };
  if (!(await verifyPassword(user.passwordHash, input.password))) return { kind: "bad_password" };
  if (!user.isActive) return { kind: "inactive" };
  if (!user.totpEnabledAt || !user.totpSecret) return { kind: "ok", method: "password" };
  if (input.recoveryCode) {
    const hash = hashRecoveryCode(input.recoveryCode);
    return user.recoveryCodeHashes.includes(hash)
      ? { kind: "ok", method: "password+recovery", recoveryCodeHash: hash }
      : { kind: "bad_second_factor", message: "Gendannelseskoden er forkert eller brugt." };
  }
  if (!input.totpCode) return { kind: "second_factor_missing" };
  return (await verifyTotp(openTotpSecret(appKey, user.id, user.totpSecret), input.totpCode, now))
    ? { kind: "ok", method: "password+totp" }
    : { kind: "bad_second_factor", message: "Koden er forkert eller udløbet. Prøv den nyeste kode." };
}
