import type { Browser, Page } from "playwright-core";
import { baseUrl } from "./browser.js";

/** The demo users' password (src/server/seed/demo-data.ts). */
export const DEMO_PASSWORD = "bundlinje-demo";

/** A fresh browser context (its own cookies) in Danish, at a desktop size. */
export async function newPage(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ locale: "da-DK", viewport });
  return context.newPage();
}

/** Signs in through the login page as a demo user and waits for the main menu. */
export async function login(page: Page, email: string) {
  await page.goto(`${baseUrl()}/`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Adgangskode", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log ind" }).click();
  await page.getByRole("navigation", { name: "Hovedmenu" }).waitFor();
}

/** Waits until the page has loaded what it asked for (and a moment for the last render). */
export async function settle(page: Page, ms = 300) {
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(ms);
}

/** A link of the main menu. */
export function nav(page: Page, name: string) {
  return page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name });
}
