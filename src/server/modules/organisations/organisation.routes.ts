import type { OpenAPIHono } from "@hono/zod-openapi";
import {
  ListQuerySchema,
  OrganisationCreateInputSchema,
  OrganisationSchema,
  OrganisationUpdateInputSchema,
  pageOf,
} from "../../../contracts/admin.js";
import { IdParamSchema } from "../../../contracts/common.js";
import type { ActorContext } from "../../context.js";
import type { AppEnv } from "../../http/app-env.js";
import { defineRoute } from "../../http/define-route.js";
import { body, errorJson, json } from "../../http/openapi-helpers.js";
import {
  createOrganisation,
  getOrganisation,
  listOrganisations,
  updateOrganisation,
} from "./organisation.service.js";

const OrganisationPageSchema = pageOf(OrganisationSchema, "OrganisationPage");

export function registerOrganisationRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/organisations",
      tags: ["Organisations"],
      summary: "Organisations you can see",
      permission: "organisation.read",
      request: { query: ListQuerySchema },
      responses: { 200: json(OrganisationPageSchema, "A page of organisations") },
    }),
    async (c) => c.json(await listOrganisations(c.get("ctx") as ActorContext, c.req.valid("query")), 200),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/organisations",
      tags: ["Organisations"],
      summary: "Create an organisation",
      permission: "organisation.manage",
      request: body(OrganisationCreateInputSchema),
      responses: { 201: json(OrganisationSchema, "Created"), 409: errorJson("Name in use") },
    }),
    async (c) => c.json(await createOrganisation(c.get("ctx") as ActorContext, c.req.valid("json")), 201),
  );
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/organisations/{id}",
      tags: ["Organisations"],
      summary: "One organisation",
      permission: "organisation.read",
      request: { params: IdParamSchema },
      responses: { 200: json(OrganisationSchema, "The organisation"), 404: errorJson("Not found") },
    }),
    async (c) => c.json(await getOrganisation(c.get("ctx") as ActorContext, c.req.valid("param").id), 200),
  );
  app.openapi(
    defineRoute({
      method: "patch",
      path: "/api/organisations/{id}",
      tags: ["Organisations"],
      summary: "Edit an organisation (send the version you read)",
      permission: "organisation.manage",
      request: { params: IdParamSchema, ...body(OrganisationUpdateInputSchema) },
      responses: { 200: json(OrganisationSchema, "Updated"), 409: errorJson("Stale version") },
    }),
    async (c) =>
      c.json(
        await updateOrganisation(c.get("ctx") as ActorContext, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
  );
}
