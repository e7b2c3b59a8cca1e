import type { OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import {
  ListQuerySchema,
  pageOf,
  RoleAssignmentInputSchema,
  UserCreateInputSchema,
  UserSchema,
  UserUpdateInputSchema,
} from "../../../contracts/admin.js";
import { IdParamSchema, UuidSchema } from "../../../contracts/common.js";
import type { ActorContext } from "../../context.js";
import type { AppEnv } from "../../http/app-env.js";
import { defineRoute } from "../../http/define-route.js";
import { body, errorJson, json } from "../../http/openapi-helpers.js";
import {
  assignRole,
  createUser,
  getUser,
  listUsers,
  resetTwoFactor,
  revokeRole,
  setUserActive,
  unlockUser,
  updateUser,
} from "./user.service.js";

const UserPageSchema = pageOf(UserSchema, "UserPage");
const UserListQuerySchema = ListQuerySchema.extend({ organisationId: UuidSchema.optional() });
const one = { 200: json(UserSchema, "The user"), 404: errorJson("Not found") };
const actx = (c: { get(k: "ctx"): unknown }) => c.get("ctx") as ActorContext;

export function registerUserRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/users",
      tags: ["Users"],
      summary: "Users in your organisations (all for the platform admin)",
      permission: "user.read",
      request: { query: UserListQuerySchema },
      responses: { 200: json(UserPageSchema, "A page of users") },
    }),
    async (c) => c.json(await listUsers(actx(c), c.req.valid("query")), 200),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/users",
      tags: ["Users"],
      summary: "Create a user with roles",
      permission: "user.manage",
      request: body(UserCreateInputSchema),
      responses: { 201: json(UserSchema, "Created"), 409: errorJson("E-mail in use") },
    }),
    async (c) => c.json(await createUser(actx(c), c.req.valid("json")), 201),
  );
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/users/{id}",
      tags: ["Users"],
      summary: "One user (the read is audited)",
      permission: "user.read",
      request: { params: IdParamSchema },
      responses: one,
    }),
    async (c) => c.json(await getUser(actx(c), c.req.valid("param").id), 200),
  );
  app.openapi(
    defineRoute({
      method: "patch",
      path: "/api/users/{id}",
      tags: ["Users"],
      summary: "Edit a user (send the version you read)",
      permission: "user.manage",
      request: { params: IdParamSchema, ...body(UserUpdateInputSchema) },
      responses: { ...one, 409: errorJson("Stale version or e-mail in use") },
    }),
    async (c) => c.json(await updateUser(actx(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );
  const action = (path: string, summary: string, run: (ctx: ActorContext, id: string) => Promise<unknown>) =>
    app.openapi(
      defineRoute({
        method: "post",
        path: `/api/users/{id}/${path}`,
        tags: ["Users"],
        summary,
        permission: "user.manage",
        request: { params: IdParamSchema },
        responses: one,
      }),
      async (c) => c.json((await run(actx(c), c.req.valid("param").id)) as z.infer<typeof UserSchema>, 200),
    );
  action("deactivate", "Deactivate a user and end their sessions (users are never deleted)", (ctx, id) =>
    setUserActive(ctx, id, false),
  );
  action("reactivate", "Reactivate a user", (ctx, id) => setUserActive(ctx, id, true));
  action("unlock", "Lift a lockout", unlockUser);
  action("two-factor/reset", "Remove a user's two-factor (lost device)", resetTwoFactor);

  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/users/{id}/roles",
      tags: ["Users"],
      summary: "Give a user a role in an organisation",
      permission: "role.assign",
      request: { params: IdParamSchema, ...body(RoleAssignmentInputSchema) },
      responses: one,
    }),
    async (c) => c.json(await assignRole(actx(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );
  app.openapi(
    defineRoute({
      method: "delete",
      path: "/api/users/{id}/roles/{membershipId}",
      tags: ["Users"],
      summary: "Take a role away",
      permission: "role.assign",
      request: { params: z.object({ id: UuidSchema, membershipId: UuidSchema }) },
      responses: one,
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await revokeRole(actx(c), p.id, p.membershipId), 200);
    },
  );
}
