import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import type { AppConfig } from "../config.js";

export const SESSION_COOKIE = "bl_session";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Secure everywhere except plain-http localhost (development and tests). */
function isSecure(c: Context, config: AppConfig): boolean {
  if (config.publicOrigin) return config.publicOrigin.startsWith("https:");
  const url = new URL(c.req.url);
  const proto = config.trustProxy
    ? (c.req.header("x-forwarded-proto") ?? url.protocol.replace(":", ""))
    : url.protocol.replace(":", "");
  return proto === "https" || !LOCAL_HOSTS.has(url.hostname);
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure outside localhost, no Max-Age. */
export function setSessionCookie(c: Context, config: AppConfig, token: string) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: isSecure(c, config),
    path: "/",
  });
}

export function clearSessionCookie(c: Context, config: AppConfig) {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: isSecure(c, config) });
}
