import { createHmac } from "node:crypto";
import type { CprNumber } from "../../../domain/casework/index.js";
import { openSecret, sealSecret } from "../../crypto/secret-box.js";

/*
 * The CPR store: a CPR number is sealed under the application key, bound to its person id, so a sealed
 * value copied to another person's row does not open. The lookup hash lets the municipality find a
 * duplicate without decrypting every row; it is keyed (HMAC) so the 10-digit space cannot be hashed
 * through by someone holding only the database.
 */

const context = (personId: string) => `cpr:${personId}`;

/** Seals a validated CPR number for `person_identifier.cpr_sealed`. */
export function sealCpr(appKey: Buffer, personId: string, cpr: CprNumber): string {
  return sealSecret(appKey, cpr, context(personId));
}

/** Opens a sealed CPR number. Call only from an audited reveal. */
export function openCpr(appKey: Buffer, personId: string, sealed: string): CprNumber {
  return openSecret(appKey, sealed, context(personId)) as CprNumber;
}

/** The keyed lookup hash of a CPR number within a municipality. */
export function cprLookupHash(appKey: Buffer, organisationId: string, cpr: CprNumber): string {
  return createHmac("sha256", appKey).update(`cpr-lookup:${organisationId}:${cpr}`).digest("hex");
}
