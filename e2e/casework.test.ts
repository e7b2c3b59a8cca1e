import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, hasChromium, launchBrowser, maybeScreenshot } from "./browser.js";
import { login, nav, newPage, settle } from "./session.js";

/** A family name of its own per run, so the journey never meets an earlier run's family. */
const SUFFIX = Date.now().toString(36).slice(-5);
const SURNAME = `Testesen${SUFFIX}`;
const FAMILY = `Familien ${SURNAME}`;

let browser: Browser;
/** The address of the new family's page, for the access checks after the journey. */
let familyUrl = "";

beforeAll(async () => {
  if (hasChromium) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Picks languages in a Mantine multi-select: type a few letters, choose the option. */
async function chooseLanguages(member: Locator, page: Page, names: string[]) {
  const input = member.getByLabel("Sprog", { exact: true });
  for (const name of names) {
    await input.click();
    await input.fill(name.slice(0, 3));
    await page.getByRole("option", { name, exact: true }).click();
  }
  await input.press("Escape");
}

async function fillMember(
  page: Page,
  index: number,
  m: {
    role: string;
    firstName: string;
    birthDate: string;
    sex: string;
    danish: string;
    languages: string[];
    interpreter?: boolean;
    school?: string;
  },
) {
  const member = page.getByRole("group", { name: `Medlem ${index}` });
  await member.getByRole("combobox", { name: /^Rolle i familien/ }).selectOption({ label: m.role });
  await member.getByLabel("Fornavn").fill(m.firstName);
  await member.getByLabel("Efternavn").fill(SURNAME);
  await member.getByLabel("Fødselsdato").fill(m.birthDate);
  await member.getByLabel("Køn").selectOption({ label: m.sex });
  await member.getByLabel("Danskkundskaber").selectOption({ label: m.danish });
  await chooseLanguages(member, page, m.languages);
  if (m.school) await member.getByLabel("Skole/dagtilbud").fill(m.school);
  if (m.interpreter) await member.getByLabel("Har brug for tolk").check();
}

/** Opens a step's dialog from its button and saves it with the dialog's own button. */
async function takeStep(page: Page, step: string, reason?: string) {
  await page.getByRole("button", { name: step, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: step });
  await dialog.waitFor();
  if (reason) await dialog.getByLabel("Begrundelse").fill(reason);
  await dialog.getByRole("button", { name: step, exact: true }).click();
  await dialog.waitFor({ state: "detached" });
}

describe.skipIf(!hasChromium)(
  "case work: referral → consent → acceptance → course (Chromium + axe-core)",
  () => {
    it("a Vejle caseworker refers a new family, screens it, records consent, accepts it and starts the baseline", {
      timeout: 180_000,
    }, async () => {
      const page = await newPage(browser);
      await login(page, "sagsbehandler@vejle.demo");

      // The inbox.
      await nav(page, "Henvisninger").click();
      await page.getByRole("heading", { level: 1, name: "Henvisninger" }).waitFor();
      await page.getByRole("heading", { level: 2, name: "Åbne henvisninger" }).waitFor();
      await settle(page);
      await expectNoAxeViolations(page, "referral inbox");
      await maybeScreenshot(page, "casework-referral-inbox");

      // A new referral of a new family with two members.
      await page.getByRole("link", { name: "Ny henvisning" }).click();
      await page.getByRole("heading", { level: 1, name: "Ny henvisning" }).waitFor();
      await settle(page);
      await expectNoAxeViolations(page, "new referral (empty)");
      // Sending the empty form marks the fields, and nothing is sent.
      await page.getByRole("button", { name: "Send henvisning" }).click();
      await expect.poll(() => page.getByText("Udfyld feltet").count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page, "new referral with errors");

      await page
        .getByRole("combobox", { name: /^Projekt/ })
        .selectOption({ label: "Familiebehandling på modersmål – Vejle" });
      await page
        .getByRole("combobox", { name: /^Spor/ })
        .selectOption({ label: "Almindelig familiebehandling (plads til 20 familier)" });
      await page
        .getByLabel("Årsag til henvisningen")
        .fill("Skolefravær og mistrivsel hos den ældste; familien ønsker hjælp på somali.");
      const legalBasis = page.getByRole("combobox", { name: "Lovgrundlag" });
      await legalBasis.fill("Barnets lov § 32");
      await legalBasis.press("Escape");
      await page.getByLabel("Familiens navn").fill(FAMILY);
      await fillMember(page, 1, {
        role: "Forælder",
        firstName: "Hodan",
        birthDate: "1986-05-14",
        sex: "Kvinde/pige",
        danish: "Lidt",
        languages: ["somali", "arabisk"],
        interpreter: true,
      });
      await fillMember(page, 2, {
        role: "Barn",
        firstName: "Yusuf",
        birthDate: "2014-02-03",
        sex: "Mand/dreng",
        danish: "Flydende",
        languages: ["somali", "dansk"],
        school: "Nørremarkskolen, 6.b",
      });
      await settle(page);
      await expectNoAxeViolations(page, "new referral (filled in)");
      await maybeScreenshot(page, "casework-referral-new");
      await page.getByRole("button", { name: "Send henvisning" }).click();

      // The referral: received; screening.
      await page.getByRole("heading", { level: 1, name: `Henvisning: ${FAMILY}` }).waitFor();
      await settle(page);
      await expectNoAxeViolations(page, "referral (received)");
      await takeStep(page, "Start screening");
      await expect.poll(() => page.locator("main").textContent()).toContain("Under screening siden");

      // The acceptance check misses the consents; record all three from the shortcut.
      const check = page.getByRole("region", { name: "Godkendelsestjek" });
      await expect.poll(() => check.textContent()).toContain("samtykke");
      expect(await page.getByRole("button", { name: "Godkend", exact: true }).isDisabled()).toBe(true);
      await settle(page);
      await expectNoAxeViolations(page, "referral (screening, consent missing)");
      await maybeScreenshot(page, "casework-referral-screening");
      await check.getByRole("button", { name: "Registrér samtykke" }).click();
      const consent = page.getByRole("dialog", { name: new RegExp(`Registrér samtykke – ${FAMILY}`) });
      await consent.waitFor();
      for (const purpose of ["Behandling", "Deling af oplysninger med leverandøren", "Evaluering"]) {
        expect(await consent.getByRole("checkbox", { name: purpose }).isChecked()).toBe(true);
      }
      await expectNoAxeViolations(page, "consent dialog");
      await consent.getByRole("button", { name: "Registrér samtykke" }).click();
      await consent.waitFor({ state: "detached" });
      await expect.poll(() => check.textContent()).toContain("Alt er klar");

      // Accept: the course opens; go to it.
      await takeStep(page, "Godkend");
      await page.getByText("Henvisningen er godkendt").waitFor();
      await settle(page);
      await expectNoAxeViolations(page, "referral (accepted)");
      await maybeScreenshot(page, "casework-referral-accepted");
      await page.getByRole("link", { name: "Gå til forløbet" }).click();

      // The family page, on the course tab: move the course to baseline.
      await page.getByRole("heading", { level: 1, name: FAMILY }).waitFor();
      familyUrl = page.url().split("?")[0]!;
      await expect
        .poll(() => page.getByRole("tab", { name: "Forløb" }).getAttribute("aria-selected"))
        .toBe("true");
      const coursePanel = page.getByRole("tabpanel", { name: "Forløb" });
      await coursePanel.getByText("Visiteret", { exact: true }).first().waitFor();
      await expect.poll(() => coursePanel.textContent()).toContain("Sara Sagsbehandler");
      await takeStep(page, "Start baseline");
      await expect
        .poll(() => coursePanel.getByRole("button", { name: "Start behandlingen" }).count())
        .toBe(1);
      await expect.poll(() => coursePanel.textContent()).toContain("Visiteret → Baseline");
      await settle(page);
      await expectNoAxeViolations(page, "family page: course");
      await maybeScreenshot(page, "casework-family-course");

      // The overview: household (CPR not recorded), the consents given, a member added after a duplicate warning.
      await page.getByRole("tab", { name: "Overblik" }).click();
      const household = page.getByRole("region", { name: "Husstanden" });
      await household.getByRole("rowheader", { name: new RegExp(`Hodan ${SURNAME}`) }).waitFor();
      expect(await household.textContent()).toContain("somali, arabisk");
      const consents = page.getByRole("region", { name: "Samtykker" });
      // Each purpose is given (for the family, and for the parent the check asked about).
      for (const purpose of ["Behandling", "Deling af oplysninger med leverandøren", "Evaluering"]) {
        const rows = consents
          .getByRole("row")
          .filter({ has: page.getByRole("rowheader", { name: purpose }) });
        await expect.poll(() => rows.count()).toBeGreaterThan(0);
        for (const text of await rows.allTextContents()) expect(text).toContain("Givet");
      }
      await household.getByRole("button", { name: "Tilføj medlem" }).click();
      const add = page.getByRole("dialog", { name: `Tilføj medlem til ${FAMILY}` });
      await add.waitFor();
      await add.getByLabel("Fornavn").fill("Yusuf");
      await add.getByLabel("Efternavn").fill(SURNAME);
      await add.getByLabel("Fødselsdato").fill("2014-02-03");
      await add.getByLabel("Køn").selectOption({ label: "Mand/dreng" });
      await add.getByLabel("Danskkundskaber").selectOption({ label: "Flydende" });
      await add.getByRole("button", { name: "Tilføj medlem" }).click();
      await add.getByText("Personen findes måske allerede").waitFor();
      await expectNoAxeViolations(page, "add member: duplicate warning");
      await maybeScreenshot(page, "casework-duplicate-warning");
      await add.getByRole("button", { name: "Annuller" }).click();
      await add.waitFor({ state: "detached" });
      await settle(page);
      await expectNoAxeViolations(page, "family page: overview");
      await maybeScreenshot(page, "casework-family-overview");

      // The family list finds the family by a member's name, with its state.
      await nav(page, "Familier").click();
      await page.getByRole("heading", { level: 1, name: "Familier" }).waitFor();
      await settle(page);
      await expectNoAxeViolations(page, "family list");
      await maybeScreenshot(page, "casework-family-list");
      await page.getByRole("searchbox", { name: "Søg på familie eller medlem" }).fill(`Yusuf ${SURNAME}`);
      const row = page.getByRole("row", { name: new RegExp(FAMILY) });
      await row.waitFor();
      expect(await row.textContent()).toContain("Baseline");
      await expect.poll(() => page.url()).toContain("q=");
      await page.getByLabel("Status").selectOption({ label: "Åbne forløb" });
      await row.waitFor();
      await page.getByRole("link", { name: FAMILY }).click();
      await page.getByRole("heading", { level: 1, name: FAMILY }).waitFor();

      // A child moves out: the dialog asks for the last day; the person and the history stay.
      await page.getByRole("tab", { name: "Overblik" }).click();
      const yusuf = `Yusuf ${SURNAME}`;
      await page.getByRole("button", { name: `Fraflyt ${yusuf}` }).click();
      const moveOut = page.getByRole("dialog", { name: `${yusuf} flytter ud` });
      await moveOut.waitFor();
      await moveOut.getByRole("button", { name: "Fraflyt", exact: true }).click();
      await page.getByText(`${yusuf} er flyttet ud.`).waitFor();
      await moveOut.waitFor({ state: "detached" });
      await page.context().close();
    });

    it("an investor and a Rødovre caseworker see a not-found page at the family's address, not the family", async () => {
      expect(familyUrl).toMatch(/\/families\//);
      for (const email of ["investor@fond.demo", "sagsbehandler@rodovre.demo"]) {
        const page = await newPage(browser);
        await login(page, email);
        await page.goto(familyUrl);
        await page.getByRole("heading", { level: 1, name: "Siden findes ikke" }).waitFor();
        expect(await page.locator("main").textContent()).not.toContain(SURNAME);
        await expectNoAxeViolations(page, `family page as ${email}`);
        await page.context().close();
      }
    });
  },
);
