import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, type CalendarDate } from "../src/domain/calendar-date.js";
import { danishDateOf } from "../src/domain/casework/danish-time.js";
import { expectNoAxeViolations, hasChromium, launchBrowser, maybeScreenshot } from "./browser.js";
import { type ApiAnswer, apiOf, login, settle } from "./session.js";

/*
 * Issue 5, recording and trends: the family consultant records a baseline and a follow-up of the
 * family's well-being and of a child's school absence, sees the change from baseline, and corrects a
 * value. The server runs on today's date with the demo data, whose measurements fill most baseline
 * windows; so the journey's family is referred and accepted through the API (a name of its own per
 * run, accepted 100 days ago with the consultant on its case team): its baseline windows have closed
 * unfilled and its first interim measurement's window is open today, whatever the day.
 */

const SUFFIX = Date.now().toString(36).slice(-5);
const SURNAME = `Maalesen${SUFFIX}`;
const FAMILY = `Familien ${SURNAME}`;
const CHILD = `Amina ${SURNAME} (barn)`;
const TODAY = danishDateOf(new Date());
const ACCEPTED_ON = addDays(TODAY, -100);
const REASON = "Skolen sendte et rettet tal for perioden";

let browser: Browser;
let context: BrowserContext;
/** The consultant's page for the whole journey; each step continues where the last one ended. */
let page: Page;

/** The set-up's API calls as the signed-in user of a page: the body, or an error naming the refused step. */
async function setupApiOf(p: Page) {
  const api = await apiOf(p);
  const bodyOf = ({ status, body }: ApiAnswer, step: string) => {
    if (status < 200 || status >= 300) throw new Error(`${step} → ${status} ${JSON.stringify(body)}`);
    return body;
  };
  return {
    userId: api.userId,
    get: async (path: string) => bodyOf(await api.get(path), `GET ${path}`),
    post: async (path: string, data: unknown) => bodyOf(await api.post(path, data), `POST ${path}`),
  };
}

/** Sara refers a new family to Vejle's ordinary track and accepts it with the consultant on the team. */
async function referAndAcceptFamily(consultantUserId: string) {
  const saraContext = await browser.newContext({ locale: "da-DK" });
  const sara = await saraContext.newPage();
  await login(sara, "sagsbehandler@vejle.demo");
  const api = await setupApiOf(sara);
  const projects = await api.get("/projects");
  const project = projects.items.find((p: { name: string }) => p.name.includes("Vejle"));
  const track = project.tracks.find((t: { code: string }) => t.code === "ordinary");
  const person = (firstName: string, birthDate: string, sex: "female" | "male") => ({
    firstName,
    lastName: SURNAME,
    birthDate,
    sex,
    languages: ["ar", "da"],
    danishProficiency: "conversational",
  });
  let referral = await api.post("/referrals", {
    newFamily: {
      name: FAMILY,
      members: [
        { role: "parent", fromOn: "2015-01-01", person: person("Layla", "1985-03-02", "female") },
        {
          role: "child",
          fromOn: "2015-01-01",
          person: { ...person("Amina", "2015-06-11", "female"), schoolOrDayCare: "Nørremarkskolen" },
        },
      ],
    },
    projectId: project.id,
    trackId: track.id,
    reason: "Skolefravær og mistrivsel",
    legalBasis: "Barnets lov § 32",
    referredOn: addDays(ACCEPTED_ON, -14),
  });
  referral = await api.post(`/referrals/${referral.id}/transitions`, {
    event: "start-screening",
    on: addDays(ACCEPTED_ON, -10),
    version: referral.version,
  });
  for (const purpose of ["treatment", "sharing-with-provider", "evaluation"]) {
    await api.post(`/families/${referral.familyId}/consents`, {
      purpose,
      isGiven: true,
      recordedOn: addDays(ACCEPTED_ON, -3),
    });
  }
  referral = await api.get(`/referrals/${referral.id}`);
  await api.post(`/referrals/${referral.id}/transitions`, {
    event: "accept",
    on: ACCEPTED_ON,
    version: referral.version,
    consultantUserId,
  });
  await saraContext.close();
}

beforeAll(async () => {
  if (!hasChromium) return;
  browser = await launchBrowser();
  context = await browser.newContext({ locale: "da-DK", viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  await login(page, "konsulent@modersmaal.demo");
  const consultant = await setupApiOf(page);
  await referAndAcceptFamily(consultant.userId);
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

const dueSection = () => page.getByRole("region", { name: "Målinger i forløbet" });
const progressSection = () => page.getByRole("region", { name: "Udvikling" });
const historySection = () => page.getByRole("region", { name: "Alle målinger" });
const recordDialog = () => page.getByRole("dialog", { name: "Registrér måling" });
const wellBeingQuestion = (dialog: Locator) =>
  dialog.getByRole("radiogroup", { name: /^Alt i alt – hvordan har du det/ });
const absenceField = (dialog: Locator) =>
  dialog.getByRole("textbox", { name: /^Fravær i procent af skoledagene i perioden/ });

/** Opens the form from a due slot's "Registrér" and checks the day suggested inside its window. */
async function recordFromSlot(name: string, expectedDay: CalendarDate) {
  await dueSection().getByRole("button", { name }).click();
  const dialog = recordDialog();
  await dialog.waitFor();
  expect(await dialog.getByLabel(/^Målt den/).inputValue()).toBe(expectedDay);
  return dialog;
}

async function save(dialog: Locator) {
  await dialog.getByRole("button", { name: "Gem måling" }).click();
  await dialog.waitFor({ state: "detached" });
}

/** The row of a subject in the progress table. */
const trendRow = (who: string) =>
  progressSection()
    .getByRole("table")
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: who }) });

describe.skipIf(!hasChromium)("recording measurements and seeing the trend (Chromium + axe-core)", () => {
  it("the consultant opens the family's Målinger tab: the missing baselines are listed with Registrér", async () => {
    await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Familier" }).click();
    await page.getByRole("searchbox", { name: "Søg på familie eller medlem" }).fill(SURNAME);
    await page.getByRole("link", { name: FAMILY }).click();
    await page.getByRole("heading", { level: 1, name: FAMILY }).waitFor();
    await page.getByRole("tab", { name: "Målinger" }).click();
    await dueSection().getByRole("heading", { name: "Trivsel" }).waitFor();
    const text = (await dueSection().textContent()) ?? "";
    expect(text).toContain("Nulpunktsmåling");
    expect(text).toContain("Mangler");
    expect(text).toContain("Åben");
    expect(await progressSection().textContent()).toContain("Der er ikke registreret nogen målinger endnu.");
    await settle(page);
    await expectNoAxeViolations(page, "measurements tab (empty)");
    await maybeScreenshot(page, "measurements-tab-empty");
  });

  it("records the family's baseline well-being; the form refuses a missing respondent first", async () => {
    const dialog = await recordFromSlot(
      "Registrér nulpunktsmåling af Trivsel for Familien",
      addDays(ACCEPTED_ON, 28),
    );
    await wellBeingQuestion(dialog).getByRole("radio", { name: "4", exact: true }).check();
    await dialog.getByRole("status").filter({ hasText: "Trivsel (1–10): 4 – Lav trivsel" }).waitFor();
    await dialog.getByRole("button", { name: "Gem måling" }).click();
    const respondent = dialog.getByRole("combobox", { name: /^Hvem har svaret/ });
    await expect.poll(() => respondent.getAttribute("aria-invalid")).toBe("true");
    await dialog.getByText("Vælg en af mulighederne").waitFor();
    await respondent.selectOption({ label: "Forælder" });
    await settle(page);
    await expectNoAxeViolations(page, "record dialog (well-being)");
    await maybeScreenshot(page, "measurements-record-well-being");
    await save(dialog);
    await expect
      .poll(() =>
        dueSection()
          .getByRole("button", { name: "Registrér nulpunktsmåling af Trivsel for Familien" })
          .count(),
      )
      .toBe(0);
  });

  it("a second family well-being on the same day is refused by the server, at the date", async () => {
    await dueSection().getByRole("button", { name: "Registrér måling" }).click();
    const dialog = recordDialog();
    await dialog.getByRole("combobox", { name: /^Måleredskab/ }).selectOption({ label: "Trivsel" });
    await dialog.getByRole("combobox", { name: /^Hvem gælder målingen/ }).selectOption({ label: "Familien" });
    await dialog.getByLabel(/^Målt den/).fill(addDays(ACCEPTED_ON, 28));
    await dialog.getByRole("combobox", { name: /^Hvem har svaret/ }).selectOption({ label: "Forælder" });
    await wellBeingQuestion(dialog).getByRole("radio", { name: "5", exact: true }).check();
    await dialog.getByRole("button", { name: "Gem måling" }).click();
    await dialog
      .getByText(/Der er allerede registreret Trivsel for den/)
      .first()
      .waitFor();
    expect(await dialog.getByLabel(/^Målt den/).getAttribute("aria-invalid")).toBe("true");
    await settle(page);
    await expectNoAxeViolations(page, "record dialog (server refusal)");
    await maybeScreenshot(page, "measurements-record-refused");
    await dialog.getByRole("button", { name: "Annuller" }).click();
    await dialog.waitFor({ state: "detached" });
  });

  it("records the child's baseline school absence", async () => {
    const dialog = await recordFromSlot(
      `Registrér nulpunktsmåling af Skolefravær for ${CHILD}`,
      addDays(ACCEPTED_ON, 42),
    );
    await dialog
      .getByRole("combobox", { name: /^Hvem har svaret/ })
      .selectOption({ label: "Skole eller dagtilbud" });
    await absenceField(dialog).fill("25");
    await dialog.getByRole("status").filter({ hasText: "Fravær (%): 25 %" }).waitFor();
    await settle(page);
    await expectNoAxeViolations(page, "record dialog (school absence)");
    await maybeScreenshot(page, "measurements-record-absence");
    await save(dialog);
  });

  it("records the first interim measurement of both today, and sees the change from baseline", async () => {
    let dialog = await recordFromSlot("Registrér løbende måling 1 af Trivsel for Familien", TODAY);
    await dialog.getByRole("combobox", { name: /^Hvem har svaret/ }).selectOption({ label: "Forælder" });
    await wellBeingQuestion(dialog).getByRole("radio", { name: "7", exact: true }).check();
    await save(dialog);
    dialog = await recordFromSlot(`Registrér løbende måling 1 af Skolefravær for ${CHILD}`, TODAY);
    await dialog
      .getByRole("combobox", { name: /^Hvem har svaret/ })
      .selectOption({ label: "Skole eller dagtilbud" });
    await absenceField(dialog).fill("10");
    await save(dialog);

    // Well-being: 4 → 7 is 3 points up, more than the 2 that count.
    const progress = progressSection();
    await progress.getByRole("combobox", { name: "Måleredskab" }).selectOption({ label: "Trivsel" });
    await progress
      .getByText("En ændring på mindst 2 point regnes som en reel ændring", { exact: false })
      .waitFor();
    await expect
      .poll(() => trendRow("Familien").textContent())
      .toMatch(/\+3 point.*\+75 %.*Bedre – en reel ændring/);
    expect(await progress.getByRole("img").count()).toBeGreaterThan(0);
    await settle(page, 800);
    await expectNoAxeViolations(page, "progress (well-being)");
    await maybeScreenshot(page, "measurements-progress-well-being");

    // Absence: 25 % → 10 % is 15 points down; lower is better.
    await progress.getByRole("combobox", { name: "Måleredskab" }).selectOption({ label: "Skolefravær" });
    await progress
      .getByText("En ændring på mindst 5 procentpoint regnes som en reel ændring", { exact: false })
      .waitFor();
    await progress.getByText("Lavere er bedre.").waitFor();
    await expect
      .poll(() => trendRow(CHILD).textContent())
      .toMatch(/25 %.*10 %.*[−-]15 procentpoint.*[−-]60 %.*Bedre – en reel ændring/);
    await settle(page, 800);
    await expectNoAxeViolations(page, "progress (school absence)");
    await maybeScreenshot(page, "measurements-progress-absence");
  });

  it("corrects today's absence with a reason: the old value stays in the history, the trend uses the new one", async () => {
    const history = historySection();
    await history.getByRole("combobox", { name: "Måleredskab" }).selectOption({ label: "Skolefravær" });
    await history
      .getByRole("button", {
        name: new RegExp(`^Ret måling: Skolefravær for ${CHILD.replace(/[()]/g, "\\$&")}`),
      })
      .first()
      .click();
    const dialog = page.getByRole("dialog", { name: "Ret måling" });
    await dialog.waitFor();
    expect(await absenceField(dialog).inputValue()).toMatch(/^10/);
    // Without a reason the correction is not sent.
    await absenceField(dialog).fill("12");
    await dialog.getByRole("button", { name: "Gem rettelse" }).click();
    await dialog.getByText("Skriv, hvorfor målingen rettes").waitFor();
    await dialog.getByRole("textbox", { name: /^Begrundelse for rettelsen/ }).fill(REASON);
    await settle(page);
    await expectNoAxeViolations(page, "correction dialog");
    await maybeScreenshot(page, "measurements-correct");
    await dialog.getByRole("button", { name: "Gem rettelse" }).click();
    await dialog.waitFor({ state: "detached" });

    await expect.poll(() => history.textContent()).toContain(`af Kamal Konsulent – ${REASON}`);
    const text = (await history.textContent()) ?? "";
    expect(text).toMatch(/Rettet.*Fravær \(%\): 10 %/);
    expect(text).toMatch(/Rettelse.*Fravær \(%\): 12 %/);
    // Only the correction can be corrected again.
    expect(await history.getByRole("button", { name: /^Ret måling: Skolefravær/ }).count()).toBe(2);
    await expect
      .poll(() => trendRow(CHILD).textContent())
      .toMatch(/25 %.*12 %.*[−-]13 procentpoint.*[−-]52 %.*Bedre – en reel ændring/);
    await settle(page, 800);
    await expectNoAxeViolations(page, "history with a correction");
    await maybeScreenshot(page, "measurements-history-corrected");
  });
});
