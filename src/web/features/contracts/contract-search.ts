import { z } from "zod";

/** The tabs of the contract page, in order. */
export const CONTRACT_TABS = ["terms", "statements", "ledger", "forecast"] as const;
export type ContractTab = (typeof CONTRACT_TABS)[number];

/** The contract page's tab, kept in the address (shareable, and Back works); unknown → the terms. */
export const ContractPageSearchSchema = z.object({
  tab: z.enum(CONTRACT_TABS).optional().catch(undefined),
});
export type ContractPageSearch = z.infer<typeof ContractPageSearchSchema>;
