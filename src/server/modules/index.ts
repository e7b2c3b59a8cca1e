import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../http/app-env.js";
import { registerAuditRoutes } from "./audit/audit.routes.js";
import { registerAuthRoutes } from "./auth/auth.routes.js";
import { registerBusinessCaseRoutes } from "./business-cases/business-case.routes.js";
import { registerOrganisationRoutes } from "./organisations/organisation.routes.js";
import { registerProjectRoutes } from "./projects/project.routes.js";
import { registerUserRoutes } from "./users/user.routes.js";

/** Every module's routes. A new module adds one line here. */
export function registerModules(app: OpenAPIHono<AppEnv>) {
  registerAuthRoutes(app);
  registerOrganisationRoutes(app);
  registerProjectRoutes(app);
  registerUserRoutes(app);
  registerBusinessCaseRoutes(app);
  registerAuditRoutes(app);
}
