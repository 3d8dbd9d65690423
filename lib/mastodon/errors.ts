/** Mastodon-style API errors: `{"error": "…"}` with the right status. */
import { DomainError, httpStatusOf } from "../domain/errors.ts";
import { isDatabaseUnavailable } from "../db/client.ts";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers?: HeadersInit,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const unauthorized = () =>
  new ApiError(401, "The access token is invalid");
export const insufficientScope = () =>
  new ApiError(403, "This action is outside the authorized scopes");
export const notFoundError = () => new ApiError(404, "Record not found");

export function json(body: unknown, init: ResponseInit = {}): Response {
  return jsonText(JSON.stringify(body), init);
}

/** A JSON response whose body is already serialized. */
export function jsonText(text: string, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  return new Response(text, { ...init, headers });
}

/** Turns anything thrown by a handler into the response a Mastodon client expects. */
export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) {
    return json({ error: error.message }, {
      status: error.status,
      headers: error.headers,
    });
  }
  if (error instanceof DomainError) {
    const status = httpStatusOf[error.kind];
    const message = error.kind === "validation" &&
        !error.message.startsWith("Validation failed")
      ? `Validation failed: ${error.message}`
      : error.message;
    return json({ error: message }, { status });
  }
  if (isDatabaseUnavailable(error)) {
    console.error(`API request failed, database unavailable: ${error}`);
    return json({ error: "Service temporarily unavailable" }, {
      status: 503,
      headers: { "retry-after": RETRY_AFTER_SECONDS },
    });
  }
  console.error("API handler failed:", error);
  return json({ error: "Internal server error" }, { status: 500 });
}

/** What a 503 tells clients while the database is away (a restart takes seconds). */
export const RETRY_AFTER_SECONDS = "5";
