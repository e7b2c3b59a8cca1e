import type { Organisation } from "../../../../contracts/admin.js";
import { ROLES_BY_ORGANISATION_KIND, type Role } from "../../../../domain/access/index.js";

/** The roles an organisation may grant (ROLES_BY_ORGANISATION_KIND); none when no organisation is chosen. */
export function rolesFor(organisation: Pick<Organisation, "kind"> | undefined): readonly Role[] {
  return organisation ? ROLES_BY_ORGANISATION_KIND[organisation.kind] : [];
}
