import type { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { UuidSchema } from "../../../contracts/common.js";
import {
  MeasurementImportCheckSchema,
  MeasurementImportInputSchema,
  MeasurementImportOverviewSchema,
  MeasurementImportResultSchema,
} from "../../../contracts/progression-import.js";
import type { ActorContext } from "../../context.js";
import { AppError } from "../../errors.js";
import type { AppEnv } from "../../http/app-env.js";
import { defineRoute } from "../../http/define-route.js";
import { body, errorJson, json } from "../../http/openapi-helpers.js";
import {
  checkMeasurementImport,
  commitMeasurementImport,
  getMeasurementImportOverview,
} from "./measurement-import.service.js";

/**
 * A CSV file travels as text inside the JSON body: 100,000 rows of absence are about 5 MB, above the
 * API's 1 MB limit, so these two routes have their own limit (app.ts leaves them to it). 20 MiB holds
 * `MAX_IMPORT_CSV_CHARS` of plain text with room for JSON escaping.
 */
export const MEASUREMENT_IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

/** True for the paths that take a file and check their own body limit. */
export const isMeasurementImportPath = (path: string) =>
  /^\/api\/projects\/[^/]+\/measurement-imports(\/check)?\/?$/.test(path);

const importBodyLimit = bodyLimit({
  maxSize: MEASUREMENT_IMPORT_BODY_LIMIT,
  onError: () => {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      "Filen er for stor til at blive importeret på én gang (højst 20 MB). Del den op i flere filer.",
    );
  },
});

const actx = (c: { get(k: "ctx"): unknown }) => c.get("ctx") as ActorContext;
const tags = ["Measurements"];
const ProjectParam = z.object({ id: UuidSchema });
const notFound = { 404: errorJson("The project does not exist or is hidden from you") };
const tooLarge = { 413: errorJson("The file is larger than 20 MB") };

/** CSV import of measurements into a project: the page's data, the dry run, the commit. */
export function registerMeasurementImportRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/projects/{id}/measurement-imports",
      tags,
      summary: "The instruments a CSV file can fill, and the imports by the user's organisations",
      permission: "measurement.record",
      request: { params: ProjectParam },
      responses: { 200: json(MeasurementImportOverviewSchema, "Instruments and history"), ...notFound },
    }),
    async (c) => c.json(await getMeasurementImportOverview(actx(c), c.req.valid("param").id), 200),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/projects/{id}/measurement-imports/check",
      tags,
      summary:
        "Dry run of a CSV import: every bad row with its row number, column and reason; nothing is stored",
      permission: "measurement.record",
      middleware: [importBodyLimit],
      request: { params: ProjectParam, ...body(MeasurementImportInputSchema) },
      responses: { 200: json(MeasurementImportCheckSchema, "The check"), ...notFound, ...tooLarge },
    }),
    async (c) =>
      c.json(await checkMeasurementImport(actx(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/projects/{id}/measurement-imports",
      tags,
      summary:
        "Import a CSV file of measurements: every row or none (400 with the bad rows); the same file twice adds nothing",
      permission: "measurement.record",
      middleware: [importBodyLimit],
      request: { params: ProjectParam, ...body(MeasurementImportInputSchema) },
      responses: {
        201: json(MeasurementImportResultSchema, "Imported"),
        200: json(MeasurementImportResultSchema, "The same file was imported before; nothing was added"),
        ...notFound,
        ...tooLarge,
      },
    }),
    async (c) => {
      const { result, isNew } = await commitMeasurementImport(
        actx(c),
        c.req.valid("param").id,
        c.req.valid("json"),
      );
      return c.json(result, isNew ? 201 : 200);
    },
  );
}
