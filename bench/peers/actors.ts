/**
 * A simulated fediverse: one process listening on several loopback ports, each port its own
 * origin with `ACTORS` actors (`/users/a1…`), all sharing one RSA public key (PEER_PUBLIC_PEM)
 * whose private half the bench uses to sign. Inboxes accept and count deliveries; `/stats`
 * reports the counts. Started and stopped by the bench by its pid.
 */
const ports = (Deno.env.get("PEER_PORTS") ?? Deno.env.get("PORT") ?? "").split(
  ",",
).map(Number);
const actors = Number(Deno.env.get("ACTORS") ?? "20");
const publicKeyPem = Deno.env.get("PEER_PUBLIC_PEM") ?? "";
const AS = "https://www.w3.org/ns/activitystreams";
let delivered = 0;
/** Deliveries per origin (host), to tell that every server got its copy. */
const byHost = new Map<string, number>();

function actor(origin: string, name: string) {
  const id = `${origin}/users/${name}`;
  return {
    "@context": [AS, "https://w3id.org/security/v1"],
    id,
    type: "Person",
    preferredUsername: name,
    name: `Peer ${name}`,
    inbox: `${id}/inbox`,
    outbox: `${id}/outbox`,
    followers: `${id}/followers`,
    following: `${id}/following`,
    endpoints: { sharedInbox: `${origin}/inbox` },
    url: `${origin}/@${name}`,
    publicKey: { id: `${id}#main-key`, owner: id, publicKeyPem },
  };
}

const json = (body: unknown, type = "application/activity+json") =>
  new Response(JSON.stringify(body), { headers: { "content-type": type } });

function handler(req: Request): Response | Promise<Response> {
  const url = new URL(req.url);
  const origin = url.origin;
  const match = /^\/users\/(a\d+)(\/.*)?$/.exec(url.pathname);
  if (req.method === "POST") {
    delivered++;
    byHost.set(url.host, (byHost.get(url.host) ?? 0) + 1);
    return req.body?.cancel().then(() => new Response(null, { status: 202 })) ??
      new Response(null, { status: 202 });
  }
  if (url.pathname === "/") return new Response("peer");
  if (url.pathname === "/stats") {
    return json({ delivered, hosts: byHost.size }, "application/json");
  }
  if (url.pathname === "/.well-known/webfinger") {
    const name = /^acct:(a\d+)@/.exec(url.searchParams.get("resource") ?? "")
      ?.[1];
    if (!name || Number(name.slice(1)) > actors) {
      return new Response(null, { status: 404 });
    }
    return json({
      subject: `acct:${name}@${url.host}`,
      links: [{
        rel: "self",
        type: "application/activity+json",
        href: `${origin}/users/${name}`,
      }],
    }, "application/jrd+json");
  }
  if (match && !match[2] && Number(match[1].slice(1)) <= actors) {
    return json(actor(origin, match[1]));
  }
  if (match && match[2] && /^\/(followers|following|outbox)$/.test(match[2])) {
    return json({
      "@context": AS,
      id: url.href,
      type: "OrderedCollection",
      totalItems: 0,
      orderedItems: [],
    });
  }
  return new Response("not found", { status: 404 });
}

for (const port of ports) {
  Deno.serve({ hostname: "127.0.0.1", port, onListen: () => {} }, handler);
}
