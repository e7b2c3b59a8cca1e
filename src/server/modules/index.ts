import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../http/app-env.js";
import { registerAuditRoutes } from "./audit/audit.routes.js";
import { registerAuthRoutes } from "./auth/auth.routes.js";
import { registerBusinessCaseRoutes } from "./business-cases/business-case.routes.js";
import { registerCaseloadRoutes } from "./casework/caseload.routes.js";
import { registerContactRoutes } from "./casework/contact.routes.js";
import { registerCourseRoutes } from "./casework/course.routes.js";
import { registerFamilyRoutes } from "./casework/family.routes.js";
import { registerPlanRoutes } from "./casework/plan.routes.js";
import { registerReferralRoutes } from "./casework/referral.routes.js";
import { registerReviewRoutes } from "./casework/review.routes.js";
import { registerTaskRoutes } from "./casework/task.routes.js";
import { registerContractRoutes } from "./contracts/contract.routes.js";
import { registerOrganisationRoutes } from "./organisations/organisation.routes.js";
import { registerCohortRoutes } from "./progression/cohort.routes.js";
import { registerDataQualityRoutes } from "./progression/data-quality.routes.js";
import { registerInstrumentRoutes } from "./progression/instrument.routes.js";
import { registerMeasurementRoutes } from "./progression/measurement.routes.js";
import { registerMeasurementImportRoutes } from "./progression/measurement-import.routes.js";
import { registerScheduleRoutes } from "./progression/schedule.routes.js";
import { registerProjectRoutes } from "./projects/project.routes.js";
import { registerUserRoutes } from "./users/user.routes.js";

/** Every module's routes. A new module adds one line here. */
export function registerModules(app: OpenAPIHono<AppEnv>) {
  registerAuthRoutes(app);
  registerOrganisationRoutes(app);
  registerProjectRoutes(app);
  registerUserRoutes(app);
  registerBusinessCaseRoutes(app);
  registerContractRoutes(app);
  registerFamilyRoutes(app);
  registerReferralRoutes(app);
  registerCourseRoutes(app);
  registerPlanRoutes(app);
  registerContactRoutes(app);
  registerTaskRoutes(app);
  registerReviewRoutes(app);
  registerCaseloadRoutes(app);
  registerMeasurementRoutes(app);
  registerMeasurementImportRoutes(app);
  registerInstrumentRoutes(app);
  registerScheduleRoutes(app);
  registerCohortRoutes(app);
  registerDataQualityRoutes(app);
  registerAuditRoutes(app);
}
