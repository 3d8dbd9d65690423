/**
 * A tiny fake ActivityPub server on a loopback port, for security tests: it serves JSON
 * documents we put at paths (actors with real RSA keys, notes, collections), counts every
 * request it receives, and signs deliveries from its actors with Fedify's `signRequest`.
 * Anything not put there is a 404.
 */
import { signRequest } from "@fedify/fedify";

export interface FakeActor {
  id: string;
  keyId: string;
  inbox: string;
  followers: string;
  privateKey: CryptoKey;
}

export interface FakePeer {
  origin: string;
  /** Every request path received, in order. */
  hits: string[];
  /** Serves `body` (JSON, or a function answering the request) at `path`. */
  put(
    path: string,
    body: unknown | ((req: Request) => Response | Promise<Response>),
  ): void;
  /**
   * Adds a Person with a fresh RSA key at `/users/<name>`; `inboxOrigin` puts its inbox and
   * shared inbox on another server (e.g. one that is down).
   */
  actor(name: string, options?: { inboxOrigin?: string }): Promise<FakeActor>;
  /** POSTs `activity` to `inbox`, signed with `actor`'s key (options to spoil the signature). */
  deliver(
    actor: FakeActor,
    inbox: string,
    activity: unknown,
    options?: {
      privateKey?: CryptoKey;
      keyId?: string;
      currentTime?: Temporal.Instant;
      /** Sent instead of the signed body. */
      alteredBody?: string;
    },
  ): Promise<Response>;
  close(): Promise<void>;
}

/** Mastodon's context, in short: ActivityStreams, security, and the `as:` extensions. */
export const AS_CONTEXT = [
  "https://www.w3.org/ns/activitystreams",
  "https://w3id.org/security/v1",
  { Hashtag: "as:Hashtag", sensitive: "as:sensitive" },
];

async function pem(key: CryptoKey): Promise<string> {
  const spki = new Uint8Array(await crypto.subtle.exportKey("spki", key));
  const b64 = btoa(String.fromCharCode(...spki));
  return `-----BEGIN PUBLIC KEY-----\n${
    b64.match(/.{1,64}/g)!.join("\n")
  }\n-----END PUBLIC KEY-----\n`;
}

export function newRsaKeyPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(
    {
      name: "RSASSA-PKCS1-v1_5",
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: "SHA-256",
    },
    true,
    ["sign", "verify"],
  ) as Promise<CryptoKeyPair>;
}

export function startFakePeer(
  options: { hostname?: string } = {},
): FakePeer {
  const documents = new Map<string, unknown>();
  const hits: string[] = [];
  const server = Deno.serve(
    { hostname: options.hostname ?? "127.0.0.1", port: 0, onListen() {} },
    async (req) => {
      const url = new URL(req.url);
      hits.push(url.pathname + url.search);
      await req.body?.cancel();
      const doc = documents.get(url.pathname + url.search) ??
        documents.get(url.pathname);
      if (doc === undefined) return new Response("not found", { status: 404 });
      if (typeof doc === "function") return doc(req);
      return new Response(JSON.stringify(doc), {
        headers: { "content-type": "application/activity+json" },
      });
    },
  );
  const origin = `http://${
    options.hostname ?? "127.0.0.1"
  }:${server.addr.port}`;
  return {
    origin,
    hits,
    put(path, body) {
      documents.set(path, body);
    },
    async actor(name, options = {}) {
      const keys = await newRsaKeyPair();
      const id = `${origin}/users/${name}`;
      const inboxOrigin = options.inboxOrigin ?? origin;
      const actor: FakeActor = {
        id,
        keyId: `${id}#main-key`,
        inbox: `${inboxOrigin}/users/${name}/inbox`,
        followers: `${id}/followers`,
        privateKey: keys.privateKey,
      };
      documents.set(`/users/${name}`, {
        "@context": AS_CONTEXT,
        id,
        type: "Person",
        preferredUsername: name,
        inbox: actor.inbox,
        outbox: `${id}/outbox`,
        followers: actor.followers,
        endpoints: { sharedInbox: `${inboxOrigin}/inbox` },
        publicKey: {
          id: actor.keyId,
          owner: id,
          publicKeyPem: await pem(keys.publicKey),
        },
      });
      return actor;
    },
    async deliver(actor, inbox, activity, opts = {}) {
      const body = JSON.stringify(activity);
      const signed = await signRequest(
        new Request(inbox, {
          method: "POST",
          headers: { "content-type": "application/activity+json" },
          body,
        }),
        opts.privateKey ?? actor.privateKey,
        new URL(opts.keyId ?? actor.keyId),
        { currentTime: opts.currentTime },
      );
      const request = opts.alteredBody === undefined ? signed : new Request(
        signed.url,
        {
          method: "POST",
          headers: signed.headers,
          body: opts.alteredBody,
        },
      );
      return await fetch(request);
    },
    async close() {
      await server.shutdown();
    },
  };
}

/** An activity as an inbox server received it. */
export interface ReceivedActivity {
  id?: string;
  type: string;
  object?: {
    content?: string;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** An inbox server on `port` (e.g. one a peer's actor points at) recording what it receives. */
export function startInbox(port: number) {
  const received: ReceivedActivity[] = [];
  /** Every POST with the path it was made to (`/inbox` is the shared inbox). */
  const deliveries: { path: string; activity: ReceivedActivity }[] = [];
  const server = Deno.serve(
    { hostname: "127.0.0.1", port, onListen() {} },
    async (req) => {
      if (req.method === "POST") {
        const activity = await req.json();
        received.push(activity);
        deliveries.push({ path: new URL(req.url).pathname, activity });
      } else await req.body?.cancel();
      return new Response(null, { status: 202 });
    },
  );
  return {
    received,
    deliveries,
    /** How many Create activities whose content includes `text` arrived. */
    creates: (text: string) =>
      received.filter((a) =>
        a.type === "Create" && a.object?.content?.includes(text)
      ).length,
    close: () => server.shutdown(),
  };
}

/** `actor` follows the local user `username` on `origin` (delivered, signed, to their inbox). */
export async function followFrom(
  origin: string,
  peer: FakePeer,
  actor: FakeActor,
  username = "alice",
): Promise<void> {
  const res = await peer.deliver(actor, `${origin}/users/${username}/inbox`, {
    "@context": AS_CONTEXT,
    id: `${actor.id}#follows/${crypto.randomUUID()}`,
    type: "Follow",
    actor: actor.id,
    object: `${origin}/users/${username}`,
  });
  await res.body?.cancel();
  if (res.status !== 202) {
    throw new Error(`the Follow got ${res.status}, not 202`);
  }
}
