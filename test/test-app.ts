import { inject } from "vitest";
import type { Clock } from "../src/server/context.js";
import type { Database } from "../src/server/db/client.js";
import { createApp } from "../src/server/http/app.js";
import { setLogLevel } from "../src/server/http/logger.js";
import { LoginRateLimiter } from "../src/server/modules/auth/login-rate-limiter.js";
import { DEMO_PASSWORD } from "../src/server/seed/demo-data.js";
import { type SeedResult, TEST_SEEDED_AT } from "./seeded-template.js";
import { testConfig } from "./test-config.js";
import { createTestDatabase } from "./test-db.js";

setLogLevel("silent");

/** A clock the test moves by hand. */
export class FakeClock implements Clock {
  constructor(private current: Date) {}
  now() {
    return new Date(this.current.getTime());
  }
  advanceMinutes(minutes: number) {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/**
 * The whole app over a fresh migrated database with the demo tenants, seeded once per run (Vejle, Rødovre, provider,
 * investor, evaluator), a fake clock, and helpers to call it as a signed-in user.
 */
export async function createTestApp(options: { loginLimiter?: LoginRateLimiter } = {}) {
  const database: Database = await createTestDatabase();
  const clock = new FakeClock(TEST_SEEDED_AT);
  const { appKeyHex, seedJson } = inject("seededTemplate");
  const appKey = Buffer.from(appKeyHex, "hex");
  const seed = JSON.parse(seedJson) as SeedResult;
  const app = createApp({
    database,
    config: testConfig,
    clock,
    version: "test",
    loginLimiter: options.loginLimiter ?? new LoginRateLimiter(1000),
    appKey,
  });

  /** Calls the app without a session. */
  const request = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method,
      headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });

  /** Signs in and returns a client that sends the cookie and the CSRF token. */
  const login = async (email: string, password = DEMO_PASSWORD, extra: Record<string, string> = {}) => {
    const res = await request("POST", "/api/auth/login", { email, password, ...extra });
    if (res.status !== 200) throw new Error(`login ${email} → ${res.status} ${await res.text()}`);
    return clientFrom(res);
  };

  const clientFrom = async (loginResponse: Response) => {
    const cookie = loginResponse.headers.get("set-cookie")!.split(";")[0]!;
    const me = (await loginResponse.json()) as { csrfToken: string; user: { id: string } };
    const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      request(method, path, body, { cookie, "x-csrf-token": me.csrfToken, ...headers });
    return {
      cookie,
      csrfToken: me.csrfToken,
      userId: me.user.id,
      call,
      get: (path: string) => call("GET", path),
      post: (path: string, body?: unknown) => call("POST", path, body ?? {}),
      patch: (path: string, body: unknown) => call("PATCH", path, body),
      del: (path: string) => call("DELETE", path),
    };
  };

  return {
    app,
    database,
    db: database.db,
    clock,
    seed,
    /** The application key the app runs with (it sealed the demo CPR numbers). */
    appKey,
    request,
    login,
    clientFrom,
    close: () => database.close(),
  };
}

export type TestClient = Awaited<ReturnType<TestApp["login"]>>;
