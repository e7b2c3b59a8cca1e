import { z } from "zod";

/** Which version the instrument page shows (default: the newest), kept in the address. */
export const InstrumentPageSearchSchema = z.object({
  version: z.coerce.number().int().min(1).optional().catch(undefined),
});
export type InstrumentPageSearch = z.infer<typeof InstrumentPageSearchSchema>;
