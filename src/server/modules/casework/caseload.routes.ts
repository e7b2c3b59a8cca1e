import type { OpenAPIHono } from "@hono/zod-openapi";
import {
  CaseloadBoardSchema,
  CaseloadCheckInputSchema,
  CaseloadCheckSchema,
  CaseloadLimitsInputSchema,
  CaseloadLimitsSettingSchema,
  CaseloadQuerySchema,
  CaseloadReassignInputSchema,
  CaseloadReassignPlanSchema,
  WorkerCaseloadLimitsParamsSchema,
} from "../../../contracts/casework-tasks.js";
import type { ActorContext } from "../../context.js";
import type { AppEnv } from "../../http/app-env.js";
import { defineRoute } from "../../http/define-route.js";
import { body, errorJson, json } from "../../http/openapi-helpers.js";
import {
  checkCourseAssignment,
  getCaseloadBoard,
  reassignCaseload,
  removeWorkerCaseloadLimits,
  updateCaseloadLimits,
} from "./caseload.service.js";

const actx = (c: { get(k: "ctx"): unknown }) => c.get("ctx") as ActorContext;
const tags = ["Case work: caseloads"];

export function registerCaseloadRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/caseloads",
      tags,
      summary: "The caseload board of a municipality (team leaders: everyone; caseworkers: themselves)",
      permission: "caseload.read",
      request: { query: CaseloadQuerySchema },
      responses: { 200: json(CaseloadBoardSchema, "The board"), 404: errorJson("Not found") },
    }),
    async (c) => c.json(await getCaseloadBoard(actx(c), c.req.valid("query")), 200),
  );
  app.openapi(
    defineRoute({
      method: "put",
      path: "/api/caseloads/limits",
      tags,
      summary: "Set the municipality's default caseload limits (userId null) or one worker's",
      permission: "caseload.manage",
      request: body(CaseloadLimitsInputSchema),
      responses: { 200: json(CaseloadLimitsSettingSchema, "The limits"), 404: errorJson("Not found") },
    }),
    async (c) => c.json(await updateCaseloadLimits(actx(c), c.req.valid("json")), 200),
  );
  app.openapi(
    defineRoute({
      method: "delete",
      path: "/api/caseloads/limits/{userId}",
      tags,
      summary: "Remove one worker's own caseload limits: the municipality's default applies again",
      permission: "caseload.manage",
      request: { params: WorkerCaseloadLimitsParamsSchema, query: CaseloadQuerySchema },
      responses: {
        200: json(CaseloadLimitsSettingSchema, "The limits now in force for the worker (the default)"),
        404: errorJson("No such worker, or no limits of their own"),
      },
    }),
    async (c) =>
      c.json(
        await removeWorkerCaseloadLimits(actx(c), {
          organisationId: c.req.valid("query").organisationId,
          userId: c.req.valid("param").userId,
        }),
        200,
      ),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/caseloads/check",
      tags,
      summary: "Check a worker's caseload before adding them to a course's case team",
      permission: "family.write",
      request: body(CaseloadCheckInputSchema),
      responses: { 200: json(CaseloadCheckSchema, "The check"), 404: errorJson("Not found") },
    }),
    async (c) => c.json(await checkCourseAssignment(actx(c), c.req.valid("json")), 200),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/caseloads/reassign",
      tags,
      summary:
        "Move a worker's caseload (or some courses) to colleagues in one step; dryRun returns the plan only",
      permission: "caseload.manage",
      request: body(CaseloadReassignInputSchema),
      responses: {
        200: json(CaseloadReassignPlanSchema, "The plan (applied unless dryRun)"),
        404: errorJson("Not found"),
        409: errorJson("Over the hard limit without an override reason, or nothing to move"),
      },
    }),
    async (c) => c.json(await reassignCaseload(actx(c), c.req.valid("json")), 200),
  );
}
