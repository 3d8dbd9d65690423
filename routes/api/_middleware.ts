/**
 * Every `/api` request: anything a handler throws turned into Mastodon's `{"error": …}` with the
 * right status. (CORS, preflights included, is the web app's: lib/mastodon/cors.ts.)
 */
import { HttpError } from "fresh";
import { define } from "../../utils.ts";
import { ApiError, errorResponse } from "../../lib/mastodon/errors.ts";

export default define.middleware(async (ctx) => {
  let response: Response;
  try {
    response = await ctx.next();
  } catch (error) {
    response = errorResponse(
      error instanceof HttpError
        ? new ApiError(error.status, apiMessage(error.status))
        : error,
    );
  }
  if (response.status === 405 && !isJson(response)) {
    response = errorResponse(
      new ApiError(405, "Method not allowed", response.headers),
    );
  }
  return response;
});

function isJson(response: Response): boolean {
  return (response.headers.get("content-type") ?? "").includes("json");
}

function apiMessage(status: number): string {
  if (status === 404) return "Record not found";
  if (status === 400) return "Bad request";
  return "Error";
}
