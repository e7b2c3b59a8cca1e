import type { OpenAPIHono } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../contracts/common.js";
import {
  CohortCoursesQuerySchema,
  CohortCoursesSchema,
  CohortQuerySchema,
  CohortViewSchema,
} from "../../../contracts/progression-cohort.js";
import type { ActorContext } from "../../context.js";
import type { AppEnv } from "../../http/app-env.js";
import { defineRoute } from "../../http/define-route.js";
import { errorJson, json } from "../../http/openapi-helpers.js";
import { getCohort, listCohortCourses } from "./cohort.service.js";

const actx = (c: { get(k: "ctx"): unknown }) => c.get("ctx") as ActorContext;
const tags = ["Progression: cohort"];
const notFound = { 404: errorJson("The project does not exist or is hidden from you") };

/** The project's cohort view of one instrument score, and the courses behind each of its figures. */
export function registerCohortRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/projects/{id}/progression/cohort",
      tags,
      summary:
        "Share improved / unchanged / worse, median and quartiles by month since the start, and before–after at the end, over the courses you may see",
      permission: "measurement.read",
      request: { params: IdParamSchema, query: CohortQuerySchema },
      responses: { 200: json(CohortViewSchema, "The cohort view"), ...notFound },
    }),
    async (c) => c.json(await getCohort(actx(c), c.req.valid("param").id, c.req.valid("query")), 200),
  );
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/projects/{id}/progression/cohort/courses",
      tags,
      summary: "The courses (families or members) behind one figure of the cohort view",
      permission: "measurement.read",
      request: { params: IdParamSchema, query: CohortCoursesQuerySchema },
      responses: { 200: json(CohortCoursesSchema, "The courses behind the figure"), ...notFound },
    }),
    async (c) => c.json(await listCohortCourses(actx(c), c.req.valid("param").id, c.req.valid("query")), 200),
  );
}
