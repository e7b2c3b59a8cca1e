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

/** Types into a field as a user would: click, select what is there, delete it, type the new text. */
async function typeInto(field: Locator, text: string) {
  await field.click();
  await field.press("ControlOrMeta+A");
  await field.press("Backspace");
  await field.pressSequentially(text);
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

  it("a project manager builds the Rødovre case from a blank business case, typing its assumptions", async () => {
    const page = await newPage();
    await login(page, "projektleder@vejle.demo");
    const year = String(new Date().getFullYear());

    // A new, blank business case.
    await page
      .getByRole("navigation", { name: "Hovedmenu" })
      .getByRole("link", { name: "Businesscases" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Businesscases" }).waitFor();
    await page.getByRole("link", { name: "Ny businesscase" }).click();
    await page.getByRole("heading", { level: 1, name: "Ny businesscase" }).waitFor();
    await page.getByRole("radio", { name: "Tom businesscase" }).check();
    await typeInto(page.getByRole("textbox", { name: "Navn", exact: true }), "Rødovre tastet ind (e2e)");
    await page.getByRole("button", { name: "Ny businesscase" }).click();
    await page.getByRole("heading", { level: 1, name: "Rødovre tastet ind (e2e)" }).waitFor();
    await page.getByRole("tab", { name: /Forudsætninger/, selected: true }).waitFor();
    await settle(page);

    // First a bad value: the message appears at the field, in Danish, and goes when corrected.
    const successRate = page.getByRole("textbox", { name: "Succesrate (%)" });
    await typeInto(successRate, "140");
    const successMessage = page.getByText("Succesraten skal være mellem 0 og 100 %");
    await expect.poll(() => successMessage.count()).toBeGreaterThan(0);
    expect(await successRate.getAttribute("aria-invalid")).toBe("true");
    await typeInto(successRate, "12,5");
    await expect.poll(() => successMessage.count()).toBe(0);
    expect(await successRate.getAttribute("aria-invalid")).not.toBe("true");

    // General settings and capacity.
    await typeInto(page.getByRole("textbox", { name: "Prisår" }), year);
    await typeInto(page.getByRole("textbox", { name: "Startår" }), year);
    await typeInto(page.getByRole("textbox", { name: "Tidshorisont (år)" }), "10");
    await typeInto(page.getByRole("textbox", { name: "Diskonteringsrente (%)" }), "3,5");
    await typeInto(page.getByRole("textbox", { name: "Familier ad gangen" }), "40");
    await typeInto(page.getByRole("textbox", { name: "Forløbslængde (måneder)" }), "18");
    await typeInto(page.getByRole("textbox", { name: "Andel gennemførte forløb (%)" }), "75");
    await typeInto(page.getByRole("textbox", { name: "Indfasning i år 1 (%)" }), "65");

    // Costs: 4 caseworkers at 500,000 a year, and 25,000 per family place a year.
    const costs = page.getByRole("table", { name: "Omkostninger" });
    await typeInto(
      page.getByRole("textbox", { name: "Navn på omkostning 1" }),
      "4 ekstra rådgivere (2 fra beskæftigelse/voksen, 2 fra børn og familie)",
    );
    const caseworkers = costs.getByRole("row").filter({ has: page.getByLabel("Navn på omkostning 1") });
    await caseworkers.getByRole("combobox", { name: /^Type,/ }).selectOption({ label: "Fast pr. år" });
    await typeInto(caseworkers.getByRole("textbox", { name: /^Beløb \(kr\.\),/ }), "2.000.000");
    await page.getByRole("button", { name: "Tilføj omkostning" }).click();
    await typeInto(
      page.getByRole("textbox", { name: "Navn på omkostning 2" }),
      "Understøttende indsatser pr. familie",
    );
    const measures = costs.getByRole("row").filter({ has: page.getByLabel("Navn på omkostning 2") });
    await measures.getByRole("combobox", { name: /^Type,/ }).selectOption({ label: "Pr. familieplads/år" });
    await typeInto(measures.getByRole("textbox", { name: /^Beløb \(kr\.\),/ }), "25.000");
    await measures.getByText("× 40 familiepladser").waitFor();

    // Effect 1: fewer on cash benefit, 1.1 persons per success, at once and for good, 100,000 a year.
    await page.getByRole("button", { name: "Tilføj effekt" }).first().click();
    const cashBenefit = page.getByRole("group", { name: /^Effekt 1:/ });
    await typeInto(
      cashBenefit.getByRole("textbox", { name: "Effekt", exact: true }),
      "Færre borgere på kontanthjælp",
    );
    await cashBenefit.getByRole("combobox", { name: "Type" }).selectOption({ label: "Succesdrevet" });
    await typeInto(cashBenefit.getByRole("textbox", { name: "Personer pr. vellykket forløb" }), "1,1");
    await typeInto(cashBenefit.getByRole("textbox", { name: "Forsinkelse (år)" }), "0");
    expect(await cashBenefit.getByRole("checkbox", { name: "Varig effekt" }).isChecked()).toBe(true);
    await typeInto(cashBenefit.getByRole("textbox", { name: "Enhedspris pr. år (kr.)" }), "100.000");
    await typeInto(cashBenefit.getByRole("textbox", { name: "Kommune (%)" }), "100");
    await typeInto(cashBenefit.getByRole("textbox", { name: "Frys efter år" }), "5");

    // Effect 2: about one infant placement a year prevented, 10 % attrition a year, 500,000 a year.
    await page.getByRole("button", { name: "Tilføj effekt" }).last().click();
    const fosterCare = page.getByRole("group", { name: /^Effekt 2:/ });
    await typeInto(
      fosterCare.getByRole("textbox", { name: "Effekt", exact: true }),
      "Færre børn i familiepleje (forebygget spædbørnsanbringelse)",
    );
    await fosterCare
      .getByRole("combobox", { name: "Type" })
      .selectOption({ label: "Fast (uafhængig af succesraten)" });
    await typeInto(fosterCare.getByRole("textbox", { name: "Forebyggede hændelser pr. år" }), "1");
    await typeInto(fosterCare.getByRole("textbox", { name: "Forsinkelse (år)" }), "0");
    await typeInto(fosterCare.getByRole("textbox", { name: "Årligt frafald (%)" }), "10");
    await fosterCare.getByRole("button", { name: "Udfyld 10 år med 10 % frafald" }).click();
    await expect.poll(() => fosterCare.getByRole("textbox", { name: "Efter 1 år" }).inputValue()).toBe("90");
    expect(await fosterCare.getByRole("textbox", { name: "Efter 2 år" }).inputValue()).toBe("81");
    expect(await fosterCare.getByRole("textbox", { name: "Efter 10 år" }).inputValue()).toMatch(/^34,8/);
    await typeInto(fosterCare.getByRole("textbox", { name: "Enhedspris pr. år (kr.)" }), "500.000");
    await typeInto(fosterCare.getByRole("textbox", { name: "Frys efter år" }), "5");

    // Effect 3: postponed lighter family-support courses, 0.55 per success, a year later, for 4 years.
    await page.getByRole("button", { name: "Tilføj effekt" }).last().click();
    const familySupport = page.getByRole("group", { name: /^Effekt 3:/ });
    await typeInto(
      familySupport.getByRole("textbox", { name: "Effekt", exact: true }),
      "Udskudte lettere familiestøtteforløb",
    );
    await typeInto(familySupport.getByRole("textbox", { name: "Personer pr. vellykket forløb" }), "0,55");
    await typeInto(familySupport.getByRole("textbox", { name: "Forsinkelse (år)" }), "1");
    await familySupport.getByRole("checkbox", { name: "Varig effekt" }).uncheck();
    await typeInto(familySupport.getByRole("textbox", { name: "Varighed (år)" }), "4");
    await typeInto(familySupport.getByRole("textbox", { name: "Enhedspris pr. år (kr.)" }), "180.000");
    await typeInto(familySupport.getByRole("textbox", { name: "Frys efter år" }), "5");

    // The 25 % variant scales the cash-benefit and family-support effects.
    await page.getByRole("button", { name: "Tilføj variant" }).click();
    const variant = page.getByRole("group", { name: /^Variant 1:/ });
    await typeInto(variant.getByRole("textbox", { name: "Variantens navn" }), "25 % succes");
    await typeInto(variant.getByRole("textbox", { name: "Succesrate (%)" }), "25");
    await variant
      .getByRole("checkbox", { name: "Alle succesdrevne effekter følger variantens succesrate" })
      .uncheck();
    expect(await variant.getByRole("checkbox", { name: "Færre borgere på kontanthjælp" }).isChecked()).toBe(
      true,
    );
    expect(
      await variant.getByRole("checkbox", { name: "Udskudte lettere familiestøtteforløb" }).isChecked(),
    ).toBe(true);
    expect(await page.getByText(/Scenariet har \d+ fejl/).count()).toBe(0);
    await settle(page);
    await maybeScreenshot(page, "bc-blank-typed");

    // The year-by-year table matches the published Rødovre figures within ±150,000 DKK.
    await page.getByRole("tab", { name: "Resultater" }).click();
    await page.locator("table.bc-year-table tbody tr").first().waitFor();
    await settle(page);
    expect(await page.getByText(/Forudsætningerne har fejl/).count()).toBe(0);
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
    expect(await textOf(page.locator('[data-figure="payback"]'))).toMatch(/^7,\d år \(i 20\d\d\)$/);

    // Saved as a version.
    await page.getByRole("button", { name: "Gem som ny version" }).click();
    await typeInto(page.getByLabel("Note"), "Rødovre tastet ind fra en tom businesscase");
    await page.getByRole("button", { name: "Gem version" }).click();
    await page.getByText(/Version \d+ er gemt\./).waitFor();

    // The filled-in editor passes axe.
    await page.getByRole("tab", { name: /Forudsætninger/ }).click();
    await page.getByRole("group", { name: /^Effekt 3:/ }).waitFor();
    await settle(page);
    await expectNoAxeViolations(page, "studio: Rødovre typed into a blank business case");
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
