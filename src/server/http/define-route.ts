import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { ErrorResponseSchema } from "../../contracts/errors.js";
import { isPersonalDataPermission, type RoutePermission } from "../../domain/access/index.js";
import { requirePermission } from "./require-permission.js";

/**
 * A route of the API. `permission` is required: the type does not let a route be written without
 * one, and a test walks the OpenAPI document to check that every operation carries `x-permission`.
 * `PUBLIC` and `AUTHENTICATED` are named choices, not omissions.
 */
export type SecuredRouteConfig = RouteConfig & {
  permission: RoutePermission;
  /** Reachable while the user must still enrol in two-factor (me, logout, enrolment). */
  allowDuringTwoFactorEnrolment?: boolean;
};

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorResponseSchema } },
});

/** Builds an OpenAPI route that checks its permission before the handler runs. */
export function defineRoute<R extends SecuredRouteConfig>(config: R) {
  const { permission, allowDuringTwoFactorEnrolment, ...route } = config;
  const guard: MiddlewareHandler = requirePermission(permission, allowDuringTwoFactorEnrolment ?? false);
  const existing = route.middleware
    ? Array.isArray(route.middleware)
      ? route.middleware
      : [route.middleware]
    : [];
  return createRoute({
    ...route,
    middleware: [guard, ...existing] as MiddlewareHandler[],
    "x-permission": permission,
    responses: {
      400: errorResponse("Malformed or invalid input"),
      ...(permission === "public"
        ? {}
        : { 401: errorResponse("Not signed in"), 403: errorResponse("Not allowed") }),
      ...(isPersonalDataPermission(permission)
        ? { 404: errorResponse("Not found, or a role that never reaches personal records") }
        : {}),
      ...route.responses,
    },
  } as unknown as R);
}
