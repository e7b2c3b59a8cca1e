import fs from "node:fs";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { danishDateOf } from "../src/domain/casework/danish-time.js";
import { baseUrl, expectNoAxeViolations, hasChromium, launchBrowser, maybeScreenshot } from "./browser.js";
import { apiOf, login, nav, newPage, settle } from "./session.js";

/*
 * Issue 6 "Done when", as the parties would do it in Chromium: the project manager sets up the Vejle
 * contract from the worked example and records the parties' signatures, and computes an interim
 * statement; the evaluator validates it (seeing pseudonyms, not names); the municipality's finance
 * controller and the investor approve it — the investor's double click and a retry book the repayment
 * once; the investor sees money and suppressed aggregates and no family; the explanation leads from
 * the total to each goal and, for the project manager, each family; the INDIGO export is produced.
 */

const SUFFIX = Date.now().toString(36).slice(-5);
const TITLE = `Vejle-kontrakten (e2e ${SUFFIX})`;
const PERIOD = `e2e-${SUFFIX}`;
const TODAY = danishDateOf(new Date());

let browser: Browser;
/** Set by the first step, used by the rest. */
let contractId = "";
let statementUrl = "";
let statementId = "";

beforeAll(async () => {
  if (hasChromium) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Text without no-break spaces (the money and number formats use them). */
const plain = (s: string | null) => (s ?? "").replace(/[\u00a0\u202f]/g, " ");

const dialog = (page: Page, name: string | RegExp) => page.getByRole("dialog", { name });

/** Takes a statement step (Validér, Godkend for …) through its dialog, with a reason. */
async function takeStep(page: Page, button: string | RegExp, dialogName: string | RegExp, reason: string) {
  await page.getByRole("button", { name: button }).click();
  const d = dialog(page, dialogName);
  await d.waitFor();
  await d.getByLabel("Begrundelse (valgfri)").fill(reason);
  return d;
}

/** The statement's state badge text ("Kladde", "Valideret", "Delvist godkendt", "Låst"). */
async function expectState(page: Page, state: string) {
  await page.getByText(state, { exact: true }).first().waitFor();
}

describe.skipIf(!hasChromium)("outcome contract from setup to locked statement (Chromium + axe-core)", () => {
  it("the project manager sets up the Vejle contract from the example and records the parties' signatures", async () => {
    const page = await newPage(browser);
    await login(page, "projektleder@vejle.demo");
    await nav(page, "Projekter").click();
    await page.getByRole("link", { name: /Vejle/ }).first().click();
    await page.getByRole("link", { name: "Ny resultatkontrakt" }).click();
    await page.getByRole("heading", { level: 1, name: "Ny resultatkontrakt" }).waitFor();
    await page.getByRole("button", { name: "Udfyld med Vejle-eksemplet" }).click();
    const title = page.getByRole("textbox", { name: "Titel" });
    await expect.poll(() => title.inputValue()).not.toBe("");
    await title.fill(TITLE);
    await settle(page);
    await expectNoAxeViolations(page, "contract form filled with the Vejle example");
    await maybeScreenshot(page, "contract-form-vejle");
    await page.getByRole("button", { name: "Opret kontrakt" }).click();
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    contractId = new URL(page.url()).pathname.split("/").pop()!;
    await page.getByText("Ikke i kraft endnu").first().waitFor();

    // The four parties sign version 1; the project manager records each signature.
    const signers: Record<string, string> = {
      Investor: "Ida Investor, direktør",
      Betaler: "Vibeke Borgmester, kommunaldirektør",
      Leverandør: "Leila Leverandør, leder",
      Evaluator: "Erik Evaluator, forsker",
    };
    for (const [role, signer] of Object.entries(signers)) {
      await page.getByRole("button", { name: "Registrér accept af version 1" }).click();
      const d = dialog(page, "Registrér accept af version 1");
      await d.waitFor();
      const party = d.getByRole("combobox", { name: /^Part/ });
      const option = await party
        .locator("option", { hasText: `(${role})` })
        .first()
        .textContent();
      await party.selectOption({ label: option! });
      await d.getByRole("textbox", { name: /^Underskrevet af/ }).fill(signer);
      await d.getByLabel(/^Dato for underskrift/).fill("2021-12-15");
      if (role === "Evaluator") await expectNoAxeViolations(page, "acceptance dialog");
      await d.getByRole("button", { name: "Registrér accept" }).click();
      await d.waitFor({ state: "detached" });
    }
    await page.getByText("Version 1 gælder").first().waitFor();
    await settle(page);
    await expectNoAxeViolations(page, "contract terms, accepted by all");
    await maybeScreenshot(page, "contract-terms-accepted");

    // An interim statement from the start of the service window until today.
    await page.getByRole("tab", { name: "Opgørelser" }).click();
    await page.getByRole("button", { name: "Ny opgørelse" }).click();
    const create = dialog(page, "Ny opgørelse");
    await create.waitFor();
    await create.getByRole("textbox", { name: /^Navn på perioden/ }).fill(PERIOD);
    await create.getByLabel(/^Fra dato/).fill("2022-01-01");
    await create.getByLabel(/^Til dato/).fill(TODAY);
    await create.getByLabel(/^Afregningsdato/).fill(TODAY);
    await create.getByRole("button", { name: "Beregn opgørelse" }).click();
    await page.waitForURL(/\/statements\/[0-9a-f-]+$/);
    statementUrl = page.url();
    statementId = new URL(statementUrl).pathname.split("/").pop()!;
    await expectState(page, "Kladde");
    await settle(page);
    await expectNoAxeViolations(page, "statement, draft");
    await page.context().close();
  });

  it("the explanation leads from the total to each goal and, for the project manager, each family", async () => {
    const page = await newPage(browser);
    await login(page, "projektleder@vejle.demo");
    await page.goto(statementUrl);
    await page.getByRole("heading", { name: "Sådan er beløbet beregnet" }).waitFor();
    const { body: statement } = await (await apiOf(page)).get(`/statements/${statementId}`);

    // Total: the calculation table ends with the amount to pay, the statement's total.
    const calculation = page.getByRole("table", {
      name: "Fra målenes beløb til det beløb, der skal betales",
    });
    const totalRow = calculation.getByRole("row", { name: /^Til betaling/ });
    expect(plain(await totalRow.textContent())).toContain(kroner(statement.totalOre));

    // Tracks and goals: each track's table lists its goals and sums to the track's amount.
    for (const track of statement.tracks) {
      const table = page.getByRole("table", { name: `Målene i sporet ${track.name}` });
      for (const goal of track.goals)
        await table.getByRole("rowheader", { name: new RegExp(`^${escapeRegExp(goal.name)}`) }).waitFor();
    }

    // Families: the first goal with family lines opens to the families' names and results.
    const goal = statement.tracks.flatMap((t: { goals: unknown[] }) => t.goals)[0] as {
      name: string;
      familyLines: { label: string }[];
    };
    const show = page.getByRole("button", { name: /^Vis familie/ }).first();
    await show.click();
    const lines = page.getByRole("table", { name: `Familierne bag målet »${goal.name}«` });
    await lines.waitFor();
    expect(goal.familyLines.length).toBeGreaterThan(0);
    await lines.getByText(goal.familyLines[0]!.label, { exact: true }).first().waitFor();
    await settle(page);
    await expectNoAxeViolations(page, "statement with a goal's families shown");
    await maybeScreenshot(page, "statement-explanation-families");
    await page.context().close();
  });

  it("the evaluator validates the statement and sees pseudonyms, not names", async () => {
    const page = await newPage(browser);
    await login(page, "evaluator@evaluering.demo");
    await page.goto(statementUrl);
    await expectState(page, "Kladde");
    const d = await takeStep(page, "Validér", "Validér opgørelsen", "Målingerne er gennemgået");
    await d.getByRole("button", { name: "Validér" }).click();
    await d.waitFor({ state: "detached" });
    await expectState(page, "Valideret");
    await page
      .getByRole("button", { name: /^Vis familie/ })
      .first()
      .click();
    await page.getByText("Familierne vises med pseudonymer.").first().waitFor();
    const { body } = await (await apiOf(page)).get(`/statements/${statementId}`);
    const labels = body.tracks.flatMap(
      (t: { goals: { familyLines?: { label: string; familyId?: string }[] }[] }) =>
        t.goals.flatMap((g) => g.familyLines ?? []),
    );
    expect(labels.length).toBeGreaterThan(0);
    for (const line of labels) {
      expect(line.label).toMatch(/^F-[0-9A-HJKMNP-TV-Z]{8}$/);
      expect(line.familyId).toBeUndefined();
    }
    await settle(page);
    await expectNoAxeViolations(page, "statement, validated (evaluator)");
    await page.context().close();
  });

  it("the municipality and the investor approve; a double click and a retry book the repayment once", async () => {
    const finance = await newPage(browser);
    await login(finance, "okonomi@vejle.demo");
    await finance.goto(statementUrl);
    await expectState(finance, "Valideret");
    const d1 = await takeStep(finance, /^Godkend for Vejle/, /^Godkend for Vejle/, "Tallene er afstemt");
    await d1.getByRole("button", { name: "Godkend", exact: true }).click();
    await d1.waitFor({ state: "detached" });
    await expectState(finance, "Delvist godkendt");
    await finance.context().close();

    const investor = await newPage(browser);
    await login(investor, "investor@fond.demo");
    await investor.goto(statementUrl);
    await expectState(investor, "Delvist godkendt");
    const d2 = await takeStep(investor, /^Godkend for /, /^Godkend for /, "Godkendt af fonden");
    await d2.getByRole("button", { name: "Godkend", exact: true }).dblclick();
    await d2.waitFor({ state: "detached" });
    await expectState(investor, "Låst");
    // A retry of the same approval (a network retry, a second tab) changes nothing.
    const api = await apiOf(investor);
    const retry = await api.post(`/statements/${statementId}/approve`, { reason: "igen" });
    expect(retry.status).toBe(200);
    expect(retry.body.state).toBe("locked");
    const { body: ledger } = await api.get(`/contracts/${contractId}/ledger`);
    const booked = ledger.items.filter((e: { statementId: string | null }) => e.statementId === statementId);
    const { body: statement } = await api.get(`/statements/${statementId}`);
    expect(booked).toHaveLength(statement.totalOre === 0 ? 0 : 1);
    if (booked.length === 1) expect(booked[0].amountOre).toBe(statement.totalOre);

    // The ledger tab shows it once too.
    await investor.getByRole("link", { name: TITLE }).first().click();
    await investor.getByRole("tab", { name: "Posteringer" }).click();
    const rows = investor.getByRole("row").filter({ hasText: `Tilbagebetaling efter ${PERIOD}` });
    await expect.poll(() => rows.count()).toBe(booked.length);
    await settle(investor);
    await expectNoAxeViolations(investor, "ledger (investor)");
    await investor.context().close();
  });

  it("the investor sees money and suppressed aggregates, and no family by any address", async () => {
    const manager = await newPage(browser);
    await login(manager, "projektleder@vejle.demo");
    const { body: full } = await (await apiOf(manager)).get(`/statements/${statementId}`);
    const familyLines: { familyId: string; label: string }[] = full.tracks.flatMap(
      (t: { goals: { familyLines: { familyId: string; label: string }[] }[] }) =>
        t.goals.flatMap((g) => g.familyLines),
    );
    await manager.context().close();

    const page = await newPage(browser);
    await login(page, "investor@fond.demo");
    await page.goto(statementUrl);
    await expectState(page, "Låst");
    await page.getByRole("heading", { name: "Investorens resultat" }).waitFor();
    await settle(page);
    expect(await page.getByRole("button", { name: /^Vis familie/ }).count()).toBe(0);
    const text = plain(await page.locator("main").textContent());
    expect(text).toContain(kroner(full.totalOre));
    for (const line of familyLines) expect(text).not.toContain(line.label);
    // A track with fewer than 5 families shows "skjult" instead of its counts.
    const small = full.tracks.filter((t: { families: { value: number } }) => t.families.value < 5);
    if (small.length > 0) await page.getByText("Nogle tal er skjult").first().waitFor();
    await expectNoAxeViolations(page, "statement (investor)");
    await maybeScreenshot(page, "statement-investor");

    // Nothing personal through the API either: no family id in the statement, and a family's page is
    // not found.
    const api = await apiOf(page);
    const { body: seen } = await api.get(`/statements/${statementId}`);
    const json = JSON.stringify(seen);
    for (const line of familyLines) expect(json).not.toContain(line.familyId);
    const familyId = familyLines[0]!.familyId;
    expect((await api.get(`/families/${familyId}`)).status).toBe(404);
    await page.goto(`${baseUrl()}/families/${familyId}`);
    await page.getByRole("heading", { level: 1, name: "Siden findes ikke" }).waitFor();
    await page.context().close();
  });

  it("the project manager exports the contract in the INDIGO format", async () => {
    const page = await newPage(browser);
    await login(page, "projektleder@vejle.demo");
    await page.goto(`${baseUrl()}/contracts/${contractId}`);
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await page.getByRole("button", { name: "Eksportér INDIGO" }).click();
    const d = dialog(page, "Eksportér til INDIGO");
    await d.waitFor();
    await expectNoAxeViolations(page, "INDIGO export dialog");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      d.getByRole("button", { name: "Download JSON-fil" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^indigo-.*\.json$/);
    const indigo = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
    // The INDIGO "project" is the contract; its actual payments name the statement locked above.
    expect(indigo.id).toBe(`BUNDLINJE-${contractId}`);
    const actual = (indigo.data.outcome_payments as { type: { value: string }; notes?: string }[]).filter(
      (p) => p.type.value === "Actual",
    );
    expect(actual.length).toBeGreaterThan(0);
    expect(actual.every((p) => p.notes?.includes(statementId) && p.notes.includes(PERIOD))).toBe(true);
    await page.context().close();
  });
});

/** An amount in øre as the app writes it in Danish, e.g. "1.234.567,89 kr." → "1.234.567,89". */
function kroner(ore: number): string {
  const sign = ore < 0 ? "-" : "";
  const abs = Math.abs(ore);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${sign}${whole},${String(abs % 100).padStart(2, "0")}`;
}

function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export type { Locator };
