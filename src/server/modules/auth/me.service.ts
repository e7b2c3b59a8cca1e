import { eq, inArray } from "drizzle-orm";
import type { Me } from "../../../contracts/auth.js";
import { abilitiesOf } from "../../../domain/access/index.js";
import type { ActorContext } from "../../context.js";
import { appUser, project, session } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { loadActor } from "./actor.repository.js";
import { hashPassword, verifyPassword } from "./password-hash.js";
import { checkPasswordPolicy } from "./password-policy.js";
import { endSessionsOfUser } from "./session.repository.js";
import {
  newRecoveryCodes,
  newTotpSecret,
  openTotpSecret,
  sealTotpSecret,
  totpEnrolment,
  verifyTotp,
} from "./totp.js";

async function getUserRow(ctx: ActorContext) {
  const [user] = await ctx.db.select().from(appUser).where(eq(appUser.id, ctx.actor.userId));
  if (!user) throw new AppError("UNAUTHENTICATED", "Din bruger findes ikke længere.");
  return user;
}

/** The signed-in user, their memberships, projects and abilities (what the web app may show). */
export async function getMe(ctx: ActorContext): Promise<Me> {
  const user = await getUserRow(ctx);
  const actor = await loadActor(ctx.db, user.id);
  const projectIds = [...new Set(actor.projectParties.map((p) => p.projectId))];
  const projects =
    projectIds.length > 0
      ? await ctx.db
          .select({ id: project.id, name: project.name })
          .from(project)
          .where(inArray(project.id, projectIds))
          .orderBy(project.name)
      : [];
  return {
    user: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      locale: user.locale,
      hasTwoFactor: user.totpEnabledAt !== null,
    },
    memberships: actor.memberships.map((m) => ({
      organisationId: m.organisationId,
      organisationName: actor.organisationNames.get(m.organisationId) ?? "",
      organisationKind: m.organisationKind,
      role: m.role,
    })),
    projects,
    abilities: abilitiesOf(actor),
    mustEnrolTwoFactor: !ctx.session.isTwoFactorVerified,
    csrfToken: ctx.session.csrfToken,
    session: {
      idleExpiresAt: ctx.session.idleExpiresAt.toISOString(),
      absoluteExpiresAt: ctx.session.absoluteExpiresAt.toISOString(),
    },
  };
}

/** Changes the user's interface language. */
export async function updateLocale(ctx: ActorContext, locale: "da" | "en") {
  await ctx.db.update(appUser).set({ locale, updatedAt: ctx.now() }).where(eq(appUser.id, ctx.actor.userId));
}

/** Changes the user's password; other sessions of the user end. */
export async function changePassword(ctx: ActorContext, currentPassword: string, newPassword: string) {
  const user = await getUserRow(ctx);
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError("VALIDATION_FAILED", "Den nuværende adgangskode er forkert.", [
      { path: "currentPassword", message: "Forkert adgangskode" },
    ]);
  }
  const problem = checkPasswordPolicy(newPassword, { email: user.email });
  if (problem) throw new AppError("VALIDATION_FAILED", problem, [{ path: "newPassword", message: problem }]);
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(appUser).set({ passwordHash, updatedAt: ctx.now() }).where(eq(appUser.id, user.id));
    await endSessionsOfUser(tx, user.id, ctx.now(), ctx.session.tokenHash);
    await ctx.audit(tx, { type: "auth.password_changed", subjectId: user.id, payload: {} });
  });
}

/** Starts two-factor enrolment: a new secret (not active until confirmed with a code). */
export async function startTwoFactorSetup(ctx: ActorContext) {
  const user = await getUserRow(ctx);
  if (user.totpEnabledAt) throw new AppError("CONFLICT", "Totrinsbekræftelse er allerede slået til.");
  const secret = newTotpSecret();
  await ctx.db
    .update(appUser)
    .set({ totpSecret: sealTotpSecret(ctx.deps.appKey, user.id, secret) })
    .where(eq(appUser.id, user.id));
  return { secret, ...(await totpEnrolment(secret, user.email)) };
}

/** Confirms enrolment with a code from the app; returns one-time recovery codes (shown once). */
export async function enableTwoFactor(ctx: ActorContext, code: string) {
  const user = await getUserRow(ctx);
  if (user.totpEnabledAt) throw new AppError("CONFLICT", "Totrinsbekræftelse er allerede slået til.");
  if (!user.totpSecret) throw new AppError("BAD_REQUEST", "Start opsætningen først.");
  if (!(await verifyTotp(openTotpSecret(ctx.deps.appKey, user.id, user.totpSecret), code, ctx.now()))) {
    throw new AppError(
      "INVALID_TWO_FACTOR_CODE",
      "Koden passer ikke. Tjek at uret på din telefon er rigtigt, og prøv den nyeste kode.",
    );
  }
  const { codes, hashes } = newRecoveryCodes();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(appUser)
      .set({ totpEnabledAt: ctx.now(), recoveryCodeHashes: hashes, updatedAt: ctx.now() })
      .where(eq(appUser.id, user.id));
    await tx
      .update(session)
      .set({ isTwoFactorVerified: true })
      .where(eq(session.tokenHash, ctx.session.tokenHash));
    await ctx.audit(tx, { type: "auth.two_factor_enabled", subjectId: user.id, payload: {} });
  });
  return { recoveryCodes: codes };
}

/** Turns two-factor off after a valid code; refused when an organisation of the user requires it. */
export async function disableTwoFactor(ctx: ActorContext, code: string) {
  const user = await getUserRow(ctx);
  if (!user.totpEnabledAt || !user.totpSecret)
    throw new AppError("CONFLICT", "Totrinsbekræftelse er ikke slået til.");
  const actor = await loadActor(ctx.db, user.id);
  if (actor.requiresTwoFactor) {
    throw new AppError("FORBIDDEN", "Din organisation kræver totrinsbekræftelse, så den kan ikke slås fra.");
  }
  if (!(await verifyTotp(openTotpSecret(ctx.deps.appKey, user.id, user.totpSecret), code, ctx.now()))) {
    throw new AppError("INVALID_TWO_FACTOR_CODE", "Koden er forkert eller udløbet.");
  }
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(appUser)
      .set({ totpEnabledAt: null, totpSecret: null, recoveryCodeHashes: [], updatedAt: ctx.now() })
      .where(eq(appUser.id, user.id));
    await ctx.audit(tx, {
      type: "auth.two_factor_disabled",
      subjectId: user.id,
      payload: { byAdmin: false },
    });
  });
}
