import type { OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import {
  FamilyPlanViewSchema,
  PlanAgreementInputSchema,
  PlanAgreementSchema,
  PlanDiffQuerySchema,
  PlanDiffSchema,
  PlanSaveInputSchema,
  PlanVersionParamSchema,
  PlanVersionSummarySchema,
} from "../../../contracts/casework-plan.js";
import { IdParamSchema } from "../../../contracts/common.js";
import type { ActorContext } from "../../context.js";
import type { AppEnv } from "../../http/app-env.js";
import { defineRoute } from "../../http/define-route.js";
import { body, errorJson, json } from "../../http/openapi-helpers.js";
import {
  baseVersionOf,
  diffPlanVersions,
  getCurrentPlan,
  getPlanVersion,
  listPlanVersions,
  recordPlanAgreement,
  savePlan,
} from "./plan.service.js";

const actx = (c: { get(k: "ctx"): unknown }) => c.get("ctx") as ActorContext;
const tags = ["Familiens Plan"];
const etag = (version: number) => `"${version}"`;
const notFound = { 404: errorJson("The course (or version) does not exist or is hidden from you") };
const IfMatchHeaderSchema = z.object({
  "if-match": z
    .string()
    .optional()
    .describe('The plan version the edit was based on, e.g. "3" ("0" for the first save)'),
});

export function registerPlanRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/courses/{id}/plan",
      tags,
      summary: "The current version of Familiens Plan with its monthly cost per department (ETag: version)",
      permission: "family.read",
      request: { params: IdParamSchema },
      responses: { 200: json(FamilyPlanViewSchema, "The current plan"), ...notFound },
    }),
    async (c) => {
      const view = await getCurrentPlan(actx(c), c.req.valid("param").id);
      c.header("ETag", etag(view.currentVersion));
      return c.json(view, 200);
    },
  );
  app.openapi(
    defineRoute({
      method: "put",
      path: "/api/courses/{id}/plan",
      tags,
      summary: 'Save a new version of the plan (If-Match: "<version you edited>"; 409 when it moved on)',
      permission: "family.write",
      request: { params: IdParamSchema, headers: IfMatchHeaderSchema, ...body(PlanSaveInputSchema) },
      responses: {
        200: json(FamilyPlanViewSchema, "The new current plan"),
        ...notFound,
        409: errorJson("Someone saved a newer version; the message says who, when and what changed"),
      },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const baseVersion = baseVersionOf(c.req.valid("header")["if-match"], input.baseVersion);
      const view = await savePlan(actx(c), c.req.valid("param").id, {
        plan: input.plan,
        note: input.note,
        baseVersion,
      });
      c.header("ETag", etag(view.currentVersion));
      return c.json(view, 200);
    },
  );
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/courses/{id}/plan/versions",
      tags,
      summary: "Every saved version of the plan, newest first",
      permission: "family.read",
      request: { params: IdParamSchema },
      responses: {
        200: json(z.object({ items: z.array(PlanVersionSummarySchema) }), "Versions"),
        ...notFound,
      },
    }),
    async (c) => c.json(await listPlanVersions(actx(c), c.req.valid("param").id), 200),
  );
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/courses/{id}/plan/versions/{version}",
      tags,
      summary: "One saved version of the plan",
      permission: "family.read",
      request: { params: PlanVersionParamSchema },
      responses: { 200: json(FamilyPlanViewSchema, "The version"), ...notFound },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await getPlanVersion(actx(c), p.id, p.version), 200);
    },
  );
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/courses/{id}/plan/diff",
      tags,
      summary: "What changed per goal and per measure between two versions (0 = before the first)",
      permission: "family.read",
      request: { params: IdParamSchema, query: PlanDiffQuerySchema },
      responses: { 200: json(PlanDiffSchema, "The differences"), ...notFound },
    }),
    async (c) => {
      const q = c.req.valid("query");
      return c.json(await diffPlanVersions(actx(c), c.req.valid("param").id, q.from, q.to), 200);
    },
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/courses/{id}/plan/agreements",
      tags,
      summary: "Record that the family agreed to a version of the plan",
      permission: "family.write",
      request: { params: IdParamSchema, ...body(PlanAgreementInputSchema) },
      responses: { 201: json(PlanAgreementSchema, "Recorded"), ...notFound },
    }),
    async (c) =>
      c.json(await recordPlanAgreement(actx(c), c.req.valid("param").id, c.req.valid("json")), 201),
  );
}
