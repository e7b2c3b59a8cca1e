import type { ComponentType, ReactNode } from "react";
import type { Permission } from "../../domain/access/index.js";
import { useCan } from "../lib/use-can.js";
import { ForbiddenPage } from "./forbidden-page.js";
import { NotFoundPage } from "./not-found-page.js";

/**
 * Wraps a page so that only users holding `permission` see it; others get "Ingen adgang" (the server
 * refuses them anyway — this only spares them a page of errors). A page about one record (a family)
 * answers "Siden findes ikke" instead (`otherwise: "not-found"`), so that not even its existence leaks.
 */
export function requirePermission(
  permission: Permission,
  Page: ComponentType,
  otherwise: "forbidden" | "not-found" = "forbidden",
): () => ReactNode {
  function PermissionGate() {
    const can = useCan();
    if (can(permission)) return <Page />;
    return otherwise === "not-found" ? <NotFoundPage /> : <ForbiddenPage />;
  }
  PermissionGate.displayName = `RequirePermission(${permission})`;
  return PermissionGate;
}
