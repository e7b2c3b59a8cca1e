import type { OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { CourseReviewSchema, ReviewInputSchema } from "../../../contracts/casework-tasks.js";
import { IdParamSchema } from "../../../contracts/common.js";
import type { ActorContext } from "../../context.js";
import type { AppEnv } from "../../http/app-env.js";
import { defineRoute } from "../../http/define-route.js";
import { body, errorJson, json } from "../../http/openapi-helpers.js";
import { listReviews, recordReview } from "./review.service.js";

const actx = (c: { get(k: "ctx"): unknown }) => c.get("ctx") as ActorContext;
const tags = ["Case work: reviews"];

export function registerReviewRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/courses/{id}/reviews",
      tags,
      summary: "The reviews of a course, newest first",
      permission: "family.read",
      request: { params: IdParamSchema },
      responses: {
        200: json(z.object({ items: z.array(CourseReviewSchema) }), "Reviews"),
        404: errorJson("Not found"),
      },
    }),
    async (c) => c.json(await listReviews(actx(c), c.req.valid("param").id), 200),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/courses/{id}/reviews",
      tags,
      summary:
        "Record a review (decision and reasons, with a snapshot of the plan and contacts); the course's state is moved by the course service",
      permission: "family.write",
      request: { params: IdParamSchema, ...body(ReviewInputSchema) },
      responses: {
        201: json(CourseReviewSchema, "The recorded review"),
        404: errorJson("Not found"),
        409: errorJson("The course is finished or closed"),
      },
    }),
    async (c) => c.json(await recordReview(actx(c), c.req.valid("param").id, c.req.valid("json")), 201),
  );
}
