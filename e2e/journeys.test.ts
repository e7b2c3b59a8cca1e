import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, expectNoAxeViolations, hasChromium, launchBrowser, maybeScreenshot } from "./browser.js";

const PASSWORD = "bundlinje-demo";
const EVERYONE = ["Overblik", "Projekter"];
const ADMIN = [...EVERYONE, "Organisationer", "Brugere", "Revisionslog"];
/**
 * Roles with businessCase.read also see the business cases and the price catalogue; the parties of a
 * contract (finance, investor) also the outcome contracts.
 */
const BUSINESS_CASES_AND_CONTRACTS = [...EVERYONE, "Businesscases", "Resultatkontrakter", "Priskatalog"];
/** The evaluator validates statements: the contracts, no business cases. */
const EVALUATOR = [...EVERYONE, "Resultatkontrakter"];
/**
 * Roles with case work see the families and the referral inbox after the overview; those who do the
 * work (family.write) their tasks; those with caseload.read the caseloads (a caseworker: their own);
 * those with measurement.read the progression of the project's families.
 */
const CASEWORK = [
  "Overblik",
  "Familier",
  "Henvisninger",
  "Mine opgaver",
  "Sagsstammer",
  "Progression",
  "Projekter",
];
const CASEWORK_AND_BUSINESS_CASES = [...CASEWORK, "Businesscases", "Priskatalog"];
/** A project manager follows the cases of the project, reads caseloads, and does no case work. */
const PROJECT_MANAGER = [
  "Overblik",
  "Familier",
  "Henvisninger",
  "Sagsstammer",
  "Progression",
  "Projekter",
  "Businesscases",
  "Resultatkontrakter",
  "Priskatalog",
];

/** Each demo user and the navigation their role should show (DOMAIN.md "Who uses it"). */
const DEMO_USERS: { email: string; nav: string[]; role: string }[] = [
  { email: "admin@bundlinje.demo", nav: ADMIN, role: "Platformadministrator" },
  { email: "sagsbehandler@vejle.demo", nav: CASEWORK, role: "Sagsbehandler" },
  { email: "leder@vejle.demo", nav: CASEWORK_AND_BUSINESS_CASES, role: "Teamleder" },
  { email: "projektleder@vejle.demo", nav: PROJECT_MANAGER, role: "Projektleder" },
  { email: "okonomi@vejle.demo", nav: BUSINESS_CASES_AND_CONTRACTS, role: "Økonomikonsulent" },
  { email: "konsulent@modersmaal.demo", nav: CASEWORK, role: "Familiekonsulent" },
  { email: "investor@fond.demo", nav: BUSINESS_CASES_AND_CONTRACTS, role: "Investor" },
  { email: "evaluator@evaluering.demo", nav: EVALUATOR, role: "Evaluator" },
  { email: "sagsbehandler@rodovre.demo", nav: CASEWORK, role: "Sagsbehandler" },
];

let browser: Browser;
beforeAll(async () => {
  if (hasChromium) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: "da-DK", viewport: { width: 1280, height: 860 } });
  return context.newPage();
}

async function login(page: Page, email: string) {
  await page.goto(`${baseUrl()}/`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Adgangskode", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Log ind" }).click();
  await page.getByRole("navigation", { name: "Hovedmenu" }).waitFor();
}

async function navLinks(page: Page): Promise<string[]> {
  return (await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link").allInnerTexts()).map(
    (s) => s.trim(),
  );
}

describe.skipIf(!hasChromium)("browser journeys (Chromium + axe-core)", () => {
  it("the login page is accessible and explains a wrong password", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl()}/`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await expectNoAxeViolations(page, "login");
    await maybeScreenshot(page, "login");
    await page.getByLabel("E-mail").fill("leder@vejle.demo");
    await page.getByLabel("Adgangskode", { exact: true }).fill("forkert-adgangskode");
    await page.getByRole("button", { name: "Log ind" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("forkert");
    await expectNoAxeViolations(page, "login with error");
    await page.context().close();
  });

  for (const user of DEMO_USERS) {
    it(`${user.email} signs in and sees the navigation of a ${user.role}`, async () => {
      const page = await newPage();
      await login(page, user.email);
      expect(await navLinks(page)).toEqual(user.nav);
      await expect.poll(() => page.locator("main").textContent()).toContain(user.role);
      await expectNoAxeViolations(page, `home of ${user.email}`);
      await page.context().close();
    });
  }

  it("the platform admin's pages are accessible: projects, organisations, users, audit, account, not found", async () => {
    const page = await newPage();
    await login(page, "admin@bundlinje.demo");
    await maybeScreenshot(page, "home-admin");
    const visits: [string, string][] = [
      ["Projekter", "projects"],
      ["Organisationer", "organisations"],
      ["Brugere", "users"],
      ["Revisionslog", "audit"],
    ];
    for (const [link, name] of visits) {
      await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: link }).click();
      await page.getByRole("heading", { level: 1, name: new RegExp(link, "i") }).waitFor();
      await page.waitForLoadState("networkidle");
      await expectNoAxeViolations(page, name);
      await maybeScreenshot(page, name);
    }
    // A project's detail page, reached from the list.
    await page
      .getByRole("navigation", { name: "Hovedmenu" })
      .getByRole("link", { name: "Projekter" })
      .click();
    await page.getByRole("link", { name: "Familiebehandling på modersmål – Vejle" }).click();
    await page.getByRole("heading", { level: 1, name: "Familiebehandling på modersmål – Vejle" }).waitFor();
    await page.waitForLoadState("networkidle");
    await expectNoAxeViolations(page, "project detail");
    await maybeScreenshot(page, "project-detail");
    for (const [path, name] of [
      ["/account/two-factor", "two-factor"],
      ["/account/password", "password"],
      ["/this-page-does-not-exist", "not-found"],
    ] as const) {
      await page.goto(`${baseUrl()}${path}`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      await page.waitForLoadState("networkidle");
      await expectNoAxeViolations(page, name);
      await maybeScreenshot(page, name);
    }
    await page.context().close();
  });

  it("switches the interface to English and back", async () => {
    const page = await newPage();
    await login(page, "leder@vejle.demo");
    await page.getByRole("button", { name: /Brugermenu/ }).click();
    await page.getByRole("menuitem", { name: "English" }).click();
    await expect
      .poll(() => navLinksNamed(page, "Main menu"))
      .toEqual([
        "Overview",
        "Families",
        "Referrals",
        "My tasks",
        "Caseloads",
        "Progression",
        "Projects",
        "Business cases",
        "Price catalogue",
      ]);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.getByRole("button", { name: /User menu/ }).click();
    await page.getByRole("menuitem", { name: "Dansk" }).click();
    await expect.poll(() => navLinksNamed(page, "Hovedmenu")).toEqual(CASEWORK_AND_BUSINESS_CASES);
    await page.context().close();
  });

  it("a Rødovre caseworker does not reach Vejle's project by URL", async () => {
    const admin = await newPage();
    await login(admin, "admin@bundlinje.demo");
    await admin
      .getByRole("navigation", { name: "Hovedmenu" })
      .getByRole("link", { name: "Projekter" })
      .click();
    await admin.getByRole("link", { name: "Familiebehandling på modersmål – Vejle" }).click();
    await admin.getByRole("heading", { level: 1, name: "Familiebehandling på modersmål – Vejle" }).waitFor();
    const vejleUrl = admin.url();
    await admin.context().close();

    const page = await newPage();
    await login(page, "sagsbehandler@rodovre.demo");
    await page.goto(vejleUrl);
    await expect.poll(() => page.locator("main").textContent()).toMatch(/findes ikke/i);
    expect(await page.locator("main").textContent()).not.toContain("Familiebehandling på modersmål – Vejle");
    await page.context().close();
  });

  it("logs out", async () => {
    const page = await newPage();
    await login(page, "investor@fond.demo");
    await page.getByRole("button", { name: /Brugermenu/ }).click();
    await page.getByRole("menuitem", { name: "Log ud" }).click();
    await page.getByRole("button", { name: "Log ind" }).waitFor();
    const me = await page.request.get(`${baseUrl()}/api/me`);
    expect(me.status()).toBe(401);
    await page.context().close();
  });
});

async function navLinksNamed(page: Page, name: string) {
  return (await page.getByRole("navigation", { name }).getByRole("link").allInnerTexts()).map((s) =>
    s.trim(),
  );
}
