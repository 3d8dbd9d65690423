/**
 * The web app's first middleware: ActivityPub, WebFinger and NodeInfo requests go to Fedify;
 * everything else (and browsers asking for HTML) falls through to the routes. Also answers
 * `/.well-known/host-meta` and the NodeInfo 2.0 URL older clients (Elk) request, and sends
 * browsers from `/users/{username}[/statuses/{id}]` to the HTML pages, and ActivityPub clients
 * from the pages (`/@{username}[/{id}]`) to the ActivityPub URLs; both vary by `Accept`.
 * Collections get the empty `orderedItems` Fedify leaves out (`collection-json.ts`).
 */
import type { Deps } from "../deps.ts";
import { SOFTWARE_NAME } from "./names.ts";
import { appendVary, withHeaders } from "../web/headers.ts";
import {
  completeCollectionResponse,
  isCollectionPath,
} from "./collection-json.ts";
import { refusesActor } from "../moderation/mod.ts";
import { isDeletedUsername } from "../db/accounts.ts";

interface MiddlewareContext {
  req: Request;
  url: URL;
  next(): Promise<Response>;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function hostMeta(origin: string): Response {
  const template = `${origin}/.well-known/webfinger?resource={uri}`;
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<XRD xmlns="http://docs.oasis-open.org/ns/xri/xrd-1.0">
  <Link rel="lrdd" template="${escapeXml(template)}"/>
</XRD>
`;
  return new Response(body, {
    headers: { "content-type": "application/xrd+xml; charset=utf-8" },
  });
}

/** The HTML page for an ActivityPub URL a browser opened, if any. */
function htmlPageFor(origin: string, pathname: string): string | null {
  const status = /^\/users\/([A-Za-z0-9_]+)\/statuses\/(\d+)$/.exec(pathname);
  if (status) return `${origin}/@${status[1]}/${status[2]}`;
  const actor = /^\/users\/([A-Za-z0-9_]+)$/.exec(pathname);
  if (actor) return `${origin}/@${actor[1]}`;
  return null;
}

/**
 * The ActivityPub URL behind a profile or post page (`/@alice`, `/@alice/123`): Mastodon peers
 * fetch an object's `url` too, asking for AS JSON, and get redirected to its id.
 */
function activityPubUrlFor(origin: string, pathname: string): string | null {
  const status = /^\/@([A-Za-z0-9_]+)\/(\d+)$/.exec(pathname);
  if (status) return `${origin}/users/${status[1]}/statuses/${status[2]}`;
  const actor = /^\/@([A-Za-z0-9_]+)$/.exec(pathname);
  if (actor) return `${origin}/users/${actor[1]}`;
  return null;
}

function wantsActivityPub(req: Request): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const accept = req.headers.get("accept") ?? "";
  return /application\/(activity\+json|ld\+json)/i.test(accept);
}

function withVary(response: Response): Response {
  return withHeaders(response, (headers) => appendVary(headers, "Accept"));
}

/**
 * The request as the public saw it, at our configured origin: behind a TLS proxy the server is
 * reached over http, and Fedify builds links from the request's URL (collection pages, its
 * context's `origin`), and checks RFC 9421 signatures over the URL the peer signed — ours.
 */
function atOrigin(req: Request, origin: string): Request {
  const url = new URL(req.url);
  const canonical = new URL(url.pathname + url.search, origin);
  if (canonical.href === url.href) return req;
  // Not `new Request(canonical, req)`: that reads `req.signal`, which Deno warns about.
  return new Request(canonical, {
    method: req.method,
    headers: req.headers,
    body: req.body,
  });
}

const INBOX_PATH = /^\/(inbox|users\/[^/]+\/inbox)$/;

/** The `keyId` a draft-cavage `Signature` or an RFC 9421 `Signature-Input` names. */
function signingKeyId(headers: Headers): string | null {
  const header = headers.get("signature") ?? headers.get("signature-input");
  return header ? /keyid="([^"]+)"/i.exec(header)?.[1] ?? null : null;
}

/**
 * The federation policy's edge (lib/moderation/federation-policy.ts): a delivery whose actor or
 * signing key is on a suspended (or, in allowlist mode, not allowed) domain, or whose actor is a
 * suspended account, is refused with a 403 before Fedify fetches any key or checks the
 * signature. Returns the body as read and the activity parsed from it (`null` if not JSON), or
 * the refusal. The listeners check again (inbox.ts), for activities already queued. A POST to the
 * shared inbox is then accepted by `inbox-accept.ts` (verify, dedupe, enqueue) or left to Fedify.
 */
async function gateInbox(
  deps: Deps,
  req: Request,
): Promise<{ body: Uint8Array<ArrayBuffer>; activity: unknown } | Response> {
  // The bytes as sent (the Digest covers them), read once: the body limit has run before.
  const body = new Uint8Array(await req.arrayBuffer());
  let activity: unknown = null;
  try {
    activity = JSON.parse(new TextDecoder().decode(body));
  } catch {
    // Not JSON: Fedify answers it.
  }
  const value = (activity as { actor?: unknown } | null)?.actor;
  const actor = typeof value === "string"
    ? value
    : typeof (value as { id?: unknown } | null)?.id === "string"
    ? (value as { id: string }).id
    : null;
  if (await refusesActor(deps, actor, signingKeyId(req.headers))) {
    return Response.json({ error: "Deliveries from this server are refused" }, {
      status: 403,
    });
  }
  return { body, activity };
}

/** The paths Fedify answers (mod.ts and inbox.ts register them). */
const FEDIFY_PATH =
  /^\/(users\/|emojis\/|inbox$|actor$|nodeinfo\/|\.well-known\/(webfinger|nodeinfo)$)/;

export function federationMiddleware(deps: Deps) {
  return async (ctx: MiddlewareContext): Promise<Response> => {
    const { pathname } = ctx.url;
    // The streaming API's WebSocket upgrade: Fedify reads the request after the handler has
    // returned, which a consumed upgrade request no longer allows.
    if (ctx.req.headers.get("upgrade")?.toLowerCase() === "websocket") {
      return await ctx.next();
    }
    const apUrl = activityPubUrlFor(deps.config.origin, pathname);
    if (apUrl && wantsActivityPub(ctx.req)) {
      return withVary(
        new Response(null, { status: 302, headers: { location: apUrl } }),
      );
    }
    if (pathname === "/.well-known/host-meta") {
      return hostMeta(deps.config.origin);
    }
    if (pathname === "/nodeinfo/2.0" || pathname === "/nodeinfo/2.0.json") {
      // 2.0 is 2.1 without `software.repository/homepage`; same numbers.
      const response = await (await deps.federation()).fetch(
        new Request(new URL("/nodeinfo/2.1", deps.config.origin), {
          headers: { accept: "application/json" },
        }),
        { contextData: deps },
      );
      if (!response.ok) return response;
      const info = await response.json();
      info.version = "2.0";
      info.software = {
        name: info.software?.name ?? SOFTWARE_NAME,
        version: info.software?.version,
      };
      return Response.json(info, {
        headers: {
          "content-type":
            'application/json; profile="http://nodeinfo.diaspora.software/ns/schema/2.0#"',
        },
      });
    }
    // Both forms answer by Accept, so caches must key on it.
    const varies = htmlPageFor(deps.config.origin, pathname) || apUrl;
    // Only Fedify's own paths load it (see lazy.ts); everything else goes straight on.
    if (!FEDIFY_PATH.test(pathname)) {
      const response = await ctx.next();
      return varies ? withVary(response) : response;
    }
    let request = ctx.req;
    if (request.method === "POST" && INBOX_PATH.test(pathname)) {
      const gated = await gateInbox(deps, request);
      if (gated instanceof Response) return gated;
      const { body, activity } = gated;
      const remade = () =>
        new Request(ctx.req.url, {
          method: ctx.req.method,
          headers: ctx.req.headers,
          body,
        });
      if (pathname === "/inbox") {
        const [federation, { acceptSharedInbox }] = await Promise.all([
          deps.federation(),
          import("./inbox-accept.ts"),
        ]);
        const accepted = await acceptSharedInbox(
          deps,
          federation,
          atOrigin(remade(), deps.config.origin),
          activity,
        );
        if (accepted) return accepted;
      }
      request = remade();
    }
    const response = await (await deps.federation()).fetch(
      atOrigin(request, deps.config.origin),
      {
        contextData: deps,
        // A deleted account's actor is gone for good (410, as Mastodon), not unknown.
        onNotFound: async () => {
          const username = /^\/users\/([^/]+)$/.exec(pathname)?.[1];
          return username &&
              await isDeletedUsername(deps.sql, decodeURIComponent(username))
            ? new Response("Gone", { status: 410 })
            : await ctx.next();
        },
        onNotAcceptable: async () => {
          const page = ctx.req.method === "GET"
            ? htmlPageFor(deps.config.origin, pathname)
            : null;
          if (page) {
            return withVary(
              new Response(null, { status: 302, headers: { location: page } }),
            );
          }
          return await ctx.next();
        },
      },
    );
    const completed = ctx.req.method === "GET" && isCollectionPath(pathname)
      ? await completeCollectionResponse(response)
      : response;
    return varies ? withVary(completed) : completed;
  };
}
