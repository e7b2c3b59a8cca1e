/**
 * Contract versions and amendments. A signed contract is version 1; every change after signing (e.g.
 * the Vejle well-being goal whose criteria were "to be set later") is a new version with a reason, an
 * author, a validFrom date and the acceptance of every party. Versions are never edited: `amendContract`
 * returns a new version, and `acceptContractVersion` returns a copy with one more acceptance.
 */

import { type CalendarDate, compareDates } from "../calendar-date";
import {
  type Acceptance,
  ContractInputError,
  type ContractVersion,
  type ContractVersionInput,
  parseContractVersion,
  type ValidateContractOptions,
} from "./model";

/** Organisation ids of the parties that have not yet accepted the version (each party once, in party order). */
export function missingAcceptances(contract: ContractVersion): string[] {
  const accepted = new Set(contract.acceptances.map((a) => a.organisationId));
  const missing: string[] = [];
  for (const p of contract.parties) {
    if (!accepted.has(p.organisationId) && !missing.includes(p.organisationId))
      missing.push(p.organisationId);
  }
  return missing;
}

/** True when every party has accepted the version. */
export function isFullyAccepted(contract: ContractVersion): boolean {
  return missingAcceptances(contract).length === 0;
}

/** What changes in an amendment: any terms except identity, version and acceptances. */
export type ContractChanges = Partial<
  Omit<ContractVersionInput, "contractId" | "version" | "amendment" | "acceptances" | "validFrom">
>;

/**
 * A new version of the contract: version + 1, the changed terms, `validFrom`, the amendment's reason
 * and author, and no acceptances yet. The previous version is not touched.
 * @throws ContractInputError when the result is not a valid contract, or validFrom is before the
 *   previous version's validFrom.
 */
export function amendContract(
  previous: ContractVersion,
  changes: ContractChanges,
  amendment: { reason: string; author: string; validFrom: CalendarDate },
  options: ValidateContractOptions = {},
): ContractVersion {
  if (compareDates(amendment.validFrom, previous.validFrom) < 0) {
    throw new ContractInputError({ validFrom: "En ændring kan ikke gælde fra før den foregående version" });
  }
  const next: ContractVersionInput = {
    ...structuredClone(previous),
    ...structuredClone(changes),
    contractId: previous.contractId,
    version: previous.version + 1,
    validFrom: amendment.validFrom,
    amendment: { previousVersion: previous.version, reason: amendment.reason, author: amendment.author },
    acceptances: [],
  };
  return parseContractVersion(next, options);
}

/**
 * A copy of the version with one more party's acceptance.
 * @throws ContractInputError when the organisation is not a party or has already accepted.
 */
export function acceptContractVersion(contract: ContractVersion, acceptance: Acceptance): ContractVersion {
  return parseContractVersion({
    ...structuredClone(contract),
    acceptances: [...contract.acceptances, acceptance],
  });
}

/**
 * The version in force on `date`: the highest fully accepted version whose validFrom ≤ date, or null.
 * @throws ContractInputError when the versions belong to different contracts or a number repeats.
 */
export function selectContractVersion(
  versions: readonly ContractVersion[],
  date: CalendarDate,
): ContractVersion | null {
  const ids = new Set(versions.map((v) => v.contractId));
  if (ids.size > 1) throw new ContractInputError({ versions: "Versionerne tilhører forskellige kontrakter" });
  if (new Set(versions.map((v) => v.version)).size !== versions.length)
    throw new ContractInputError({ versions: "Et versionsnummer går igen" });
  let best: ContractVersion | null = null;
  for (const v of versions) {
    if (compareDates(v.validFrom, date) > 0 || !isFullyAccepted(v)) continue;
    if (best === null || v.version > best.version) best = v;
  }
  return best;
}
