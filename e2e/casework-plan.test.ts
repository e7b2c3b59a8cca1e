import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, hasChromium, launchBrowser, maybeScreenshot } from "./browser.js";
import { login, newPage as newSessionPage, settle } from "./session.js";

const SARA = "sagsbehandler@vejle.demo";
const FAMILY = "Familien Warsame";

let browser: Browser;
/** The family's page, for the second journey. */
let familyUrl = "";
/** The goal the first journey adds, and its number in the plan ("Mål 5"). */
const OWN_WORDS = "Sagal vil gå til fodbold og have en ven at være sammen med efter skole.";
let newGoalNumber = "";

beforeAll(async () => {
  if (hasChromium) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A signed-out page that reports the app's own errors in the test output. */
async function newPage(): Promise<Page> {
  const page = await newSessionPage(browser);
  page.on("pageerror", (e) => console.error("page error:", e.message));
  return page;
}

/** A day relative to today in Denmark, `YYYY-MM-DD` (the server refuses agreements in the future). */
function danishDay(offsetDays = 0): string {
  const day = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Copenhagen" }).format(day);
}

/** A part of the page, for looking at it (SCREENSHOTS=1), beside maybeScreenshot's full pages. */
async function shootPart(part: Locator, name: string) {
  if (process.env.SCREENSHOTS) await part.screenshot({ path: `.tmp/screenshots/${name}.png` });
}

/** A field's label, with or without Mantine's required asterisk. */
const label = (text: string) => new RegExp(`^${text.replace(/[()]/g, "\\$&")}( \\*)?$`);

async function openPlan(page: Page) {
  await page.goto(`${familyUrl}?tab=plan`);
  await page.getByRole("heading", { level: 1, name: FAMILY }).waitFor();
  await page.getByRole("region", { name: "Familiens Plan" }).waitFor();
}

/** The editor's group of the last goal or measure (the one just added). */
const lastGroup = (page: Page, legend: "Mål" | "Indsats") =>
  page.getByRole("group", { name: new RegExp(`^${legend} \\d+$`) }).last();

async function fillMeasure(
  measure: Locator,
  m: { what: string; by: string; department: string; responsible: string; costKr: string; goal: string },
) {
  await measure.getByRole("textbox", { name: /^Indsats \(hvad\)/ }).fill(m.what);
  await measure.getByRole("textbox", { name: /^Udføres af/ }).fill(m.by);
  await measure.getByRole("combobox", { name: /^Afdeling/ }).selectOption({ label: m.department });
  await measure.getByRole("textbox", { name: /^Ansvarlig \(navn/ }).fill(m.responsible);
  await measure.getByLabel(label("Startdato")).fill(danishDay());
  await measure.getByLabel(label("Slutdato")).fill(danishDay(200));
  await measure.getByRole("combobox", { name: /^Omfang/ }).selectOption({ label: "Timer pr. uge" });
  await measure.getByRole("textbox", { name: /^Timer pr\. uge/ }).fill("1,5");
  await measure.getByRole("textbox", { name: /^Skønnet pris pr\. måned/ }).fill(m.costKr);
  await measure.getByRole("checkbox", { name: new RegExp(`^${m.goal}:`) }).check();
}

describe.skipIf(!hasChromium)("Familiens Plan: goals, measures, versions (Chromium + axe-core)", () => {
  it("Sara adds a goal with a GAS scale and two measures in two departments; the server's errors show at the fields; she saves version 2", async () => {
    const page = await newPage();
    await login(page, SARA);
    await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Familier" }).click();
    await page.getByRole("searchbox", { name: "Søg på familie eller medlem" }).fill("Warsame");
    // Click once the search has been applied (the list re-renders with the filtered page).
    await expect.poll(() => page.url()).toContain("q=Warsame");
    await settle(page);
    await page.getByRole("link", { name: FAMILY }).click();
    await page.getByRole("heading", { level: 1, name: FAMILY }).waitFor();
    familyUrl = page.url().split("?")[0]!;
    await page.getByRole("tab", { name: "Plan" }).click();

    // The read view of version 1: goals, measures by department, cost per department.
    const summary = page.getByRole("region", { name: "Familiens Plan" });
    await expect.poll(() => summary.textContent()).toContain("Version 1");
    const costs = page.getByRole("table", { name: "Skønnet udgift pr. måned pr. afdeling" });
    await expect.poll(() => costs.getByRole("rowheader", { name: "Leverandøren" }).count()).toBe(1);
    await settle(page);
    await expectNoAxeViolations(page, "plan: read view");
    await maybeScreenshot(page, "plan-read");

    // The editor: an empty new goal is refused at its fields.
    await summary.getByRole("button", { name: "Rediger planen" }).click();
    await page.getByRole("heading", { level: 2, name: "Rediger Familiens Plan" }).waitFor();
    await page.getByRole("button", { name: "Tilføj mål" }).click();
    const goal = lastGroup(page, "Mål");
    // The new goal's number in the plan ("Mål 5"): its legend.
    const goalName = await goal.locator("legend").first().textContent();
    await page.getByRole("button", { name: "Gem version 2" }).click();
    await expect.poll(() => goal.getByText("Udfyld feltet").count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-invalid")))
      .toBe("true");

    // The goal, in the family's own words, for Sagal, with a GAS scale and a sub-goal.
    const ownWords = OWN_WORDS;
    await goal.getByRole("textbox", { name: /^Målet med familiens egne ord/ }).fill(ownWords);
    await goal.getByRole("combobox", { name: /^Gælder/ }).selectOption({ label: "Sagal Warsame" });
    await goal.getByRole("combobox", { name: /^Kategori/ }).selectOption({ label: "Netværk og fritid" });
    await goal.getByLabel(label("Måldato")).fill(danishDay(180));
    await goal.getByRole("combobox", { name: label("Status") }).selectOption({ label: "I gang" });
    await goal.getByRole("checkbox", { name: "Brug målopfølgningsskala (GAS)" }).check();
    const levels = [
      ["−2", "Sagal bliver hjemme hver eftermiddag"],
      ["−1", "Sagal har prøvet en aktivitet"],
      ["0", "Sagal går til fodbold hver uge"],
      ["\\+1", "Sagal går til fodbold og ses med en ven"],
      ["\\+2", "Sagal har flere venner og går selv til træning"],
    ];
    for (const [level, text] of levels) {
      await goal.getByRole("textbox", { name: new RegExp(`^${level}: `) }).fill(text!);
    }
    await goal
      .getByRole("combobox", { name: /^Nuværende niveau/ })
      .selectOption({ label: "−1: Mindre end forventet" });
    await goal.getByRole("button", { name: "Tilføj delmål" }).click();
    await goal.getByRole("textbox", { name: /^Delmål 1/ }).fill("Prøvetræning i den lokale klub");
    // A sub-goal after its goal's target date: only the server knows the plan's cross-field rules.
    await goal.getByLabel("Måldato for delmål 1").fill(danishDay(400));

    // Two measures, in Børn og Familie and Jobcenter, serving the new goal.
    const goalNumber = goalName?.trim() ?? "";
    expect(goalNumber).toMatch(/^Mål \d+$/);
    newGoalNumber = goalNumber;
    await page.getByRole("button", { name: "Tilføj indsats" }).click();
    await fillMeasure(lastGroup(page, "Indsats"), {
      what: "Fritidspas med følgeskab",
      by: "Fritidsvejleder",
      department: "Børn og Familie",
      responsible: "Fritidsvejleder, Børn og Familie",
      costKr: "2.500",
      goal: goalNumber,
    });
    await page.getByRole("button", { name: "Tilføj indsats" }).click();
    await fillMeasure(lastGroup(page, "Indsats"), {
      what: "Mentor til Hodan om job og fritid",
      by: "Mentor fra Jobcentret",
      department: "Jobcenter",
      responsible: "Jobkonsulent",
      costKr: "4.000,50",
      goal: goalNumber,
    });
    // And a change to an existing goal, to compare field by field.
    await page.getByRole("button", { name: "Rediger mål 1" }).click();
    await page
      .getByRole("group", { name: "Mål 1", exact: true })
      .getByRole("combobox", { name: label("Status") })
      .selectOption({ label: "Delvist opnået" });
    await page
      .getByRole("textbox", { name: /^Bemærkning til versionen/ })
      .fill("Fritid og job tilføjet på mødet.");

    // The server refuses the sub-goal's date, at the field.
    await page.getByRole("button", { name: "Gem version 2" }).click();
    const subGoalDate = goal.getByLabel("Måldato for delmål 1");
    await expect.poll(() => subGoalDate.getAttribute("aria-invalid")).toBe("true");
    expect(await goal.textContent()).toContain("Delmålets måldato ligger efter målets måldato");
    await page.getByText("Planen har fejl. Ret felterne og prøv igen.").waitFor();
    await settle(page);
    await expectNoAxeViolations(page, "plan: editor with errors");
    await maybeScreenshot(page, "plan-editor-errors");
    await shootPart(goal, "plan-editor-goal");

    await subGoalDate.fill(danishDay(90));
    await page.getByRole("button", { name: "Gem version 2" }).click();
    await page.getByText("Version 2 af planen er gemt.").waitFor();

    // Version 2: the goal with its GAS levels, the measures, the cost per department.
    await expect.poll(() => summary.textContent()).toContain("Version 2");
    expect(await summary.textContent()).toContain("Ikke accepteret endnu");
    const goalCard = page.getByRole("article", { name: goalNumber, exact: true });
    expect(await goalCard.textContent()).toContain(ownWords);
    expect(await goalCard.textContent()).toContain("Sagal går til fodbold hver uge");
    expect(await goalCard.textContent()).toContain("Sagal Warsame");
    const jobRow = costs.getByRole("row", { name: /^Jobcenter/ });
    // A full month of the Jobcenter measure (it starts today and runs 200 days): the second month shown.
    await expect.poll(() => jobRow.textContent()).toMatch(/4\.000,50\skr\./);
    expect(await costs.getByRole("rowheader", { name: "Børn og Familie" }).count()).toBe(1);
    expect(await page.getByRole("table", { name: "Indsatser i Jobcenter" }).textContent()).toContain(
      "Mentor til Hodan om job og fritid",
    );

    await page.context().close();
  });

  it("Sara records the family's agreement to version 2, compares it with version 1 and opens version 1 read-only", async () => {
    expect(familyUrl).toMatch(/\/families\//);
    const page = await newPage();
    await login(page, SARA);
    await openPlan(page);
    const summary = page.getByRole("region", { name: "Familiens Plan" });
    await expect.poll(() => summary.textContent()).toContain("Version 2");
    const ownWords = OWN_WORDS;
    const goalNumber = newGoalNumber;

    // The family's agreement to version 2.
    await summary.getByRole("button", { name: "Registrér familiens accept" }).click();
    const agreement = page.getByRole("dialog", { name: "Registrér familiens accept" });
    await agreement.waitFor();
    await agreement
      .getByRole("textbox", { name: /^Bemærkning/ })
      .fill("Gennemgået med Hodan med somalisk tolk.");
    await agreement.getByRole("button", { name: "Registrér accept" }).click();
    await agreement.waitFor({ state: "detached" });
    await expect.poll(() => summary.textContent()).toContain("Accepteret");

    // Versions and the comparison of the two newest.
    const versions = page.getByRole("table", { name: "Planens gemte versioner, nyeste først" });
    await expect.poll(() => versions.getByRole("row").count()).toBe(3);
    expect(await versions.textContent()).toContain("Fritid og job tilføjet på mødet.");
    const compare = page.getByRole("region", { name: "Sammenlign versioner" });
    await expect.poll(() => compare.textContent()).toContain("Fra version 1 til version 2");
    const added = compare.getByRole("article", { name: ownWords });
    expect(await added.textContent()).toContain("Tilføjet");
    expect(
      await compare.getByRole("article", { name: "Mentor til Hodan om job og fritid" }).textContent(),
    ).toContain("Tilføjet");
    const changedRows = compare.getByRole("row", { name: /^Status/ });
    await expect.poll(() => changedRows.first().textContent()).toContain("Delvist opnået");
    await settle(page);
    await expectNoAxeViolations(page, "plan: versions and compare");
    await maybeScreenshot(page, "plan-versions-compare");
    await shootPart(compare, "plan-compare");
    await shootPart(page.getByRole("region", { name: "Indsatser (6)" }), "plan-measures");

    // An older version, read-only.
    await versions.getByRole("button", { name: "Vis version 1" }).click();
    await page.getByText("Du ser version 1 af planen (skrivebeskyttet)").waitFor();
    expect(await page.getByRole("article", { name: goalNumber, exact: true }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Rediger planen" }).count()).toBe(0);
    await page.getByRole("button", { name: "Tilbage til den nyeste version" }).click();
    await expect.poll(() => summary.textContent()).toContain("Version 2");
    await page.context().close();
  });

  it("two editors of the same plan: the second save gets the 409 message and the reloaded plan, nothing is overwritten", async () => {
    expect(familyUrl).toMatch(/\/families\//);
    const first = await newPage();
    const second = await newPage();
    await login(first, SARA);
    await login(second, SARA);
    await openPlan(first);
    await openPlan(second);
    // Both start editing version 2.
    for (const page of [first, second]) {
      await page.getByRole("button", { name: "Rediger planen" }).click();
      await page.getByRole("heading", { level: 2, name: "Rediger Familiens Plan" }).waitFor();
    }

    const firstWords = "Vi vil have ro i familien om aftenen – også i weekenden.";
    await first.getByRole("button", { name: "Rediger mål 1" }).click();
    await first
      .getByRole("group", { name: "Mål 1", exact: true })
      .getByRole("textbox", { name: /^Målet med familiens egne ord/ })
      .fill(firstWords);
    await first.getByRole("button", { name: "Gem version 3" }).click();
    await first.getByText("Version 3 af planen er gemt.").waitFor();

    await second.getByRole("button", { name: "Tilføj mål" }).click();
    const goal = lastGroup(second, "Mål");
    await goal
      .getByRole("textbox", { name: /^Målet med familiens egne ord/ })
      .fill("Hodan vil lære at cykle.");
    await goal.getByRole("combobox", { name: /^Kategori/ }).selectOption({ label: "Sundhed" });
    await goal.getByLabel(label("Måldato")).fill(danishDay(120));
    await second.getByRole("button", { name: "Gem version 3" }).click();

    const alert = second.getByRole("alert").filter({ hasText: "Nogen har ændret oplysningerne" });
    await alert.waitFor();
    const text = (await alert.textContent()) ?? "";
    expect(text).toContain("gemte version 3");
    expect(text).toContain("1 mål ændret");
    expect(text).toContain("Mål tilføjet: Hodan vil lære at cykle.");
    // The reloaded plan is the first editor's version 3, without the refused goal.
    const summary = second.getByRole("region", { name: "Familiens Plan" });
    await expect.poll(() => summary.textContent()).toContain("Version 3");
    expect(await second.getByRole("article", { name: "Mål 1", exact: true }).textContent()).toContain(
      firstWords,
    );
    // The list of versions is read again too: version 3 is there, and compared with version 2.
    const versions = second.getByRole("table", { name: "Planens gemte versioner, nyeste først" });
    await expect.poll(() => versions.getByRole("row").count()).toBe(4);
    await expect
      .poll(() => second.getByRole("region", { name: "Sammenlign versioner" }).textContent())
      .toContain("Fra version 2 til version 3");
    expect(await second.getByRole("article").filter({ hasText: "Hodan vil lære at cykle." }).count()).toBe(0);
    await settle(second);
    await maybeScreenshot(second, "plan-stale-save");
    await first.context().close();
    await second.context().close();

    // A project manager reads the plan without edit buttons.
    const reader = await newPage();
    await login(reader, "projektleder@vejle.demo");
    await openPlan(reader);
    await reader.getByText("Du kan se planen, men ikke ændre den.").waitFor();
    expect(await reader.getByRole("button", { name: "Rediger planen" }).count()).toBe(0);
    expect(await reader.getByRole("button", { name: "Registrér familiens accept" }).count()).toBe(0);
    await reader.context().close();
  });
});
