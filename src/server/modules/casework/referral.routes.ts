import type { OpenAPIHono } from "@hono/zod-openapi";
import { pageOf } from "../../../contracts/admin.js";
import {
  ReferralAssignInputSchema,
  ReferralCreateInputSchema,
  ReferralDetailSchema,
  ReferralListQuerySchema,
  ReferralSummarySchema,
  ReferralTransitionInputSchema,
} from "../../../contracts/casework.js";
import { IdParamSchema } from "../../../contracts/common.js";
import type { ActorContext } from "../../context.js";
import type { AppEnv } from "../../http/app-env.js";
import { defineRoute } from "../../http/define-route.js";
import { body, errorJson, json } from "../../http/openapi-helpers.js";
import {
  assignReferral,
  createReferral,
  getReferral,
  listReferrals,
  transitionReferral,
} from "./referral.service.js";

const actx = (c: { get(k: "ctx"): unknown }) => c.get("ctx") as ActorContext;
const tags = ["Referrals"];
const detail = { 200: json(ReferralDetailSchema, "The referral"), 404: errorJson("Not found") };

export function registerReferralRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/referrals",
      tags,
      summary: "The referral inbox: referrals you can read, newest first (audited)",
      permission: "family.read",
      request: { query: ReferralListQuerySchema },
      responses: { 200: json(pageOf(ReferralSummarySchema, "ReferralPage"), "A page of referrals") },
    }),
    async (c) => c.json(await listReferrals(actx(c), c.req.valid("query")), 200),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/referrals",
      tags,
      summary: "Refer a family (new or known) to a project track",
      permission: "family.write",
      request: body(ReferralCreateInputSchema),
      responses: {
        201: json(ReferralDetailSchema, "Submitted"),
        409: errorJson("Possible duplicate person"),
      },
    }),
    async (c) => c.json(await createReferral(actx(c), c.req.valid("json")), 201),
  );
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/referrals/{id}",
      tags,
      summary: "One referral: history, allowed events, the acceptance check (audited)",
      permission: "family.read",
      request: { params: IdParamSchema },
      responses: detail,
    }),
    async (c) => c.json(await getReferral(actx(c), c.req.valid("param").id), 200),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/referrals/{id}/transitions",
      tags,
      summary: "Screen, accept (opens the course), reject or wait-list a referral",
      permission: "family.write",
      request: { params: IdParamSchema, ...body(ReferralTransitionInputSchema) },
      responses: { ...detail, 409: errorJson("Not allowed now, consent missing, track full, or stale") },
    }),
    async (c) => c.json(await transitionReferral(actx(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/referrals/{id}/assign",
      tags,
      summary: "Hand the referral to another caseworker of the municipality",
      permission: "family.write",
      request: { params: IdParamSchema, ...body(ReferralAssignInputSchema) },
      responses: detail,
    }),
    async (c) => c.json(await assignReferral(actx(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );
}
