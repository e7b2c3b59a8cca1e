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

/** An API answer: its status and its JSON body. */
export interface ApiAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: JSON of every endpoint; each test reads what it asserts.
  body: any;
}

/**
 * JSON calls as the signed-in user of a page (its session cookie, and the CSRF token for writes),
 * answering with the status and body so that a test can assert a refusal.
 */
export async function apiOf(p: Page) {
  const request = p.request;
  const me = await (await request.get(`${baseUrl()}/api/me`)).json();
  const call = async (method: "get" | "post", path: string, data?: unknown): Promise<ApiAnswer> => {
    const res = await request[method](`${baseUrl()}/api${path}`, {
      headers: { "X-CSRF-Token": me.csrfToken },
      ...(data === undefined ? {} : { data }),
    });
    return { status: res.status(), body: await res.json() };
  };
  return {
    userId: me.user.id as string,
    get: (path: string) => call("get", path),
    post: (path: string, data: unknown) => call("post", path, data),
  };
}
