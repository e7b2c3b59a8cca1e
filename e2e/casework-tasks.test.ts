import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMonths, type CalendarDate } from "../src/domain/calendar-date.js";
import { danishDateOf } from "../src/domain/casework/danish-time.js";
import { baseUrl, expectNoAxeViolations, hasChromium, launchBrowser, maybeScreenshot } from "./browser.js";
import { login, newPage, settle } from "./session.js";

/*
 * "Mine opgaver", the family page's Opgaver tab and a review (revurdering), as Sara (Vejle). The demo
 * course of Familien Hassan is more than a year old: its review is overdue. Familien Abdullah's newest
 * measure follow-up fell due some weeks ago (the demo records older follow-ups as done). Other journeys leave these two families alone.
 */

const REASONS = "Familien er godt i gang: Omars fravær er faldet, og mor deltager i danskundervisning.";

let browser: Browser;

beforeAll(async () => {
  if (hasChromium) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A calendar date as the app shows it (the browser's own Intl, as the app formats dates). */
function shownDate(page: Page, date: CalendarDate): Promise<string> {
  return page.evaluate((d) => {
    const [y, m, day] = d.split("-").map(Number) as [number, number, number];
    return new Intl.DateTimeFormat("da-DK", { dateStyle: "medium", timeZone: "UTC" }).format(
      new Date(Date.UTC(y, m - 1, day)),
    );
  }, date);
}

describe.skipIf(!hasChromium)("case work: my tasks and the review (Chromium + axe-core)", () => {
  /** One signed-in page for the journey; each step below goes on from where the previous one ended. */
  let page: Page;
  beforeAll(async () => {
    page = await newPage(browser);
    await login(page, "sagsbehandler@vejle.demo");
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it("Mine opgaver lists Sara's deadlines overdue first, filters and pages in the address, and links to the family's Opgaver tab", async () => {
    // Mine opgaver: overdue first, with the count beside the heading.
    await page
      .getByRole("navigation", { name: "Hovedmenu" })
      .getByRole("link", { name: "Mine opgaver" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Mine opgaver" }).waitFor();
    await page.getByText(/^\d+ overskredne frister$/).waitFor();
    const firstRow = page.getByRole("row").nth(1);
    expect(await firstRow.textContent()).toMatch(/Overskredet med \d+ dage?/);
    await settle(page);
    await expectNoAxeViolations(page, "my tasks");
    await maybeScreenshot(page, "tasks-mine");

    // Paging and filters live in the address.
    await page
      .getByRole("navigation", { name: "Sider i opgavelisten" })
      .getByRole("button", { name: "Næste side" })
      .click();
    await page.getByText("Side 2 af", { exact: false }).waitFor();
    expect(page.url()).toContain("offset=25");
    await page.getByRole("combobox", { name: "Type" }).selectOption({ label: "Revurdering" });
    await expect.poll(() => page.url()).toContain("kind=review");
    expect(page.url()).not.toContain("offset=");
    await page.getByRole("checkbox", { name: "Kun overskredne frister" }).check();
    await expect.poll(() => page.url()).toContain("overdue=true");
    const hassan = page.getByRole("row").filter({ hasText: "Familien Hassan" });
    await hassan.waitFor();
    expect(await hassan.textContent()).toContain("Revurdering af forløbet");
    expect(await hassan.textContent()).toMatch(/Overskredet med \d+ dage/);
    // Every row shown (the header row aside) is an overdue review, once the filtered page has loaded.
    const bodyRows = async () =>
      (await page.getByRole("row").allTextContents()).filter((x) => !x.startsWith("Frist"));
    await expect
      .poll(async () =>
        (await bodyRows()).every((x) => x.includes("Revurdering") && x.includes("Overskredet med")),
      )
      .toBe(true);
    expect((await bodyRows()).length).toBeGreaterThan(1);
    await settle(page);
    await expectNoAxeViolations(page, "my tasks: overdue reviews");
    await maybeScreenshot(page, "tasks-mine-overdue-reviews");

    // The family link opens the Opgaver tab of Hassan's course.
    await hassan.getByRole("link", { name: "Familien Hassan" }).click();
    await page.getByRole("heading", { level: 1, name: "Familien Hassan" }).waitFor();
    await expect
      .poll(() => page.getByRole("tab", { name: "Opgaver" }).getAttribute("aria-selected"))
      .toBe("true");
    const tasks = page.getByRole("region", { name: "Opgaver og frister" });
    const reviews = page.getByRole("region", { name: "Revurderinger" });
    await tasks.getByRole("row").filter({ hasText: "Revurdering af forløbet" }).waitFor();
    await reviews.getByText(/^Revurderingen skulle have været holdt/).waitFor();
    await settle(page);
    await expectNoAxeViolations(page, "family page: tasks");
    await maybeScreenshot(page, "tasks-family-tab");
  });

  it("holding the review of Familien Hassan lists it with its snapshot and moves the review task 12 months on", async () => {
    const today = danishDateOf(new Date());
    const tasks = page.getByRole("region", { name: "Opgaver og frister" });
    const reviews = page.getByRole("region", { name: "Revurderinger" });
    // The empty form says what is missing, in Danish, at the fields.
    await reviews.getByRole("button", { name: "Afhold revurdering" }).click();
    const dialog = page.getByRole("dialog", { name: "Afhold revurdering – Familien Hassan" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Gem revurderingen" }).click();
    await dialog.getByText("Vælg en afgørelse: fortsæt, justér eller afslut").waitFor();
    await dialog.getByText("Skriv begrundelsen for afgørelsen").waitFor();
    await expectNoAxeViolations(page, "review dialog with errors");
    await maybeScreenshot(page, "tasks-review-dialog-errors");
    await dialog.getByRole("radio", { name: "Fortsæt forløbet" }).check();
    await dialog.getByRole("textbox", { name: /^Begrundelse/ }).fill(REASONS);
    await expectNoAxeViolations(page, "review dialog filled in");
    await dialog.getByRole("button", { name: "Gem revurderingen" }).click();
    await dialog.waitFor({ state: "detached" });

    // The review is listed with its decision and snapshot; the next review falls due 12 months on.
    const held = reviews.getByRole("article", { name: `Revurdering ${await shownDate(page, today)}` });
    await held.waitFor();
    const heldText = await held.textContent();
    expect(heldText).toContain("Fortsæt forløbet");
    expect(heldText).toContain(REASONS);
    expect(heldText).toContain("Sara Sagsbehandler");
    expect(heldText).toContain("Mål i planen");
    expect(heldText).toContain("Indsatser i planen");
    const nextOn = await shownDate(page, addMonths(today, 12));
    await reviews.getByText(`Næste revurdering: ${nextOn}`).waitFor();
    const reviewRows = tasks.getByRole("row").filter({ hasText: "Revurdering af forløbet" });
    await expect.poll(() => reviewRows.count()).toBe(2);
    await tasks
      .getByRole("row")
      .filter({ hasText: nextOn })
      .filter({ hasText: "Afhold revurdering" })
      .waitFor();
    await reviewRows.filter({ hasText: "Udført" }).filter({ hasText: "af Sara Sagsbehandler" }).waitFor();
    await settle(page);
    await expectNoAxeViolations(page, "family page: tasks after the review");
    await maybeScreenshot(page, "tasks-family-tab-reviewed");
  });

  it("completing a follow-up of Familien Abdullah asks first, and moves it to the done tasks", async () => {
    await page.goto(`${baseUrl()}/tasks?kind=measure-follow-up`);
    await page.getByRole("heading", { level: 1, name: "Mine opgaver" }).waitFor();
    const followUp = page
      .getByRole("row")
      .filter({ hasText: "Familien Abdullah" })
      .filter({ hasText: "Boligsocial rådgivning og hjælp til boligansøgning" });
    await followUp.waitFor();
    await followUp.getByRole("button", { name: /^Markér som udført/ }).click();
    const confirm = page.getByRole("dialog", { name: "Markér opgaven som udført" });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain("Familien Abdullah");
    await expectNoAxeViolations(page, "complete task dialog");
    await maybeScreenshot(page, "tasks-complete-confirm");
    await confirm.getByRole("button", { name: "Markér som udført" }).click();
    await confirm.waitFor({ state: "detached" });
    await followUp.waitFor({ state: "detached" });

    // It is among the done tasks, with who did it.
    await page.getByRole("combobox", { name: "Status" }).selectOption({ label: "Udførte opgaver" });
    await expect.poll(() => page.url()).toContain("status=done");
    await followUp.waitFor();
    expect(await followUp.textContent()).toContain("af Sara Sagsbehandler");
    expect(await page.getByRole("checkbox", { name: "Kun overskredne frister" }).isDisabled()).toBe(true);
    await settle(page);
    await expectNoAxeViolations(page, "my tasks: done");
    await maybeScreenshot(page, "tasks-mine-done");
  });
});
