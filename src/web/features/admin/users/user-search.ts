import { z } from "zod";

const optionalText = z.string().trim().max(200).optional().catch(undefined);

/** The users list's filters, kept in the address so that Back returns to the same list. */
export const UserListSearchSchema = z.object({ q: optionalText, organisationId: optionalText });
export type UserListSearch = z.infer<typeof UserListSearchSchema>;

/** "Opret bruger" can start with an organisation chosen (from an organisation's page). */
export const UserCreateSearchSchema = z.object({ organisationId: optionalText });
