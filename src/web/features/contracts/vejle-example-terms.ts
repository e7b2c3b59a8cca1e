import { createVejleContract } from "../../../domain/contract/index.js";
import type { ContractTermsInput } from "./contract-types.js";

/**
 * The terms of the worked Vejle example (domain/contract/vejle-example.ts) for "Udfyld med
 * Vejle-eksemplet": the version without its identity, parties, amendment and acceptances (the server
 * takes the parties from the project).
 */
export function vejleExampleTerms(): ContractTermsInput {
  const {
    contractId: _contractId,
    version: _version,
    parties: _parties,
    amendment: _amendment,
    acceptances: _acceptances,
    ...terms
  } = createVejleContract();
  return structuredClone(terms);
}
