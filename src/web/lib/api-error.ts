import type { ErrorResponse } from "../../contracts/errors.js";

type ErrorDetail = NonNullable<ErrorResponse["error"]["details"]>[number];

/** Codes the client itself uses when the server never answered with the API's error shape. */
export const CLIENT_ERROR_CODES = {
  network: "NETWORK_ERROR",
  unexpectedResponse: "UNEXPECTED_RESPONSE",
} as const;

/**
 * An error answered by the API (`{ error: { code, message, details?, requestId? } }`), or a network
 * failure (status 0). `message` is the server's Danish text, meant for the user; it is empty when the
 * server did not send one (the UI then shows a translated fallback).
 */
export class ApiError extends Error {
  override name = "ApiError";
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    details?: ErrorDetail[];
    requestId?: string;
  }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? [];
    this.requestId = init.requestId;
  }

  /** Builds the error from a non-2xx response body (which may not be the API's shape at all). */
  static fromResponse(status: number, body: unknown, requestIdHeader: string | null): ApiError {
    const error = (body as Partial<ErrorResponse> | null)?.error;
    if (error && typeof error.code === "string") {
      return new ApiError({
        status,
        code: error.code,
        message: typeof error.message === "string" ? error.message : "",
        details: Array.isArray(error.details) ? error.details : [],
        requestId: error.requestId ?? requestIdHeader ?? undefined,
      });
    }
    return new ApiError({
      status,
      code: CLIENT_ERROR_CODES.unexpectedResponse,
      message: "",
      requestId: requestIdHeader ?? undefined,
    });
  }

  static network(): ApiError {
    return new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network, message: "" });
  }
}

/** True when `error` is an ApiError with one of the given codes. */
export function isApiError(error: unknown, ...codes: string[]): error is ApiError {
  return error instanceof ApiError && (codes.length === 0 || codes.includes(error.code));
}
