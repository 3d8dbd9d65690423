/**
 * The shared inbox's accept path: verify, dedupe, enqueue — and nothing that can wait.
 *
 * Fedify's inbox handler parses every activity into its vocabulary before it queues it (a
 * JSON-LD expansion, ~1.5 ms of CPU for a Create(Note)), reads each signing key back from the KV
 * store and parses that too (another expansion), and the worker parses the activity again
 * anyway. Here a POST to `/inbox` that carries an HTTP signature (draft-cavage or RFC 9421) and
 * no Object Integrity Proof is accepted with:
 *
 * 1. Fedify's own `verifyRequestDetailed` (Digest, Date window, the signature; the key fetched
 *    through our strict loader on a miss), with signing keys kept parsed in memory in front of
 *    the KV records Fedify's path shares (`InboxKeyCache`);
 * 2. the key's owner being the activity's `actor` (what Fedify's `doesActorOwnKey` checks first);
 * 3. dedupe by activity id: (actor, id) pairs this process accepted lately, and the record
 *    Fedify's worker writes once it has processed one;
 * 4. the raw activity enqueued as the very message Fedify's handler would enqueue, so a worker
 *    (`ROLE=worker` or `all`, any process) expands and processes it with Fedify's retries.
 *
 * Nothing is stored before the signature verifies. Anything else — personal inboxes, proofs, a
 * signer who is not the actor (a forwarded activity whose Linked Data signature must be
 * checked), a failed verification of an activity with a Linked Data signature — goes on to
 * Fedify's handler unchanged (`null`). The federation policy's gate (`middleware.ts`) has run
 * before either.
 */
import {
  type KeyCache,
  type KvKey,
  type KvStore,
  verifyRequestDetailed,
} from "@fedify/fedify";
import { CryptographicKey, type DocumentLoader, Multikey } from "@fedify/vocab";
import type { Deps } from "../deps.ts";
import type { StarlingFederation } from "./mod.ts";
import { federationKvStore, federationQueue } from "./stores.ts";
import { INSTANCE_ACTOR } from "./names.ts";
import { inboxAcceptStats, inboxStatsLine } from "./inbox-stats.ts";

/** Fedify's default KV prefixes (the builder sets none of its own). */
const PUBLIC_KEY_PREFIX = ["_fedify", "publicKey"] as const;
const IDEMPOTENCE_PREFIX = ["_fedify", "activityIdempotence"] as const;
/** How long Fedify's key cache remembers a key it could not fetch. */
const UNAVAILABLE_KEY_MS = 10 * 60 * 1000;
/** A parsed key is trusted from memory this long (a failed verification refetches it anyway). */
const KEY_MEMORY_MS = 60 * 60 * 1000;
const KEY_MEMORY_SIZE = 10_000;
const RECENT_IDS = 10_000;
const STATS_LOG_MS = 10_000;

let statsLoggedAt = 0;
/** Logs the counters if the last line is older than `STATS_LOG_MS` (no timer to clean up). */
function maybeLogStats() {
  const now = Date.now();
  if (now - statsLoggedAt < STATS_LOG_MS) return;
  statsLoggedAt = now;
  console.log(inboxStatsLine());
}

type PublicKey = CryptographicKey | Multikey;

/**
 * Signing keys parsed once: memory (bounded, oldest out first) in front of Fedify's KV records
 * (same keys and format as Fedify's own key cache, so its handler and this path share them).
 */
export class InboxKeyCache implements KeyCache {
  readonly #kv: KvStore;
  readonly #memory = new Map<
    string,
    { key: PublicKey | null; until: number }
  >();

  constructor(kv: KvStore) {
    this.#kv = kv;
  }

  async get(keyId: URL): Promise<PublicKey | null | undefined> {
    const remembered = this.#memory.get(keyId.href);
    if (remembered && remembered.until > Date.now()) {
      inboxAcceptStats.keyMemoryHits++;
      return remembered.key;
    }
    const serialized = await this.#kv.get(this.#kvKey(keyId));
    if (serialized === undefined) {
      inboxAcceptStats.keyMisses++;
      return undefined;
    }
    inboxAcceptStats.keyStoreHits++;
    if (serialized === null) {
      this.#remember(keyId, null, UNAVAILABLE_KEY_MS);
      return null;
    }
    const key = await CryptographicKey.fromJsonLd(serialized)
      .catch(() => Multikey.fromJsonLd(serialized))
      .catch(() => undefined);
    if (key) this.#remember(keyId, key, KEY_MEMORY_MS);
    return key;
  }

  async set(keyId: URL, key: PublicKey | null): Promise<void> {
    if (key == null) {
      this.#remember(keyId, null, UNAVAILABLE_KEY_MS);
      await this.#kv.set(this.#kvKey(keyId), null, {
        ttl: Temporal.Duration.from({ milliseconds: UNAVAILABLE_KEY_MS }),
      });
      return;
    }
    this.#remember(keyId, key, KEY_MEMORY_MS);
    await this.#kv.set(this.#kvKey(keyId), await key.toJsonLd());
  }

  #kvKey(keyId: URL): KvKey {
    return [...PUBLIC_KEY_PREFIX, keyId.href];
  }

  #remember(keyId: URL, key: PublicKey | null, ms: number) {
    this.#memory.delete(keyId.href);
    this.#memory.set(keyId.href, { key, until: Date.now() + ms });
    if (this.#memory.size > KEY_MEMORY_SIZE) {
      this.#memory.delete(this.#memory.keys().next().value!);
    }
  }
}

/** Per `Deps` (tests run several instances in one process). */
interface Acceptor {
  kv: KvStore;
  keyCache: InboxKeyCache;
  recent: Set<string>;
  documentLoader: DocumentLoader;
}
const acceptors = new WeakMap<Deps, Acceptor>();

function acceptorOf(deps: Deps, federation: StarlingFederation): Acceptor {
  let acceptor = acceptors.get(deps);
  if (!acceptor) {
    const kv = federationKvStore(deps);
    const context = federation.createContext(new URL(deps.config.origin), deps);
    // Keys are fetched signed as the instance actor, as Fedify's shared inbox does; the loader
    // is made on the first miss (it reads the instance actor's key pair).
    let signed: Promise<DocumentLoader> | null = null;
    acceptor = {
      kv,
      keyCache: new InboxKeyCache(kv),
      recent: new Set(),
      documentLoader: async (url, options) => {
        signed ??= context.getDocumentLoader({ identifier: INSTANCE_ACTOR });
        return await (await signed)(url, options);
      },
    };
    acceptors.set(deps, acceptor);
  }
  return acceptor;
}

function idOf(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null && "id" in value) {
    const id = (value as { id: unknown }).id;
    return typeof id === "string" ? id : null;
  }
  return null;
}

function parsedUrl(text: string | null): URL | null {
  if (text == null || !URL.canParse(text)) return null;
  return new URL(text);
}

/**
 * Accepts a POST to the shared inbox (see the module comment), or returns `null` to leave it to
 * Fedify's handler. `request` is at our origin with its body re-made from `activity`'s bytes.
 */
export async function acceptSharedInbox(
  deps: Deps,
  federation: StarlingFederation,
  request: Request,
  activity: unknown,
): Promise<Response | null> {
  if (
    typeof activity !== "object" || activity === null ||
    Array.isArray(activity) || "proof" in activity ||
    !(request.headers.has("signature") ||
      request.headers.has("signature-input"))
  ) {
    inboxAcceptStats.deferred++;
    return null;
  }
  const record = activity as Record<string, unknown>;
  const id = parsedUrl(typeof record.id === "string" ? record.id : null);
  const actor = parsedUrl(idOf(record.actor));
  if (!id || !actor || typeof record.type !== "string") {
    inboxAcceptStats.deferred++;
    return null;
  }
  const acceptor = acceptorOf(deps, federation);
  const context = federation.createContext(request, deps);
  const verification = await verifyRequestDetailed(request, {
    documentLoader: acceptor.documentLoader,
    contextLoader: context.contextLoader,
    keyCache: acceptor.keyCache,
  });
  const hasLdSignature = "signature" in record;
  if (!verification.verified) {
    // A Linked Data signature may still vouch for it: Fedify checks that.
    if (hasLdSignature) {
      inboxAcceptStats.deferred++;
      return null;
    }
    inboxAcceptStats.refused++;
    return new Response("Failed to verify the request signature.", {
      status: 401,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  if (verification.key.ownerId?.href !== actor.href) {
    inboxAcceptStats.deferred++;
    return null;
  }
  // Keyed by actor too: an actor can't make us drop another actor's activity by reusing its id.
  const recentKey = `${actor.href} ${id.href}`;
  if (
    acceptor.recent.has(recentKey) ||
    await acceptor.kv.get([
        ...IDEMPOTENCE_PREFIX,
        new URL(deps.config.origin).origin,
        id.href,
      ]) === true
  ) {
    inboxAcceptStats.duplicates++;
    return accepted(`Activity <${id.href}> has already been accepted.`);
  }
  // The message Fedify's handler enqueues (`routeActivity`): the worker parses the activity as
  // sent, its Linked Data signature (unverified here) detached.
  await federationQueue(deps).enqueue({
    type: "inbox",
    id: crypto.randomUUID(),
    baseUrl: new URL(deps.config.origin).origin,
    activity,
    ...(hasLdSignature ? { ldSignatureVerified: false } : {}),
    identifier: null,
    attempt: 0,
    started: new Date().toISOString(),
    traceContext: {},
  });
  acceptor.recent.add(recentKey);
  if (acceptor.recent.size > RECENT_IDS) {
    acceptor.recent.delete(acceptor.recent.values().next().value!);
  }
  inboxAcceptStats.accepted++;
  maybeLogStats();
  return accepted("Activity is enqueued.");
}

function accepted(text: string): Response {
  return new Response(text, {
    status: 202,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}
