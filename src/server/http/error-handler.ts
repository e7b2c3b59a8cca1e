import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError } from "zod";
import type { ErrorResponse } from "../../contracts/errors.js";
import { AppError } from "../errors.js";
import type { AppEnv } from "./app-env.js";
import { logError } from "./logger.js";

/** Turns zod issues into per-field details. */
export function validationError(error: ZodError): AppError {
  const details = error.issues.map((i) => ({ path: i.path.join(".") || "(body)", message: i.message }));
  return new AppError("VALIDATION_FAILED", "Nogle felter er ikke udfyldt korrekt.", details);
}

/** Maps any thrown error to the one error shape; unknown errors become 500 with only a request id. */
export function handleError(err: Error, c: Context<AppEnv>) {
  const requestId = c.get("ctx")?.requestId;
  let appError: AppError;
  if (err instanceof AppError) appError = err;
  else if (err instanceof ZodError) appError = validationError(err);
  else if (err instanceof HTTPException && err.status === 400 && /json/i.test(err.message)) {
    appError = new AppError("MALFORMED_JSON", "Forespørgslens indhold er ikke gyldig JSON.");
  } else if (err instanceof HTTPException && err.status === 413) {
    appError = new AppError("PAYLOAD_TOO_LARGE", "Forespørgslen er for stor.");
  } else if (err instanceof HTTPException && err.status === 415) {
    appError = new AppError("UNSUPPORTED_MEDIA_TYPE", "Send data som JSON (Content-Type: application/json).");
  } else if (err instanceof HTTPException && err.status < 500) {
    appError = new AppError("BAD_REQUEST", err.message || "Forespørgslen kunne ikke forstås.");
  } else {
    logError(requestId, err);
    appError = new AppError(
      "INTERNAL",
      `Der skete en uventet fejl. Prøv igen; hvis fejlen bliver ved, så oplys fejl-id ${requestId ?? "ukendt"} til support.`,
    );
  }
  const body: ErrorResponse = {
    error: {
      code: appError.code,
      message: appError.message,
      ...(appError.details ? { details: appError.details } : {}),
      ...(requestId ? { requestId } : {}),
    },
  };
  if (appError.code === "RATE_LIMITED" && appError.details?.[0])
    c.header("Retry-After", appError.details[0].message);
  return c.json(body, appError.status as ContentfulStatusCode);
}
