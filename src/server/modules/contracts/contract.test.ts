import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../../../test/test-app.js";
import { createVejleContract } from "../../../domain/contract/index.js";
import { auditEvent, ledgerEntry, settlementStatement } from "../../db/schema/index.js";

let t: TestApp;
let pm: TestClient;
let finance: TestClient;
let investor: TestClient;
let evaluator: TestClient;
let caseworker: TestClient;
let rodovre: TestClient;
let contractId: string;
let projectId: string;

/** The Vejle example's terms as a project manager would send them (parties come from the project). */
function vejleTerms(overrides: Record<string, unknown> = {}) {
  const {
    contractId: _c,
    version: _v,
    parties: _p,
    amendment: _a,
    acceptances: _acc,
    ...terms
  } = createVejleContract();
  return { ...terms, title: "Testkontrakt", ...overrides };
}

beforeAll(async () => {
  t = await createTestApp();
  pm = await t.login("projektleder@vejle.demo");
  finance = await t.login("okonomi@vejle.demo");
  investor = await t.login("investor@fond.demo");
  evaluator = await t.login("evaluator@evaluering.demo");
  caseworker = await t.login("sagsbehandler@vejle.demo");
  rodovre = await t.login("sagsbehandler@rodovre.demo");
  projectId = t.seed.projectIds.vejle;
  contractId = t.seed.contracts.contractId;
});
afterAll(() => t.close());

const statementsOf = async (client: TestClient, id = contractId) =>
  (await (await client.get(`/api/contracts/${id}/statements`)).json()).items as {
    id: string;
    kind: string;
    state: string;
    totalOre: number;
  }[];

describe("the demo contract", () => {
  it("lists the Vejle contract for its parties: version 1 in force, version 2 awaiting acceptances", async () => {
    const res = await pm.get(`/api/projects/${projectId}/contracts`);
    expect(res.status).toBe(200);
    const [c] = (await res.json()).items;
    expect(c).toMatchObject({
      id: contractId,
      currentVersion: 2,
      versionInForce: 1,
      investmentOre: 480_000_000,
    });
    const detail = await (await investor.get(`/api/contracts/${contractId}`)).json();
    expect(detail.versions).toHaveLength(2);
    expect(detail.versions[0].isFullyAccepted).toBe(true);
    expect(detail.versions[1].missingAcceptances.map((p: { role: string }) => p.role).sort()).toEqual([
      "evaluator",
      "investor",
      "provider",
    ]);
    expect(detail.abilities).toMatchObject({ manage: false, approve: true, seesFamilies: false });
  });

  it("has a locked interim statement whose repayment is booked once, and a final statement in draft", async () => {
    const items = await statementsOf(pm);
    const interim = items.find((s) => s.kind === "interim")!;
    const final = items.find((s) => s.kind === "final")!;
    expect(interim.state).toBe("locked");
    expect(final.state).toBe("draft");
    const ledger = await (await pm.get(`/api/contracts/${contractId}/ledger`)).json();
    expect(ledger.disbursedOre).toBe(480_000_000);
    const repayments = ledger.items.filter((e: { statementId: string }) => e.statementId === interim.id);
    expect(repayments).toHaveLength(interim.totalOre > 0 ? 1 : 0);
  });

  it("refuses a Rødovre caseworker and a Vejle caseworker (no contract role) at every contract address", async () => {
    for (const path of [`/api/contracts/${contractId}`, `/api/contracts/${contractId}/statements`]) {
      expect([403, 404]).toContain((await rodovre.get(path)).status);
      expect([403, 404]).toContain((await caseworker.get(path)).status);
    }
  });
});

describe("who sees what in a statement", () => {
  it("shows the project manager each family by name, and the evaluator pseudonyms only", async () => {
    const final = (await statementsOf(pm)).find((s) => s.kind === "final")!;
    const mine = await (await pm.get(`/api/statements/${final.id}`)).json();
    expect(mine.showsFamilies).toBe(true);
    const lines = mine.tracks.flatMap((tr: { goals: { familyLines: unknown[] }[] }) =>
      tr.goals.flatMap((g) => g.familyLines),
    ) as { familyId: string; label: string }[];
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.some((l) => l.label.startsWith("Familien "))).toBe(true);
    const theirs = await (await evaluator.get(`/api/statements/${final.id}`)).json();
    expect(theirs.isPseudonymised).toBe(true);
    const text = JSON.stringify(theirs);
    for (const l of lines) {
      expect(text).not.toContain(l.familyId);
      expect(text).not.toContain(l.label);
    }
    expect(text).toMatch(/"label":"F-[0-9A-HJKMNP-TV-Z]{8}"/);
  });

  it("shows the investor money and suppressed aggregates, and no family, name or id anywhere", async () => {
    const final = (await statementsOf(pm)).find((s) => s.kind === "final")!;
    const pmView = await (await pm.get(`/api/statements/${final.id}`)).json();
    const ids = pmView.tracks.flatMap(
      (tr: { goals: { familyLines: { familyId: string; label: string }[] }[] }) =>
        tr.goals.flatMap((g) => g.familyLines.flatMap((l) => [l.familyId, l.label])),
    ) as string[];
    const res = await investor.get(`/api/statements/${final.id}`);
    expect(res.status).toBe(200);
    const view = await res.json();
    expect(view.showsFamilies).toBe(false);
    expect(view.suppression).toEqual({ minCellSize: 5 });
    expect(view.totalOre).toBe(pmView.totalOre);
    const text = JSON.stringify(view);
    for (const id of new Set(ids)) expect(text).not.toContain(id);
    expect(text).not.toContain("familyLines");
    // Every shown count of a group is 0 or at least 5.
    const counts = view.tracks.flatMap((tr: { goals: Record<string, unknown>[] }) =>
      tr.goals.flatMap((g) => [g.met, g.notMet, g.notMeasurable]),
    ) as ({ value: number } | { suppressed: true })[];
    for (const c of counts) if ("value" in c) expect(c.value === 0 || c.value >= 5).toBe(true);
    // The personal routes stay closed to the investor.
    expect((await investor.get("/api/families")).status).not.toBe(200);
  });

  it("writes a read of the families to the audit log, with its purpose", async () => {
    const final = (await statementsOf(pm)).find((s) => s.kind === "final")!;
    await pm.get(`/api/statements/${final.id}`);
    const rows = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.eventType, "statement.viewed"), eq(auditEvent.subjectId, final.id)));
    expect(rows.some((r) => r.purpose === "resultatafregning")).toBe(true);
  });
});

describe("validation and approval of the final statement", () => {
  let finalId: string;
  beforeAll(async () => {
    finalId = (await statementsOf(pm)).find((s) => s.kind === "final")!.id;
  });

  it("refuses an approval before the evaluator has validated, and a validation by anyone else", async () => {
    const early = await finance.post(`/api/statements/${finalId}/approve`, { reason: "" });
    expect(early.status).toBe(409);
    expect((await early.json()).error.message).toMatch(/valideres af evaluator/);
    expect((await finance.post(`/api/statements/${finalId}/validate`, {})).status).toBe(403);
  });

  it("the evaluator validates; municipality and investor approve; a double approval books nothing twice", async () => {
    const v = await evaluator.post(`/api/statements/${finalId}/validate`, {
      reason: "Målingerne er tjekket",
    });
    expect(v.status).toBe(200);
    expect((await v.json()).state).toBe("validated");
    const a = await finance.post(`/api/statements/${finalId}/approve`, { reason: "" });
    expect((await a.json()).state).toBe("approved");
    const before = await t.db.select().from(ledgerEntry).where(eq(ledgerEntry.statementId, finalId));
    expect(before).toHaveLength(0);
    // A double click: two approvals at once, and one more afterwards.
    const [b1, b2] = await Promise.all([
      investor.post(`/api/statements/${finalId}/approve`, { reason: "" }),
      investor.post(`/api/statements/${finalId}/approve`, { reason: "" }),
    ]);
    expect([b1.status, b2.status]).toEqual([200, 200]);
    const again = await investor.post(`/api/statements/${finalId}/approve`, { reason: "" });
    expect(again.status).toBe(200);
    const view = await again.json();
    expect(view.state).toBe("locked");
    const booked = await t.db.select().from(ledgerEntry).where(eq(ledgerEntry.statementId, finalId));
    expect(booked).toHaveLength(view.totalOre > 0 ? 1 : 0);
    if (view.totalOre > 0) expect(booked[0]!.amountOre).toBe(view.totalOre);
    expect(view.events.filter((e: { event: string }) => e.event === "approved")).toHaveLength(2);
  });

  it("a locked statement cannot be recomputed, nor changed in the database", async () => {
    const res = await pm.post(`/api/statements/${finalId}/recompute`, {});
    expect(res.status).toBe(409);
    await expect(
      t.db.update(settlementStatement).set({ totalOre: 1 }).where(eq(settlementStatement.id, finalId)),
    ).rejects.toThrow();
    await expect(t.db.delete(ledgerEntry).where(eq(ledgerEntry.contractId, contractId))).rejects.toThrow();
  });

  it("a correction is an adjusting statement that refers to the locked one", async () => {
    const res = await pm.post(`/api/statements/${finalId}/adjustments`, { reason: "Sen måling" });
    expect(res.status).toBe(200);
    const adj = await res.json();
    expect(adj).toMatchObject({ kind: "adjustment", adjustsStatementId: finalId, state: "draft" });
    expect(adj.adjustment).not.toBeNull();
    // Nothing changed since locking, so the adjustment moves no money.
    expect(adj.totalOre).toBe(0);
  });
});

describe("setting up a contract", () => {
  let created: string;

  it("the project manager creates a contract from the Vejle terms; the parties are the project's", async () => {
    const res = await pm.post(`/api/projects/${projectId}/contracts`, { terms: vejleTerms() });
    expect(res.status).toBe(201);
    const c = await res.json();
    created = c.id;
    expect(c.versions[0].parties.map((p: { role: string }) => p.role).sort()).toEqual([
      "evaluator",
      "investor",
      "payer",
      "provider",
    ]);
    expect(c.versions[0].isFullyAccepted).toBe(false);
    const audit = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.eventType, "contract.created"), eq(auditEvent.subjectId, created)));
    expect(audit).toHaveLength(1);
  });

  it("refuses bad terms with Danish messages at the field, and writes nothing", async () => {
    const count = async () =>
      Number(
        (
          (await t.db.execute(sql`select count(*)::int as n from outcome_contract`)) as unknown as {
            rows: { n: number }[];
          }
        ).rows[0]!.n,
      );
    const before = await count();
    const base = vejleTerms();
    const badWeights = structuredClone(base);
    badWeights.tracks[0]!.goals[0]!.payment = {
      kind: "weighted",
      weightBps: 5_000,
      thresholdBps: 3_000,
      targetBps: 8_000,
    };
    const thresholdAbove = structuredClone(base);
    thresholdAbove.tracks[0]!.goals[1]!.payment = {
      kind: "weighted",
      weightBps: 3_000,
      thresholdBps: 7_000,
      targetBps: 6_000,
    };
    const unmeasured = structuredClone(base);
    // The ordinary track does not measure placement risk.
    unmeasured.tracks[0]!.goals[2]!.outcomeRule = { ruleId: "no-child-placed-or-at-risk", ruleVersion: 1 };
    const negativePremium = { ...base, riskPremium: { kind: "rate", rateBps: -100 } };
    const cases: [unknown, RegExp, RegExp][] = [
      [badWeights, /tracks\.0\.goals/, /100 %/],
      [thresholdAbove, /tracks\.0\.goals\.1\.payment\.thresholdBps/, /Tærsklen/],
      [unmeasured, /tracks\.0\.goals\.2\.outcomeRule/, /./],
      [negativePremium, /riskPremium/, /./],
    ];
    for (const [terms, path, message] of cases) {
      const res = await pm.post(`/api/projects/${projectId}/contracts`, { terms });
      expect(res.status).toBe(400);
      const { error } = await res.json();
      const hit = (error.details as { path: string; message: string }[]).find((d) => path.test(d.path));
      expect(hit, JSON.stringify(error.details)).toBeDefined();
      expect(hit!.message).toMatch(message);
    }
    expect(await count()).toBe(before);
  });

  it("an amendment is a new version with its reason; a stale one gets 409", async () => {
    const terms = vejleTerms({ title: "Testkontrakt (ændret)", validFrom: "2022-02-01" });
    const res = await pm.post(`/api/contracts/${created}/versions`, {
      terms,
      reason: "Trivselsmålet er fastsat",
      basedOnVersion: 1,
    });
    expect(res.status).toBe(200);
    const c = await res.json();
    expect(c.currentVersion).toBe(2);
    expect(c.versions[1]).toMatchObject({ version: 2, reason: "Trivselsmålet er fastsat" });
    const stale = await pm.post(`/api/contracts/${created}/versions`, {
      terms,
      reason: "Samtidig ændring",
      basedOnVersion: 1,
    });
    expect(stale.status).toBe(409);
  });

  it("parties accept for themselves; the investor cannot accept for the municipality", async () => {
    const c = await (await pm.get(`/api/contracts/${created}`)).json();
    const parties = c.versions[1].parties as { organisationId: string; role: string }[];
    const payer = parties.find((p) => p.role === "payer")!;
    const inv = parties.find((p) => p.role === "investor")!;
    const body = (org: string) => ({
      partyOrganisationId: org,
      acceptedByName: "Ida Investor",
      acceptedOn: "2022-02-01",
    });
    expect(
      (await investor.post(`/api/contracts/${created}/versions/2/acceptances`, body(payer.organisationId)))
        .status,
    ).toBe(403);
    const ok = await investor.post(
      `/api/contracts/${created}/versions/2/acceptances`,
      body(inv.organisationId),
    );
    expect(ok.status).toBe(200);
    const twice = await investor.post(
      `/api/contracts/${created}/versions/2/acceptances`,
      body(inv.organisationId),
    );
    const after = await twice.json();
    expect(after.versions[1].acceptances).toHaveLength(1);
  });

  it("books a disbursement once per Idempotency-Key, and refuses one without a key", async () => {
    const body = { amountOre: 100_000_00, bookedOn: "2022-03-01", note: "Første rate" };
    const headers = { "idempotency-key": "test-key-0001" };
    const first = await pm.call("POST", `/api/contracts/${created}/ledger/disbursements`, body, headers);
    expect(first.status).toBe(201);
    const second = await pm.call("POST", `/api/contracts/${created}/ledger/disbursements`, body, headers);
    expect(second.status).toBe(200);
    expect((await second.json()).items).toHaveLength(1);
    expect((await pm.post(`/api/contracts/${created}/ledger/disbursements`, body)).status).toBe(400);
  });
});

describe("forecast and INDIGO export", () => {
  it("forecasts the repayment in four scenarios, none ≤ expected ≤ all met ≤ cap, with its method", async () => {
    const f = await (await finance.get(`/api/contracts/${contractId}/forecast`)).json();
    const by = Object.fromEntries(
      f.scenarios.map((s: { key: string; totalOre: number }) => [s.key, s.totalOre]),
    );
    expect(by.none).toBeLessThanOrEqual(by.expected);
    expect(by.expected).toBeLessThanOrEqual(by["all-met"]);
    expect(by["all-met"]).toBeLessThanOrEqual(f.capOre);
    expect(f.method).toMatch(/Afsluttede familier/);
  });

  it("exports the contract in the INDIGO shape, with no family in it", async () => {
    const res = await investor.post(`/api/contracts/${contractId}/indigo`, {
      visibility: { name: "PUBLIC" },
    });
    expect(res.status).toBe(200);
    const out = await res.json();
    expect(JSON.stringify(out)).toContain("4800000");
    const bad = await investor.post(`/api/contracts/${contractId}/indigo`, {
      visibility: { nonsense: "PUBLIC" },
    });
    expect(bad.status).toBe(400);
  });
});
