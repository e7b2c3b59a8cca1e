import type { OpenAPIHono } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../contracts/common.js";
import { DataQualityPageSchema, DataQualityQuerySchema } from "../../../contracts/progression-cohort.js";
import type { ActorContext } from "../../context.js";
import type { AppEnv } from "../../http/app-env.js";
import { defineRoute } from "../../http/define-route.js";
import { errorJson, json } from "../../http/openapi-helpers.js";
import { listDataQuality } from "./data-quality.service.js";

const actx = (c: { get(k: "ctx"): unknown }) => c.get("ctx") as ActorContext;

/** The project's data-quality list of measurements (missing, late, out of range, duplicates). */
export function registerDataQualityRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/projects/{id}/progression/data-quality",
      tags: ["Progression: data quality"],
      summary:
        "Courses you may see with missing, late, duplicate or out-of-range measurements, most issues first (paged)",
      permission: "measurement.read",
      request: { params: IdParamSchema, query: DataQualityQuerySchema },
      responses: {
        200: json(DataQualityPageSchema, "A page of courses with their issues"),
        404: errorJson("The project does not exist or is hidden from you"),
      },
    }),
    async (c) => c.json(await listDataQuality(actx(c), c.req.valid("param").id, c.req.valid("query")), 200),
  );
}
