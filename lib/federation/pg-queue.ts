/**
 * Fedify's `MessageQueue` on the Postgres table `federation_queue` (migration 0006), used when
 * Starling runs on a Postgres server (the embedded PGlite keeps `kv-queue.ts`).
 *
 * - Enqueue is one INSERT (a whole batch for `enqueueMany`, and for the `enqueue` calls made in
 *   one synchronous run, as Fedify makes a fan-out's) that also NOTIFYs the listeners.
 * - `listen()` runs the lease runner Starling's jobs use too (`lib/jobs/lease-runner.ts`):
 *   claims due rows by lease under `FOR UPDATE SKIP LOCKED`, so several processes on one
 *   database can listen together; runs the handler; deletes the row. Delivery is
 *   at-least-once: a process that dies mid-handler leaves its rows, claimed again once their
 *   lease runs out. Leases of running handlers are renewed, so only a dead (or frozen) process
 *   loses them.
 * - Up to `concurrency` (default 64) handlers run at once per `listen()`: deliveries mostly
 *   wait on other servers, and a fan-out becomes one message per inbox.
 * - Rows sharing an ordering key run one at a time, earliest due first: a row is claimable only
 *   while no other row with its key is leased or due before it. A delivery (Fedify's `outbox`
 *   message) is ordered per inbox, not per server as Fedify asks (`deliveryOrderingKey`).
 * - It does not claim `nativeRetrial`: a handler's error is logged and the message deleted;
 *   Fedify's retry policies re-enqueue with a delay (as with `kv-queue.ts`).
 * - Wake-ups come by LISTEN/NOTIFY (a delayed message announces its delay, and the listener
 *   wakes when it is due), with a poll every `pollMs` for what a notification can't tell:
 *   expired leases, messages delayed before this process listened, notifications lost while
 *   the LISTEN connection was down.
 *
 * Messages are stored as `json` (Fedify's messages are plain JSON; `json` keeps any text, where
 * `jsonb` refuses `\u0000` from a remote activity). Fedify's types only: this module is loaded
 * without Fedify (see `lazy.ts`).
 */
import type {
  MessageQueue,
  MessageQueueDepth,
  MessageQueueEnqueueOptions,
  MessageQueueListenOptions,
} from "@fedify/fedify";
import type { Sql } from "../db/client.ts";
import { durationToMilliseconds } from "./kv-store.ts";
import { LeaseRunner, type LeaseTable } from "../jobs/mod.ts";

/** The NOTIFY channel: its payload is the new messages' delay in ms ("0": due now). */
export const QUEUE_CHANNEL = "starling_federation_queue";

export interface PostgresMessageQueueOptions {
  /** Handlers running at once per `listen()`. Default 64. */
  readonly concurrency?: number;
  /** How long a claim holds a message before another worker may take it. Default 15 s. */
  readonly leaseMs?: number;
  /** Longest wait between looks at the table. Default 2 s. */
  readonly pollMs?: number;
}

// deno-lint-ignore no-explicit-any
type Handler = (message: any) => Promise<void> | void;

const FEDERATION_QUEUE_TABLE: LeaseTable = {
  table: "federation_queue",
  payloadColumn: "message",
  dueColumn: "deliver_at",
  channel: QUEUE_CHANNEL,
};

export class PostgresMessageQueue implements MessageQueue {
  /** Fedify must retry (see the module comment). */
  readonly nativeRetrial = false;
  readonly #sql: Sql;
  readonly #options: Required<PostgresMessageQueueOptions>;
  #pending: PendingRow[] = [];

  constructor(sql: Sql, options: PostgresMessageQueueOptions = {}) {
    this.#sql = sql;
    this.#options = {
      concurrency: options.concurrency ?? 64,
      leaseMs: options.leaseMs ?? 15_000,
      pollMs: options.pollMs ?? 2_000,
    };
  }

  /**
   * Enqueues made in one synchronous run (Fedify enqueues a fan-out's deliveries one call per
   * inbox when they carry an ordering key) go in as one INSERT, flushed in a microtask.
   */
  // deno-lint-ignore no-explicit-any
  enqueue(message: any, options?: MessageQueueEnqueueOptions): Promise<void> {
    const { promise, resolve, reject } = Promise.withResolvers<void>();
    this.#pending.push({
      text: JSON.stringify(message),
      orderingKey: deliveryOrderingKey(message, options?.orderingKey),
      delay: delayOf(options),
      resolve,
      reject,
    });
    if (this.#pending.length === 1) queueMicrotask(() => this.#flush());
    return promise;
  }

  /** All in one statement: every message is enqueued, or none. */
  async enqueueMany(
    // deno-lint-ignore no-explicit-any
    messages: readonly any[],
    options?: MessageQueueEnqueueOptions,
  ): Promise<void> {
    if (messages.length === 0) return;
    await this.#insert(messages.map((m) => ({
      text: JSON.stringify(m),
      orderingKey: deliveryOrderingKey(m, options?.orderingKey),
      delay: delayOf(options),
    })));
  }

  async #flush(): Promise<void> {
    const batch = this.#pending;
    this.#pending = [];
    try {
      await this.#insert(batch);
      for (const p of batch) p.resolve();
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }

  async #insert(rows: readonly QueuedRow[]): Promise<void> {
    const delays = rows.map((r) => r.delay);
    // One notification per batch: the soonest delay wakes the listeners early enough.
    const soonest = Math.min(...delays);
    await this.#sql`
      WITH added AS (
        INSERT INTO federation_queue (ordering_key, message, deliver_at)
        SELECT m.ordering_key, m.text::json,
          now() + m.delay * interval '1 millisecond'
        FROM unnest(${rows.map((r) => r.text)}::text[],
          ${rows.map((r) => r.orderingKey)}::text[],
          ${delays}::bigint[]) WITH ORDINALITY AS m(text, ordering_key, delay, n)
        ORDER BY m.n
        RETURNING 1)
      SELECT pg_notify(${QUEUE_CHANNEL}, ${String(soonest)})
      FROM (SELECT 1 FROM added LIMIT 1) AS any_added`;
  }

  /** Messages waiting (not being handled), due now or later. */
  async getDepth(): Promise<MessageQueueDepth> {
    const [row] = await this.#sql<
      { ready: number; delayed: number }[]
    >`
      SELECT count(*) FILTER (WHERE deliver_at <= now())::int AS ready,
        count(*) FILTER (WHERE deliver_at > now())::int AS delayed
      FROM federation_queue WHERE locked_until IS NULL OR locked_until <= now()`;
    return {
      queued: row.ready + row.delayed,
      ready: row.ready,
      delayed: row.delayed,
    };
  }

  /**
   * Runs `handler` on due messages until `options.signal` aborts, then resolves once the
   * handlers running by then have finished. Never rejects: database errors are logged and the
   * next poll tries again.
   */
  listen(
    handler: Handler,
    options: MessageQueueListenOptions = {},
  ): Promise<void> {
    const sql = this.#sql;
    return new LeaseRunner(sql, FEDERATION_QUEUE_TABLE, async (row) => {
      try {
        await handler(JSON.parse(row.payload));
      } catch (error) {
        // Fedify retries by re-enqueueing before it returns; an error reaching us is one it
        // chose not to (or could not) retry. Log it and acknowledge the message.
        console.error(
          "[PostgresMessageQueue] message handler failed; not redelivering",
          error,
        );
      }
      // A failed delete throws: the runner logs it, and the message runs again after its lease.
      await sql`DELETE FROM federation_queue WHERE id = ${row.id}`;
    }, { ...this.#options, label: "PostgresMessageQueue" }).run(options.signal);
  }
}

interface QueuedRow {
  text: string;
  orderingKey: string | null;
  delay: number;
}

interface PendingRow extends QueuedRow {
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * A delivery's ordering key, per inbox. Fedify keys a post's deliveries by (post, server), so
 * the 20 personal inboxes one server has for a post's followers go one at a time (a fan-out's
 * slowest part); what ordering must keep is that each inbox gets a post's Create, Update and
 * Delete in order, which a key per (post, inbox) keeps — every inbox of the server still gets
 * all of them, in order. Other messages keep their key.
 */
function deliveryOrderingKey(
  message: unknown,
  orderingKey: string | undefined,
): string | null {
  if (orderingKey == null) return null;
  const { type, inbox } = message as { type?: unknown; inbox?: unknown };
  return type === "outbox" && typeof inbox === "string"
    ? `${orderingKey}\n${inbox}`
    : orderingKey;
}

function delayOf(options?: MessageQueueEnqueueOptions): number {
  if (options?.delay == null) return 0;
  return Math.max(0, Math.round(durationToMilliseconds(options.delay)));
}
