import fs from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import type { AppDeps } from "../context.js";
import { AppError } from "../errors.js";
import { registerModules } from "../modules/index.js";
import { isMeasurementImportPath } from "../modules/progression/measurement-import.routes.js";
import { registerApiDocs } from "./api-docs.js";
import type { AppEnv } from "./app-env.js";
import { contextMiddleware } from "./context-middleware.js";
import { csrfProtection } from "./csrf.js";
import { handleError, validationError } from "./error-handler.js";
import { logInfo } from "./logger.js";

/** 1 MiB is plenty for JSON commands; file imports get their own limit on their route. */
const JSON_BODY_LIMIT = 1024 * 1024;

/** Builds the whole HTTP application: API, OpenAPI document and reference, and the web app. */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error);
    },
  });

  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", "blob:"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: "no-referrer",
      xFrameOptions: "DENY",
      strictTransportSecurity: deps.config.publicOrigin?.startsWith("https:") ? "max-age=31536000" : false,
    }),
  );
  app.use("*", contextMiddleware(deps));
  app.use("*", async (c, next) => {
    await next();
    if (deps.lifecycle?.isStopping) c.header("Connection", "close");
  });
  app.use("*", async (c, next) => {
    const started = performance.now();
    await next();
    if (c.req.path.startsWith("/api/")) {
      c.header("Cache-Control", "no-store");
      const ctx = c.get("ctx");
      logInfo({
        requestId: ctx.requestId,
        method: c.req.method,
        route: c.req.routePath,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
        userId: ctx.actor?.userId,
      });
    }
  });
  const jsonBodyLimit = bodyLimit({
    maxSize: JSON_BODY_LIMIT,
    onError: () => {
      throw new AppError("PAYLOAD_TOO_LARGE", "Forespørgslen er for stor (højst 1 MB).");
    },
  });
  // The CSV import routes carry a file and check their own, larger limit (measurement-import.routes.ts).
  app.use("/api/*", (c, next) => (isMeasurementImportPath(c.req.path) ? next() : jsonBodyLimit(c, next)));
  app.use("/api/*", csrfProtection());

  registerModules(app);
  registerApiDocs(app, deps.version);

  app.all("/api/*", () => {
    throw new AppError("NOT_FOUND", "Denne adresse findes ikke i API'et.");
  });

  if (deps.webDistDir && fs.existsSync(path.join(deps.webDistDir, "index.html"))) {
    const root = path.relative(process.cwd(), deps.webDistDir) || ".";
    const indexHtml = fs.readFileSync(path.join(deps.webDistDir, "index.html"), "utf8");
    app.use(
      "/assets/*",
      serveStatic({
        root,
        onFound: (_p, c) => {
          c.header("Cache-Control", "public, max-age=31536000, immutable");
        },
      }),
    );
    app.use("*", serveStatic({ root }));
    // Every other GET is a route of the single-page app.
    app.get("*", (c) => c.html(indexHtml));
  }

  app.notFound(() => {
    throw new AppError("NOT_FOUND", "Siden findes ikke.");
  });
  app.onError(handleError);
  return app;
}

export type App = ReturnType<typeof createApp>;
