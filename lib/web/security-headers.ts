import { withHeaders } from "./headers.ts";

/**
 * Security headers for HTML pages. The policy allows only our own scripts and styles (islands are
 * external modules; their state is a non-executable JSON block), images from anywhere over HTTPS
 * (remote avatars and media) and from `blob:` (previews of images chosen in the compose box,
 * which exist only in the visitor's own browser), and WebSockets for the streaming API.
 */
const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data: blob:",
  "connect-src 'self' ws: wss:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
];

/** Every page but the OAuth ones: forms post to us only. */
export const CONTENT_SECURITY_POLICY = [...POLICY, "form-action 'self'"]
  .join("; ");

/**
 * The OAuth pages (the consent page, and the sign-in page on the way to it) have no
 * `form-action`: Chromium and WebKit apply it to the redirect that answers a form, and the
 * consent form is answered by a redirect to the app's own URI, on another origin or a custom
 * scheme (`https://elk.zone/…`, `ivory://…`), which `'self'` would block. Mastodon drops it on
 * the same pages.
 */
export const OAUTH_CONTENT_SECURITY_POLICY = POLICY.join("; ");

/** Headers a route passes to `page()` to get the OAuth policy instead of the default. */
export const OAUTH_PAGE_HEADERS = {
  "content-security-policy": OAUTH_CONTENT_SECURITY_POLICY,
};

/**
 * Adds the page headers to an HTML response (idempotent; other responses pass through). A page
 * that chose its own policy keeps it.
 */
export function withPageSecurityHeaders(response: Response): Response {
  const type = response.headers.get("content-type") ?? "";
  if (!type.startsWith("text/html")) return response;
  const headers = {
    "content-security-policy": response.headers.get(
      "content-security-policy",
    ) ?? CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
  };
  return withHeaders(response, (target) => {
    for (const [name, value] of Object.entries(headers)) {
      target.set(name, value);
    }
  });
}
