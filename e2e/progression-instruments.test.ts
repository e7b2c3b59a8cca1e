import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CourseMeasurements, ProjectInstrument, TrackSchedule } from "../src/contracts/progression.js";
import { danishDateOf } from "../src/domain/casework/danish-time.js";
import { baseUrl, expectNoAxeViolations, hasChromium, launchBrowser, maybeScreenshot } from "./browser.js";
import { DEMO_PASSWORD, login, nav, newPage, settle } from "./session.js";

/*
 * A project manager looks after the project's instruments and schedules (issue 5 §1–2): she succeeds
 * the employment ladder with a version 2 whose question is worded differently, sees that version 1 —
 * already used for a measurement — cannot be edited, and adds the ladder to the ordinary track's
 * schedule. The schedule is put back afterwards through the API, so the other journeys meet the demo.
 */

const PROJECT = "Familiebehandling på modersmål – Vejle";
const LADDER = "Trin mod beskæftigelse";
const OLD_LABEL = "Nuværende trin";
const NEW_LABEL = "Hvor står den voksne på vejen mod selvforsørgelse?";
const ORDINARY = "Almindelig familiebehandling";

/** A signed-in API client for the demo user (cookie and CSRF token), outside the browser. */
async function apiAs(email: string) {
  const res = await fetch(`${baseUrl()}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(res.status, `login ${email}`).toBe(200);
  const cookie = res.headers.getSetCookie()[0]!.split(";")[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const call = async <T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> => {
    const r = await fetch(`${baseUrl()}/api${path}`, {
      method,
      headers: { cookie, "x-csrf-token": csrfToken, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: r.status, body: (await r.json()) as T };
  };
  return call;
}

let browser: Browser;
let page: Page;
let projectId: string;
let ordinaryBefore: TrackSchedule;

/** Makes sure version 1 of the employment ladder is in use: Sara records a step for a parent. */
async function recordLadderMeasurement() {
  const sara = await apiAs("sagsbehandler@vejle.demo");
  const families = await sara<{ items: { courseId: string | null; courseState: string | null }[] }>(
    "GET",
    "/families?limit=100",
  );
  const today = danishDateOf(new Date());
  for (const f of families.body.items.filter((x) => x.courseId && x.courseState === "active")) {
    const view = await sara<CourseMeasurements>("GET", `/courses/${f.courseId}/measurements`);
    const parent = view.body.members.find((m) => m.role === "parent");
    if (!view.body.canRecord || !parent) continue;
    const recorded = await sara("POST", `/courses/${f.courseId}/measurements`, {
      instrumentCode: "employment-ladder",
      subject: { kind: "person", personId: parent.personId },
      measuredOn: today,
      respondent: "caseworker",
      values: { step: "activation" },
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    return;
  }
  throw new Error("No active course of Sara's with a parent to measure");
}

beforeAll(async () => {
  if (!hasChromium) return;
  browser = await launchBrowser();
  const pm = await apiAs("projektleder@vejle.demo");
  const projects = await pm<{ items: { id: string; name: string }[] }>("GET", "/projects");
  projectId = projects.body.items.find((p) => p.name === PROJECT)!.id;
  await recordLadderMeasurement();
  const instruments = await pm<ProjectInstrument[]>("GET", `/projects/${projectId}/instruments`);
  const ladder = instruments.body.find((i) => i.code === "employment-ladder")!;
  expect(ladder.versions.map((v) => [v.version, v.isInUse])).toEqual([[1, true]]);
  const schedules = await pm<TrackSchedule[]>("GET", `/projects/${projectId}/schedules`);
  ordinaryBefore = schedules.body.find((s) => s.trackCode === "ordinary")!;
  page = await newPage(browser);
  page.context().setDefaultTimeout(15_000);
});

afterAll(async () => {
  if (ordinaryBefore) {
    const pm = await apiAs("projektleder@vejle.demo");
    const restored = await pm("PUT", `/projects/${projectId}/tracks/${ordinaryBefore.trackId}/schedule`, {
      plannedDurationMonths: ordinaryBefore.plannedDurationMonths,
      schedule: ordinaryBefore.schedule,
    });
    expect(restored.status).toBe(200);
  }
  await browser?.close();
});

const section = (name: string | RegExp) =>
  page.getByRole("region", typeof name === "string" ? { name, exact: true } : { name });

describe.skipIf(!hasChromium)("instruments and schedules of a project (Chromium + axe-core)", () => {
  it("the project manager finds the project's instruments; the employment ladder's version 1 is in use", async () => {
    await login(page, "projektleder@vejle.demo");
    await nav(page, "Projekter").click();
    await page.getByRole("link", { name: PROJECT }).click();
    await page.getByRole("heading", { level: 1, name: PROJECT }).waitFor();
    await page.getByRole("link", { name: "Måleredskaber", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Måleredskaber" }).waitFor();
    const row = page.getByRole("row", { name: new RegExp(LADDER) });
    await expect.poll(() => row.textContent()).toContain("Version 1");
    expect(await row.textContent()).toContain("I brug");
    expect(await row.textContent()).toContain("employment-ladder");
    await settle(page);
    await expectNoAxeViolations(page, "instrument list");
    await maybeScreenshot(page, "instruments-list");

    await row.getByRole("link", { name: LADDER }).click();
    await page.getByRole("heading", { level: 1, name: LADDER }).waitFor();
    const version = section("Version 1");
    await version.getByText(/Version 1 er brugt til målinger og kan ikke ændres/).waitFor();
    expect(await version.textContent()).toContain(OLD_LABEL);
    expect(await version.textContent()).toContain("1 point");
    expect(await page.getByRole("link", { name: "Ret version 1" }).count()).toBe(0);
    await settle(page);
    await expectNoAxeViolations(page, "instrument, version 1 in use");
    await maybeScreenshot(page, "instrument-version-1");
  });

  it("she makes version 2 with the question worded differently; the form shows the domain's message at the field", async () => {
    await page.getByRole("link", { name: "Lav version 2" }).click();
    await page.getByRole("heading", { level: 1, name: "Ny version 2" }).waitFor();
    const item = section(/^Spørgsmål 1:/);
    const label = item.getByRole("textbox", { name: /^Spørgsmål eller felt/ });
    expect(await label.inputValue()).toBe(OLD_LABEL);
    // The answers of the ladder came along from version 1.
    expect(await item.getByRole("textbox", { name: /^Svarmulighed 5/ }).inputValue()).toBe("Selvforsørgende");

    await label.fill("");
    await page.getByRole("button", { name: "Gem som version 2" }).click();
    await item.getByText("Udfyld feltet").waitFor();
    expect(await label.getAttribute("aria-invalid")).toBe("true");
    await settle(page);
    await expectNoAxeViolations(page, "new version with an error");
    await maybeScreenshot(page, "instrument-new-version-error");

    await label.fill(NEW_LABEL);
    await page.getByRole("button", { name: "Gem som version 2" }).click();
    await page.getByRole("heading", { level: 1, name: LADDER }).waitFor();
    await page.getByText(`Version 2 af »${LADDER}« er gemt`).waitFor();
    const shown = section("Version 2");
    await expect.poll(() => shown.textContent()).toContain(NEW_LABEL);
    expect(await shown.textContent()).toContain("Ingen målinger har brugt version 2 endnu");
    await page.getByRole("link", { name: "Ret version 2" }).waitFor();
    const versions = await section("Versioner").textContent();
    expect(versions).toMatch(/Version 2.*Nyeste.*Ikke brugt endnu.*Vis version 1.*I brug/);
    await settle(page);
    await expectNoAxeViolations(page, "instrument with version 2");
    await maybeScreenshot(page, "instrument-version-2");
  });

  it("version 1 keeps its wording and cannot be edited, not even at its edit address", async () => {
    await page.getByRole("link", { name: "Vis version 1" }).click();
    const old = section("Version 1");
    await old.getByText(/Version 1 er brugt til målinger og kan ikke ændres/).waitFor();
    expect(await old.textContent()).toContain(OLD_LABEL);
    expect(await old.textContent()).not.toContain(NEW_LABEL);
    expect(await old.textContent()).toContain("Nye målinger bruger version 2.");
    expect(await page.getByRole("link", { name: "Ret version 1" }).count()).toBe(0);

    await page.goto(`${page.url().split("?")[0]}/versions/1/edit`);
    const refusal = page.getByRole("alert").filter({ hasText: "Versionen kan ikke rettes" });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain("Lav en ny version i stedet");
    expect(await page.getByRole("button", { name: /^Gem/ }).count()).toBe(0);
    await settle(page);
    await expectNoAxeViolations(page, "edit address of a version in use");
    await maybeScreenshot(page, "instrument-version-1-edit-refused");
  });

  it("she adds the ladder for each adult to the ordinary track's schedule; a bad follow-up is refused in its row", async () => {
    await page.getByRole("link", { name: PROJECT }).click();
    await page.getByRole("link", { name: "Måleplaner for sporene" }).click();
    await page.getByRole("heading", { level: 1, name: "Måleplaner" }).waitFor();
    const track = section(ORDINARY);
    const rowsBefore = ordinaryBefore.schedule?.entries.length ?? 0;
    await settle(page);
    await expectNoAxeViolations(page, "schedules");
    await maybeScreenshot(page, "schedules");

    await track.getByRole("button", { name: `Ret måleplanen for ${ORDINARY}` }).click();
    const editor = page.getByRole("form", { name: `Ret måleplanen for ${ORDINARY}` });
    await editor.getByRole("button", { name: "Tilføj måling" }).click();
    const n = rowsBefore + 1;
    await editor.getByRole("combobox", { name: `Måleredskab, række ${n}` }).selectOption({ label: LADDER });
    const whom = editor.getByRole("combobox", { name: `Hvem, række ${n}` });
    // The ladder is about adults: a child or the family is not offered.
    const offered = await whom.locator("option").allTextContents();
    expect(offered).toContain("Hver voksen");
    expect(offered).not.toContain("Hvert barn");
    expect(offered).not.toContain("Familien");
    await whom.selectOption({ label: "Hver voksen" });
    await editor.getByRole("textbox", { name: `Nulpunkt inden (uger), række ${n}` }).fill("8");
    await editor.getByRole("textbox", { name: `Hver (måneder), række ${n}` }).fill("6");
    const followUps = editor.getByRole("textbox", { name: `Opfølgning (mdr. efter), række ${n}` });
    await followUps.fill("12, et år");
    await editor.getByRole("button", { name: "Gem måleplan" }).click();
    await editor.getByText("Skriv hele måneder adskilt af komma, fx 12, 24").waitFor();
    expect(await followUps.getAttribute("aria-invalid")).toBe("true");
    await settle(page);
    await expectNoAxeViolations(page, "schedule editor with an error");
    await maybeScreenshot(page, "schedule-editor-error");

    await followUps.fill("12");
    await editor.getByRole("button", { name: "Gem måleplan" }).click();
    await page.getByText(`Måleplanen for ${ORDINARY} er gemt.`).waitFor();
    await editor.waitFor({ state: "detached" });
    const added = track.getByRole("row", { name: new RegExp(LADDER) });
    await expect.poll(() => added.textContent()).toContain("Hver voksen");
    expect(await added.textContent()).toMatch(/inden 8 uger.*hver 6\. måned.*Ja.*12 mdr\. efter.*± 14 dage/);
    expect(await track.getByRole("row").count()).toBe(rowsBefore + 2);
    await settle(page);
    await expectNoAxeViolations(page, "schedules after saving");
    await maybeScreenshot(page, "schedules-saved");
  });

  it("the investor of the project sees the instruments and schedules, but nothing to change", async () => {
    const investor = await newPage(browser);
    await login(investor, "investor@fond.demo");
    await investor.goto(`${baseUrl()}/projects/${projectId}/schedules`);
    await investor.getByRole("heading", { level: 1, name: "Måleplaner" }).waitFor();
    await investor.getByText("Kun projektets projektledere kan ændre dem").waitFor();
    expect(await investor.getByRole("button", { name: /^Ret måleplan/ }).count()).toBe(0);
    await investor.goto(`${baseUrl()}/projects/${projectId}/instruments`);
    await investor.getByRole("row", { name: new RegExp(LADDER) }).waitFor();
    expect(await investor.getByRole("link", { name: "Nyt måleredskab" }).count()).toBe(0);
    await settle(investor);
    await expectNoAxeViolations(investor, "instruments, read only");
    await investor.context().close();
  });
});
