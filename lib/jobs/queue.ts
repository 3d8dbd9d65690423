/**
 * Starling's jobs: a transactional outbox on the `jobs` table, run by the lease runner that
 * also runs Fedify's Postgres queue (`lease-runner.ts`).
 *
 * - `enqueue(tx, kind, payload)` writes the job in the caller's transaction: a rolled-back write
 *   leaves no job, a committed one always has its job. The payload is checked by the kind's
 *   `parse` first, so a malformed job fails the write instead of failing later.
 * - `run(context, signal)` claims due jobs and runs their handlers: success deletes the job; a
 *   failure is retried after the kind's backoff, or parked (`parked_at`, `last_error`, visible in
 *   `deno task admin jobs list --parked`) when it is permanent, out of attempts or too old.
 *   A job is at-least-once: a process that dies mid-handler leaves the job leased, and it runs
 *   again once the lease is over. Handlers must tolerate a repeat (peers dedupe activities by
 *   id). No job runs twice at once (the lease is renewed while it runs).
 * - Wake-ups: on a Postgres server, the NOTIFY written with the job (delivered at commit) wakes
 *   every process's runner. The embedded PGlite allows a single connection, so no LISTEN: the
 *   enqueueing process wakes its own runner, whose claim queues behind the writing transaction
 *   on that one connection and so runs after the commit; the poll is the fallback.
 * - Deno KV: federation deliveries on the embedded database go through Fedify's queue in the
 *   Deno KV file. The job that federates an event calls Fedify (which enqueues into KV) and is
 *   deleted only after that returned, so the job is the relay: a crash in between re-runs the
 *   job and enqueues again (at-least-once; receivers dedupe by activity id).
 * - Periodic work (a kind with `everyMs`) is one row per kind across all processes, moved to
 *   its next run after each run: it runs once per period, not once per process.
 */
import type { Queryable, Sql } from "../db/client.ts";
import { type JobRegistry, RetryLater } from "./define.ts";
import {
  deleteJob,
  deleteKeyedJobs,
  ensureScheduled,
  insertJobs,
  JOBS_CHANNEL,
  moveKeyedJobs,
  type NewJob,
  parkJob,
  releaseLeases,
  rescheduleJob,
  scheduleNextRun,
} from "./db.ts";
import {
  type ClaimedRow,
  LeaseRunner,
  type LeaseTable,
} from "./lease-runner.ts";

/** Payloads are ids and small facts, not documents: this bounds a mistake. */
const MAX_PAYLOAD_BYTES = 32 * 1024;

export interface EnqueueOptions {
  /** Jobs sharing a key run one at a time, in the order written. */
  orderingKey?: string;
  /** Not before this many ms from now. */
  delayMs?: number;
}

export interface JobQueueOptions {
  /** LISTEN for other processes' jobs (a Postgres server); false on the embedded PGlite. */
  listen: boolean;
  /**
   * No other process uses this database (the embedded PGlite): a lease found when the runner
   * starts is a dead process's, so it is released at once instead of waited out.
   */
  soleProcess?: boolean;
  concurrency?: number;
  leaseMs?: number;
  pollMs?: number;
}

const JOBS_TABLE: LeaseTable = {
  table: "jobs",
  payloadColumn: "payload",
  dueColumn: "run_at",
  attemptsColumn: "attempts",
  extraColumns: ["kind", "created_at"],
  channel: JOBS_CHANNEL,
};

export class JobQueue<C> {
  readonly #sql: Sql;
  readonly #registry: JobRegistry<C>;
  readonly #options: JobQueueOptions;
  #runner: LeaseRunner | null = null;

  constructor(sql: Sql, registry: JobRegistry<C>, options: JobQueueOptions) {
    this.#sql = sql;
    this.#registry = registry;
    this.#options = options;
  }

  /** Writes one job in `tx` (the caller's transaction). */
  async enqueue(
    tx: Queryable,
    kind: string,
    payload: unknown,
    options: EnqueueOptions = {},
  ): Promise<void> {
    await this.enqueueMany(tx, [{ kind, payload, ...options }]);
  }

  /** Writes several jobs in `tx`, in one statement. */
  async enqueueMany(
    tx: Queryable,
    jobs: ({ kind: string; payload: unknown } & EnqueueOptions)[],
  ): Promise<void> {
    if (jobs.length === 0) return;
    const rows: NewJob[] = jobs.map((job) => {
      const definition = this.#registry.get(job.kind);
      if (!definition) throw new Error(`unknown job kind ${job.kind}`);
      const text = JSON.stringify(definition.parse(job.payload));
      if (text.length > MAX_PAYLOAD_BYTES) {
        throw new Error(`job ${job.kind}: payload over ${MAX_PAYLOAD_BYTES}`);
      }
      return {
        kind: job.kind,
        payload: text,
        orderingKey: job.orderingKey ?? null,
        delayMs: Math.max(0, Math.round(job.delayMs ?? 0)),
      };
    });
    await insertJobs(tx, rows);
    // Without LISTEN, this process runs what it wrote; on the single connection the claim
    // waits for the transaction to end (see the module comment).
    if (!this.#options.listen) {
      this.#runner?.notified(Math.min(...rows.map((r) => r.delayMs)));
    }
  }

  /**
   * Moves the waiting jobs of `kind` under `orderingKey` to `runAt`, in `tx` (a job that stands
   * for a future event, such as a scheduled post, follows its row's time).
   */
  async move(
    tx: Queryable,
    kind: string,
    orderingKey: string,
    runAt: Date,
  ): Promise<void> {
    await moveKeyedJobs(tx, kind, orderingKey, runAt);
    if (!this.#options.listen) {
      this.#runner?.notified(Math.max(0, runAt.getTime() - Date.now()));
    }
  }

  /** Removes the jobs of `kind` under `orderingKey`, in `tx` (their cause was withdrawn). */
  async cancel(
    tx: Queryable,
    kind: string,
    orderingKey: string,
  ): Promise<void> {
    await deleteKeyedJobs(tx, kind, orderingKey);
  }

  /** Runs jobs until `signal` aborts; then resolves once the running ones have finished. */
  async run(context: C, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return;
    try {
      if (this.#options.soleProcess) await releaseLeases(this.#sql);
      for (const { kind, everyMs } of this.#registry.schedules()) {
        await ensureScheduled(this.#sql, kind, everyMs);
      }
    } catch (error) {
      // Jobs still run; leases then run out by themselves, schedules are made at next start.
      console.error("jobs: could not prepare the table:", error);
    }
    const runner = new LeaseRunner(
      this.#sql,
      JOBS_TABLE,
      (row) => this.#handle(context, row),
      {
        listen: this.#options.listen,
        concurrency: this.#options.concurrency ?? 16,
        // Shorter than federation's: after a crash on Postgres, what the dead process held
        // waits this long; renewal keeps a running job's lease whatever its length.
        leaseMs: this.#options.leaseMs ?? 10_000,
        pollMs: this.#options.pollMs,
        label: "jobs",
      },
    );
    this.#runner = runner;
    try {
      await runner.run(signal);
    } finally {
      if (this.#runner === runner) this.#runner = null;
    }
  }

  async #handle(context: C, row: ClaimedRow): Promise<void> {
    const kind = row.kind as string;
    const definition = this.#registry.get(kind);
    if (!definition) {
      return await parkJob(this.#sql, row.id, `unknown job kind ${kind}`);
    }
    let payload: unknown;
    try {
      payload = definition.parse(JSON.parse(row.payload));
    } catch (error) {
      return await parkJob(this.#sql, row.id, describe(error));
    }
    try {
      await definition.handler(context, payload);
    } catch (error) {
      const { retry } = definition;
      const delay = error instanceof RetryLater
        ? error.delayMs
        : retry.backoff(row.attempts);
      const age = Date.now() - (row.created_at as Date).getTime();
      const giveUp = retry.isPermanent?.(error) ||
        row.attempts >= retry.maxAttempts ||
        (retry.maxAgeMs != null && age + delay > retry.maxAgeMs);
      if (giveUp && definition.everyMs) {
        console.error(
          `job ${row.id} (${kind}) failed; next run as scheduled:`,
          error,
        );
        return await scheduleNextRun(
          this.#sql,
          row.id,
          definition.everyMs,
          describe(error),
        );
      }
      if (giveUp) {
        console.error(`job ${row.id} (${kind}) failed; parked:`, error);
        return await parkJob(this.#sql, row.id, describe(error));
      }
      await rescheduleJob(this.#sql, row.id, delay, describe(error));
      this.#runner?.notified(delay);
      return;
    }
    if (definition.everyMs) {
      await scheduleNextRun(this.#sql, row.id, definition.everyMs, null);
      this.#runner?.notified(definition.everyMs);
    } else {
      await deleteJob(this.#sql, row.id);
    }
  }
}

function describe(error: unknown): string {
  const text = error instanceof Error
    ? (error.stack ?? `${error.name}: ${error.message}`)
    : String(error);
  return text.slice(0, 4000);
}
