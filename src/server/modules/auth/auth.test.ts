import { and, eq } from "drizzle-orm";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/test-app.js";
import { appUser, auditEvent, organisation } from "../../db/schema/index.js";
import { LoginRateLimiter } from "./login-rate-limiter.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const auditTypesFor = async (userId: string) =>
  (
    await t.db
      .select({ type: auditEvent.eventType })
      .from(auditEvent)
      .where(eq(auditEvent.subjectId, userId))
      .orderBy(auditEvent.seq)
  ).map((r) => r.type);

describe("login", () => {
  it("signs in with e-mail and password: HttpOnly SameSite=Lax cookie, /api/me answers with abilities", async () => {
    const res = await t.request("POST", "/api/auth/login", {
      email: "Leder@Vejle.demo",
      password: "bundlinje-demo",
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^bl_session=[\w-]{40,};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    const client = await t.clientFrom(res);
    const me = await (await client.get("/api/me")).json();
    expect(me.user.email).toBe("leder@vejle.demo");
    expect(me.memberships).toEqual([
      expect.objectContaining({ organisationName: "Vejle Kommune", role: "team_leader" }),
    ]);
    expect(me.abilities).toContain("caseload.manage");
    expect(me.abilities).not.toContain("user.manage");
    expect(me.projects.map((p: { name: string }) => p.name)).toEqual([
      "Familiebehandling på modersmål – Vejle",
    ]);
  });

  it("answers 401 without a session", async () => {
    const res = await t.request("GET", "/api/me");
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
  });

  it("refuses a wrong password and an unknown user with the same message, and audits both", async () => {
    const wrong = await t.request("POST", "/api/auth/login", {
      email: "okonomi@vejle.demo",
      password: "not-the-password",
    });
    const unknown = await t.request("POST", "/api/auth/login", {
      email: "nobody@vejle.demo",
      password: "not-the-password",
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await wrong.json()).error.message).toBe((await unknown.json()).error.message);
    const failures = await t.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.eventType, "auth.login_failed"));
    expect(failures.map((f) => f.payload.reason)).toEqual(
      expect.arrayContaining(["bad_password", "unknown_user"]),
    );
    // Payloads never hold the e-mail address that was tried.
    expect(JSON.stringify(failures)).not.toContain("nobody@vejle.demo");
  });

  it("locks the account for 30 minutes after 5 failed attempts, and the lock lifts afterwards", async () => {
    const email = "evaluator@evaluering.demo";
    const userId = t.seed.userIds[email]!;
    for (let i = 1; i <= 4; i++) {
      expect((await t.request("POST", "/api/auth/login", { email, password: `wrong-${i}` })).status).toBe(
        401,
      );
    }
    const fifth = await t.request("POST", "/api/auth/login", { email, password: "wrong-5" });
    expect(fifth.status).toBe(423);
    expect((await fifth.json()).error.code).toBe("ACCOUNT_LOCKED");
    // Even the right password is refused while locked.
    expect((await t.request("POST", "/api/auth/login", { email, password: "bundlinje-demo" })).status).toBe(
      423,
    );
    t.clock.advanceMinutes(29);
    expect((await t.request("POST", "/api/auth/login", { email, password: "bundlinje-demo" })).status).toBe(
      423,
    );
    t.clock.advanceMinutes(2);
    expect((await t.request("POST", "/api/auth/login", { email, password: "bundlinje-demo" })).status).toBe(
      200,
    );
    const types = await auditTypesFor(userId);
    expect(types.filter((x) => x === "auth.account_locked")).toHaveLength(1);
    expect(types.at(-1)).toBe("auth.login_succeeded");
  });

  it("refuses a deactivated user", async () => {
    const admin = await t.login("admin@bundlinje.demo");
    const id = t.seed.userIds["investor@fond.demo"]!;
    const investor = await t.login("investor@fond.demo");
    expect((await admin.post(`/api/users/${id}/deactivate`)).status).toBe(200);
    expect((await investor.get("/api/me")).status).toBe(401); // their sessions ended
    expect(
      (
        await t.request("POST", "/api/auth/login", {
          email: "investor@fond.demo",
          password: "bundlinje-demo",
        })
      ).status,
    ).toBe(401);
    expect((await admin.post(`/api/users/${id}/reactivate`)).status).toBe(200);
    expect(
      (
        await t.request("POST", "/api/auth/login", {
          email: "investor@fond.demo",
          password: "bundlinje-demo",
        })
      ).status,
    ).toBe(200);
  });

  it("rate-limits logins per client address with 429 and Retry-After", async () => {
    const limited = await createTestApp({ loginLimiter: new LoginRateLimiter(3, 60_000) });
    try {
      for (let i = 0; i < 3; i++)
        await limited.request("POST", "/api/auth/login", {
          email: `x${i}@example.dk`,
          password: "whatever-password",
        });
      const res = await limited.request("POST", "/api/auth/login", {
        email: "admin@bundlinje.demo",
        password: "bundlinje-demo",
      });
      expect(res.status).toBe(429);
      expect((await res.json()).error.code).toBe("RATE_LIMITED");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});

describe("sessions", () => {
  it("expire after 30 minutes idle, but not while in use", async () => {
    const c = await t.login("projektleder@vejle.demo");
    t.clock.advanceMinutes(20);
    expect((await c.get("/api/me")).status).toBe(200);
    t.clock.advanceMinutes(20); // 40 minutes after login, 20 after the last request
    expect((await c.get("/api/me")).status).toBe(200);
    t.clock.advanceMinutes(31);
    expect((await c.get("/api/me")).status).toBe(401);
  });

  it("expire 12 hours after login whatever happens", async () => {
    const c = await t.login("projektleder@vejle.demo");
    for (let i = 0; i < 28; i++) {
      t.clock.advanceMinutes(25);
      expect((await c.get("/api/me")).status).toBe(200);
    }
    t.clock.advanceMinutes(25); // 12 h 5 min
    expect((await c.get("/api/me")).status).toBe(401);
  });

  it("end at logout", async () => {
    const c = await t.login("projektleder@vejle.demo");
    const res = await c.post("/api/auth/logout");
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/bl_session=;/);
    expect((await c.get("/api/me")).status).toBe(401);
    expect(await auditTypesFor(c.userId)).toContain("auth.logged_out");
  });
});

describe("CSRF", () => {
  it("rejects a state-changing request without the token, with a wrong token, or from another origin", async () => {
    const c = await t.login("admin@bundlinje.demo");
    const body = JSON.stringify({ name: "Tønder Kommune", kind: "municipality" });
    const send = (headers: Record<string, string>) =>
      t.app.request("/api/organisations", {
        method: "POST",
        headers: { cookie: c.cookie, "content-type": "application/json", ...headers },
        body,
      });
    const attempts: Record<string, string>[] = [
      {},
      { "x-csrf-token": "forged" },
      { "x-csrf-token": c.csrfToken, origin: "https://evil.example" },
    ];
    for (const headers of attempts) {
      const res = await send(headers);
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe("CSRF_REJECTED");
    }
    const [created] = await t.db.select().from(organisation).where(eq(organisation.name, "Tønder Kommune"));
    expect(created).toBeUndefined();
    expect((await send({ "x-csrf-token": c.csrfToken })).status).toBe(201);
  });

  it("rejects a cross-site form post to login (not JSON)", async () => {
    const res = await t.app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=admin%40bundlinje.demo&password=bundlinje-demo",
    });
    expect(res.status).toBe(415);
  });
});

describe("two-factor (TOTP)", () => {
  const email = "okonomi@vejle.demo";
  const codeAt = (secret: string) => generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });

  it("enrols with a QR code, then requires a code at login; recovery codes work once", async () => {
    const c = await t.login(email);
    const setup = await (await c.post("/api/me/two-factor/setup")).json();
    expect(setup.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(setup.otpauthUri).toContain("otpauth://totp/");
    expect((await c.post("/api/me/two-factor/enable", { code: "000000" })).status).toBe(401);
    const enabled = await c.post("/api/me/two-factor/enable", { code: await codeAt(setup.secret) });
    expect(enabled.status).toBe(200);
    const { recoveryCodes } = await enabled.json();
    expect(recoveryCodes).toHaveLength(10);
    // The seed is stored sealed under the application key, never as the secret itself.
    const [stored] = await t.db
      .select({ s: appUser.totpSecret })
      .from(appUser)
      .where(eq(appUser.email, email));
    expect(stored!.s).toMatch(/^v1:/);
    expect(stored!.s).not.toContain(setup.secret);

    const noCode = await t.request("POST", "/api/auth/login", { email, password: "bundlinje-demo" });
    expect(noCode.status).toBe(401);
    expect((await noCode.json()).error.code).toBe("TWO_FACTOR_REQUIRED");
    const badCode = await t.request("POST", "/api/auth/login", {
      email,
      password: "bundlinje-demo",
      totpCode: "123456",
    });
    expect((await badCode.json()).error.code).toBe("INVALID_TWO_FACTOR_CODE");
    t.clock.advanceMinutes(1);
    const good = await t.request("POST", "/api/auth/login", {
      email,
      password: "bundlinje-demo",
      totpCode: await codeAt(setup.secret),
    });
    expect(good.status).toBe(200);

    const withRecovery = { email, password: "bundlinje-demo", recoveryCode: recoveryCodes[0] };
    expect((await t.request("POST", "/api/auth/login", withRecovery)).status).toBe(200);
    expect((await t.request("POST", "/api/auth/login", withRecovery)).status).toBe(401);

    const types = await auditTypesFor(t.seed.userIds[email]!);
    expect(types).toEqual(expect.arrayContaining(["auth.two_factor_enabled", "auth.recovery_code_used"]));
  });

  it("an organisation that requires two-factor confines a user without it to enrolment", async () => {
    await t.db
      .update(organisation)
      .set({ requiresTwoFactor: true })
      .where(eq(organisation.id, t.seed.orgIds.rodovre));
    try {
      const c = await t.login("sagsbehandler@rodovre.demo");
      const me = await (await c.get("/api/me")).json();
      expect(me.mustEnrolTwoFactor).toBe(true);
      const blocked = await c.get("/api/projects");
      expect(blocked.status).toBe(403);
      expect((await blocked.json()).error.code).toBe("TWO_FACTOR_ENROLMENT_REQUIRED");
      const setup = await (await c.post("/api/me/two-factor/setup")).json();
      expect((await c.post("/api/me/two-factor/enable", { code: await codeAt(setup.secret) })).status).toBe(
        200,
      );
      expect((await c.get("/api/projects")).status).toBe(200);
      // …and it cannot be turned off while the organisation requires it.
      t.clock.advanceMinutes(1);
      expect((await c.post("/api/me/two-factor/disable", { code: await codeAt(setup.secret) })).status).toBe(
        403,
      );
    } finally {
      await t.db
        .update(organisation)
        .set({ requiresTwoFactor: false })
        .where(eq(organisation.id, t.seed.orgIds.rodovre));
    }
  });
});

describe("passwords", () => {
  it("refuses short and common passwords, accepts a long passphrase, and ends other sessions", async () => {
    const email = "konsulent@modersmaal.demo";
    const c = await t.login(email);
    const other = await t.login(email);
    for (const newPassword of ["kort123", "password1234", "qwertyuiop123", "konsulent-hemmelig"]) {
      const res = await c.post("/api/me/password", { currentPassword: "bundlinje-demo", newPassword });
      expect(res.status, newPassword).toBe(400);
      expect((await res.json()).error.details[0].path).toBe("newPassword");
    }
    const ok = await c.post("/api/me/password", {
      currentPassword: "bundlinje-demo",
      newPassword: "grøn bus kører til Vejle om morgenen",
    });
    expect(ok.status).toBe(200);
    expect((await c.get("/api/me")).status).toBe(200);
    expect((await other.get("/api/me")).status).toBe(401);
    const [row] = await t.db
      .select({ hash: appUser.passwordHash })
      .from(appUser)
      .where(and(eq(appUser.email, email)));
    expect(row!.hash).toMatch(/^\$argon2id\$/);
    expect(
      (
        await t.request("POST", "/api/auth/login", {
          email,
          password: "grøn bus kører til Vejle om morgenen",
        })
      ).status,
    ).toBe(200);
  });
});
