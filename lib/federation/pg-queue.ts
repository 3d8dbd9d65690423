/**
 * Fedify's `MessageQueue` on the Postgres table `federation_queue` (migration 0006), used when
 * Starling runs on a Postgres server (the embedded PGlite keeps `kv-queue.ts`).
 *
 * - Enqueue is one INSERT (a whole batch for `enqueueMany`) that also NOTIFYs the listeners.
 * - `listen()` claims due rows by setting their lease (`locked_until`) under
 *   `FOR UPDATE SKIP LOCKED`, so several processes on one database can listen together; runs
 *   the handler; deletes the row. Delivery is at-least-once: a process that dies mid-handler
 *   leaves its rows, claimed again once their lease runs out. Leases of running handlers are
 *   renewed, so only a dead (or frozen) process loses them.
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

interface ClaimedRow {
  id: string;
  ordering_key: string | null;
  message: string;
}

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
    if (options.signal?.aborted) return Promise.resolve();
    return new Listener(this.#sql, handler, this.#options).run(options.signal);
  }
}

/** One `listen()`: its claims, its running handlers, its timers. */
class Listener {
  readonly #sql: Sql;
  readonly #handler: Handler;
  readonly #options: Required<PostgresMessageQueueOptions>;
  /** Running handlers by row id, with their ordering keys. */
  readonly #running = new Map<string, string | null>();
  readonly #tasks = new Set<Promise<void>>();
  /** When delayed messages we heard of fall due (ms timestamps, soonest first, bounded). */
  #dueTimes: number[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pumping = false;
  #again = false;
  #stopped = false;
  #failing = false;

  constructor(
    sql: Sql,
    handler: Handler,
    options: Required<PostgresMessageQueueOptions>,
  ) {
    this.#sql = sql;
    this.#handler = handler;
    this.#options = options;
  }

  async run(signal?: AbortSignal): Promise<void> {
    const stopped = Promise.withResolvers<void>();
    signal?.addEventListener("abort", () => stopped.resolve(), { once: true });
    let unlisten = async () => {};
    try {
      const subscription = await this.#sql.listen(
        QUEUE_CHANNEL,
        (payload) => this.#notified(Number(payload)),
        // Also after the LISTEN connection came back: look for what was missed meanwhile.
        () => this.#wake(),
      );
      unlisten = () => subscription.unlisten();
    } catch (error) {
      this.#report("LISTEN failed; polling only", error);
    }
    const renewal = setInterval(
      () => this.#renewLeases(),
      Math.max(100, Math.floor(this.#options.leaseMs / 3)),
    );
    this.#wake();
    await stopped.promise;
    this.#stopped = true;
    clearTimeout(this.#timer);
    await unlisten().catch(() => {});
    while (this.#tasks.size > 0) await Promise.allSettled([...this.#tasks]);
    clearInterval(renewal);
  }

  #notified(delay: number): void {
    if (!(delay > 0)) return this.#wake();
    const at = Date.now() + delay;
    const times = this.#dueTimes;
    let i = times.length;
    while (i > 0 && times[i - 1] > at) i--;
    times.splice(i, 0, at);
    if (times.length > 1000) times.pop(); // the poll finds the others
    if (!this.#pumping) this.#arm();
  }

  /** Claims and starts what is due, as long as there are free slots and claims come back full. */
  #wake(): void {
    if (this.#stopped) return;
    if (this.#pumping) {
      this.#again = true;
      return;
    }
    this.#pumping = true;
    this.#pump().finally(() => {
      this.#pumping = false;
      this.#arm();
    });
  }

  async #pump(): Promise<void> {
    do {
      this.#again = false;
      const free = this.#options.concurrency - this.#running.size;
      if (free <= 0) return; // a handler finishing wakes us
      let rows: ClaimedRow[];
      try {
        rows = await this.#claim(free);
        if (this.#failing) console.info("federation queue: database is back");
        this.#failing = false;
      } catch (error) {
        this.#report("could not claim messages; retrying", error);
        return;
      }
      for (const row of rows) this.#start(row);
      if (rows.length === free) this.#again = true;
    } while (this.#again && !this.#stopped);
  }

  #claim(limit: number): Promise<ClaimedRow[]> {
    const ids = [...this.#running.keys()];
    const keys = [...this.#running.values()].filter((k) => k != null);
    return this.#sql<ClaimedRow[]>`
      WITH claimable AS (
        SELECT c.id FROM federation_queue AS c
        WHERE c.deliver_at <= now()
          AND (c.locked_until IS NULL OR c.locked_until <= now())
          AND c.id <> ALL(${ids}::bigint[])
          AND (c.ordering_key IS NULL OR (
            c.ordering_key <> ALL(${keys}::text[])
            AND NOT EXISTS (
              SELECT 1 FROM federation_queue AS s
              WHERE s.ordering_key = c.ordering_key AND s.id <> c.id
                AND (s.locked_until > now() OR (s.deliver_at <= now()
                  AND (s.deliver_at, s.id) < (c.deliver_at, c.id))))))
        ORDER BY c.deliver_at, c.id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      UPDATE federation_queue AS q
      SET locked_until = now() + ${this.#options.leaseMs}::bigint * interval '1 millisecond'
      FROM claimable WHERE q.id = claimable.id
      RETURNING q.id, q.ordering_key, q.message::text AS message`;
  }

  #start(row: ClaimedRow): void {
    this.#running.set(row.id, row.ordering_key);
    const task = this.#handle(row).finally(() => {
      this.#running.delete(row.id);
      this.#tasks.delete(task);
      this.#wake();
    });
    this.#tasks.add(task);
  }

  async #handle(row: ClaimedRow): Promise<void> {
    try {
      await this.#handler(JSON.parse(row.message));
    } catch (error) {
      // Fedify retries by re-enqueueing before it returns; an error reaching us is one it chose
      // not to (or could not) retry. Log it and acknowledge the message.
      console.error(
        "[PostgresMessageQueue] message handler failed; not redelivering",
        error,
      );
    }
    try {
      await this.#sql`DELETE FROM federation_queue WHERE id = ${row.id}`;
    } catch (error) {
      this.#report(
        `could not delete message ${row.id}; it runs again after its lease`,
        error,
      );
    }
  }

  async #renewLeases(): Promise<void> {
    if (this.#running.size === 0) return;
    const ids = [...this.#running.keys()];
    try {
      await this.#sql`
        UPDATE federation_queue
        SET locked_until = now() + ${this.#options.leaseMs}::bigint * interval '1 millisecond'
        WHERE id = ANY(${ids}::bigint[])`;
    } catch (error) {
      this.#report("could not renew leases", error);
    }
  }

  /** The next look at the table: the poll, or sooner when a delayed message falls due. */
  #arm(): void {
    clearTimeout(this.#timer);
    if (this.#stopped) return;
    const now = Date.now();
    while (this.#dueTimes.length > 0 && this.#dueTimes[0] <= now) {
      this.#dueTimes.shift();
    }
    const at = Math.min(
      now + this.#options.pollMs,
      this.#dueTimes[0] ?? Infinity,
    );
    // A few ms late: deliver_at is on the server's clock, rounded the other way.
    this.#timer = setTimeout(() => this.#wake(), at - now + 5);
  }

  /** Logs once per outage, not at every poll while the database is down. */
  #report(what: string, error: unknown): void {
    if (this.#failing) return;
    this.#failing = true;
    console.error(`[PostgresMessageQueue] ${what}:`, error);
  }
}

function delayOf(options?: MessageQueueEnqueueOptions): number {
  if (options?.delay == null) return 0;
  return Math.max(0, Math.round(durationToMilliseconds(options.delay)));
}
