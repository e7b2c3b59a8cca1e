import fs from "node:fs";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RODOVRE_PUBLISHED_12_5 } from "../src/domain/business-case/index.js";
import { baseUrl, expectNoAxeViolations, hasChromium, launchBrowser, maybeScreenshot } from "./browser.js";

const PASSWORD = "bundlinje-demo";
/** The golden test's tolerance: ±150,000 DKK per year. */
const TOLERANCE_KRONER = 150_000;

let browser: Browser;
beforeAll(async () => {
  if (hasChromium) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({
    locale: "da-DK",
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  return context.newPage();
}

async function login(page: Page, email: string) {
  await page.goto(`${baseUrl()}/`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Adgangskode", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Log ind" }).click();
  await page.getByRole("navigation", { name: "Hovedmenu" }).waitFor();
}

/** "−2.321.250 kr." → −2321250 (whole kroner as shown). */
function kronerOf(text: string): number {
  const negative = /^[\s]*[-−]/.test(text);
  const digits = text.replace(/[^\d]/g, "");
  return (negative ? -1 : 1) * Number(digits);
}

/** The text of the first element a locator finds, with no-break spaces as plain spaces ("" when none). */
async function textOf(locator: Locator): Promise<string> {
  return ((await locator.first().textContent()) ?? "").replace(/[\u00a0\u202f]/g, " ");
}

async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  // Results follow the editor after a short debounce; charts draw after their chunk loads.
  await page.waitForTimeout(400);
}

describe.skipIf(!hasChromium)("business-case studio (Chromium + axe-core)", () => {
  it("a project manager builds the Rødovre case, checks it against the published table, compares 12,5 % with 25 %, runs Monte Carlo, downloads XLSX and opens the report", async () => {
    const page = await newPage();
    await login(page, "projektleder@vejle.demo");

    // The list, reached from the navigation.
    await page
      .getByRole("navigation", { name: "Hovedmenu" })
      .getByRole("link", { name: "Businesscases" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Businesscases" }).waitFor();
    await settle(page);
    await expectNoAxeViolations(page, "business-case list");
    await maybeScreenshot(page, "bc-list");

    // A new business case from the Rødovre example.
    await page.getByRole("link", { name: "Ny businesscase" }).click();
    await page.getByRole("heading", { level: 1, name: "Ny businesscase" }).waitFor();
    await page.getByLabel(/Rødovre-eksemplet/).check();
    await expect
      .poll(() => page.getByRole("textbox", { name: "Navn", exact: true }).inputValue())
      .toContain("Rødovre");
    await page
      .getByRole("textbox", { name: "Navn", exact: true })
      .fill("Rødovre: Invester før det sker (e2e)");
    await expectNoAxeViolations(page, "new business case");
    await page.getByRole("button", { name: "Ny businesscase" }).click();
    await page.getByRole("heading", { level: 1, name: "Rødovre: Invester før det sker (e2e)" }).waitFor();
    const studioUrl = page.url();
    await settle(page);
    await expectNoAxeViolations(page, "studio: assumptions");
    await maybeScreenshot(page, "bc-studio-editor");

    // A bad value is reported at the field and blocks nothing else; fixing it clears the message.
    const successRate = page.getByLabel("Succesrate (%)").first();
    await successRate.fill("130");
    await expect
      .poll(() => page.getByText("Succesraten skal være mellem 0 og 100 %").count())
      .toBeGreaterThan(0);
    expect(await successRate.getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(page, "studio: a field with an error");
    await successRate.fill("12,5");
    await expect.poll(() => page.getByText("Succesraten skal være mellem 0 og 100 %").count()).toBe(0);

    // The year-by-year table matches the published Rødovre figures within ±150,000 DKK.
    await page.getByRole("tab", { name: "Resultater" }).click();
    await page.locator("table.bc-year-table tbody tr").first().waitFor();
    await settle(page);
    for (const published of RODOVRE_PUBLISHED_12_5) {
      const row = page.locator(`table.bc-year-table tbody tr[data-year="${published.year}"]`);
      const saved = kronerOf(await textOf(row.locator('[data-column="savings"]')));
      const accumulated = kronerOf(await textOf(row.locator('[data-column="accumulated"]')));
      expect(
        Math.abs(saved - published.savedOre / 100),
        `savings in year ${published.year}`,
      ).toBeLessThanOrEqual(TOLERANCE_KRONER);
      expect(
        Math.abs(accumulated - published.accumulatedOre / 100),
        `accumulated in year ${published.year}`,
      ).toBeLessThanOrEqual(TOLERANCE_KRONER);
    }
    // Paid back in about 7 years; both charts carry a text alternative.
    expect(await textOf(page.locator('[data-figure="payback"]'))).toMatch(/^7,\d år \(i 20\d\d\)$/);
    await page.getByRole("img", { name: /Søjlediagram over besparelser/ }).waitFor();
    await page.getByRole("img", { name: /den akkumulerede balance er lavest/ }).waitFor();
    await expectNoAxeViolations(page, "studio: results");
    await maybeScreenshot(page, "bc-studio-results");

    // The 25 % variant pays back sooner.
    const accumulatedAt = async () => kronerOf(await textOf(page.locator('[data-figure="accumulated"]')));
    const at12 = await accumulatedAt();
    await page.getByText("25 % succes (25 %)").click();
    await expect.poll(accumulatedAt).toBeGreaterThan(at12);

    // Compare 12,5 % with 25 % side by side.
    await page.getByRole("link", { name: "Sammenlign", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Sammenlign scenarier" }).waitFor();
    const figures = page.getByRole("table", { name: "Nøgletal" });
    await expect.poll(() => figures.locator("thead th").count()).toBe(3);
    expect(await textOf(figures)).toContain("Grundscenarie (12,5 %)");
    expect(await textOf(figures)).toContain("25 % succes");
    await page.getByRole("img", { name: /25 % succes/ }).waitFor();
    await settle(page);
    await expectNoAxeViolations(page, "compare");
    await maybeScreenshot(page, "bc-compare");

    // Monte Carlo in a Web Worker: progress, then the fan and the payback probability.
    await page.goto(`${studioUrl}?tab=uncertainty`);
    await page.getByRole("button", { name: "Kør Monte Carlo" }).click();
    await page.getByText(/10\.000 trækninger beregnet/).waitFor({ timeout: 30_000 });
    await page.getByText("Sandsynlighed for tilbagebetaling").waitFor();
    await page.getByRole("img", { name: /Monte Carlo med 10\.000 trækninger/ }).waitFor();
    await settle(page);
    await expectNoAxeViolations(page, "studio: uncertainty with Monte Carlo");
    await maybeScreenshot(page, "bc-studio-monte-carlo");

    // The XLSX export of the saved version downloads as a real workbook (a ZIP file).
    await page.getByRole("button", { name: "Flere handlinger" }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("menuitem", { name: /Download XLSX/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await download.path();
    const bytes = fs.readFileSync(file);
    expect(bytes.length).toBeGreaterThan(1000);
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    await page.keyboard.press("Escape");

    // The print view: the report, with the app's navigation hidden when printed.
    await page.getByRole("link", { name: "Udskriftsvenlig rapport" }).click();
    await page.getByRole("button", { name: "Udskriv" }).waitFor();
    await page.getByRole("heading", { level: 1, name: /Rødovre: Invester før det sker \(e2e\)/ }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Forudsætninger" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Kilder til enhedspriser" }).waitFor();
    await settle(page);
    await expectNoAxeViolations(page, "print view");
    await maybeScreenshot(page, "bc-print");
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("navigation", { name: "Hovedmenu" }).isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Udskriv" }).isVisible()).toBe(false);
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");
    await page.context().close();
  }, 180_000);

  it("saving a version, and a stale save answered with a clear message", async () => {
    const page = await newPage();
    await login(page, "okonomi@vejle.demo");
    await page.goto(`${baseUrl()}/business-cases`);
    await page.getByRole("link", { name: "Familiebehandling på modersmål – businesscase" }).click();
    await page.getByRole("tab", { name: /Forudsætninger/ }).waitFor();
    const studioUrl = page.url();

    // Someone else (a second tab of another user) saves a version meanwhile.
    const other = await newPage();
    await login(other, "projektleder@vejle.demo");
    await other.goto(studioUrl);
    await other.getByLabel("Familier ad gangen").fill("12");
    await other.getByRole("button", { name: "Gem som ny version" }).click();
    await other.getByLabel("Note").fill("12 familier");
    await other.getByRole("button", { name: "Gem version" }).click();
    await other.getByText(/Version \d+ er gemt\./).waitFor();
    await other.context().close();

    await page.getByLabel("Familier ad gangen").fill("13");
    await page.getByRole("button", { name: "Gem som ny version" }).click();
    await page.getByRole("button", { name: "Gem version" }).click();
    const conflict = page.getByRole("alert").filter({ hasText: "Nogen har gemt en nyere version" });
    await conflict.waitFor();
    expect(await textOf(conflict)).toContain("Dine ændringer er ikke gemt");
    await expectNoAxeViolations(page, "studio: stale version");
    await conflict.getByRole("button", { name: /Gem mine ændringer som version/ }).click();
    await page.getByRole("button", { name: "Gem version" }).click();
    await page.getByText(/Version \d+ er gemt\./).waitFor();

    // The versions tab lists who saved what, and the diff shows the change.
    await page.getByRole("tab", { name: "Versioner" }).click();
    await page.getByRole("table", { name: "Gemte versioner" }).getByText("12 familier").waitFor();
    await page.getByText(/ændring(er)? fra version/).waitFor();
    await settle(page);
    await expectNoAxeViolations(page, "studio: versions and diff");
    await page.context().close();
  }, 120_000);

  it("a team leader reads business cases and the price catalogue without editing", async () => {
    const page = await newPage();
    await login(page, "leder@vejle.demo");
    await page
      .getByRole("navigation", { name: "Hovedmenu" })
      .getByRole("link", { name: "Priskatalog" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Priskatalog" }).waitFor();
    await settle(page);
    expect(await page.getByRole("button", { name: "Ny enhedspris" }).count()).toBe(0);
    await expectNoAxeViolations(page, "price catalogue (reader)");
    await maybeScreenshot(page, "bc-price-catalogue");

    await page
      .getByRole("navigation", { name: "Hovedmenu" })
      .getByRole("link", { name: "Businesscases" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Businesscases" }).waitFor();
    expect(await page.getByRole("link", { name: "Ny businesscase" }).count()).toBe(0);
    await page.getByRole("link", { name: "Familiebehandling på modersmål – businesscase" }).click();
    await page.getByRole("tab", { name: "Resultater", selected: true }).waitFor();
    await page.getByText("Kun læseadgang").waitFor();
    expect(await page.getByRole("button", { name: "Gem som ny version" }).count()).toBe(0);
    await settle(page);
    await expectNoAxeViolations(page, "studio (reader)");
    await page.context().close();
  }, 90_000);
});
