import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../../../test/test-app.js";
import {
  createRodovreScenario,
  RODOVRE_PUBLISHED_12_5,
  RODOVRE_VARIANT_25_ID,
} from "../../../domain/business-case/index.js";
import { auditEvent, businessCase } from "../../db/schema/index.js";

let t: TestApp;
let pm: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  pm = await t.login("projektleder@vejle.demo");
});
afterAll(() => t.close());

const rodovre = () => createRodovreScenario({ startYear: 2024 });

describe("POST /api/business-cases/calculate", () => {
  it("reproduces the published Rødovre table within ±150,000 DKK (the engine through the API)", async () => {
    const res = await pm.post("/api/business-cases/calculate", { scenario: rodovre() });
    expect(res.status).toBe(200);
    const { result } = await res.json();
    RODOVRE_PUBLISHED_12_5.forEach((published, i) => {
      const y = result.years[i];
      expect(Math.abs(y.savingsOre - published.savedOre)).toBeLessThanOrEqual(150_000_00);
      expect(Math.abs(y.accumulatedOre - published.accumulatedOre)).toBeLessThanOrEqual(150_000_00);
    });
    expect(result.payback.isPaidBack).toBe(true);
    expect(Math.round(result.payback.years)).toBe(7);
  });

  it("runs the 25 % variant, the tornado and a seeded Monte Carlo (same seed → same numbers)", async () => {
    const input = {
      scenario: rodovre(),
      variantId: RODOVRE_VARIANT_25_ID,
      sensitivity: true,
      monteCarlo: {
        seed: 7,
        draws: 500,
        uncertainties: [
          {
            parameter: { kind: "successRatePct" },
            distribution: { kind: "triangular", min: 15, mode: 25, max: 35 },
          },
        ],
      },
    };
    const a = await (await pm.post("/api/business-cases/calculate", input)).json();
    const b = await (await pm.post("/api/business-cases/calculate", input)).json();
    expect(a.monteCarlo).toEqual(b.monteCarlo);
    expect(a.sensitivity.bars.length).toBeGreaterThan(3);
    const base = await (await pm.post("/api/business-cases/calculate", { scenario: rodovre() })).json();
    expect(a.result.accumulatedAtHorizonOre).toBeGreaterThan(base.result.accumulatedAtHorizonOre);
  });

  it("answers bad input with a message per field", async () => {
    const s = rodovre();
    const bad = {
      ...s,
      successRatePct: 140,
      horizonYears: 31,
      capacity: { ...s.capacity, courseLengthMonths: "atten" },
      costLines: [{ ...s.costLines[0]!, amountOre: -100 }, ...s.costLines.slice(1)],
      effects: [{ ...s.effects[0]!, priceRef: "does-not-exist" }, ...s.effects.slice(1)],
    };
    const res = await pm.post("/api/business-cases/calculate", { scenario: bad });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    const paths = error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "scenario.successRatePct",
        "scenario.horizonYears",
        "scenario.capacity.courseLengthMonths",
        "scenario.costLines.0.amountOre",
        "scenario.effects.0.priceRef",
      ]),
    );
    for (const d of error.details) expect(d.message).toMatch(/[a-zæøå]/i);
  });
});

describe("saved business cases", () => {
  it("creates, saves versions with a diff, refuses a stale save, duplicates, and audits each step", async () => {
    const created = await pm.post("/api/business-cases", {
      organisationId: t.seed.orgIds.vejle,
      projectId: t.seed.projectIds.vejle,
      name: "Rødovre-modellen i Vejle",
      scenario: rodovre(),
    });
    expect(created.status).toBe(201);
    const bc = await created.json();
    expect(bc.currentVersion).toBe(1);
    expect(bc.canEdit).toBe(true);
    const v2 = await pm.post(`/api/business-cases/${bc.id}/versions`, {
      scenario: { ...rodovre(), successRatePct: 25 },
      note: "25 %",
      basedOnVersion: 1,
    });
    expect(v2.status).toBe(201);
    const stale = await pm.post(`/api/business-cases/${bc.id}/versions`, {
      scenario: rodovre(),
      note: "gammel",
      basedOnVersion: 1,
    });
    expect(stale.status).toBe(409);
    const diff = await (await pm.get(`/api/business-cases/${bc.id}/diff?from=1&to=2`)).json();
    expect(diff.changes).toEqual([{ path: "successRatePct", before: 12.5, after: 25 }]);
    const versions = await (await pm.get(`/api/business-cases/${bc.id}/versions`)).json();
    expect(
      versions.items.map(
        (v: { version: number; createdByName: string }) => `${v.version}:${v.createdByName}`,
      ),
    ).toEqual(["2:Pia Projektleder", "1:Pia Projektleder"]);
    const copy = await pm.post(`/api/business-cases/${bc.id}/duplicate`, { name: "Kopi til byrådet" });
    expect(copy.status).toBe(201);
    expect((await copy.json()).current.scenario.successRatePct).toBe(25);
    const events = await t.db
      .select({ type: auditEvent.eventType })
      .from(auditEvent)
      .where(eq(auditEvent.subjectId, bc.id));
    expect(events.map((e) => e.type)).toEqual(["businessCase.created", "businessCase.version_saved"]);
    // Saved versions are immutable in the database itself.
    await expect(t.db.execute(sql`UPDATE business_case_version SET note = 'x'`)).rejects.toThrow();
  });

  it("a saved version with bad input is refused and nothing is written", async () => {
    const before = (await t.db.select().from(businessCase)).length;
    const res = await pm.post("/api/business-cases", {
      organisationId: t.seed.orgIds.vejle,
      name: "Ugyldig",
      scenario: { ...rodovre(), horizonYears: 0 },
    });
    expect(res.status).toBe(400);
    expect((await t.db.select().from(businessCase)).length).toBe(before);
  });

  it("team leaders read but cannot edit; investors see only cases shared with their project", async () => {
    const leader = await t.login("leder@vejle.demo");
    const list = await (await leader.get("/api/business-cases")).json();
    const vejleCase = list.items.find(
      (b: { name: string }) => b.name === "Familiebehandling på modersmål – businesscase",
    );
    expect(vejleCase).toBeDefined();
    expect((await (await leader.get(`/api/business-cases/${vejleCase.id}`)).json()).canEdit).toBe(false);
    expect(
      (
        await leader.post(`/api/business-cases/${vejleCase.id}/versions`, {
          scenario: rodovre(),
          basedOnVersion: 1,
        })
      ).status,
    ).toBe(403);

    const investor = await t.login("investor@fond.demo");
    const seen = await (await investor.get("/api/business-cases")).json();
    expect(seen.items.map((b: { name: string }) => b.name)).toEqual([
      "Familiebehandling på modersmål – businesscase",
    ]);
    const unshared = list.items.find((b: { isSharedWithParties: boolean }) => !b.isSharedWithParties);
    expect((await investor.get(`/api/business-cases/${unshared.id}`)).status).toBe(404);
    // Rødovre's case is invisible to Vejle.
    const rodovreCase = (
      await t.db.select().from(businessCase).where(eq(businessCase.organisationId, t.seed.orgIds.rodovre))
    )[0]!;
    expect((await leader.get(`/api/business-cases/${rodovreCase.id}`)).status).toBe(404);
  });

  it("exports an XLSX workbook with inputs, yearly results and a Monte Carlo summary", async () => {
    const list = await (await pm.get("/api/business-cases")).json();
    const id = list.items[0].id;
    const res = await pm.get(`/api/business-cases/${id}/export.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Forudsætninger",
      "Resultater",
      "Følsomhed",
      "Monte Carlo",
    ]);
    expect(wb.getWorksheet("Resultater")!.getRow(1).getCell(4).value).toBe("Besparelser (kr.)");
    expect(Number(wb.getWorksheet("Resultater")!.getRow(2).getCell(1).value)).toBe(1);
  });
});

describe("price catalogue", () => {
  it("lists the national catalogue with sources, and lets a finance controller add own prices", async () => {
    const okonomi = await t.login("okonomi@vejle.demo");
    const list = await (await okonomi.get("/api/unit-prices")).json();
    const foster = list.items.find((p: { code: string }) => p.code === "foster-family-child-year");
    expect(foster).toMatchObject({
      amountOre: 47_000_000,
      priceYear: 2019,
      isExample: false,
      organisationId: null,
    });
    expect(foster.sourceText).toContain("Benchmarkingenheden");
    const input = {
      organisationId: t.seed.orgIds.vejle,
      code: "vejle-mentor-hour",
      name: "Mentortime (Vejle)",
      unit: "per-hour",
      amountOre: 52_500,
      priceYear: 2025,
      payerSharesPct: { municipality: 100, region: 0, state: 0 },
      sourceText: "Vejle Kommunes kontrakt 2025",
    };
    const created = await okonomi.post("/api/unit-prices", input);
    expect(created.status).toBe(201);
    expect((await okonomi.post("/api/unit-prices", { ...input, amountOre: -1 })).status).toBe(400);
    expect(
      (
        await okonomi.post("/api/unit-prices", {
          ...input,
          payerSharesPct: { municipality: 50, region: 0, state: 0 },
        })
      ).status,
    ).toBe(400);
    // The national catalogue is not editable from a municipality.
    expect(
      (await okonomi.patch(`/api/unit-prices/${foster.id}`, { amountOre: 1, version: foster.version }))
        .status,
    ).toBe(403);
    const index = await (await okonomi.get(`/api/price-index?organisationId=${t.seed.orgIds.vejle}`)).json();
    expect(index.rows.find((r: { year: number }) => r.year === 2024).indexValue).toBe(100);
  });
});

describe("CLI", () => {
  it("`bundlinje business-case` prints the same numbers as the API", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bundlinje-cli-")), "rodovre.json");
    fs.writeFileSync(file, JSON.stringify(rodovre()));
    const root = path.resolve(import.meta.dirname, "../../../..");
    const out = execFileSync(
      process.execPath,
      [path.join(root, "scripts/bundlinje.mjs"), "business-case", file, "--format", "json"],
      { encoding: "utf8" },
    );
    const cli = JSON.parse(out).result;
    const api = (await (await pm.post("/api/business-cases/calculate", { scenario: rodovre() })).json())
      .result;
    expect(cli.years).toEqual(api.years);
    expect(cli.npvOre).toBe(api.npvOre);
    fs.writeFileSync(file, JSON.stringify({ ...rodovre(), successRatePct: 101 }));
    let failed: { status: number; stderr: string } | undefined;
    try {
      execFileSync(process.execPath, [path.join(root, "scripts/bundlinje.mjs"), "business-case", file], {
        encoding: "utf8",
        stdio: "pipe",
      });
    } catch (err) {
      failed = err as { status: number; stderr: string };
    }
    expect(failed?.status).toBe(1);
    expect(failed?.stderr).toContain("successRatePct");
  }, 60_000);
});
