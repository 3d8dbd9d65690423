/**
 * A simulated fediverse: one process listening on several loopback ports, each port its own
 * origin with `ACTORS` actors (`/users/a1…`), all sharing one RSA public key (PEER_PUBLIC_PEM,
 * draft-cavage HTTP signatures) and one Ed25519 key (PEER_ED25519_MULTIBASE, a Multikey in
 * `assertionMethod` for Object Integrity Proofs) whose private halves the bench uses to sign.
 *
 * PEER_PROFILE (JSON, see `PeerProfile` in bench/lib/peers.ts) shapes the inboxes for the
 * fan-out scenario: origins without a shared inbox (deliveries go to each actor's inbox), a
 * response delay, signature verification against the sender's key (fetched once), origins that
 * answer 503 for a while after their first delivery, and origins that never answer. `/stats`
 * reports the counts; `POST /control {"failures": bool}` turns the failing origins on or off.
 * Started and stopped by the bench by its pid.
 */
const ports = (Deno.env.get("PEER_PORTS") ?? Deno.env.get("PORT") ?? "").split(
  ",",
).map(Number);
const actors = Number(Deno.env.get("ACTORS") ?? "20");
const publicKeyPem = Deno.env.get("PEER_PUBLIC_PEM") ?? "";
const ed25519Multibase = Deno.env.get("PEER_ED25519_MULTIBASE") ?? "";
const profile: {
  noShared?: number[];
  unavailable?: number[];
  hanging?: number[];
  unavailableMs?: number;
  delayMs?: number;
  jitterMs?: number;
  verify?: boolean;
} = JSON.parse(Deno.env.get("PEER_PROFILE") ?? "{}");
const AS = "https://www.w3.org/ns/activitystreams";
const portSet = (indices?: number[]) =>
  new Set((indices ?? []).map((k) => ports[k]));
const noShared = portSet(profile.noShared);
const unavailable = portSet(profile.unavailable);
const hanging = portSet(profile.hanging);
let failures = true;

const counts = { delivered: 0, invalid: 0, unavailable: 0, hung: 0 };
/** Valid deliveries per origin (host), to tell that every server got its copy. */
const byHost = new Map<string, number>();
/**
 * Valid deliveries to healthy origins (never unavailable or hanging, whether failures are on or
 * off): [activity id, epoch ms at arrival, 1 if to a personal inbox].
 */
const arrivals: [string, number, 0 | 1][] = [];
/** When each failing origin got its first delivery (it answers 503 for `unavailableMs`). */
const firstDelivery = new Map<number, number>();

function actor(origin: string, port: number, name: string) {
  const id = `${origin}/users/${name}`;
  return {
    "@context": [
      AS,
      "https://w3id.org/security/v1",
      "https://w3id.org/security/data-integrity/v1",
      "https://www.w3.org/ns/did/v1",
      "https://w3id.org/security/multikey/v1",
    ],
    id,
    type: "Person",
    preferredUsername: name,
    name: `Peer ${name}`,
    inbox: `${id}/inbox`,
    outbox: `${id}/outbox`,
    followers: `${id}/followers`,
    following: `${id}/following`,
    ...(noShared.has(port)
      ? {}
      : { endpoints: { sharedInbox: `${origin}/inbox` } }),
    url: `${origin}/@${name}`,
    publicKey: { id: `${id}#main-key`, owner: id, publicKeyPem },
    assertionMethod: [{
      id: `${id}#ed25519-key`,
      type: "Multikey",
      controller: id,
      publicKeyMultibase: ed25519Multibase,
    }],
  };
}

const json = (body: unknown, type = "application/activity+json") =>
  new Response(JSON.stringify(body), { headers: { "content-type": type } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function inbox(req: Request, port: number): Promise<Response> {
  const unhealthy = unavailable.has(port) || hanging.has(port);
  const failing = failures && unhealthy;
  if (failures && hanging.has(port)) {
    counts.hung++;
    await req.body?.cancel();
    return await new Promise<Response>(() => {}); // holds the connection open
  }
  if (failing) {
    const first = firstDelivery.get(port) ?? Date.now();
    firstDelivery.set(port, first);
    if (Date.now() - first < (profile.unavailableMs ?? 60_000)) {
      counts.unavailable++;
      await req.body?.cancel();
      return new Response("unavailable", { status: 503 });
    }
  }
  const body = new Uint8Array(await req.arrayBuffer());
  if (profile.verify && !(await verifySignature(req, body))) {
    counts.invalid++;
    return new Response("invalid signature", { status: 401 });
  }
  counts.delivered++;
  const url = new URL(req.url);
  byHost.set(url.host, (byHost.get(url.host) ?? 0) + 1);
  if (!unhealthy) {
    let id = "";
    try {
      id = JSON.parse(new TextDecoder().decode(body)).id ?? "";
    } catch { /* counted, not recorded */ }
    arrivals.push([id, Date.now(), url.pathname === "/inbox" ? 0 : 1]);
  }
  const delay = (profile.delayMs ?? 0) +
    (Math.random() * 2 - 1) * (profile.jitterMs ?? 0);
  if (delay > 0) await sleep(delay);
  return new Response(null, { status: 202 });
}

/** The sender's RSA public keys by key id, each fetched once. */
const keys = new Map<string, Promise<CryptoKey | null>>();

function senderKey(keyId: string): Promise<CryptoKey | null> {
  let key = keys.get(keyId);
  if (!key) {
    key = (async () => {
      const res = await fetch(keyId, {
        headers: { accept: "application/activity+json" },
      });
      if (!res.ok) return null;
      const doc = await res.json();
      const all = [doc.publicKey ?? []].flat();
      const pem: string | undefined = (all.find((k: { id?: string }) =>
        k.id === keyId
      ) ?? all[0])
        ?.publicKeyPem;
      if (!pem) return null;
      const der = base64(pem.replace(/-----[^-]+-----|\s/g, ""));
      return await crypto.subtle.importKey(
        "spki",
        der,
        { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
        false,
        ["verify"],
      );
    })().catch(() => null);
    keys.set(keyId, key);
  }
  return key;
}

function base64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/**
 * A draft-cavage HTTP signature (what Starling sends first), with the Digest of the body among
 * the signed headers, checked against the sender's published key.
 */
async function verifySignature(
  req: Request,
  body: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  const header = req.headers.get("signature");
  if (!header) return false;
  const params = Object.fromEntries(
    [...header.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
  );
  const signed = (params.headers ?? "date").split(" ");
  if (!params.keyId || !params.signature || !signed.includes("digest")) {
    return false;
  }
  const digest = req.headers.get("digest") ?? "";
  const sha = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
  if (!digest.includes(`SHA-256=${btoa(String.fromCharCode(...sha))}`)) {
    return false;
  }
  const url = new URL(req.url);
  const lines = signed.map((h) =>
    h === "(request-target)"
      ? `(request-target): ${req.method.toLowerCase()} ${url.pathname}${url.search}`
      : `${h}: ${req.headers.get(h) ?? ""}`
  );
  const key = await senderKey(params.keyId);
  if (!key) return false;
  return await crypto.subtle.verify(
    "RSASSA-PKCS1-v1_5",
    key,
    base64(params.signature),
    new TextEncoder().encode(lines.join("\n")),
  );
}

function handler(req: Request, port: number): Response | Promise<Response> {
  const url = new URL(req.url);
  const origin = url.origin;
  const match = /^\/users\/(a\d+)(\/.*)?$/.exec(url.pathname);
  if (req.method === "POST" && url.pathname === "/control") {
    return req.json().then((c) => {
      failures = c.failures !== false;
      return new Response(null, { status: 204 });
    });
  }
  if (
    req.method === "POST" &&
    ((url.pathname === "/inbox" && !noShared.has(port)) ||
      match?.[2] === "/inbox")
  ) {
    return inbox(req, port);
  }
  if (url.pathname === "/") return new Response("peer");
  if (url.pathname === "/stats") {
    return json({
      ...counts,
      hosts: byHost.size,
      healthy: arrivals.length,
      arrivals: url.searchParams.has("arrivals") ? arrivals : undefined,
    }, "application/json");
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
    return json(actor(origin, port, match[1]));
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
  Deno.serve(
    { hostname: "127.0.0.1", port, onListen: () => {} },
    (req) => handler(req, port),
  );
}
