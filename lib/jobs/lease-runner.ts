/**
 * The one mechanism behind both of Starling's Postgres queues — Fedify's message queue
 * (`federation_queue`, `lib/federation/pg-queue.ts`) and Starling's jobs (`jobs`, `queue.ts`):
 * a table of rows claimed by lease. What a row means and what happens once it has run (delete,
 * reschedule, park) is the caller's; claiming, leases, ordering keys and wake-ups are here.
 *
 * - A worker claims due rows by setting their lease (`locked_until`) under
 *   `FOR UPDATE SKIP LOCKED`, so several processes on one database share the table; a process
 *   that dies mid-handler leaves its rows, claimed again once their lease runs out (delivery is
 *   at-least-once). Leases of running handlers are renewed, so only a dead (or frozen) process
 *   loses them: no row runs twice at once.
 * - Up to `concurrency` handlers run at once per runner.
 * - Rows sharing an ordering key run one at a time, earliest due first: a row is claimable only
 *   while no other row with its key is leased or due before it.
 * - With `attemptsColumn`, a claim counts an attempt, so a row whose handler kills the process
 *   every time still reaches its retry limit.
 * - Wake-ups: LISTEN on `channel` (payload: the new rows' delay in ms, "0" due now) where the
 *   database allows a second connection (`listen: true`), `wake()`/`notified()` in-process
 *   otherwise (the embedded PGlite has a single connection), and a poll every `pollMs` for what
 *   no wake-up tells: expired leases, delayed rows written before this runner started,
 *   notifications lost while the LISTEN connection was down.
 */
import type { Sql } from "../db/client.ts";

/** A claimed row, as the claim query returns it. */
export interface ClaimedRow {
  id: string;
  ordering_key: string | null;
  /** The payload column as text (parse it yourself: json keeps what was written). */
  payload: string;
  /** Attempts including this one (0 when the table has no attempts column). */
  attempts: number;
  /** The table's `extraColumns`, by name. */
  [column: string]: unknown;
}

export interface LeaseTable {
  /** Table and column names: constants from our code, never input. */
  readonly table: string;
  readonly payloadColumn: string;
  readonly dueColumn: string;
  readonly attemptsColumn?: string;
  /** More columns the claim returns, as properties of `ClaimedRow`. */
  readonly extraColumns?: readonly string[];
  /** The NOTIFY channel writers announce new rows on. */
  readonly channel: string;
}

export interface LeaseRunnerOptions {
  /** Handlers running at once. Default 64. */
  readonly concurrency?: number;
  /** How long a claim holds a row before another worker may take it. Default 15 s. */
  readonly leaseMs?: number;
  /** Longest wait between looks at the table. Default 2 s. */
  readonly pollMs?: number;
  /** LISTEN for wake-ups (needs a second connection: not on the embedded PGlite). Default true. */
  readonly listen?: boolean;
  /** Prefix of log lines. */
  readonly label?: string;
}

/**
 * Runs `handle` on each claimed row. `handle` must finish the row (delete or reschedule it) and
 * must not throw; if it does, the error is logged and the row runs again after its lease.
 */
export type RowHandler = (row: ClaimedRow) => Promise<void>;

export class LeaseRunner {
  readonly #sql: Sql;
  readonly #table: LeaseTable;
  readonly #handle: RowHandler;
  readonly #options: Required<LeaseRunnerOptions>;
  /** Running handlers by row id, with their ordering keys. */
  readonly #running = new Map<string, string | null>();
  readonly #tasks = new Set<Promise<void>>();
  /** When delayed rows we heard of fall due (ms timestamps, soonest first, bounded). */
  #dueTimes: number[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pumping = false;
  #again = false;
  #started = false;
  #stopped = false;
  #failing = false;

  constructor(
    sql: Sql,
    table: LeaseTable,
    handle: RowHandler,
    options: LeaseRunnerOptions = {},
  ) {
    this.#sql = sql;
    this.#table = table;
    this.#handle = handle;
    this.#options = {
      concurrency: options.concurrency ?? 64,
      leaseMs: options.leaseMs ?? 15_000,
      pollMs: options.pollMs ?? 2_000,
      listen: options.listen ?? true,
      label: options.label ?? table.table,
    };
  }

  /**
   * Runs until `signal` aborts, then resolves once the handlers running by then have finished.
   * Never rejects: database errors are logged and the next poll tries again.
   */
  async run(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return;
    this.#started = true;
    const stopped = Promise.withResolvers<void>();
    signal?.addEventListener("abort", () => stopped.resolve(), { once: true });
    let unlisten = async () => {};
    if (this.#options.listen) {
      try {
        const subscription = await this.#sql.listen(
          this.#table.channel,
          (payload) => this.notified(Number(payload)),
          // Also after the LISTEN connection came back: look for what was missed meanwhile.
          () => this.wake(),
        );
        unlisten = () => subscription.unlisten();
      } catch (error) {
        this.#report("LISTEN failed; polling only", error);
      }
    }
    const renewal = setInterval(
      () => this.#renewLeases(),
      Math.max(100, Math.floor(this.#options.leaseMs / 3)),
    );
    this.wake();
    await stopped.promise;
    this.#stopped = true;
    clearTimeout(this.#timer);
    await unlisten().catch(() => {});
    while (this.#tasks.size > 0) await Promise.allSettled([...this.#tasks]);
    clearInterval(renewal);
  }

  /** Rows were written that fall due in `delay` ms (0 or less: now). */
  notified(delay: number): void {
    if (!(delay > 0)) return this.wake();
    const at = Date.now() + delay;
    const times = this.#dueTimes;
    let i = times.length;
    while (i > 0 && times[i - 1] > at) i--;
    times.splice(i, 0, at);
    if (times.length > 1000) times.pop(); // the poll finds the others
    if (!this.#pumping) this.#arm();
  }

  /** Claims and starts what is due, as long as there are free slots and claims come back full. */
  wake(): void {
    if (!this.#started || this.#stopped) return;
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
        if (this.#failing) {
          console.info(`${this.#options.label}: database is back`);
        }
        this.#failing = false;
      } catch (error) {
        this.#report("could not claim rows; retrying", error);
        return;
      }
      for (const row of rows) this.#start(row);
      if (rows.length === free) this.#again = true;
    } while (this.#again && !this.#stopped);
  }

  #claim(limit: number): Promise<ClaimedRow[]> {
    const sql = this.#sql;
    const { table, dueColumn, payloadColumn, attemptsColumn } = this.#table;
    const t = sql(table);
    const due = sql(dueColumn);
    const ids = [...this.#running.keys()];
    const keys = [...this.#running.values()].filter((k) => k != null);
    const attempts = attemptsColumn
      ? sql`, ${sql(attemptsColumn)} = q.${sql(attemptsColumn)} + 1`
      : sql``;
    const attemptsOut = attemptsColumn ? sql`q.${sql(attemptsColumn)}` : sql`0`;
    const extra = this.#table.extraColumns ?? [];
    // Unqualified: the CTE has only `id`, so these names are the table's.
    const extraOut = extra.length ? sql`, ${sql(extra as string[])}` : sql``;
    return sql<ClaimedRow[]>`
      WITH claimable AS (
        SELECT c.id FROM ${t} AS c
        WHERE c.${due} <= now()
          AND (c.locked_until IS NULL OR c.locked_until <= now())
          AND c.id <> ALL(${ids}::bigint[])
          AND (c.ordering_key IS NULL OR (
            c.ordering_key <> ALL(${keys}::text[])
            AND NOT EXISTS (
              SELECT 1 FROM ${t} AS s
              WHERE s.ordering_key = c.ordering_key AND s.id <> c.id
                AND (s.locked_until > now() OR (s.${due} <= now()
                  AND (s.${due}, s.id) < (c.${due}, c.id))))))
        ORDER BY c.${due}, c.id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      UPDATE ${t} AS q
      SET locked_until = now() + ${this.#options.leaseMs}::bigint * interval '1 millisecond'
        ${attempts}
      FROM claimable WHERE q.id = claimable.id
      RETURNING q.id, q.ordering_key, q.${sql(payloadColumn)}::text AS payload,
        ${attemptsOut}::int AS attempts ${extraOut}`;
  }

  #start(row: ClaimedRow): void {
    this.#running.set(row.id, row.ordering_key);
    const task = this.#handle(row).catch((error) =>
      console.error(
        `[${this.#options.label}] row ${row.id} runs again after its lease:`,
        error,
      )
    ).finally(() => {
      this.#running.delete(row.id);
      this.#tasks.delete(task);
      this.wake();
    });
    this.#tasks.add(task);
  }

  async #renewLeases(): Promise<void> {
    if (this.#running.size === 0) return;
    const ids = [...this.#running.keys()];
    try {
      await this.#sql`
        UPDATE ${this.#sql(this.#table.table)}
        SET locked_until = now() + ${this.#options.leaseMs}::bigint * interval '1 millisecond'
        WHERE id = ANY(${ids}::bigint[])`;
    } catch (error) {
      this.#report("could not renew leases", error);
    }
  }

  /** The next look at the table: the poll, or sooner when a delayed row falls due. */
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
    // A few ms late: the due time is on the server's clock, rounded the other way.
    this.#timer = setTimeout(() => this.wake(), at - now + 5);
  }

  /** Logs once per outage, not at every poll while the database is down. */
  #report(what: string, error: unknown): void {
    if (this.#failing) return;
    this.#failing = true;
    console.error(`[${this.#options.label}] ${what}:`, error);
  }
}
