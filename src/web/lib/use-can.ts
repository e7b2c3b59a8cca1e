import type { Permission } from "../../domain/access/index.js";
import { useMe } from "./use-me.js";

/**
 * Whether the signed-in user holds a permission somewhere (Me.abilities). Only for hiding what they
 * cannot do: the server decides every request.
 */
export function useCan(): (permission: Permission) => boolean {
  const { data } = useMe();
  const abilities = new Set<string>(data?.abilities ?? []);
  return (permission) => abilities.has(permission);
}
