/**
 * Fedify's `MessageQueue` over Deno KV queues.
 *
 * Differences from Fedify's own (JSR-only) adapter, and why:
 *
 * - It does not claim `nativeRetrial`. Deno KV gives up on a failing message
 *   after its short backoff (~96 s in total), far too short for a remote
 *   server that is down for a day. A handler error is caught and logged here,
 *   and Fedify's `outboxRetryPolicy`/`inboxRetryPolicy` (which re-enqueue the
 *   message with a delay) are the one retry mechanism.
 * - Local Deno KV refuses queue payloads over 64 KiB, and a Fedify fan-out
 *   message carries every recipient inbox. Larger messages are written to KV
 *   in chunks first and the queue carries only a reference.
 * - Stopping `listen()` does not close the `Deno.Kv` (it is shared with the
 *   `KvStore` and the rest of the app). Deno KV has no way to stop a
 *   `listenQueue` short of closing the Kv, so after an abort the underlying
 *   listener stays registered and puts any message it still receives back on
 *   the queue until `listen()` is called again or the Kv is closed.
 *
 * Deno KV allows one `listenQueue` per `Deno.Kv` instance, so only one
 * `listen()` may be active per Kv: give Fedify a single `DenoKvMessageQueue`
 * for all its queues (`queue: mq`), or open another `Deno.Kv` on the same
 * file for a second consumer. A second concurrent `listen()` throws.
 */
import type {
  MessageQueue,
  MessageQueueEnqueueOptions,
  MessageQueueListenOptions,
} from "@fedify/fedify";
import { deserialize, serialize } from "node:v8";
import { durationToMilliseconds } from "./kv-store.ts";

/** Default size above which a message is stored in chunks (see below). */
export const DEFAULT_CHUNK_THRESHOLD = 48 * 1024;
/** Bytes per stored chunk: under the 64 KiB value limit with room to spare. */
export const CHUNK_SIZE = 60 * 1024;
/** Bytes per atomic commit; Deno KV's limit is 800 KiB (819,200 bytes). */
const ATOMIC_BYTES = 600 * 1024;
/** Mutations per atomic commit; Deno KV's limit is 1,000. */
const ATOMIC_MUTATIONS = 500;
/** Deno KV rejects an enqueue delay longer than 30 days. */
const MAX_DELAY_MS = 30 * 24 * 60 * 60 * 1000;
/** Chunks outlive their message's delay by this much, then expire. */
const CHUNK_GRACE_MS = 30 * 24 * 60 * 60 * 1000;
/** How long a message waits before another try at a busy ordering key. */
const ORDERING_RETRY_MS = 100;
/** Same-key messages one process queues up in memory before sending more round the queue. */
const MAX_CHAIN = 16;
/** How long a message is parked while no `listen()` is attached. */
const DETACHED_RETRY_MS = 1000;

/** What actually travels through the Deno KV queue. */
interface Envelope {
  readonly __starling_mq__: 1;
  /** The message itself, when small enough to travel inline. */
  readonly payload?: unknown;
  /** Id of a chunked message stored under `[...prefix, "chunk", ref, i]`. */
  readonly ref?: string;
  readonly chunks?: number;
  readonly orderingKey?: string;
}

function isEnvelope(value: unknown): value is Envelope {
  return typeof value === "object" && value != null &&
    (value as Envelope).__starling_mq__ === 1;
}

/** Options for {@link DenoKvMessageQueue}. */
export interface DenoKvMessageQueueOptions {
  /** Prefix for chunk, lock and dead-letter keys. Default `["fedify_mq"]`. */
  readonly prefix?: Deno.KvKey;
  /**
   * Serialised size (bytes) above which a message is chunked instead of
   * enqueued inline. Default {@link DEFAULT_CHUNK_THRESHOLD}; at most 60 KiB.
   */
  readonly chunkThreshold?: number;
  /** TTL (ms) of an ordering-key lock, in case a worker dies. Default 5 min. */
  readonly orderingLockTtl?: number;
}

/** Per-Kv state: the one `listenQueue` and whichever `listen()` owns it. */
interface KvListener {
  dispatch: ((raw: unknown) => Promise<void>) | null;
  /** Settles when the Kv is closed and `listenQueue` returns. */
  readonly closed: Promise<void>;
}
const listeners = new WeakMap<Deno.Kv, KvListener>();

// deno-lint-ignore no-explicit-any
type Handler = (message: any) => Promise<void> | void;

/** A prepared message: the envelope to enqueue and the chunks to write. */
interface Prepared {
  readonly envelope: Envelope;
  readonly size: number;
  readonly chunks: Uint8Array[];
}

/** Fedify's `MessageQueue` on a `Deno.Kv` that the caller owns and closes. */
export class DenoKvMessageQueue implements MessageQueue {
  /** Fedify must retry (see the module comment). */
  readonly nativeRetrial = false;
  readonly #kv: Deno.Kv;
  readonly #prefix: Deno.KvKey;
  readonly #threshold: number;
  readonly #lockTtl: number;
  /** Per ordering key, the end of this process's chain of messages with that key. */
  readonly #chains = new Map<
    string,
    { tail: Promise<unknown>; length: number }
  >();

  constructor(kv: Deno.Kv, options: DenoKvMessageQueueOptions = {}) {
    this.#kv = kv;
    this.#prefix = options.prefix ?? ["fedify_mq"];
    this.#threshold = Math.min(
      options.chunkThreshold ?? DEFAULT_CHUNK_THRESHOLD,
      CHUNK_SIZE,
    );
    this.#lockTtl = options.orderingLockTtl ?? 5 * 60 * 1000;
  }

  // deno-lint-ignore no-explicit-any
  async enqueue(message: any, options?: MessageQueueEnqueueOptions) {
    const delay = delayOf(options);
    const prepared = this.#prepare(message, options?.orderingKey);
    await this.#writeChunks(prepared, delay);
    await this.#kv.enqueue(prepared.envelope, this.#enqueueOptions(delay));
  }

  /**
   * Enqueues in as few atomic commits as Deno KV's limits allow. Not
   * all-or-nothing: if a later commit fails, earlier ones stay enqueued.
   */
  async enqueueMany(
    // deno-lint-ignore no-explicit-any
    messages: readonly any[],
    options?: MessageQueueEnqueueOptions,
  ): Promise<void> {
    const delay = delayOf(options);
    const opts = this.#enqueueOptions(delay);
    let atomic = this.#kv.atomic();
    let bytes = 0;
    let count = 0;
    for (const message of messages) {
      const prepared = this.#prepare(message, options?.orderingKey);
      await this.#writeChunks(prepared, delay);
      if (
        count > 0 && (bytes + prepared.size > ATOMIC_BYTES ||
          count + 1 > ATOMIC_MUTATIONS)
      ) {
        await commit(atomic);
        atomic = this.#kv.atomic();
        bytes = count = 0;
      }
      atomic.enqueue(prepared.envelope, opts);
      bytes += prepared.size;
      count++;
    }
    if (count > 0) await commit(atomic);
  }

  /**
   * Delivers messages to `handler` until `options.signal` aborts (or the Kv
   * is closed); the promise then resolves once in-flight handlers finish.
   * Throws if another `listen()` is active on the same `Deno.Kv`.
   */
  listen(handler: Handler, options: MessageQueueListenOptions = {}) {
    const { signal } = options;
    if (signal?.aborted) return Promise.resolve();
    const kv = this.#kv;
    let slot = listeners.get(kv);
    if (slot?.dispatch != null) {
      throw new Error(
        "DenoKvMessageQueue.listen(): this Deno.Kv already has an active " +
          "listener. Deno KV allows one listenQueue per Kv instance: pass " +
          "one DenoKvMessageQueue to Fedify for all queues, or open a " +
          "separate Deno.Kv for another consumer.",
      );
    }
    if (slot == null) {
      const entry: KvListener = {
        dispatch: null,
        closed: kv.listenQueue((raw) =>
          entry.dispatch == null
            // Nobody is listening (aborted): park the message, don't drop it.
            ? kv.enqueue(raw, { delay: DETACHED_RETRY_MS }).then(() => {})
            : entry.dispatch(raw)
        ).catch((error) => log("listenQueue ended with an error", error))
          .finally(() => listeners.delete(kv)),
      };
      slot = entry;
      listeners.set(kv, slot);
    }
    const inFlight = new Set<Promise<void>>();
    const dispatch = (raw: unknown) => {
      const task = this.#process(raw, handler);
      inFlight.add(task);
      return task.finally(() => inFlight.delete(task));
    };
    slot.dispatch = dispatch;
    const owner = slot;
    return new Promise<void>((resolve) => {
      let finished = false;
      const finish = async () => {
        if (finished) return;
        finished = true;
        if (owner.dispatch === dispatch) owner.dispatch = null;
        await Promise.allSettled([...inFlight]);
        resolve();
      };
      signal?.addEventListener("abort", finish, { once: true });
      owner.closed.then(finish);
    });
  }

  #prepare(message: unknown, orderingKey?: string): Prepared {
    const inline: Envelope = {
      __starling_mq__: 1,
      payload: message,
      orderingKey,
    };
    // V8-serialised size is exactly what Deno KV measures against 64 KiB
    // (a JSON length would undercount: one non-Latin-1 character makes V8
    // store the whole string as UTF-16).
    const bytes = serialize(inline);
    if (bytes.byteLength <= this.#threshold) {
      return { envelope: inline, size: bytes.byteLength, chunks: [] };
    }
    const payload = serialize(message);
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < payload.byteLength; i += CHUNK_SIZE) {
      // slice() copies: storing a subarray would serialise the whole buffer.
      chunks.push(new Uint8Array(payload.slice(i, i + CHUNK_SIZE)));
    }
    const envelope: Envelope = {
      __starling_mq__: 1,
      ref: crypto.randomUUID(),
      chunks: chunks.length,
      orderingKey,
    };
    return { envelope, size: serialize(envelope).byteLength, chunks };
  }

  /** Writes a chunked message's chunks (before its reference is enqueued). */
  async #writeChunks(prepared: Prepared, delay: number): Promise<void> {
    const { ref } = prepared.envelope;
    if (ref == null) return;
    const expireIn = delay + CHUNK_GRACE_MS;
    const perCommit = Math.max(1, Math.floor(ATOMIC_BYTES / CHUNK_SIZE));
    for (let i = 0; i < prepared.chunks.length; i += perCommit) {
      const atomic = this.#kv.atomic();
      prepared.chunks.slice(i, i + perCommit).forEach((chunk, j) =>
        atomic.set(this.#chunkKey(ref, i + j), chunk, { expireIn })
      );
      await commit(atomic);
    }
  }

  async #readChunks(envelope: Envelope): Promise<unknown> {
    const parts: Uint8Array[] = [];
    const prefix = [...this.#prefix, "chunk", envelope.ref!];
    for await (const entry of this.#kv.list<Uint8Array>({ prefix })) {
      parts.push(entry.value);
    }
    if (parts.length !== envelope.chunks) return undefined;
    const all = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
    let offset = 0;
    for (const part of parts) {
      all.set(part, offset);
      offset += part.byteLength;
    }
    return deserialize(all);
  }

  async #deleteChunks(envelope: Envelope): Promise<void> {
    for (let i = 0; i < envelope.chunks!; i += ATOMIC_MUTATIONS) {
      const atomic = this.#kv.atomic();
      const end = Math.min(envelope.chunks!, i + ATOMIC_MUTATIONS);
      for (let j = i; j < end; j++) {
        atomic.delete(this.#chunkKey(envelope.ref!, j));
      }
      await commit(atomic);
    }
  }

  #chunkKey(ref: string, index: number): Deno.KvKey {
    return [...this.#prefix, "chunk", ref, index];
  }

  #enqueueOptions(delay: number) {
    // If Deno KV itself ever gives up on a message (only our own KV errors
    // can cause that, see #process), keep it under a dead-letter key.
    const keysIfUndelivered = [[...this.#prefix, "dead", crypto.randomUUID()]];
    return delay > 0 ? { delay, keysIfUndelivered } : { keysIfUndelivered };
  }

  /**
   * Handles one delivery. Errors from `handler` are logged, never rethrown:
   * a throw would make Deno KV redeliver (its own short retry), doubling
   * Fedify's retries. Errors in our own KV bookkeeping before the handler
   * runs (lock, chunk load) do propagate, so Deno KV tries again a few times.
   */
  async #process(raw: unknown, handler: Handler): Promise<void> {
    if (!isEnvelope(raw)) {
      // Not ours (e.g. enqueued by other code on this Kv): pass through.
      return await runHandler(handler, raw);
    }
    const key = raw.orderingKey;
    if (key == null) return await this.#processLocked(raw, handler, null);
    // Same-key messages this process already holds wait their turn here, back to back, instead
    // of going round the queue with a delay each (20 deliveries to one server's personal
    // inboxes took seconds that way). Another process holding the key: the lock says so.
    let chain = this.#chains.get(key);
    if (chain && chain.length >= MAX_CHAIN) {
      // A long chain would hold Deno KV's in-flight slots that other keys need.
      await this.#kv.enqueue(raw, { delay: ORDERING_RETRY_MS });
      return;
    }
    chain ??= { tail: Promise.resolve(), length: 0 };
    this.#chains.set(key, chain);
    const current = chain;
    const run = current.tail.then(() =>
      this.#processLocked(raw, handler, [...this.#prefix, "lock", key])
    );
    current.length++;
    current.tail = run.catch(() => {}).then(() => {
      if (--current.length === 0 && this.#chains.get(key) === current) {
        this.#chains.delete(key);
      }
    });
    return await run;
  }

  async #processLocked(
    raw: Envelope,
    handler: Handler,
    lockKey: Deno.KvKey | null,
  ): Promise<void> {
    if (lockKey != null && !(await this.#lock(lockKey))) {
      // Another message with this ordering key is being handled: retry soon.
      await this.#kv.enqueue(raw, { delay: ORDERING_RETRY_MS });
      return;
    }
    try {
      let message = raw.payload;
      if (raw.ref != null) {
        message = await this.#readChunks(raw);
        if (message === undefined) {
          log(`chunks of message ${raw.ref} are missing; dropping it`);
          return;
        }
      }
      await runHandler(handler, message);
      if (raw.ref != null) {
        // Chunks also expire on their own, so a failed delete only wastes space.
        await this.#deleteChunks(raw).catch((e) =>
          log(`could not delete chunks of message ${raw.ref}`, e)
        );
      }
    } finally {
      if (lockKey != null) {
        await this.#kv.delete(lockKey).catch((e) =>
          log("could not release an ordering-key lock", e)
        );
      }
    }
  }

  async #lock(key: Deno.KvKey): Promise<boolean> {
    const existing = await this.#kv.get(key);
    if (existing.value != null) return false;
    const result = await this.#kv.atomic().check(existing)
      .set(key, true, { expireIn: this.#lockTtl }).commit();
    return result.ok;
  }
}

async function runHandler(handler: Handler, message: unknown): Promise<void> {
  try {
    await handler(message);
  } catch (error) {
    // Fedify retries through its retry policy by re-enqueueing before it
    // returns; an error reaching us is one it chose not to (or failed to)
    // retry. Log it and acknowledge the delivery.
    log("message handler failed; not redelivering", error);
  }
}

function delayOf(options?: MessageQueueEnqueueOptions): number {
  if (options?.delay == null) return 0;
  const ms = Math.round(durationToMilliseconds(options.delay));
  return Math.min(Math.max(ms, 0), MAX_DELAY_MS);
}

async function commit(atomic: Deno.AtomicOperation): Promise<void> {
  const result = await atomic.commit();
  if (!result.ok) throw new Error("Deno KV atomic commit failed");
}

function log(message: string, error?: unknown): void {
  console.error(`[DenoKvMessageQueue] ${message}`, ...(error ? [error] : []));
}
