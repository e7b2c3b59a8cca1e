import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
};

function expectSecurityHeaders(res: Response) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS))
    expect(res.headers.get(name), name).toBe(value);
  const csp = res.headers.get("content-security-policy")!;
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(csp).toContain("frame-ancestors 'none'");
}

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = await res.json();
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe("string");
  expect(body.error.message.length).toBeGreaterThan(5);
  expectSecurityHeaders(res);
  return body.error;
}

describe("API conventions", () => {
  it("GET /api/health tells the database kind and version", async () => {
    const res = await t.request("GET", "/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: "ok",
      database: process.env.TEST_DB === "postgres" ? "postgres" : "pglite",
      version: "test",
    });
    expectSecurityHeaders(res);
  });

  it("malformed JSON → 400 MALFORMED_JSON", async () => {
    await expectError(await t.request("POST", "/api/auth/login", "{ not json"), 400, "MALFORMED_JSON");
  });

  it("validation errors → 400 with per-field details in Danish", async () => {
    const admin = await t.login("admin@bundlinje.demo");
    const error = await expectError(
      await admin.post("/api/projects", { name: "x", startsOn: "2026-02-30", tracks: [] }),
      400,
      "VALIDATION_FAILED",
    );
    const paths = error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["organisationId", "name", "startsOn", "endsOn", "tracks"]));
    expect(error.details.find((d: { path: string }) => d.path === "startsOn").message).toContain(
      "gyldig dato",
    );
  });

  it("unknown API route → 404 NOT_FOUND", async () => {
    await expectError(await t.request("GET", "/api/does-not-exist"), 404, "NOT_FOUND");
  });

  it("a body over 1 MB → 413 PAYLOAD_TOO_LARGE", async () => {
    const big = JSON.stringify({ email: "a@b.dk", password: "x".repeat(1_100_000) });
    const res = await t.app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(big.length) },
      body: big,
    });
    await expectError(res, 413, "PAYLOAD_TOO_LARGE");
  });

  it("an id that is not a uuid → 400, an unknown id → 404", async () => {
    const admin = await t.login("admin@bundlinje.demo");
    await expectError(await admin.get("/api/projects/not-a-uuid"), 400, "VALIDATION_FAILED");
    await expectError(
      await admin.get("/api/projects/00000000-0000-4000-8000-000000000000"),
      404,
      "NOT_FOUND",
    );
  });

  it("an unexpected failure → 500 with a request id and nothing internal", async () => {
    const broken = await createTestApp();
    const admin = await broken.login("admin@bundlinje.demo");
    await broken.database.close(); // the database goes away under a running app
    const res = await admin.get("/api/projects");
    const error = await expectError(res, 500, "INTERNAL");
    expect(error.requestId).toBe(res.headers.get("x-request-id"));
    expect(error.message).toContain(error.requestId);
    expect(JSON.stringify(error)).not.toMatch(/select|from "project"|stack|at \w+ \(/i);
  });

  it("the OpenAPI 3.1 document and the reference page are served", async () => {
    const doc = await (await t.request("GET", "/api/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(["ErrorResponse", "Me", "Project", "User"]),
    );
    const page = await t.request("GET", "/api/docs");
    expect(page.status).toBe(200);
    expect(await page.text()).not.toMatch(/<script>[^<]/); // no inline script under the CSP
  });
});
