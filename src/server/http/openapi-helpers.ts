import type { z } from "zod";
import { ErrorResponseSchema } from "../../contracts/errors.js";

/** A JSON response entry for a route's `responses`. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** An error response entry (the one error shape). */
export const errorJson = (description: string) => json(ErrorResponseSchema, description);

/** A required JSON request body. */
export const body = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { "application/json": { schema } } },
});
