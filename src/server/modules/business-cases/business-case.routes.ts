import type { OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { ListQuerySchema, pageOf } from "../../../contracts/admin.js";
import {
  BusinessCaseCreateInputSchema,
  BusinessCaseDetailSchema,
  BusinessCaseNewVersionInputSchema,
  BusinessCaseSummarySchema,
  BusinessCaseUpdateInputSchema,
  BusinessCaseVersionSchema,
  CalculateInputSchema,
  CalculateResultSchema,
  PriceIndexRowSchema,
  PriceIndexSchema,
  ScenarioDiffSchema,
  ScenarioSchema,
  UnitPriceInputSchema,
  UnitPriceSchema,
  UnitPriceUpdateInputSchema,
} from "../../../contracts/business-case.js";
import { IdParamSchema, UuidSchema } from "../../../contracts/common.js";
import type { ActorContext } from "../../context.js";
import type { AppEnv } from "../../http/app-env.js";
import { defineRoute } from "../../http/define-route.js";
import { body, errorJson, json } from "../../http/openapi-helpers.js";
import {
  actorOrganisationIds,
  createBusinessCase,
  diffVersions,
  duplicateBusinessCase,
  getBusinessCase,
  getVersion,
  getVersionRow,
  knownPriceRefs,
  listBusinessCases,
  listVersions,
  loadBusinessCase,
  saveBusinessCaseVersion,
  updateBusinessCase,
} from "./business-case.service.js";
import { businessCaseWorkbook } from "./business-case.xlsx.js";
import { calculate, parseScenarioOrThrow } from "./scenario-calculation.js";
import {
  createUnitPrice,
  getPriceIndex,
  listUnitPrices,
  putPriceIndex,
  updateUnitPrice,
} from "./unit-price.service.js";

const actx = (c: { get(k: "ctx"): unknown }) => c.get("ctx") as ActorContext;
const tags = ["Business cases"];
const detail = { 200: json(BusinessCaseDetailSchema, "The business case"), 404: errorJson("Not found") };
const created = { 201: json(BusinessCaseDetailSchema, "Created") };
const VersionParamSchema = z.object({ id: UuidSchema, version: z.coerce.number().int().min(1) });

export function registerBusinessCaseRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/business-cases/calculate",
      tags,
      summary: "Calculate a scenario (stateless): yearly results, and optionally sensitivity and Monte Carlo",
      permission: "businessCase.read",
      request: body(CalculateInputSchema),
      responses: { 200: json(CalculateResultSchema, "Results") },
    }),
    async (c) => {
      const ctx = actx(c);
      const input = c.req.valid("json");
      const scenario = parseScenarioOrThrow(
        input.scenario,
        await knownPriceRefs(ctx.db, actorOrganisationIds(ctx)),
      );
      const out = calculate(scenario, input);
      return c.json(out as unknown as z.infer<typeof CalculateResultSchema>, 200);
    },
  );
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/business-cases/scenario.schema.json",
      tags,
      summary: "The scenario file format as JSON Schema",
      permission: "businessCase.read",
      responses: { 200: json(z.record(z.string(), z.unknown()), "JSON Schema (draft 2020-12)") },
    }),
    (c) => c.json(scenarioJsonSchema(), 200),
  );
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/business-cases",
      tags,
      summary: "Business cases you can read",
      permission: "businessCase.read",
      request: {
        query: ListQuerySchema.extend({
          projectId: UuidSchema.optional(),
          organisationId: UuidSchema.optional(),
        }),
      },
      responses: {
        200: json(pageOf(BusinessCaseSummarySchema, "BusinessCasePage"), "A page of business cases"),
      },
    }),
    async (c) => c.json(await listBusinessCases(actx(c), c.req.valid("query")), 200),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/business-cases",
      tags,
      summary: "Create a business case (version 1)",
      permission: "businessCase.write",
      request: body(BusinessCaseCreateInputSchema),
      responses: created,
    }),
    async (c) => c.json(await createBusinessCase(actx(c), c.req.valid("json")), 201),
  );
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/business-cases/{id}",
      tags,
      summary: "One business case with its current scenario",
      permission: "businessCase.read",
      request: { params: IdParamSchema },
      responses: detail,
    }),
    async (c) => c.json(await getBusinessCase(actx(c), c.req.valid("param").id), 200),
  );
  app.openapi(
    defineRoute({
      method: "patch",
      path: "/api/business-cases/{id}",
      tags,
      summary: "Rename, describe or share with the project's parties (send the version you read)",
      permission: "businessCase.write",
      request: { params: IdParamSchema, ...body(BusinessCaseUpdateInputSchema) },
      responses: { ...detail, 409: errorJson("Stale version") },
    }),
    async (c) => c.json(await updateBusinessCase(actx(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/business-cases/{id}/versions",
      tags,
      summary: "All saved versions, newest first",
      permission: "businessCase.read",
      request: { params: IdParamSchema },
      responses: { 200: json(z.object({ items: z.array(BusinessCaseVersionSchema) }), "Versions") },
    }),
    async (c) => c.json(await listVersions(actx(c), c.req.valid("param").id), 200),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/business-cases/{id}/versions",
      tags,
      summary: "Save a new version of the scenario",
      permission: "businessCase.write",
      request: { params: IdParamSchema, ...body(BusinessCaseNewVersionInputSchema) },
      responses: { ...created, 409: errorJson("A newer version was saved meanwhile") },
    }),
    async (c) =>
      c.json(await saveBusinessCaseVersion(actx(c), c.req.valid("param").id, c.req.valid("json")), 201),
  );
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/business-cases/{id}/versions/{version}",
      tags,
      summary: "One saved version",
      permission: "businessCase.read",
      request: { params: VersionParamSchema },
      responses: { 200: json(BusinessCaseVersionSchema, "The version"), 404: errorJson("Not found") },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await getVersion(actx(c), p.id, p.version), 200);
    },
  );
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/business-cases/{id}/diff",
      tags,
      summary: "What changed in the inputs between two versions",
      permission: "businessCase.read",
      request: {
        params: IdParamSchema,
        query: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
      },
      responses: { 200: json(ScenarioDiffSchema, "The differences") },
    }),
    async (c) => {
      const q = c.req.valid("query");
      return c.json(await diffVersions(actx(c), c.req.valid("param").id, q.from, q.to), 200);
    },
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/business-cases/{id}/duplicate",
      tags,
      summary: "Copy the current version into a new business case",
      permission: "businessCase.write",
      request: {
        params: IdParamSchema,
        ...body(z.object({ name: z.string().trim().min(2, "Navnet skal have mindst 2 tegn").max(200) })),
      },
      responses: created,
    }),
    async (c) =>
      c.json(await duplicateBusinessCase(actx(c), c.req.valid("param").id, c.req.valid("json").name), 201),
  );
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/business-cases/{id}/export.xlsx",
      tags,
      summary: "XLSX: inputs, yearly results, sensitivity, Monte Carlo summary",
      permission: "businessCase.read",
      request: {
        params: IdParamSchema,
        query: z.object({ version: z.coerce.number().int().min(1).optional() }),
      },
      responses: {
        200: {
          description: "XLSX workbook",
          content: {
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.string() },
          },
        },
      },
    }),
    async (c) => {
      const ctx = actx(c);
      const id = c.req.valid("param").id;
      const row = await loadBusinessCase(ctx, ctx.db, id, "businessCase.read");
      const version = c.req.valid("query").version ?? row.currentVersion;
      const v = await getVersionRow(ctx.db, id, version);
      const organisationName = (await getBusinessCase(ctx, id)).organisationName;
      const file = await businessCaseWorkbook(
        { name: row.name, version, organisationName },
        v.scenario as never,
      );
      await ctx.audit(ctx.db, {
        type: "businessCase.exported",
        subjectId: id,
        organisationId: row.organisationId,
        projectId: row.projectId,
        payload: { version, format: "xlsx" },
      });
      const filename = `${row.name.replace(/[^\p{L}\p{N} _-]/gu, "").trim() || "businesscase"} v${version}.xlsx`;
      return c.body(new Uint8Array(file), 200, {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="businesscase-v${version}.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      });
    },
  );

  // The price catalogue and the net price index.
  const priceTags = ["Price catalogue"];
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/unit-prices",
      tags: priceTags,
      summary: "The national catalogue and your organisations' own unit prices",
      permission: "businessCase.read",
      request: {
        query: z.object({ organisationId: UuidSchema.optional(), q: z.string().max(200).optional() }),
      },
      responses: { 200: json(z.object({ items: z.array(UnitPriceSchema) }), "Unit prices") },
    }),
    async (c) => c.json(await listUnitPrices(actx(c), c.req.valid("query")), 200),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/unit-prices",
      tags: priceTags,
      summary: "Add a unit price to your organisation's catalogue",
      permission: "businessCase.write",
      request: body(UnitPriceInputSchema),
      responses: { 201: json(UnitPriceSchema, "Created") },
    }),
    async (c) => c.json(await createUnitPrice(actx(c), c.req.valid("json")), 201),
  );
  app.openapi(
    defineRoute({
      method: "patch",
      path: "/api/unit-prices/{id}",
      tags: priceTags,
      summary: "Edit one of your organisation's unit prices (send the version you read)",
      permission: "businessCase.write",
      request: { params: IdParamSchema, ...body(UnitPriceUpdateInputSchema) },
      responses: {
        200: json(UnitPriceSchema, "Updated"),
        404: errorJson("Not found"),
        409: errorJson("Stale version"),
      },
    }),
    async (c) => c.json(await updateUnitPrice(actx(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/price-index",
      tags: priceTags,
      summary: "Net price index (your organisation's rows over the national ones)",
      permission: "businessCase.read",
      request: { query: z.object({ organisationId: UuidSchema.optional() }) },
      responses: { 200: json(PriceIndexSchema, "Index") },
    }),
    async (c) => c.json(await getPriceIndex(actx(c), c.req.valid("query").organisationId), 200),
  );
  app.openapi(
    defineRoute({
      method: "put",
      path: "/api/price-index",
      tags: priceTags,
      summary: "Replace your organisation's own index rows",
      permission: "businessCase.write",
      request: body(z.object({ organisationId: UuidSchema, rows: z.array(PriceIndexRowSchema).max(200) })),
      responses: { 200: json(PriceIndexSchema, "Index") },
    }),
    async (c) => {
      const input = c.req.valid("json");
      return c.json(await putPriceIndex(actx(c), input.organisationId, input.rows), 200);
    },
  );
}

/** JSON Schema of the scenario format, generated from the zod schema. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ScenarioSchema, { target: "draft-2020-12" }) as Record<string, unknown>;
}
