import type { OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { IdParamSchema, UuidSchema } from "../../../contracts/common.js";
import {
  ContractAcceptInputSchema,
  ContractAmendInputSchema,
  ContractCreateInputSchema,
  ContractDetailSchema,
  ContractForecastSchema,
  ContractSummarySchema,
  DisbursementInputSchema,
  LedgerSchema,
  OutcomeRuleOptionSchema,
  StatementCreateInputSchema,
  StatementDetailSchema,
  StatementStepInputSchema,
  StatementSummarySchema,
} from "../../../contracts/outcome-contracts.js";
import type { ActorContext } from "../../context.js";
import type { AppEnv } from "../../http/app-env.js";
import { defineRoute } from "../../http/define-route.js";
import { body, errorJson, json } from "../../http/openapi-helpers.js";
import {
  acceptContractVersion,
  amendContract,
  createContract,
  getContract,
  listContracts,
  listProjectContracts,
  outcomeRuleOptions,
} from "./contract.service.js";
import { getForecast } from "./forecast.service.js";
import { exportIndigo } from "./indigo.service.js";
import { bookDisbursement, getLedger } from "./ledger.service.js";
import {
  approveStatement,
  createAdjustment,
  createStatement,
  listStatementRows,
  loadStatementFor,
  recomputeStatement,
  validateStatement,
} from "./statement.service.js";
import { statementWorkbook } from "./statement.xlsx.js";
import { presentStatement, summariseStatement } from "./statement-presenter.js";

const actx = (c: { get(k: "ctx"): unknown }) => c.get("ctx") as ActorContext;
const tags = ["Outcome contracts"];
const contractDetail = {
  200: json(ContractDetailSchema, "The contract"),
  404: errorJson("Not found"),
};
const statementDetail = {
  200: json(StatementDetailSchema, "The statement as you may see it"),
  404: errorJson("Not found"),
  409: errorJson("Not in a state that allows this step"),
};
const ProjectParamSchema = z.object({ projectId: UuidSchema });
const VersionParamSchema = z.object({ id: UuidSchema, version: z.coerce.number().int().min(1) });

async function statementView(ctx: ActorContext, id: string) {
  const { statement, contract } = await loadStatementFor(ctx, ctx.db, id, "contract.read");
  return presentStatement(ctx, statement, contract);
}

export function registerContractRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/contracts",
      tags,
      summary: "Outcome contracts you can read",
      permission: "contract.read",
      responses: { 200: json(z.object({ items: z.array(ContractSummarySchema) }), "Contracts") },
    }),
    async (c) => c.json({ items: await listContracts(actx(c)) }, 200),
  );
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/projects/{projectId}/contracts",
      tags,
      summary: "The project's outcome contracts",
      permission: "contract.read",
      request: { params: ProjectParamSchema },
      responses: { 200: json(z.object({ items: z.array(ContractSummarySchema) }), "Contracts") },
    }),
    async (c) => c.json({ items: await listProjectContracts(actx(c), c.req.valid("param").projectId) }, 200),
  );
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/projects/{projectId}/outcome-rules",
      tags,
      summary: "Outcome rules a payment goal may use, with the project's tracks that measure them",
      permission: "contract.read",
      request: { params: ProjectParamSchema },
      responses: { 200: json(z.object({ items: z.array(OutcomeRuleOptionSchema) }), "Rules") },
    }),
    async (c) => c.json({ items: await outcomeRuleOptions(actx(c), c.req.valid("param").projectId) }, 200),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/projects/{projectId}/contracts",
      tags,
      summary: "Create an outcome contract (version 1); the parties are the project's",
      permission: "contract.manage",
      request: { params: ProjectParamSchema, ...body(ContractCreateInputSchema) },
      responses: { 201: json(ContractDetailSchema, "Created"), 400: errorJson("Invalid terms") },
    }),
    async (c) =>
      c.json(await createContract(actx(c), c.req.valid("param").projectId, c.req.valid("json")), 201),
  );
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/contracts/{id}",
      tags,
      summary: "One contract with its versions and acceptances",
      permission: "contract.read",
      request: { params: IdParamSchema },
      responses: contractDetail,
    }),
    async (c) => c.json(await getContract(actx(c), c.req.valid("param").id), 200),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/contracts/{id}/versions",
      tags,
      summary: "Amend the contract: a new version with its reason (send the version you changed)",
      permission: "contract.manage",
      request: { params: IdParamSchema, ...body(ContractAmendInputSchema) },
      responses: { ...contractDetail, 400: errorJson("Invalid terms"), 409: errorJson("Stale version") },
    }),
    async (c) => c.json(await amendContract(actx(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/contracts/{id}/versions/{version}/acceptances",
      tags,
      summary: "Record a party's acceptance of a version (idempotent)",
      permission: "contract.read",
      request: { params: VersionParamSchema, ...body(ContractAcceptInputSchema) },
      responses: contractDetail,
    }),
    async (c) => {
      const { id, version } = c.req.valid("param");
      return c.json(await acceptContractVersion(actx(c), id, version, c.req.valid("json")), 200);
    },
  );

  // Statements
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/contracts/{id}/statements",
      tags,
      summary: "The contract's settlement statements",
      permission: "contract.read",
      request: { params: IdParamSchema },
      responses: { 200: json(z.object({ items: z.array(StatementSummarySchema) }), "Statements") },
    }),
    async (c) => {
      const ctx = actx(c);
      const { rows } = await listStatementRows(ctx, c.req.valid("param").id);
      const items = [];
      for (const r of rows) items.push(await summariseStatement(ctx.db, r));
      return c.json({ items }, 200);
    },
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/contracts/{id}/statements",
      tags,
      summary: "Create a draft statement for a period, computed from the measurements",
      permission: "contract.manage",
      request: { params: IdParamSchema, ...body(StatementCreateInputSchema) },
      responses: {
        201: json(StatementDetailSchema, "Created"),
        409: errorJson("Period exists or no accepted version"),
      },
    }),
    async (c) => {
      const ctx = actx(c);
      const id = await createStatement(ctx, c.req.valid("param").id, c.req.valid("json"));
      return c.json(await statementView(ctx, id), 201);
    },
  );
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/statements/{id}",
      tags,
      summary:
        "One statement with its explanation (families only for those allowed; investors see aggregates)",
      permission: "contract.read",
      request: { params: IdParamSchema },
      responses: statementDetail,
    }),
    async (c) => c.json(await statementView(actx(c), c.req.valid("param").id), 200),
  );
  const step = (
    path: string,
    summary: string,
    permission: "contract.manage" | "settlement.validate" | "settlement.approve",
    run: (ctx: ActorContext, id: string, reason: string) => Promise<unknown>,
  ) =>
    app.openapi(
      defineRoute({
        method: "post",
        path,
        tags,
        summary,
        permission,
        request: { params: IdParamSchema, ...body(StatementStepInputSchema) },
        responses: statementDetail,
      }),
      async (c) => {
        const ctx = actx(c);
        const id = c.req.valid("param").id;
        const result = await run(ctx, id, c.req.valid("json").reason);
        return c.json(await statementView(ctx, typeof result === "string" ? result : id), 200);
      },
    );
  step(
    "/api/statements/{id}/recompute",
    "Recompute a draft from today's measurements",
    "contract.manage",
    (ctx, id, reason) => recomputeStatement(ctx, id, reason),
  );
  step(
    "/api/statements/{id}/validate",
    "The evaluator validates a draft",
    "settlement.validate",
    (ctx, id, reason) => validateStatement(ctx, id, reason),
  );
  step(
    "/api/statements/{id}/approve",
    "Approve for your organisation (payer or investor); the last approval locks it and books the repayment once",
    "settlement.approve",
    (ctx, id, reason) => approveStatement(ctx, id, { reason }),
  );
  step(
    "/api/statements/{id}/adjustments",
    "Create an adjusting statement for a locked one (answers with the new statement)",
    "contract.manage",
    (ctx, id, reason) => createAdjustment(ctx, id, reason),
  );
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/statements/{id}/xlsx",
      tags,
      summary: "The statement as an XLSX workbook (as you may see it)",
      permission: "contract.read",
      request: { params: IdParamSchema },
      responses: {
        200: {
          description: "XLSX",
          content: {
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.any() },
          },
        },
        404: errorJson("Not found"),
      },
    }),
    async (c) => {
      const ctx = actx(c);
      const { statement, contract } = await loadStatementFor(
        ctx,
        ctx.db,
        c.req.valid("param").id,
        "contract.read",
      );
      const view = await presentStatement(ctx, statement, contract);
      const file = await statementWorkbook(view);
      await ctx.audit(ctx.db, {
        type: "statement.exported",
        subjectId: statement.id,
        organisationId: contract.organisationId,
        projectId: contract.projectId,
        payload: { format: "xlsx" },
      });
      const filename = `opgoerelse-${statement.periodId}.xlsx`.replace(/[^\w.-]/g, "_");
      return c.body(new Uint8Array(file), 200, {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="${filename}"`,
      });
    },
  );

  // Ledger, forecast, export
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/contracts/{id}/ledger",
      tags,
      summary: "Money between the parties: disbursements, repayments, adjustments",
      permission: "contract.read",
      request: { params: IdParamSchema },
      responses: { 200: json(LedgerSchema, "The ledger") },
    }),
    async (c) => c.json(await getLedger(actx(c), c.req.valid("param").id), 200),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/contracts/{id}/ledger/disbursements",
      tags,
      summary:
        "Book a disbursement from the investor (send an Idempotency-Key header; a retry books nothing)",
      permission: "contract.manage",
      request: {
        params: IdParamSchema,
        headers: z.object({ "idempotency-key": z.string().optional() }),
        ...body(DisbursementInputSchema),
      },
      responses: { 200: json(LedgerSchema, "Already booked"), 201: json(LedgerSchema, "Booked") },
    }),
    async (c) => {
      const result = await bookDisbursement(
        actx(c),
        c.req.valid("param").id,
        c.req.valid("json"),
        c.req.valid("header")["idempotency-key"],
      );
      return c.json(result.ledger, result.created ? 201 : 200);
    },
  );
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/contracts/{id}/forecast",
      tags,
      summary: "Expected repayment while the programme runs, with the scenarios and the method",
      permission: "contract.read",
      request: { params: IdParamSchema },
      responses: { 200: json(ContractForecastSchema, "The forecast") },
    }),
    async (c) => c.json(await getForecast(actx(c), c.req.valid("param").id), 200),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/contracts/{id}/indigo",
      tags,
      summary: "Export the contract and its results in the INDIGO 4.1.0 format (PUBLIC/PRIVATE per section)",
      permission: "contract.read",
      request: {
        params: IdParamSchema,
        ...body(
          z.object({
            visibility: z.record(z.string(), z.enum(["PUBLIC", "PRIVATE"])).default({}),
          }),
        ),
      },
      responses: { 200: json(z.record(z.string(), z.unknown()), "INDIGO project JSON") },
    }),
    async (c) => {
      const result = await exportIndigo(actx(c), c.req.valid("param").id, c.req.valid("json").visibility);
      return c.json(result as unknown as Record<string, unknown>, 200);
    },
  );
}
