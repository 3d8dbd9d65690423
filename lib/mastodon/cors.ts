/**
 * CORS for what browser apps (Elk, Phanpy) read from their own origins: the client API, the
 * OAuth token endpoints, `/.well-known/*` (host-meta, WebFinger, NodeInfo, OAuth metadata) and
 * NodeInfo, which Phanpy reads before sign-in. They authenticate with bearer tokens, never
 * cookies, so any origin may read. `/oauth/authorize` is a page for people, not for scripts.
 */
import { appendVary, withHeaders } from "../web/headers.ts";

const ALLOW_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
const ALLOW_HEADERS =
  "Authorization, Content-Type, Idempotency-Key, Accept, Accept-Language";
const EXPOSE_HEADERS =
  "Link, X-RateLimit-Reset, X-RateLimit-Limit, X-RateLimit-Remaining, X-Request-Id, Idempotency-Key";

/** Paths any origin may read. */
export function isCrossOriginPath(pathname: string): boolean {
  return /^\/(api|oauth|\.well-known|nodeinfo)\//.test(pathname) &&
    pathname !== "/oauth/authorize";
}

/**
 * The web app's CORS middleware: preflights on those paths are answered here, and every answer
 * there (an API error, a rate-limit refusal, a Fedify document) carries the headers.
 */
export function crossOriginMiddleware() {
  return async (
    ctx: { req: Request; url: URL; next(): Promise<Response> },
  ): Promise<Response> => {
    if (!isCrossOriginPath(ctx.url.pathname)) return await ctx.next();
    if (ctx.req.method === "OPTIONS") return preflightResponse(ctx.req);
    return withCors(await ctx.next());
  };
}

/** Adds the CORS headers to a response (copying it when its headers are immutable). */
export function withCors(response: Response): Response {
  // A WebSocket upgrade (101) can't be rebuilt, and browsers don't apply CORS to it.
  if (response.status < 200) return response;
  return withHeaders(response, (headers) => {
    headers.set("access-control-allow-origin", "*");
    headers.set("access-control-expose-headers", EXPOSE_HEADERS);
    appendVary(headers, "Origin");
  });
}

/** The answer to a preflight `OPTIONS` request: 204 with what the browser asked to send. */
export function preflightResponse(req: Request): Response {
  const requested = req.headers.get("access-control-request-headers");
  return withCors(
    new Response(null, {
      status: 204,
      headers: {
        "access-control-allow-methods": ALLOW_METHODS,
        "access-control-allow-headers": requested || ALLOW_HEADERS,
        "access-control-max-age": "86400",
      },
    }),
  );
}
