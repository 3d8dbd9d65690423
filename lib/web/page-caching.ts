/**
 * Caching of pages. A page rendered for a signed-in visitor carries what is theirs alone: the
 * session's API token (`<meta name="starling-token">`, which the islands call the API with),
 * their timeline, notifications and settings, and CSRF tokens. No cache — a shared proxy, or the
 * browser's disk after sign-out — may keep it: every HTML response to a request with a session
 * cookie is `private, no-store`, error pages included (they are rendered outside the middleware
 * chain, so this runs on the app's final response). Every HTML page also varies by `Cookie`,
 * since its forms' CSRF tokens are tied to the visitor's cookie. Other responses (media, island
 * scripts, static files) are the same for everyone and keep their own caching.
 */
import { readCookies } from "./cookies.ts";
import { SESSION_COOKIE } from "./session-cookie.ts";
import { appendVary, withHeaders } from "./headers.ts";

export const SIGNED_IN_CACHE_CONTROL = "private, no-store";

export function withPageCaching(req: Request, response: Response): Response {
  const type = response.headers.get("content-type") ?? "";
  if (!type.startsWith("text/html")) return response;
  const signedIn = SESSION_COOKIE in readCookies(req);
  return withHeaders(response, (headers) => {
    appendVary(headers, "Cookie");
    if (signedIn) headers.set("cache-control", SIGNED_IN_CACHE_CONTROL);
  });
}
