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
import { hashRecoveryCode, verifyTotp } from "./totp.js";

/** Failed attempts (password or second factor) before the account is locked… */
export const MAX_FAILED_LOGINS = 5;
/** …for this long. */
export const LOCKOUT_MINUTES = 30;

const INVALID = () => new AppError("INVALID_CREDENTIALS", "E-mail eller adgangskode er forkert.");

type Outcome = { ok: true; token: string; userId: string } | { ok: false; error: AppError };

/**
 * Signs a user in. Every outcome is audited; failures are committed (failure count, lockout, audit row)
 * before the error is returned, so a failed login still leaves its trace.
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
  const outcome: Outcome = await ctx.db.transaction(async (tx) => {
    const [user] = await tx
      .select()
      .from(appUser)
      .where(eq(sql`lower(${appUser.email})`, input.email.trim().toLowerCase()))
      .for("update");
    if (!user) {
      await verifyPassword(null, input.password);
      await ctx.audit(tx, { type: "auth.login_failed", payload: { reason: "unknown_user" } });
      return { ok: false, error: INVALID() };
    }
    const subject = { subjectId: user.id };
    if (user.lockedUntil && user.lockedUntil > now) {
      await ctx.audit(tx, { type: "auth.login_failed", ...subject, payload: { reason: "locked" } });
      return { ok: false, error: lockedError(user.lockedUntil, now) };
    }

    const registerFailure = async (
      reason: "bad_password" | "bad_second_factor",
      error: AppError,
    ): Promise<Outcome> => {
      const failed = user.failedLoginCount + 1;
      const locks = failed >= MAX_FAILED_LOGINS;
      const lockedUntil = locks ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : null;
      await tx
        .update(appUser)
        .set({ failedLoginCount: locks ? 0 : failed, lockedUntil })
        .where(eq(appUser.id, user.id));
      await ctx.audit(tx, { type: "auth.login_failed", ...subject, payload: { reason } });
      if (locks && lockedUntil) {
        await ctx.audit(tx, {
          type: "auth.account_locked",
          ...subject,
          payload: { failedAttempts: failed, lockedMinutes: LOCKOUT_MINUTES },
        });
        return { ok: false, error: lockedError(lockedUntil, now) };
      }
      return { ok: false, error };
    };

    if (!(await verifyPassword(user.passwordHash, input.password)))
      return registerFailure("bad_password", INVALID());
    if (!user.isActive) {
      await ctx.audit(tx, { type: "auth.login_failed", ...subject, payload: { reason: "inactive" } });
      return { ok: false, error: INVALID() };
    }

    let method: "password" | "password+totp" | "password+recovery" = "password";
    let recoveryCodeHashes = user.recoveryCodeHashes;
    if (user.totpEnabledAt && user.totpSecret) {
      if (!input.totpCode && !input.recoveryCode) {
        return {
          ok: false,
          error: new AppError(
            "TWO_FACTOR_REQUIRED",
            "Skriv koden fra din godkendelses-app for at logge ind.",
          ),
        };
      }
      if (input.recoveryCode) {
        const h = hashRecoveryCode(input.recoveryCode);
        if (!recoveryCodeHashes.includes(h)) {
          return registerFailure(
            "bad_second_factor",
            new AppError("INVALID_TWO_FACTOR_CODE", "Gendannelseskoden er forkert eller brugt."),
          );
        }
        recoveryCodeHashes = recoveryCodeHashes.filter((x) => x !== h);
        method = "password+recovery";
        await ctx.audit(tx, {
          type: "auth.recovery_code_used",
          ...subject,
          payload: { remaining: recoveryCodeHashes.length },
        });
      } else if (!(await verifyTotp(user.totpSecret, input.totpCode ?? "", now))) {
        return registerFailure(
          "bad_second_factor",
          new AppError("INVALID_TWO_FACTOR_CODE", "Koden er forkert eller udløbet. Prøv den nyeste kode."),
        );
      } else {
        method = "password+totp";
      }
    }

    await tx
      .update(appUser)
      .set({ failedLoginCount: 0, lockedUntil: null, recoveryCodeHashes })
      .where(eq(appUser.id, user.id));
    const actor = await loadActor(tx, user.id);
    const isTwoFactorVerified = method !== "password" || !actor.requiresTwoFactor;
    const { token } = await createSession(tx, user.id, now, isTwoFactorVerified);
    // The actor of a login is the user who just signed in.
    await recordAudit(
      tx,
      { ...ctx.auditOrigin(), actorUserId: user.id },
      {
        type: "auth.login_succeeded",
        subjectId: user.id,
        payload: { method },
      },
    );
    return { ok: true, token, userId: user.id };
  });
  if (!outcome.ok) throw outcome.error;
  return outcome;
}

function lockedError(until: Date, now: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new AppError(
    "ACCOUNT_LOCKED",
    `Kontoen er midlertidigt låst efter for mange forkerte forsøg. Prøv igen om ${minutes} minutter, eller kontakt en administrator.`,
  );
}
