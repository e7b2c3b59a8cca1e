import { afterEach, describe, expect, it, vi } from "vitest";
import { savePlan } from "./plan-queries.js";

afterEach(() => vi.unstubAllGlobals());

describe("savePlan", () => {
  it("sends the version the edit was based on as If-Match, and the plan and note as the body", async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ version: 4 }), { status: 200 }));
    vi.stubGlobal("fetch", fetchMock);
    await savePlan("c-1", { plan: { goals: [], measures: [] }, note: "Ny version", baseVersion: 3 });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/courses/c-1/plan");
    expect(init.method).toBe("PUT");
    expect((init.headers as Record<string, string>)["If-Match"]).toBe('"3"');
    expect(JSON.parse(String(init.body))).toEqual({ plan: { goals: [], measures: [] }, note: "Ny version" });
  });

  it("rejects with the server's STALE_VERSION error on 409", async () => {
    const body = {
      error: { code: "STALE_VERSION", message: "Jonas gemte version 4 kl. 10:02: 1 mål tilføjet." },
    };
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response(JSON.stringify(body), { status: 409 })),
    );
    await expect(
      savePlan("c-1", { plan: { goals: [], measures: [] }, note: "", baseVersion: 3 }),
    ).rejects.toMatchObject({ status: 409, code: "STALE_VERSION", message: body.error.message });
  });
});
