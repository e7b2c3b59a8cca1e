import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./app-env.js";

const swaggerDir = path.dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
const ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

// No inline script (the CSP forbids it): the page loads a small init script from this server.
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bundlinje API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><main id="swagger"></main>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;
const INIT = `window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger", deepLinking: true });`;

/** The OpenAPI 3.1 document at /api/openapi.json and a browsable reference at /api/docs. */
export function registerApiDocs(app: OpenAPIHono<AppEnv>, version: string) {
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Bundlinje API",
      version,
      description:
        "JSON API of Bundlinje. Sign in with POST /api/auth/login (session cookie); send the csrfToken from " +
        "GET /api/me as the X-CSRF-Token header on every POST, PUT, PATCH and DELETE. Errors have one shape: " +
        '{ "error": { "code", "message", "details"? } }. Each operation names its permission in x-permission.',
    },
  });
  app.get("/api/docs", (c) => c.html(PAGE));
  app.get("/api/docs/init.js", (c) =>
    c.body(INIT, 200, { "Content-Type": "text/javascript; charset=utf-8" }),
  );
  for (const [file, type] of Object.entries(ASSETS)) {
    app.get(`/api/docs/${file}`, (c) =>
      c.body(fs.readFileSync(path.join(swaggerDir, file)), 200, {
        "Content-Type": type,
        "Cache-Control": "public, max-age=86400",
      }),
    );
  }
}
