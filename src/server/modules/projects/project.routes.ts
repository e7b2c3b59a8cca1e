import type { OpenAPIHono } from "@hono/zod-openapi";
import {
  ListQuerySchema,
  ProjectCreateInputSchema,
  ProjectSchema,
  ProjectUpdateInputSchema,
  pageOf,
} from "../../../contracts/admin.js";
import { IdParamSchema } from "../../../contracts/common.js";
import type { ActorContext } from "../../context.js";
import type { AppEnv } from "../../http/app-env.js";
import { defineRoute } from "../../http/define-route.js";
import { body, errorJson, json } from "../../http/openapi-helpers.js";
import { createProject, getProject, listProjects, updateProject } from "./project.service.js";

const ProjectPageSchema = pageOf(ProjectSchema, "ProjectPage");

export function registerProjectRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/projects",
      tags: ["Projects"],
      summary: "Projects your organisations own or take part in",
      permission: "project.read",
      request: { query: ListQuerySchema },
      responses: { 200: json(ProjectPageSchema, "A page of projects") },
    }),
    async (c) => c.json(await listProjects(c.get("ctx") as ActorContext, c.req.valid("query")), 200),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/projects",
      tags: ["Projects"],
      summary: "Create a project with tracks and parties",
      permission: "project.manage",
      request: body(ProjectCreateInputSchema),
      responses: { 201: json(ProjectSchema, "Created") },
    }),
    async (c) => c.json(await createProject(c.get("ctx") as ActorContext, c.req.valid("json")), 201),
  );
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/projects/{id}",
      tags: ["Projects"],
      summary: "One project",
      permission: "project.read",
      request: { params: IdParamSchema },
      responses: { 200: json(ProjectSchema, "The project"), 404: errorJson("Not found") },
    }),
    async (c) => c.json(await getProject(c.get("ctx") as ActorContext, c.req.valid("param").id), 200),
  );
  app.openapi(
    defineRoute({
      method: "patch",
      path: "/api/projects/{id}",
      tags: ["Projects"],
      summary: "Edit a project (send the version you read)",
      permission: "project.manage",
      request: { params: IdParamSchema, ...body(ProjectUpdateInputSchema) },
      responses: {
        200: json(ProjectSchema, "Updated"),
        404: errorJson("Not found"),
        409: errorJson("Stale version"),
      },
    }),
    async (c) =>
      c.json(
        await updateProject(c.get("ctx") as ActorContext, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
  );
}
