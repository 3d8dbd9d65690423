/**
 * Fedify's `MessageQueue` on the Postgres table `federation_queue` (migration 0006), used when
 * Starling runs on a Postgres server (the embedded PGlite keeps `kv-queue.ts`).
 *
 * - Enqueue is one INSERT (a whole batch for `enqueueMany`) that also NOTIFYs the listeners.
 * - `listen()` runs the lease runner Starling's jobs use too (`lib/jobs/lease-runner.ts`):
 *   claims due rows by lease under `FOR UPDATE SKIP LOCKED`, so several processes on one
 *   database can listen together; runs the handler; deletes the row. Delivery is
 *   at-least-once: a process that dies mid-handler leaves its rows, claimed again once their
 *   lease runs out. Leases of running handlers are renewed, so only a dead (or frozen) process
 *   loses them.
 * - Up to `concurrency` (default 64) handlers run at once per `listen()`: deliveries mostly
 *   wait on other servers, and a fan-out becomes one message per inbox.
 * - Rows sharing an ordering key run one at a time, earliest due first: a row is claimable only
 *   while no other row with its key is leased or due before it.
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

  constructor(sql: Sql, options: PostgresMessageQueueOptions = {}) {
    this.#sql = sql;
    this.#options = {
      concurrency: options.concurrency ?? 64,
      leaseMs: options.leaseMs ?? 15_000,
      pollMs: options.pollMs ?? 2_000,
    };
  }

  // deno-lint-ignore no-explicit-any
  async enqueue(message: any, options?: MessageQueueEnqueueOptions) {
    await this.enqueueMany([message], options);
  }

  /** All in one statement: every message is enqueued, or none. */
  async enqueueMany(
    // deno-lint-ignore no-explicit-any
    messages: readonly any[],
    options?: MessageQueueEnqueueOptions,
  ): Promise<void> {
    if (messages.length === 0) return;
    const delay = delayOf(options);
    const texts = messages.map((m) => JSON.stringify(m));
    await this.#sql`
      WITH added AS (
        INSERT INTO federation_queue (ordering_key, message, deliver_at)
        SELECT ${options?.orderingKey ?? null}, m.text::json,
          now() + ${delay}::bigint * interval '1 millisecond'
        FROM unnest(${texts}::text[]) WITH ORDINALITY AS m(text, n)
        ORDER BY m.n
        RETURNING 1)
      SELECT pg_notify(${QUEUE_CHANNEL}, ${String(delay)})
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

function delayOf(options?: MessageQueueEnqueueOptions): number {
  if (options?.delay == null) return 0;
  return Math.max(0, Math.round(durationToMilliseconds(options.delay)));
}
