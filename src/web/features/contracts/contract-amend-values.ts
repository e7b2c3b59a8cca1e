import { type ContractFormValues, formOfTerms } from "./contract-form-values.js";
import type { ContractDetail, ContractVersionView } from "./contract-types.js";

/*
 * An amendment (POST /api/contracts/:id/versions) starts from the newest version's terms and names
 * that version as `basedOnVersion`, so that a version saved by someone else meanwhile gets 409 instead
 * of being overwritten. The new version needs a reason and may not apply from before the version it
 * replaces (the server checks both; the form checks them first, at the fields).
 */

/** The reason's least length after trimming (as ContractAmendInputSchema). */
export const AMEND_REASON_MIN_LENGTH = 3;

/** The contract's newest version (the highest number), or undefined when it has none. */
export function newestVersionOf(contract: Pick<ContractDetail, "versions">): ContractVersionView | undefined {
  return contract.versions.reduce<ContractVersionView | undefined>(
    (latest, v) => (latest && latest.version > v.version ? latest : v),
    undefined,
  );
}

/** Where an amendment starts: the newest version's number and date, and its terms as form values. */
export interface AmendmentStart {
  /** The version the change is made from (sent as `basedOnVersion`). */
  basedOnVersion: number;
  /** The new version may not apply from before this date (`'YYYY-MM-DD'`). */
  earliestValidFrom: string;
  values: ContractFormValues;
}

/** The start of an amendment of the contract, or null when it has no version (never for a saved one). */
export function amendmentStartOf(
  contract: Pick<ContractDetail, "versions">,
  language: string,
): AmendmentStart | null {
  const newest = newestVersionOf(contract);
  if (!newest) return null;
  return {
    basedOnVersion: newest.version,
    earliestValidFrom: newest.validFrom,
    values: formOfTerms(newest.terms, language),
  };
}

/** The messages of `amendmentProblems` (translated by the caller). */
export interface AmendmentMessages {
  reasonRequired: string;
  validFromTooEarly: string;
}

/**
 * The amendment's own problems keyed by form path: `reason` when it is shorter than 3 characters
 * (trimmed), `validFrom` when it is before `earliestValidFrom`. An empty date is left to the terms'
 * own check ("required"). Dates are `'YYYY-MM-DD'`, so comparing the strings compares the dates.
 */
export function amendmentProblems(
  input: { reason: string; validFrom: string },
  earliestValidFrom: string,
  messages: AmendmentMessages,
): Record<string, string> {
  const problems: Record<string, string> = {};
  const validFrom = input.validFrom.trim();
  if (validFrom !== "" && validFrom < earliestValidFrom) problems.validFrom = messages.validFromTooEarly;
  if (input.reason.trim().length < AMEND_REASON_MIN_LENGTH) problems.reason = messages.reasonRequired;
  return problems;
}
