import fs from "node:fs";
import path from "node:path";
import axe from "axe-core";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect, inject } from "vitest";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = fs.existsSync(CHROMIUM);
export const baseUrl = () => inject("baseUrl");

/** Debian's Chromium, headless, no background networking (Playwright gives each launch a fresh profile). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-quic",
    ],
  });
}

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA) on the page and fails with the list of violations.
 * axe-core runs in the page itself, injected once per document (the app is one document with no
 * frames, and client-side navigation keeps it): @axe-core/playwright's AxeBuilder injected it into
 * every frame and finished each run in a new blank page, about 1 s more per check.
 */
export async function expectNoAxeViolations(page: Page, label: string) {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(
    async (tags) =>
      (
        await (window as unknown as { axe: typeof axe }).axe.run(document, {
          runOnly: { type: "tag", values: tags },
          resultTypes: ["violations"],
        })
      ).violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(" ")),
      })),
    WCAG_TAGS,
  );
  const problems = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.targets.slice(0, 5).join("\n    ")}`,
  );
  expect(problems, `axe on ${label}`).toEqual([]);
}

/** Screenshots go to .tmp/screenshots when SCREENSHOTS=1 (to look at them), nowhere otherwise. */
export async function maybeScreenshot(page: Page, name: string) {
  if (!process.env.SCREENSHOTS) return;
  const dir = path.resolve(import.meta.dirname, "../.tmp/screenshots");
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
