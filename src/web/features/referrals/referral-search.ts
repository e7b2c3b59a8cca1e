import { z } from "zod";

const optionalText = z.string().trim().max(200).optional().catch(undefined);

/** The inbox's filter: a state, "open", or nothing (all, open first). */
export const ReferralListSearchSchema = z.object({ state: optionalText });
export type ReferralListSearch = z.infer<typeof ReferralListSearchSchema>;

/** A new referral may be for a family already known (from the family page). */
export const ReferralCreateSearchSchema = z.object({ familyId: optionalText });
