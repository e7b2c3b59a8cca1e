import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiUrl } from "../../lib/api-client.js";
import type {
  ContractAcceptInput,
  ContractDetail,
  ContractForecast,
  ContractSummary,
  ContractTermsInput,
  DisbursementInput,
  Ledger,
  OutcomeRuleOption,
  StatementCreateInput,
  StatementDetail,
  StatementStep,
  StatementSummary,
} from "./contract-types.js";

export const contractKeys = {
  all: ["contracts"] as const,
  list: () => [...contractKeys.all, "list"] as const,
  project: (projectId: string) => [...contractKeys.all, "project", projectId] as const,
  rules: (projectId: string) => [...contractKeys.all, "rules", projectId] as const,
  detail: (id: string) => [...contractKeys.all, "detail", id] as const,
  statements: (id: string) => [...contractKeys.all, "statements", id] as const,
  ledger: (id: string) => [...contractKeys.all, "ledger", id] as const,
  forecast: (id: string) => [...contractKeys.all, "forecast", id] as const,
  statement: (id: string) => [...contractKeys.all, "statement", id] as const,
};

const contractPath = (id: string, rest = "") => `/contracts/${encodeURIComponent(id)}${rest}`;
const statementPath = (id: string, rest = "") => `/statements/${encodeURIComponent(id)}${rest}`;
const projectPath = (id: string, rest: string) => `/projects/${encodeURIComponent(id)}${rest}`;

/** GET /api/contracts: every contract the user may see. */
export function useContracts() {
  return useQuery({
    queryKey: contractKeys.list(),
    queryFn: ({ signal }) => api.get<{ items: ContractSummary[] }>("/contracts", { signal }),
  });
}

/** GET /api/projects/:id/contracts: the project's contracts. */
export function useProjectContracts(projectId: string, enabled = true) {
  return useQuery({
    queryKey: contractKeys.project(projectId),
    queryFn: ({ signal }) =>
      api.get<{ items: ContractSummary[] }>(projectPath(projectId, "/contracts"), { signal }),
    enabled,
  });
}

/** GET /api/projects/:id/outcome-rules: the rules a goal may use, with the tracks that measure each. */
export function useOutcomeRules(projectId: string) {
  return useQuery({
    queryKey: contractKeys.rules(projectId),
    queryFn: ({ signal }) =>
      api.get<{ items: OutcomeRuleOption[] }>(projectPath(projectId, "/outcome-rules"), { signal }),
  });
}

/** GET /api/contracts/:id: versions, parties, acceptances and abilities. */
export function useContract(id: string) {
  return useQuery({
    queryKey: contractKeys.detail(id),
    queryFn: ({ signal }) => api.get<ContractDetail>(contractPath(id), { signal }),
  });
}

/** POST /api/projects/:id/contracts (201 the new contract; 400 VALIDATION_FAILED with field details). */
export function useCreateContract(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (terms: ContractTermsInput) =>
      api.post<ContractDetail>(projectPath(projectId, "/contracts"), { terms }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contractKeys.all }),
  });
}

/** POST /api/contracts/:id/versions: an amendment (409 when `basedOnVersion` is no longer the newest). */
export function useAmendContract(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { terms: ContractTermsInput; reason: string; basedOnVersion: number }) =>
      api.post<ContractDetail>(contractPath(id, "/versions"), input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: contractKeys.all }),
  });
}

/** POST /api/contracts/:id/versions/:version/acceptances: a party's signature on a version. */
export function useAcceptContractVersion(id: string, version: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ContractAcceptInput) =>
      api.post<ContractDetail>(contractPath(id, `/versions/${version}/acceptances`), input),
    onSuccess: (detail) => queryClient.setQueryData(contractKeys.detail(id), detail),
    onSettled: () => queryClient.invalidateQueries({ queryKey: contractKeys.all }),
  });
}

/** GET /api/contracts/:id/statements, newest first. */
export function useStatements(contractId: string) {
  return useQuery({
    queryKey: contractKeys.statements(contractId),
    queryFn: ({ signal }) =>
      api.get<{ items: StatementSummary[] }>(contractPath(contractId, "/statements"), { signal }),
  });
}

/** POST /api/contracts/:id/statements (201; 409 when the period has a statement already). */
export function useCreateStatement(contractId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: StatementCreateInput) =>
      api.post<StatementDetail>(contractPath(contractId, "/statements"), input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contractKeys.all }),
  });
}

/** GET /api/statements/:id: the statement with its explanation, as the user may see it. */
export function useStatement(id: string) {
  return useQuery({
    queryKey: contractKeys.statement(id),
    queryFn: ({ signal }) => api.get<StatementDetail>(statementPath(id), { signal }),
  });
}

/**
 * POST /api/statements/:id/<step> with an optional reason. Answers with the statement (for
 * "adjustments": the new adjusting statement). Approving the last time locks it and books the
 * repayment, so every contract query is read again.
 */
export function useStatementStep(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ step, reason }: { step: StatementStep; reason: string }) =>
      api.post<StatementDetail>(statementPath(id, `/${step}`), { reason }),
    onSuccess: (detail, { step }) => {
      if (step !== "adjustments") queryClient.setQueryData(contractKeys.statement(id), detail);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: contractKeys.all }),
  });
}

/** The statement as an XLSX workbook (a plain download link; the session cookie goes along). */
export function statementXlsxUrl(id: string): string {
  return apiUrl(statementPath(id, "/xlsx"));
}

/** GET /api/contracts/:id/ledger: disbursements, repayments and adjustments with totals. */
export function useLedger(contractId: string) {
  return useQuery({
    queryKey: contractKeys.ledger(contractId),
    queryFn: ({ signal }) => api.get<Ledger>(contractPath(contractId, "/ledger"), { signal }),
  });
}

/**
 * POST /api/contracts/:id/ledger/disbursements with an `Idempotency-Key` (one per dialog opening), so
 * that a retried request books the money once.
 */
export function useRecordDisbursement(contractId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: DisbursementInput; idempotencyKey: string }) =>
      api.post<unknown>(contractPath(contractId, "/ledger/disbursements"), input, {
        headers: { "Idempotency-Key": idempotencyKey },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: contractKeys.all }),
  });
}

/** GET /api/contracts/:id/forecast: the repayment scenarios and how they are made. */
export function useForecast(contractId: string) {
  return useQuery({
    queryKey: contractKeys.forecast(contractId),
    queryFn: ({ signal }) => api.get<ContractForecast>(contractPath(contractId, "/forecast"), { signal }),
  });
}

/** POST /api/contracts/:id/indigo: the INDIGO 4.1.0 JSON, each section PUBLIC or PRIVATE. */
export function useIndigoExport(contractId: string) {
  return useMutation({
    mutationFn: (visibility: Record<string, "PUBLIC" | "PRIVATE">) =>
      api.post<Record<string, unknown>>(contractPath(contractId, "/indigo"), { visibility }),
  });
}
