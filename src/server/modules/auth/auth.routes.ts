import type { OpenAPIHono } from "@hono/zod-openapi";
import {
  ChangePasswordInputSchema,
  HealthSchema,
  LoginInputSchema,
  MeSchema,
  RecoveryCodesSchema,
  TwoFactorCodeInputSchema,
  TwoFactorSetupSchema,
  UpdateMeInputSchema,
} from "../../../contracts/auth.js";
import { OkSchema } from "../../../contracts/common.js";
import { AUTHENTICATED, PUBLIC } from "../../../domain/access/index.js";
import type { ActorContext } from "../../context.js";
import type { AppEnv } from "../../http/app-env.js";
import { attachSession } from "../../http/context-middleware.js";
import { defineRoute } from "../../http/define-route.js";
import { body, errorJson, json } from "../../http/openapi-helpers.js";
import { clearSessionCookie, setSessionCookie } from "../../http/session-cookie.js";
import { login } from "./auth.service.js";
import {
  changePassword,
  disableTwoFactor,
  enableTwoFactor,
  getMe,
  startTwoFactorSetup,
  updateLocale,
} from "./me.service.js";
import { endSession } from "./session.repository.js";

const ok = { 200: json(OkSchema, "Done") };

export function registerAuthRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/health",
      tags: ["System"],
      summary: "Is the server up, and which database does it use",
      permission: PUBLIC,
      responses: { 200: json(HealthSchema, "Healthy") },
    }),
    async (c) => {
      const { deps } = c.get("ctx");
      await deps.database.db.execute("select 1");
      return c.json({ status: "ok" as const, database: deps.database.kind, version: deps.version }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/auth/login",
      tags: ["Auth"],
      summary: "Sign in with e-mail and password (and the two-factor code when required)",
      description:
        "Sets an HttpOnly session cookie. Answers 401 TWO_FACTOR_REQUIRED when the account has two-factor and no code was sent; 423 ACCOUNT_LOCKED after 5 failed attempts (30 minutes); 429 when one address tries too often.",
      permission: PUBLIC,
      request: body(LoginInputSchema),
      responses: {
        200: json(MeSchema, "Signed in"),
        423: errorJson("Locked"),
        429: errorJson("Too many attempts"),
      },
    }),
    async (c) => {
      const ctx = c.get("ctx");
      const { token } = await login(ctx, c.req.valid("json"), ctx.deps.loginLimiter);
      setSessionCookie(c, ctx.deps.config, token);
      // Answer with /api/me's body, as if the new cookie had come with the request.
      await attachSession(ctx, token);
      return c.json(await getMe(ctx as ActorContext), 200);
    },
  );

  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/auth/logout",
      tags: ["Auth"],
      summary: "End the session",
      permission: AUTHENTICATED,
      allowDuringTwoFactorEnrolment: true,
      responses: ok,
    }),
    async (c) => {
      const ctx = c.get("ctx") as ActorContext;
      await ctx.db.transaction(async (tx) => {
        await endSession(tx, ctx.session.tokenHash, ctx.now());
        await ctx.audit(tx, { type: "auth.logged_out", subjectId: ctx.actor.userId, payload: {} });
      });
      clearSessionCookie(c, ctx.deps.config);
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/me",
      tags: ["Me"],
      summary: "The signed-in user, memberships, projects, abilities and CSRF token",
      permission: AUTHENTICATED,
      allowDuringTwoFactorEnrolment: true,
      responses: { 200: json(MeSchema, "The signed-in user") },
    }),
    async (c) => c.json(await getMe(c.get("ctx") as ActorContext), 200),
  );

  app.openapi(
    defineRoute({
      method: "patch",
      path: "/api/me",
      tags: ["Me"],
      summary: "Change the interface language",
      permission: AUTHENTICATED,
      allowDuringTwoFactorEnrolment: true,
      request: body(UpdateMeInputSchema),
      responses: ok,
    }),
    async (c) => {
      await updateLocale(c.get("ctx") as ActorContext, c.req.valid("json").locale);
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/me/password",
      tags: ["Me"],
      summary: "Change password (other sessions end)",
      permission: AUTHENTICATED,
      allowDuringTwoFactorEnrolment: true,
      request: body(ChangePasswordInputSchema),
      responses: ok,
    }),
    async (c) => {
      const input = c.req.valid("json");
      await changePassword(c.get("ctx") as ActorContext, input.currentPassword, input.newPassword);
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/me/two-factor/setup",
      tags: ["Me"],
      summary: "Start two-factor enrolment: a secret and a QR code",
      permission: AUTHENTICATED,
      allowDuringTwoFactorEnrolment: true,
      responses: { 200: json(TwoFactorSetupSchema, "Scan the QR code, then confirm with a code") },
    }),
    async (c) => c.json(await startTwoFactorSetup(c.get("ctx") as ActorContext), 200),
  );

  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/me/two-factor/enable",
      tags: ["Me"],
      summary: "Confirm enrolment with a code; returns recovery codes once",
      permission: AUTHENTICATED,
      allowDuringTwoFactorEnrolment: true,
      request: body(TwoFactorCodeInputSchema),
      responses: { 200: json(RecoveryCodesSchema, "Two-factor is on") },
    }),
    async (c) => c.json(await enableTwoFactor(c.get("ctx") as ActorContext, c.req.valid("json").code), 200),
  );

  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/me/two-factor/disable",
      tags: ["Me"],
      summary: "Turn two-factor off (not when the organisation requires it)",
      permission: AUTHENTICATED,
      request: body(TwoFactorCodeInputSchema),
      responses: ok,
    }),
    async (c) => {
      await disableTwoFactor(c.get("ctx") as ActorContext, c.req.valid("json").code);
      return c.json({ ok: true as const }, 200);
    },
  );
}
