/**
 * Security headers for HTML pages. The policy allows only our own scripts and styles (islands are
 * external modules; their state is a non-executable JSON block), images from anywhere over HTTPS
 * (remote avatars and media) and from `blob:` (previews of images chosen in the compose box,
 * which exist only in the visitor's own browser), and WebSockets for the streaming API.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data: blob:",
  "connect-src 'self' ws: wss:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");

/** Adds the page headers to an HTML response (idempotent; other responses pass through). */
export function withPageSecurityHeaders(response: Response): Response {
  const type = response.headers.get("content-type") ?? "";
  if (!type.startsWith("text/html")) return response;
  if (response.headers.has("content-security-policy")) return response;
  let headers: Headers;
  try {
    headers = response.headers;
    headers.set("content-security-policy", CONTENT_SECURITY_POLICY);
  } catch {
    // Immutable headers (a fetched Response): copy into a new one.
    headers = new Headers(response.headers);
    headers.set("content-security-policy", CONTENT_SECURITY_POLICY);
    response = new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  }
  headers.set("x-content-type-options", "nosniff");
  headers.set("referrer-policy", "same-origin");
  headers.set("x-frame-options", "DENY");
  return response;
}
