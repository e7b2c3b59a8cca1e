import type { OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { pageOf } from "../../../contracts/admin.js";
import {
  ConsentInputSchema,
  CprRevealInputSchema,
  CprRevealSchema,
  DuplicateCheckInputSchema,
  DuplicateCheckSchema,
  EndMembershipInputSchema,
  FamilyDetailSchema,
  FamilyListQuerySchema,
  FamilySummarySchema,
  NewMemberInputSchema,
  PersonSchema,
  PersonUpdateInputSchema,
} from "../../../contracts/casework.js";
import { IdParamSchema, UuidSchema } from "../../../contracts/common.js";
import type { ActorContext } from "../../context.js";
import type { AppEnv } from "../../http/app-env.js";
import { defineRoute } from "../../http/define-route.js";
import { body, errorJson, json } from "../../http/openapi-helpers.js";
import { addMember, endMembership, getFamily, listFamilies, recordConsent } from "./family.service.js";
import { checkDuplicates, getPerson, revealCpr, updatePerson } from "./person.service.js";

const actx = (c: { get(k: "ctx"): unknown }) => c.get("ctx") as ActorContext;
const tags = ["Families"];
const family = { 200: json(FamilyDetailSchema, "The family"), 404: errorJson("Not found") };
const MembershipParamSchema = z.object({ id: UuidSchema, membershipId: UuidSchema });

export function registerFamilyRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/families",
      tags,
      summary: "Families whose case you can read, with their course, caseworkers and tasks (audited)",
      permission: "family.read",
      request: { query: FamilyListQuerySchema },
      responses: { 200: json(pageOf(FamilySummarySchema, "FamilyPage"), "A page of families") },
    }),
    async (c) => c.json(await listFamilies(actx(c), c.req.valid("query")), 200),
  );
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/families/{id}",
      tags,
      summary: "One family: members (CPR masked), consents, referrals, courses (audited)",
      permission: "family.read",
      request: { params: IdParamSchema },
      responses: family,
    }),
    async (c) => c.json(await getFamily(actx(c), c.req.valid("param").id), 200),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/families/{id}/members",
      tags,
      summary: "Add a member: a new person (duplicate check) or a known person moving in",
      permission: "family.write",
      request: { params: IdParamSchema, ...body(NewMemberInputSchema) },
      responses: { ...family, 409: errorJson("Possible duplicate, or the person lives elsewhere then") },
    }),
    async (c) => c.json(await addMember(actx(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/families/{id}/members/{membershipId}/end",
      tags,
      summary: "End a membership (the person moved out on that day)",
      permission: "family.write",
      request: { params: MembershipParamSchema, ...body(EndMembershipInputSchema) },
      responses: family,
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await endMembership(actx(c), p.id, p.membershipId, c.req.valid("json").toOn), 200);
    },
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/families/{id}/consents",
      tags,
      summary: "Record a consent given or withdrawn, for the family or one member (append-only)",
      permission: "family.write",
      request: { params: IdParamSchema, ...body(ConsentInputSchema) },
      responses: family,
    }),
    async (c) => c.json(await recordConsent(actx(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/persons/duplicate-check",
      tags,
      summary: "Warn when a new person may already be known in the municipality",
      permission: "family.write",
      request: body(DuplicateCheckInputSchema),
      responses: { 200: json(DuplicateCheckSchema, "Warnings (empty when none)") },
    }),
    async (c) => c.json(await checkDuplicates(actx(c), c.req.valid("json")), 200),
  );
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/persons/{id}",
      tags,
      summary: "One person, CPR masked (audited)",
      permission: "family.read",
      request: { params: IdParamSchema },
      responses: { 200: json(PersonSchema, "The person"), 404: errorJson("Not found") },
    }),
    async (c) => c.json(await getPerson(actx(c), c.req.valid("param").id), 200),
  );
  app.openapi(
    defineRoute({
      method: "patch",
      path: "/api/persons/{id}",
      tags,
      summary: "Correct a person's record (send the version you read)",
      permission: "family.write",
      request: { params: IdParamSchema, ...body(PersonUpdateInputSchema) },
      responses: { 200: json(PersonSchema, "The person"), 409: errorJson("Stale version") },
    }),
    async (c) => c.json(await updatePerson(actx(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/persons/{id}/cpr-reveal",
      tags,
      summary: "Show the full CPR number: needs a reason, which is written to the audit log",
      permission: "cpr.reveal",
      request: { params: IdParamSchema, ...body(CprRevealInputSchema) },
      responses: { 200: json(CprRevealSchema, "The CPR number"), 404: errorJson("Not found") },
    }),
    async (c) => {
      c.header("cache-control", "no-store");
      return c.json(await revealCpr(actx(c), c.req.valid("param").id, c.req.valid("json").reason), 200);
    },
  );
}
