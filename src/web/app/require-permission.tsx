import type { ComponentType, ReactNode } from "react";
import type { Permission } from "../../domain/access/index.js";
import { useCan } from "../lib/use-can.js";
import { ForbiddenPage } from "./forbidden-page.js";

/**
 * Wraps a page so that only users holding `permission` see it; others get "Ingen adgang" (the server
 * refuses them anyway — this only spares them a page of errors).
 */
export function requirePermission(permission: Permission, Page: ComponentType): () => ReactNode {
  function PermissionGate() {
    const can = useCan();
    return can(permission) ? <Page /> : <ForbiddenPage />;
  }
  PermissionGate.displayName = `RequirePermission(${permission})`;
  return PermissionGate;
}
