import { z } from "zod";
import { CASE_TASK_KINDS } from "../../../contracts/casework-tasks.js";

/** Rows per page of "Mine opgaver". */
export const TASK_PAGE_SIZE = 25;

/**
 * The filters and page of "Mine opgaver", kept in the address (shareable, and Back works). Absent
 * means the default: open tasks of every kind, the first page. A bad value falls back to the default.
 */
export const MyTasksSearchSchema = z.object({
  status: z.enum(["done", "all"]).optional().catch(undefined),
  kind: z.enum(CASE_TASK_KINDS).optional().catch(undefined),
  overdue: z
    .union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")])
    .optional()
    .catch(undefined),
  offset: z.coerce.number().int().min(0).optional().catch(undefined),
});
export type MyTasksSearch = z.infer<typeof MyTasksSearchSchema>;
