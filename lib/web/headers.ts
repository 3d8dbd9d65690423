/**
 * Changing a response's headers on the way out. Most responses' headers are mutable; a fetched
 * `Response` (a proxied one, Fedify's) has immutable headers and is copied instead.
 */
export function withHeaders(
  response: Response,
  change: (headers: Headers) => void,
): Response {
  try {
    change(response.headers);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    change(copy.headers);
    return copy;
  }
}

/**
 * Adds a token to `Vary` unless it (or `*`) is there already. The web layer owns it (its static
 * files and island bundles vary by coding); Starling's CORS, caching and compression use the same.
 */
export { appendVary } from "../fresh/encoding.ts";
