/**
 * CORS for the client API: browser apps (Elk, Phanpy) run on other origins and call `/api`,
 * `/oauth` and `/.well-known` with bearer tokens, never cookies, so any origin may read.
 */
const ALLOW_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
const ALLOW_HEADERS =
  "Authorization, Content-Type, Idempotency-Key, Accept, Accept-Language";
const EXPOSE_HEADERS =
  "Link, X-RateLimit-Reset, X-RateLimit-Limit, X-RateLimit-Remaining, X-Request-Id, Idempotency-Key";

/** Adds the CORS headers to a response (copying it when its headers are immutable). */
export function withCors(response: Response): Response {
  let target = response;
  try {
    setCorsHeaders(response.headers);
  } catch {
    // A WebSocket upgrade (101) can't be rebuilt, and browsers don't apply CORS to it.
    if (response.status < 200) return response;
    target = new Response(response.body, response);
    setCorsHeaders(target.headers);
  }
  return target;
}

function setCorsHeaders(headers: Headers) {
  headers.set("access-control-allow-origin", "*");
  headers.set("access-control-expose-headers", EXPOSE_HEADERS);
  const vary = headers.get("vary");
  if (!vary?.toLowerCase().includes("origin")) {
    headers.set("vary", vary ? `${vary}, Origin` : "Origin");
  }
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
