import { z } from "zod";
import { isCalendarDate } from "../../../domain/calendar-date.js";

const optionalText = z.string().trim().max(200).optional().catch(undefined);
const optionalDate = z
  .string()
  .refine((s): boolean => isCalendarDate(s))
  .optional()
  .catch(undefined);

/** Rows per page of the audit log. */
export const AUDIT_PAGE_SIZE = 50;

/** The audit page's filters and page, kept in the address (shareable, and Back works). */
export const AuditSearchSchema = z.object({
  userId: optionalText,
  eventType: optionalText,
  subjectType: optionalText,
  subjectId: optionalText,
  from: optionalDate,
  to: optionalDate,
  offset: z.coerce.number().int().min(0).optional().catch(undefined),
});
export type AuditSearch = z.infer<typeof AuditSearchSchema>;
