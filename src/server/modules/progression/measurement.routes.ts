import type { OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { UuidSchema } from "../../../contracts/common.js";
import {
  CourseMeasurementsSchema,
  MeasurementCorrectionSchema,
  MeasurementInputSchema,
  MeasurementRecordSchema,
} from "../../../contracts/progression.js";
import type { ActorContext } from "../../context.js";
import type { AppEnv } from "../../http/app-env.js";
import { defineRoute } from "../../http/define-route.js";
import { body, errorJson, json } from "../../http/openapi-helpers.js";
import { getCourseMeasurements, recordMeasurement } from "./measurement.service.js";

const actx = (c: { get(k: "ctx"): unknown }) => c.get("ctx") as ActorContext;
const tags = ["Measurements"];
const notFound = { 404: errorJson("The course does not exist or is hidden from you") };
const CourseParam = z.object({ id: UuidSchema });
const MeasurementParam = z.object({ id: UuidSchema, measurementId: UuidSchema });

/** A course's measurements: read with the due slots, record, correct. */
export function registerMeasurementRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/courses/{id}/measurements",
      tags,
      summary:
        "The course's measurements (corrected ones included), due slots, members, goals and instruments",
      permission: "measurement.read",
      request: { params: CourseParam },
      responses: { 200: json(CourseMeasurementsSchema, "Measurements"), ...notFound },
    }),
    async (c) => c.json(await getCourseMeasurements(actx(c), c.req.valid("param").id), 200),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/courses/{id}/measurements",
      tags,
      summary: "Record a measurement (scored with the instrument's newest version)",
      permission: "measurement.record",
      request: { params: CourseParam, ...body(MeasurementInputSchema) },
      responses: {
        201: json(MeasurementRecordSchema, "Recorded"),
        ...notFound,
      },
    }),
    async (c) => c.json(await recordMeasurement(actx(c), c.req.valid("param").id, c.req.valid("json")), 201),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/courses/{id}/measurements/{measurementId}/corrections",
      tags,
      summary: "Correct a measurement: a new record supersedes it; the old one stays visible to auditors",
      permission: "measurement.record",
      request: { params: MeasurementParam, ...body(MeasurementCorrectionSchema) },
      responses: {
        201: json(MeasurementRecordSchema, "The correction"),
        409: errorJson("The measurement was corrected by someone else in the meantime"),
        ...notFound,
      },
    }),
    async (c) => {
      const { id, measurementId } = c.req.valid("param");
      return c.json(await recordMeasurement(actx(c), id, c.req.valid("json"), measurementId), 201);
    },
  );
}
