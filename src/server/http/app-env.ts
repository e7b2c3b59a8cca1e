import type { RequestContext } from "../context.js";

/** Hono's typed variables for this app. */
export type AppEnv = { Variables: { ctx: RequestContext } };
