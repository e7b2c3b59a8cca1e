import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseloadBoard } from "../src/contracts/casework-tasks.js";
import { baseUrl, expectNoAxeViolations, hasChromium, launchBrowser, maybeScreenshot } from "./browser.js";
import { login, nav, newPage, settle } from "./session.js";

const SARA = "Sara Sagsbehandler";
const JONAS = "Jonas Holm";
const OVER_LIMIT_REFUSAL = "det kræver en teamleders godkendelse med en begrundelse";

let browser: Browser;

beforeAll(async () => {
  if (hasChromium) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The board as the signed-in user's API sees it (to pick numbers that fit the demo data of this run). */
async function fetchBoard(page: Page): Promise<CaseloadBoard> {
  return page.evaluate(async () => (await fetch("/api/caseloads")).json());
}

/** Sets a worker's own limits through the API: the safety net that restores the demo data. */
async function putLimits(page: Page, userId: string, limits: CaseloadBoard["defaults"]) {
  await page.evaluate(
    async ({ userId, limits }) => {
      const me = await (await fetch("/api/me")).json();
      await fetch("/api/caseloads/limits", {
        method: "PUT",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": me.csrfToken },
        body: JSON.stringify({ userId, ...limits }),
      });
    },
    { userId, limits },
  );
}

const families = (weightedLoadPct: number) => new Intl.NumberFormat("da-DK").format(weightedLoadPct / 100);
const loadText = (weightedLoadPct: number, hard: number) =>
  `${families(weightedLoadPct)} af ${hard} familier (vægtet)`;

function workerCard(page: Page, name: string): Locator {
  return page.getByRole("article", { name });
}

async function setLimits(page: Page, name: string, warning: number, hard: number) {
  const dialog = page.getByRole("dialog", { name: `Grænser for ${name}` });
  await dialog.getByRole("textbox", { name: /^Advarsel ved/ }).fill(String(warning));
  await dialog.getByRole("textbox", { name: /^Fast grænse/ }).fill(String(hard));
  await dialog.getByRole("button", { name: "Gem grænser" }).click();
}

describe.skipIf(!hasChromium)(
  "caseloads (Sagsstammer): board, limits and reassignment (Chromium + axe-core)",
  () => {
    it("a team leader sets Sara's hard limit, is stopped there moving Jonas's course without an override, then moves it with one", async () => {
      const page = await newPage(browser);
      await login(page, "leder@vejle.demo");
      await nav(page, "Sagsstammer").click();
      await page.getByRole("heading", { level: 1, name: "Sagsstammer" }).waitFor();
      await page.getByRole("heading", { level: 2, name: "Medarbejdere" }).waitFor();
      await settle(page);

      const before = await fetchBoard(page);
      const sara = before.workers.find((w) => w.name === SARA)!;
      const jonas = before.workers.find((w) => w.name === JONAS)!;
      expect(sara && jonas).toBeTruthy();
      const saraCard = workerCard(page, SARA);
      const jonasCard = workerCard(page, JONAS);
      await expect.poll(() => saraCard.textContent()).toContain(loadText(sara.weightedLoadPct, 25));
      await expect.poll(() => jonasCard.textContent()).toContain(loadText(jonas.weightedLoadPct, 25));
      expect(await saraCard.textContent()).toContain("Forfaldne opgaver");
      await maybeScreenshot(page, "caseload-board");

      // Jonas's families: a course of a family Sara does not hold yet (so that it adds to her load).
      const saraFamilies = new Set(sara.families.map((f) => f.familyId));
      const course = jonas.families.find(
        (f) =>
          !saraFamilies.has(f.familyId) &&
          jonas.families.filter((g) => g.familyName === f.familyName).length === 1,
      )!;
      expect(course).toBeTruthy();
      await jonasCard.getByRole("button", { name: /^Vis forløb/ }).click();
      await jonasCard.getByRole("link", { name: course.familyName }).waitFor();
      expect(await jonasCard.getByRole("link", { name: course.familyName }).getAttribute("href")).toBe(
        `/families/${course.familyId}`,
      );
      await expectNoAxeViolations(page, "caseload board (team leader) with Jonas's courses");
      await maybeScreenshot(page, "caseload-worker-families");

      // A low own hard limit for Sara: her current load fits, one more family does not.
      const lowLimit = Math.ceil(sara.weightedLoadPct / 100);
      try {
        await page.getByRole("button", { name: `Grænser for ${SARA}` }).click();
        await setLimits(page, SARA, lowLimit + 5, lowLimit);
        const limitsDialog = page.getByRole("dialog", { name: `Grænser for ${SARA}` });
        await limitsDialog.getByText("Advarselsgrænsen må ikke være højere end den faste grænse").waitFor();
        await expectNoAxeViolations(page, "limits dialog with an error");
        await maybeScreenshot(page, "caseload-limits-error");
        await setLimits(page, SARA, lowLimit, lowLimit);
        await limitsDialog.waitFor({ state: "detached" });
        await expect.poll(() => saraCard.textContent()).toContain(loadText(sara.weightedLoadPct, lowLimit));
        expect(await saraCard.textContent()).toContain("egne grænser");

        // Move one of Jonas's courses to Sara: the preview says she goes over the limit.
        await page.getByRole("button", { name: `Flyt sager fra ${JONAS}` }).click();
        const dialog = page.getByRole("dialog", { name: `Flyt sager fra ${JONAS}` });
        await dialog.getByRole("checkbox", { name: course.familyName, exact: true }).check();
        const saraBox = dialog.getByRole("checkbox", { name: SARA, exact: true });
        if (!(await saraBox.isChecked())) await saraBox.check();
        await settle(page);
        await expectNoAxeViolations(page, "reassign dialog (choices)");
        await maybeScreenshot(page, "caseload-reassign-choices");
        await dialog.getByRole("button", { name: "Vis forslag" }).click();
        await dialog.getByRole("heading", { name: "Forslag til flytning" }).waitFor();
        const targets = dialog.getByRole("table", { name: /^Modtagernes sagsstamme/ });
        const targetRow = targets.getByRole("row", { name: new RegExp(SARA) });
        await expect.poll(() => targetRow.textContent()).toContain("Over den faste grænse");
        expect(await targetRow.textContent()).toContain(families(sara.weightedLoadPct + course.weightPct));
        expect(
          await dialog
            .getByRole("table", { name: "Forløb, der flyttes" })
            .getByRole("row", { name: new RegExp(course.familyName) })
            .textContent(),
        ).toContain(SARA);
        await maybeScreenshot(page, "caseload-reassign-preview");

        // Without an override reason the server refuses, and nothing moves.
        await dialog.getByRole("button", { name: "Flyt 1 forløb" }).click();
        const refusal = dialog.getByRole("alert").filter({ hasText: "Sagerne er ikke flyttet" });
        await expect.poll(() => refusal.textContent()).toContain(OVER_LIMIT_REFUSAL);
        await dialog.getByText("Skriv en begrundelse for at overskride den faste grænse").waitFor();
        const unchanged = await fetchBoard(page);
        expect(unchanged.workers.find((w) => w.name === JONAS)!.families.map((f) => f.courseId)).toContain(
          course.courseId,
        );
        // The preview plus the refusal: one axe run covers both states.
        await expectNoAxeViolations(page, "reassign preview, refused without an override");
        await maybeScreenshot(page, "caseload-reassign-refused");

        // With the team leader's reason it moves, in one step.
        await dialog
          .getByRole("textbox", { name: /^Begrundelse for at overskride grænsen/ })
          .fill("Midlertidigt, indtil den nye kollega starter.");
        await dialog.getByRole("button", { name: "Flyt 1 forløb" }).click();
        await dialog.waitFor({ state: "detached" });
        await page.getByText("1 forløb er flyttet.").waitFor();
        const saraAfter = sara.weightedLoadPct + course.weightPct;
        const jonasAfter = jonas.weightedLoadPct - course.weightPct;
        await expect.poll(() => saraCard.textContent()).toContain(loadText(saraAfter, lowLimit));
        expect(await saraCard.textContent()).toContain("Over den faste grænse");
        await expect.poll(() => jonasCard.textContent()).toContain(loadText(jonasAfter, 25));
        expect(await jonasCard.getByRole("link", { name: course.familyName }).count()).toBe(0);
        await settle(page);
        await expectNoAxeViolations(page, "caseload board after the move");
        await maybeScreenshot(page, "caseload-board-after-move");

        // Restore Sara's limits (the same server serves the other journeys): back to the municipality's
        // default when she had none of her own, else her own as they were.
        await page.getByRole("button", { name: `Grænser for ${SARA}` }).click();
        if (sara.hasOwnLimits) {
          await setLimits(page, SARA, sara.limits.warningAtFamilies, sara.limits.hardLimitFamilies);
        } else {
          await limitsDialog.getByRole("button", { name: "Brug kommunens standard" }).click();
        }
        await limitsDialog.waitFor({ state: "detached" });
        if (!sara.hasOwnLimits) {
          await page.getByText(`${SARA} følger nu kommunens standardgrænser.`).waitFor();
          expect((await fetchBoard(page)).workers.find((w) => w.userId === sara.userId)!.hasOwnLimits).toBe(
            false,
          );
        }
        await expect
          .poll(() => saraCard.textContent())
          .toContain(loadText(saraAfter, sara.limits.hardLimitFamilies));
      } finally {
        if (sara.hasOwnLimits) await putLimits(page, sara.userId, sara.limits);
        await page.context().close();
      }
    });

    it("a caseworker sees only her own caseload, without the team leader's tools", async () => {
      const page = await newPage(browser);
      await login(page, "sagsbehandler@vejle.demo");
      await nav(page, "Sagsstammer").click();
      await page.getByRole("heading", { level: 2, name: "Din sagsstamme" }).waitFor();
      await settle(page);
      const cards = page.getByRole("article");
      expect(await cards.count()).toBe(1);
      await workerCard(page, SARA).waitFor();
      expect(await page.locator("main").textContent()).not.toContain(JONAS);
      expect(await page.getByRole("button", { name: /^Flyt sager/ }).count()).toBe(0);
      expect(await page.getByRole("button", { name: /^Grænser/ }).count()).toBe(0);
      expect(await page.getByRole("button", { name: "Ret standardgrænser" }).count()).toBe(0);
      // Her courses are listed from the start, each family linking to its page.
      const table = page.getByRole("table", { name: `Forløb i sagsstammen hos ${SARA}` });
      expect(await table.getByRole("link").count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page, "caseload board (caseworker)");
      await maybeScreenshot(page, "caseload-own");
      await page.context().close();
    });

    it("an investor has no Sagsstammer menu item and is refused at /caseloads", async () => {
      const page = await newPage(browser);
      await login(page, "investor@fond.demo");
      expect(await nav(page, "Sagsstammer").count()).toBe(0);
      await page.goto(`${baseUrl()}/caseloads`);
      await page.getByRole("heading", { level: 1, name: "Ingen adgang" }).waitFor();
      expect(await page.getByRole("article").count()).toBe(0);
      await expectNoAxeViolations(page, "caseloads as an investor");
      await page.context().close();
    });
  },
);
