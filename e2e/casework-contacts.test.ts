import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { danishDateOf } from "../src/domain/casework/danish-time.js";
import { baseUrl, expectNoAxeViolations, hasChromium, launchBrowser, maybeScreenshot } from "./browser.js";

const PASSWORD = "bundlinje-demo";
const FAMILY = "Familien Rashid";
/** Yesterday evening in Denmark: always in the past, and after working hours. */
const YESTERDAY = danishDateOf(new Date(Date.now() - 24 * 3600_000));
/** Texts of this run only, so the assertions never meet another contact's note. */
const RUN = Date.now().toString(36).slice(-5);
const NOTE = `Aftenbesøg ${RUN}: Rojin viste sine lektier; far var med hele tiden.`;
const CORRECTED = `Aftenbesøg ${RUN}: Rojin viste sine lektier; mor og far var med hele tiden.`;

let browser: Browser;
let context: BrowserContext;
/** One signed-in page for the whole journey; each step below continues where the last one ended. */
let page: Page;
let seeded = 0;

beforeAll(async () => {
  if (!hasChromium) return;
  browser = await launchBrowser();
  context = await browser.newContext({ locale: "da-DK", viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

async function settle() {
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(300);
}

const contactList = () => page.getByRole("region", { name: "Kontakter med familien" });
/** The first (newest) contact in the list; its notes are articles inside it. */
const newestContact = () => contactList().getByRole("listitem").first().getByRole("article").first();
const contactDialog = () => page.getByRole("dialog", { name: "Registrér kontakt" });

describe.skipIf(!hasChromium)("contacts, notes and the timeline of a family (Chromium + axe-core)", () => {
  it("Sara opens the Rashid family's contacts: the seeded contacts, newest first", async () => {
    await page.goto(`${baseUrl()}/`);
    await page.getByLabel("E-mail").fill("sagsbehandler@vejle.demo");
    await page.getByLabel("Adgangskode", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Log ind" }).click();
    const nav = page.getByRole("navigation", { name: "Hovedmenu" });
    await nav.getByRole("link", { name: "Familier" }).click();
    await page.getByRole("searchbox", { name: "Søg på familie eller medlem" }).fill("Rashid");
    await page.getByRole("link", { name: FAMILY }).click();
    await page.getByRole("heading", { level: 1, name: FAMILY }).waitFor();
    await page.getByRole("tab", { name: "Kontakter" }).click();
    await contactList().getByRole("listitem").first().waitFor();
    seeded = await contactList().getByRole("listitem").count();
    expect(seeded).toBeGreaterThan(0);
    await settle();
    await expectNoAxeViolations(page, "contacts tab");
    await maybeScreenshot(page, "contacts-tab");
  });

  it("the form refuses an empty and a zero duration with Danish messages, and sends nothing", async () => {
    await contactList().getByRole("button", { name: "Registrér kontakt" }).click();
    const dialog = contactDialog();
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Registrér kontakt" }).click();
    await dialog.getByText("Skriv varigheden i hele minutter").waitFor();
    await dialog.getByText("Vælg kontaktform").waitFor();
    const duration = dialog.getByRole("textbox", { name: /^Varighed/ });
    expect(await duration.getAttribute("aria-invalid")).toBe("true");
    await duration.fill("0");
    await dialog.getByRole("button", { name: "Registrér kontakt" }).click();
    await dialog.getByText("Varigheden skal være mindst 1 minut").waitFor();
    expect(await dialog.isVisible()).toBe(true);
    await settle();
    await expectNoAxeViolations(page, "contact form with errors");
    await maybeScreenshot(page, "contacts-form-errors");
  });

  it("she logs a home visit yesterday at 19:30 and sees it first, with the out-of-hours badge", async () => {
    const dialog = contactDialog();
    await dialog.getByLabel(/^Dato/).fill(YESTERDAY);
    await dialog.getByRole("combobox", { name: /^Kontaktform/ }).selectOption({ label: "Hjemmebesøg" });
    await dialog.getByRole("textbox", { name: /^Varighed/ }).fill("90");
    // In working hours the out-of-hours flag is the caseworker's choice; in the evening it is given.
    const time = dialog.getByLabel(/^Klokkeslæt/);
    await time.fill("10:00");
    await dialog.getByRole("checkbox", { name: "Markér som uden for arbejdstid" }).waitFor();
    await time.fill("19:30");
    // The family's language comes first; Dilan needs an interpreter, so that box starts ticked.
    const language = dialog.getByRole("combobox", { name: /^Sprog under kontakten/ });
    expect(await language.locator("option:checked").textContent()).toBe("kurdisk");
    expect(await dialog.getByRole("checkbox", { name: "Der var tolk med" }).isChecked()).toBe(true);
    // The evening makes the contact out of hours by itself: said, not asked.
    await dialog.getByText(/uden for arbejdstid .* markeres automatisk/).waitFor();
    expect(await dialog.getByRole("checkbox", { name: "Markér som uden for arbejdstid" }).count()).toBe(0);
    const sara = dialog.getByRole("checkbox", { name: "Sara Sagsbehandler (Sagsbehandler)" });
    expect(await sara.isChecked()).toBe(true);
    await dialog.getByRole("checkbox", { name: "Dilan Rashid (Forælder)" }).check();
    await dialog.getByRole("checkbox", { name: "Rojin Rashid (Barn)" }).check();
    const others = dialog.getByLabel("Andre (rolle)");
    await others.fill("Tolk");
    await others.press("Enter");
    await dialog.getByRole("heading", { name: "Hvem deltog" }).click();
    await settle();
    await expectNoAxeViolations(page, "contact form (filled in)");
    await maybeScreenshot(page, "contacts-form-filled");
    await dialog.getByRole("button", { name: "Registrér kontakt" }).click();
    await dialog.waitFor({ state: "detached" });

    await expect.poll(() => contactList().getByRole("listitem").count()).toBe(seeded + 1);
    const contact = newestContact();
    await expect.poll(() => contact.textContent()).toContain("Rojin Rashid");
    const text = (await contact.textContent()) ?? "";
    for (const fact of [
      "Hjemmebesøg",
      "kl. 19.30",
      "Uden for arbejdstid",
      "90 minutter",
      "kurdisk",
      "Med tolk",
    ])
      expect(text).toContain(fact);
    expect(text).toMatch(/Dilan Rashid, Rojin Rashid.*Sara Sagsbehandler.*Tolk/);
  });

  it("she adds a note to it and corrects the note: both stay, the old one marked as corrected", async () => {
    const contact = newestContact();
    await contact.getByRole("button", { name: /^Tilføj notat til Hjemmebesøg/ }).click();
    const noteDialog = page.getByRole("dialog", { name: /^Notat til Hjemmebesøg/ });
    await noteDialog.getByRole("textbox", { name: /^Notat/ }).fill(NOTE);
    await noteDialog.getByRole("button", { name: "Gem notat" }).click();
    await noteDialog.waitFor({ state: "detached" });
    await expect.poll(() => contact.textContent()).toContain(NOTE);

    await contact.getByRole("button", { name: /^Ret notat fra/ }).click();
    const correct = page.getByRole("dialog", { name: "Ret notat" });
    const body = correct.getByRole("textbox", { name: /^Rettet notat/ });
    expect(await body.inputValue()).toBe(NOTE);
    await settle();
    await expectNoAxeViolations(page, "correct note dialog");
    await maybeScreenshot(page, "contacts-correct-note");
    await body.fill(CORRECTED);
    await correct.getByRole("button", { name: "Gem rettelse" }).click();
    await correct.waitFor({ state: "detached" });

    const notes = contact.getByRole("article");
    await expect.poll(() => notes.count()).toBe(2);
    expect(await notes.nth(0).textContent()).toMatch(new RegExp(`Rettet.*${NOTE}`));
    expect(await notes.nth(1).textContent()).toMatch(new RegExp(`Rettelse.*${CORRECTED}`));
    // Only the correction can be corrected again; the old note is never edited.
    expect(await contact.getByRole("button", { name: /^Ret notat fra/ }).count()).toBe(1);
    await settle();
    await expectNoAxeViolations(page, "contacts tab with a corrected note");
    await maybeScreenshot(page, "contacts-corrected-note");
  });

  it("the timeline shows the contact and the notes, and filters to contacts only", async () => {
    await page.getByRole("tab", { name: "Tidslinje" }).click();
    const timeline = page.getByRole("region", { name: "Familiens tidslinje" });
    await timeline.getByText("Hjemmebesøg (uden for almindelig arbejdstid)").first().waitFor();
    await expect.poll(() => timeline.textContent()).toContain("Deltagere: Dilan Rashid, Rojin Rashid");
    expect(await timeline.textContent()).toContain(CORRECTED);
    await settle();
    await expectNoAxeViolations(page, "timeline");
    await maybeScreenshot(page, "timeline");

    // The filter works from the keyboard: focus the chip's checkbox and press Space.
    const contactsOnly = timeline.getByRole("checkbox", { name: /^Kontakter/ });
    await contactsOnly.focus();
    await page.keyboard.press("Space");
    expect(await contactsOnly.isChecked()).toBe(true);
    await expect.poll(() => timeline.textContent()).not.toContain(CORRECTED);
    expect(await timeline.textContent()).toContain("Hjemmebesøg (uden for almindelig arbejdstid)");
    expect(await timeline.getByRole("checkbox", { name: /^Alle/ }).isChecked()).toBe(false);
    await expectNoAxeViolations(page, "timeline filtered to contacts");
    await maybeScreenshot(page, "timeline-contacts");
  });
});
