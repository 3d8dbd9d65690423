/**
 * What the queue tests share to drive a real Fedify fan-out through one of our queues: an inbox
 * sink where each tenth inbox refuses its first two requests (Fedify's double knock fails too,
 * so those deliveries must come back through the queue, delayed), and a one-actor federation
 * that sends a Create to N inboxes on it. Assertions stay in each test.
 */
import type { KvStore, MessageQueue } from "@fedify/fedify";
import { createMastodonRetryPolicy } from "../../lib/federation/retry-policy.ts";

export interface FlakySink {
  origin: string;
  /** Paths that got a 202. */
  delivered: Set<string>;
  /** 500s answered so far. */
  failures(): number;
  /** Requests that carried an HTTP signature. */
  signed(): number;
  shutdown(): Promise<void>;
}

export function startFlakySink(): FlakySink {
  const delivered = new Set<string>();
  const hits = new Map<string, number>();
  let failures = 0;
  let signed = 0;
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    async (req) => {
      await req.arrayBuffer();
      const path = new URL(req.url).pathname;
      if (req.headers.has("signature") || req.headers.has("signature-input")) {
        signed++;
      }
      const i = Number(path.split("/").at(-2)!.split("-")[1]);
      hits.set(path, (hits.get(path) ?? 0) + 1);
      if (i % 10 === 0 && hits.get(path)! <= 2) {
        failures++;
        return new Response(null, { status: 500 });
      }
      delivered.add(path);
      return new Response(null, { status: 202 });
    },
  );
  return {
    origin: `http://127.0.0.1:${server.addr.port}`,
    delivered,
    failures: () => failures,
    signed: () => signed,
    shutdown: () => server.shutdown(),
  };
}

export interface FanOutSender {
  /** Sends one Create from `alice` to `count` inboxes `user-<i>-<handle>` on the sink. */
  send(sinkOrigin: string, count: number, handle: string): Promise<void>;
  /** Stops the queue worker. */
  stop(): Promise<void>;
}

/** A federation with one actor on the given store and queue, its queue worker running. */
export async function startFanOutFederation(
  kv: KvStore,
  queue: MessageQueue,
): Promise<FanOutSender> {
  const { createFederation } = await import("@fedify/fedify");
  const { Create, Note, Person } = await import("@fedify/vocab");
  const keyPair = await crypto.subtle.generateKey(
    {
      name: "RSASSA-PKCS1-v1_5",
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: "SHA-256",
    },
    true,
    ["sign", "verify"],
  );
  const federation = createFederation<void>({
    kv,
    queue,
    manuallyStartQueue: true,
    allowPrivateAddress: true,
    // Fedify opens a per-host circuit after repeated failures and parks that host's
    // deliveries for minutes; every inbox here is on one host, so it would hold the retries.
    circuitBreaker: false,
    outboxRetryPolicy: createMastodonRetryPolicy({ scale: 0.001 }),
    inboxRetryPolicy: createMastodonRetryPolicy({ scale: 0.001 }),
  });
  federation
    .setActorDispatcher(
      "/users/{identifier}",
      async (ctx, identifier) =>
        new Person({
          id: ctx.getActorUri(identifier),
          preferredUsername: identifier,
          inbox: ctx.getInboxUri(identifier),
          publicKey: (await ctx.getActorKeyPairs(identifier))[0]
            ?.cryptographicKey,
        }),
    )
    .setKeyPairsDispatcher(() => [keyPair]);
  federation.setInboxListeners("/users/{identifier}/inbox", "/inbox");
  const controller = new AbortController();
  const worker = federation.startQueue(undefined, {
    signal: controller.signal,
  });
  return {
    async send(sinkOrigin, count, handle) {
      const ctx = federation.createContext(new URL("http://localhost:8000"));
      const recipients = Array.from({ length: count }, (_, i) => ({
        id: new URL(`${sinkOrigin}/users/user-${i}-${handle}`),
        inboxId: new URL(`${sinkOrigin}/users/user-${i}-${handle}/inbox`),
      }));
      await ctx.sendActivity(
        { identifier: "alice" },
        recipients,
        new Create({
          id: new URL("http://localhost:8000/posts/1/activity"),
          actor: ctx.getActorUri("alice"),
          object: new Note({
            id: new URL("http://localhost:8000/posts/1"),
            content: `hello, ${count} inboxes`,
          }),
        }),
      );
    },
    async stop() {
      controller.abort();
      await worker;
    },
  };
}
