/**
 * One address per server. A request whose `Host` isn't `ORIGIN`'s (the listen address
 * `127.0.0.1:8000` when `ORIGIN` is `http://localhost:8000`, a second domain) is sent to the same
 * path and query on `ORIGIN`: otherwise a browser there would post forms from an origin the CSRF
 * check refuses, set cookies `ORIGIN` never sees, and clients would keep ids and links that
 * aren't the canonical ones. GET and HEAD get a 301; other methods a 308, which repeats the
 * method and body at the canonical address.
 *
 * Only the host is compared, never the scheme: behind a TLS proxy that passes `Host` (as the
 * README asks), requests arrive over plain HTTP with the canonical host and pass, so no
 * `X-Forwarded-Proto`/`-Host` is needed — and a proxy that doesn't pass `Host` gets a redirect
 * on every request, which is visible at once.
 */
export function canonicalHostMiddleware(origin: string) {
  const canonical = new URL(origin);
  return async (
    ctx: { req: Request; url: URL; next(): Promise<Response> },
  ): Promise<Response> => {
    // `url.host` comes from the request's `Host`, lower-cased, without the scheme's default port.
    if (ctx.url.host === canonical.host) return await ctx.next();
    const method = ctx.req.method;
    const status = method === "GET" || method === "HEAD" ? 301 : 308;
    const location = `${canonical.origin}${ctx.url.pathname}${ctx.url.search}`;
    return new Response(null, { status, headers: { location } });
  };
}
