import { HttpError } from "fresh";
import { define } from "../utils.ts";
import { withPageSecurityHeaders } from "../lib/web/security-headers.ts";
import { DomainError, httpStatusOf } from "../lib/domain/errors.ts";

/**
 * Every page gets the strict Content-Security-Policy (and friends), and a refusal from the
 * rules becomes the error page with the right status (the API's own middleware answers JSON
 * before this sees anything under /api).
 */
export default define.middleware(async (ctx) => {
  try {
    return withPageSecurityHeaders(await ctx.next());
  } catch (error) {
    if (error instanceof DomainError) {
      throw new HttpError(httpStatusOf[error.kind], error.message);
    }
    throw error;
  }
});
