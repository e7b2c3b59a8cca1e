import type { OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { UuidSchema } from "../../../contracts/common.js";
import {
  InstrumentCreateSchema,
  InstrumentVersionInputSchema,
  ProjectInstrumentSchema,
} from "../../../contracts/progression.js";
import type { ActorContext } from "../../context.js";
import type { AppEnv } from "../../http/app-env.js";
import { defineRoute } from "../../http/define-route.js";
import { body, errorJson, json } from "../../http/openapi-helpers.js";
import { addVersion, createInstrument, editVersion, listInstruments } from "./instrument.service.js";

const actx = (c: { get(k: "ctx"): unknown }) => c.get("ctx") as ActorContext;
const tags = ["Instruments"];
const notFound = { 404: errorJson("The project or instrument does not exist or is hidden from you") };
const ProjectParam = z.object({ id: UuidSchema });
const InstrumentParam = z.object({ id: UuidSchema, instrumentId: UuidSchema });
const VersionParam = InstrumentParam.extend({ version: z.coerce.number().int().min(1) });

/** A project's instruments: read them; add an instrument, a new version, or fix a version not yet used. */
export function registerInstrumentRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/projects/{id}/instruments",
      tags,
      summary: "The project's instruments with every version and whether it is in use",
      permission: "project.read",
      request: { params: ProjectParam },
      responses: { 200: json(z.array(ProjectInstrumentSchema), "Instruments"), ...notFound },
    }),
    async (c) => c.json(await listInstruments(actx(c), c.req.valid("param").id), 200),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/projects/{id}/instruments",
      tags,
      summary: "Add an instrument with its version 1 (the code must be new in the project)",
      permission: "project.manage",
      request: { params: ProjectParam, ...body(InstrumentCreateSchema) },
      responses: { 201: json(ProjectInstrumentSchema, "Created"), ...notFound },
    }),
    async (c) => c.json(await createInstrument(actx(c), c.req.valid("param").id, c.req.valid("json")), 201),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/projects/{id}/instruments/{instrumentId}/versions",
      tags,
      summary: "Succeed the newest version with a new one (earlier versions and their measurements stay)",
      permission: "project.manage",
      request: { params: InstrumentParam, ...body(InstrumentVersionInputSchema) },
      responses: {
        201: json(ProjectInstrumentSchema, "The instrument with its new version"),
        409: errorJson("A newer version was saved meanwhile"),
        ...notFound,
      },
    }),
    async (c) => {
      const { id, instrumentId } = c.req.valid("param");
      return c.json(await addVersion(actx(c), id, instrumentId, c.req.valid("json")), 201);
    },
  );
  app.openapi(
    defineRoute({
      method: "put",
      path: "/api/projects/{id}/instruments/{instrumentId}/versions/{version}",
      tags,
      summary: "Edit a version no measurement has used yet (a version in use can only be succeeded)",
      permission: "project.manage",
      request: { params: VersionParam, ...body(InstrumentVersionInputSchema) },
      responses: {
        200: json(ProjectInstrumentSchema, "The instrument with the edited version"),
        409: errorJson("The version is in use: make a new version instead"),
        ...notFound,
      },
    }),
    async (c) => {
      const { id, instrumentId, version } = c.req.valid("param");
      return c.json(await editVersion(actx(c), id, instrumentId, version, c.req.valid("json")), 200);
    },
  );
}
