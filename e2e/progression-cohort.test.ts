import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CourseMeasurements } from "../src/contracts/progression.js";
import type { CohortView } from "../src/contracts/progression-cohort.js";
import { danishDateOf } from "../src/domain/casework/danish-time.js";
import { baseUrl, expectNoAxeViolations, hasChromium, launchBrowser, maybeScreenshot } from "./browser.js";
import { DEMO_PASSWORD, login, nav, newPage, settle } from "./session.js";

/*
 * The project manager follows the project's progression (issue 5 §4, §2): she opens "Progression"
 * from the menu, reads how the figures are computed, sees the share of families improved / unchanged /
 * worse and the median month by month, opens the families behind a figure and goes on to one of them;
 * she switches to school absence (counted per child), and then looks at the data-quality list, filters
 * it and opens a course's issues. The demo seed has measurements for the Vejle families; should it not
 * (another engineer adds them), the set-up records a few through the API. No exact demo count is assumed.
 */

const PROJECT = "Familiebehandling på modersmål – Vejle";

/** A signed-in API client for a demo user (cookie and CSRF token), outside the browser. */
async function apiAs(email: string) {
  const res = await fetch(`${baseUrl()}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(res.status, `login ${email}`).toBe(200);
  const cookie = res.headers.getSetCookie()[0]!.split(";")[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const r = await fetch(`${baseUrl()}/api${path}`, {
      method,
      headers: { cookie, "x-csrf-token": csrfToken, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: r.status, body: (await r.json()) as T };
  };
}

/** Records the family's well-being in the first two open or missed slots of a few courses, if the seed has none. */
async function ensureWellBeingValues(projectId: string) {
  const pm = await apiAs("projektleder@vejle.demo");
  const view = await pm<CohortView>("GET", `/projects/${projectId}/progression/cohort`);
  expect(view.status).toBe(200);
  if (view.body.toLatest.measurable >= 2) return;
  const leader = await apiAs("leder@vejle.demo");
  const families = await leader<{ items: { courseId: string | null }[] }>("GET", "/families?limit=100");
  const today = danishDateOf(new Date());
  let recorded = 0;
  for (const f of families.body.items) {
    if (!f.courseId || recorded >= 4) continue;
    const course = await leader<CourseMeasurements>("GET", `/courses/${f.courseId}/measurements`);
    const slots = course.body.due
      .filter((d) => d.instrumentCode === "well-being" && d.subject.kind === "family")
      .filter((d) => d.status === "open" || d.status === "overdue")
      .slice(0, 2);
    for (const [i, slot] of slots.entries()) {
      const day = [slot.windowTo, today].sort()[0]!; // the earlier of the two days
      const res = await leader("POST", `/courses/${f.courseId}/measurements`, {
        instrumentCode: "well-being",
        subject: { kind: "family" },
        measuredOn: day,
        respondent: "parent",
        values: { "well-being": i === 0 ? 3 : 7 },
      });
      if (res.status === 201) recorded++;
    }
  }
}

let browser: Browser;
let page: Page;
let projectId: string;

beforeAll(async () => {
  if (!hasChromium) return;
  browser = await launchBrowser();
  const pm = await apiAs("projektleder@vejle.demo");
  const projects = await pm<{ items: { id: string; name: string }[] }>("GET", "/projects");
  projectId = projects.body.items.find((p) => p.name === PROJECT)!.id;
  await ensureWellBeingValues(projectId);
  page = await newPage(browser);
  page.context().setDefaultTimeout(15_000);
  await login(page, "projektleder@vejle.demo");
});
afterAll(async () => {
  await browser?.close();
});

const sharesTable = () =>
  page.getByRole("region", { name: "Forbedret, uændret eller forværret" }).getByRole("table");

describe.skipIf(!hasChromium)("the project's progression and data quality (Chromium + axe-core)", () => {
  it("the project manager opens Progression from the menu and sees the figures with the method stated", async () => {
    await nav(page, "Progression").click();
    await page.getByRole("heading", { level: 1, name: "Progression" }).waitFor();
    await page.getByRole("heading", { level: 2, name: PROJECT }).waitFor();
    await settle(page);
    await expectNoAxeViolations(page, "progression landing page");
    await page.getByRole("article", { name: PROJECT }).getByRole("link", { name: "Se progression" }).click();
    await page.waitForURL(/\/projects\/[^/]+\/progression/);
    const method = page.getByRole("region", { name: "Sådan er tallene regnet" });
    await method.waitFor();
    // Well-being of the family is the default: a change of at least 2 points counts.
    expect(await method.textContent()).toMatch(
      /En familie regnes som forbedret.*mindst 2 point.*højere er bedre/,
    );
    expect(await method.textContent()).toMatch(/inden for 6 uger/);
    await sharesTable().waitFor();
    expect(await page.getByText(/forløb i udvalget/).textContent()).toMatch(
      /\d+ familier har mindst én måling/,
    );
    const overTime = page.getByRole("region", { name: "Udvikling måned for måned" });
    await overTime.getByRole("img").first().waitFor();
    await settle(page, 800);
    await expectNoAxeViolations(page, "cohort view");
    await maybeScreenshot(page, "progression-cohort");
  });

  it("a figure opens the families behind it, each linking to the family's measurements", async () => {
    const figure = sharesTable().getByRole("button").first();
    const name = (await figure.textContent()) ?? "";
    const count = Number(name.match(/^\d+/)?.[0]);
    expect(count).toBeGreaterThan(0);
    await figure.click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("table").waitFor();
    expect(await dialog.getByText(/Listen viser personoplysninger/).count()).toBe(1);
    const links = dialog.getByRole("link", { name: /^Åbn målingerne for / });
    expect(await links.count()).toBe(Math.min(count, 50));
    await settle(page);
    await expectNoAxeViolations(page, "families behind a figure");
    await maybeScreenshot(page, "progression-cohort-courses");
    const familyName = (await links.first().textContent()) ?? "";
    await links.first().click();
    await page.waitForURL(/\/families\/[^?]+\?.*tab=measurements/);
    await page.getByRole("heading", { level: 1, name: familyName }).waitFor();
    await page.goBack();
    await sharesTable().waitFor();
  });

  it("school absence is counted per child, and the month table shows the quartiles", async () => {
    await page.getByRole("combobox", { name: "Måleredskab" }).selectOption({ label: "Skolefravær" });
    const method = page.getByRole("region", { name: "Sådan er tallene regnet" });
    await expect
      .poll(() => method.textContent())
      .toMatch(/Et familiemedlem regnes som forbedret.*mindst 5 procentpoint.*lavere er bedre/);
    expect(await page.getByRole("combobox", { name: "Hvem tælles" }).count()).toBe(0);
    await page.waitForURL(/instrument=school-absence/);
    const overTime = page.getByRole("region", { name: "Udvikling måned for måned" });
    const toggle = overTime.getByRole("button", { name: "Vis tallene som tabel" });
    if (await toggle.count()) {
      await toggle.click();
      await overTime.getByRole("columnheader", { name: "Median" }).waitFor();
    }
    await settle(page, 800);
    await expectNoAxeViolations(page, "cohort view, school absence per child");
    await maybeScreenshot(page, "progression-cohort-absence");
  });

  it("the data-quality list shows the courses with missing, late, duplicate or out-of-range measurements", async () => {
    await page.getByRole("link", { name: "Datakvalitet" }).click();
    await page.getByRole("heading", { level: 1, name: "Datakvalitet" }).waitFor();
    const rules = page.getByRole("region", { name: "Sådan findes fejlene" });
    expect(await rules.textContent()).toMatch(/Uden for skalaen: et svar, som skalaen i den version/);
    await page.getByRole("region", { name: "Overblik" }).waitFor();
    await settle(page);
    await expectNoAxeViolations(page, "data-quality list");
    await maybeScreenshot(page, "data-quality");

    await page.getByRole("combobox", { name: "Type" }).selectOption({ label: "Mangler" });
    await page.waitForURL(/kind=missing/);
    await settle(page);
    const rows = page
      .getByRole("table")
      .first()
      .getByRole("button", { name: /^Vis \d+ fejl$/ });
    if ((await rows.count()) > 0) {
      await rows.first().click();
      const details = page.getByRole("table", { name: /^Fejl i målingerne for / });
      await details.waitFor();
      expect(await details.getByText("Mangler").count()).toBeGreaterThan(0);
      await settle(page);
      await expectNoAxeViolations(page, "data-quality list, a course's issues");
      await maybeScreenshot(page, "data-quality-issues");
      const family = page
        .getByRole("table")
        .first()
        .getByRole("link", { name: /^Åbn målingerne for / })
        .first();
      await family.click();
      await page.waitForURL(/\/families\/[^?]+\?.*tab=measurements/);
    } else {
      await page.getByText("Ingen fejl, der passer til filtrene.").waitFor();
    }
  });

  it("the project page links to both views", async () => {
    await page.goto(`${baseUrl()}/projects/${projectId}`);
    const links = page.getByRole("region", { name: "Resultater af målingerne" });
    await links.getByRole("link", { name: "Progression" }).waitFor();
    await links.getByRole("link", { name: "Datakvalitet" }).click();
    await page.getByRole("heading", { level: 1, name: "Datakvalitet" }).waitFor();
  });
});
