import { reachOf } from "../../../domain/access/index.js";
import { useCurrentMe } from "../../lib/use-me.js";

/** The organisations the user may create business cases and own prices for (businessCase.write). */
export function useBusinessCaseOwners(): { id: string; name: string }[] {
  const me = useCurrentMe();
  const owners = new Map<string, string>();
  for (const m of me.memberships) {
    if (reachOf(m.role, "businessCase.write") !== undefined) owners.set(m.organisationId, m.organisationName);
  }
  return [...owners].map(([id, name]) => ({ id, name }));
}
