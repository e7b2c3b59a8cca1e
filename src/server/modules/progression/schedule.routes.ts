import type { OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { UuidSchema } from "../../../contracts/common.js";
import { TrackScheduleInputSchema, TrackScheduleSchema } from "../../../contracts/progression.js";
import type { ActorContext } from "../../context.js";
import type { AppEnv } from "../../http/app-env.js";
import { defineRoute } from "../../http/define-route.js";
import { body, errorJson, json } from "../../http/openapi-helpers.js";
import { listSchedules, saveSchedule } from "./schedule.service.js";

const actx = (c: { get(k: "ctx"): unknown }) => c.get("ctx") as ActorContext;
const tags = ["Schedules"];
const notFound = { 404: errorJson("The project or track does not exist or is hidden from you") };

/** Measurement schedules per track of a project. */
export function registerScheduleRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/projects/{id}/schedules",
      tags,
      summary: "Each track's planned duration and measurement schedule",
      permission: "project.read",
      request: { params: z.object({ id: UuidSchema }) },
      responses: { 200: json(z.array(TrackScheduleSchema), "Schedules per track"), ...notFound },
    }),
    async (c) => c.json(await listSchedules(actx(c), c.req.valid("param").id), 200),
  );
  app.openapi(
    defineRoute({
      method: "put",
      path: "/api/projects/{id}/tracks/{trackId}/schedule",
      tags,
      summary:
        "Set a track's planned duration and measurement schedule; the measurement-due tasks of its courses follow",
      permission: "project.manage",
      request: {
        params: z.object({ id: UuidSchema, trackId: UuidSchema }),
        ...body(TrackScheduleInputSchema),
      },
      responses: { 200: json(TrackScheduleSchema, "The saved schedule"), ...notFound },
    }),
    async (c) => {
      const { id, trackId } = c.req.valid("param");
      return c.json(await saveSchedule(actx(c), id, trackId, c.req.valid("json")), 200);
    },
  );
}
