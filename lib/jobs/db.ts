/** The SQL of the `jobs` table (migration 0010); the claim itself is `lease-runner.ts`'s. */
import type { Queryable, Sql } from "../db/client.ts";

/** Writers NOTIFY here (inside their transaction: delivered at commit); payload = delay in ms. */
export const JOBS_CHANNEL = "starling_jobs";

export interface NewJob {
  kind: string;
  /** JSON text. */
  payload: string;
  orderingKey: string | null;
  delayMs: number;
}

/** One statement: the rows and the NOTIFY (both part of the caller's transaction). */
export async function insertJobs(
  db: Queryable,
  jobs: NewJob[],
): Promise<void> {
  if (jobs.length === 0) return;
  const delay = Math.min(...jobs.map((j) => j.delayMs));
  await db`
    WITH added AS (
      INSERT INTO jobs (kind, payload, ordering_key, run_at)
      SELECT j.kind, j.payload::json, j.ordering_key,
        now() + j.delay * interval '1 millisecond'
      FROM unnest(${jobs.map((j) => j.kind)}::text[], ${
    jobs.map((j) => j.payload)
  }::text[],
        ${jobs.map((j) => j.orderingKey)}::text[], ${
    jobs.map((j) => j.delayMs)
  }::bigint[])
        WITH ORDINALITY AS j(kind, payload, ordering_key, delay, n)
      ORDER BY j.n
      RETURNING 1)
    SELECT pg_notify(${JOBS_CHANNEL}, ${String(delay)})
    FROM (SELECT 1 FROM added LIMIT 1) AS any_added`;
}

/** Makes the one job of a scheduled kind, unless some process already did. */
export async function ensureScheduled(
  sql: Sql,
  kind: string,
  everyMs: number,
): Promise<void> {
  await sql`
    INSERT INTO jobs (kind, payload, ordering_key, run_at)
    VALUES (${kind}, '{}', ${`schedule:${kind}`},
      now() + ${everyMs}::bigint * interval '1 millisecond')
    ON CONFLICT (ordering_key) WHERE ordering_key LIKE 'schedule:%' DO NOTHING`;
}

/** A scheduled job's run is over (`error`: it failed past its retries): next one in `everyMs`. */
export async function scheduleNextRun(
  sql: Sql,
  id: string,
  everyMs: number,
  error: string | null,
): Promise<void> {
  await sql`
    UPDATE jobs SET run_at = now() + ${everyMs}::bigint * interval '1 millisecond',
      attempts = 0, locked_until = NULL, last_error = ${error}
    WHERE id = ${id}`;
}

/** Every lease released: only for a database no other process uses (see `queue.ts`). */
export async function releaseLeases(sql: Sql): Promise<void> {
  await sql`UPDATE jobs SET locked_until = NULL WHERE locked_until IS NOT NULL`;
}

export async function deleteJob(sql: Sql, id: string): Promise<void> {
  await sql`DELETE FROM jobs WHERE id = ${id}`;
}

/** A failed attempt that will be retried after `delayMs`. */
export async function rescheduleJob(
  sql: Sql,
  id: string,
  delayMs: number,
  error: string,
): Promise<void> {
  await sql`
    UPDATE jobs SET run_at = now() + ${delayMs}::bigint * interval '1 millisecond',
      locked_until = NULL, last_error = ${error}
    WHERE id = ${id}`;
}

/** Failed for good: kept, with its error, until an operator retries or discards it. */
export async function parkJob(
  sql: Sql,
  id: string,
  error: string,
): Promise<void> {
  await sql`
    UPDATE jobs SET parked_at = now(), run_at = 'infinity', locked_until = NULL,
      last_error = ${error}
    WHERE id = ${id}`;
}

export interface JobRow {
  id: string;
  kind: string;
  payload: string;
  ordering_key: string | null;
  run_at: Date;
  attempts: number;
  locked_until: Date | null;
  last_error: string | null;
  parked_at: Date | null;
  created_at: Date;
}

export function listJobRows(
  sql: Sql,
  options: { parked?: boolean; limit?: number } = {},
): Promise<JobRow[]> {
  return sql<JobRow[]>`
    SELECT id, kind, payload::text AS payload, ordering_key, run_at, attempts, locked_until,
      last_error, parked_at, created_at
    FROM jobs
    WHERE ${options.parked ? sql`parked_at IS NOT NULL` : sql`true`}
    ORDER BY id LIMIT ${options.limit ?? 100}`;
}

/** A parked job runs again now, with its attempts counted afresh. False if none is parked. */
export async function unparkJob(sql: Sql, id: string): Promise<boolean> {
  const rows = await sql`
    WITH back AS (
      UPDATE jobs SET parked_at = NULL, run_at = now(), attempts = 0, locked_until = NULL
      WHERE id = ${id} AND parked_at IS NOT NULL RETURNING 1)
    SELECT pg_notify(${JOBS_CHANNEL}, '0') FROM back`;
  return rows.length > 0;
}

/** Removes a job that is not running (parked or waiting). False if there is none such. */
export async function discardJobRow(sql: Sql, id: string): Promise<boolean> {
  const rows = await sql`
    DELETE FROM jobs
    WHERE id = ${id} AND (locked_until IS NULL OR locked_until <= now()) RETURNING 1`;
  return rows.length > 0;
}

/** Moves the waiting jobs of `kind` under `orderingKey` to `runAt` (with a wake-up at commit). */
export async function moveKeyedJobs(
  db: Queryable,
  kind: string,
  orderingKey: string,
  runAt: Date,
): Promise<void> {
  await db`
    WITH moved AS (
      UPDATE jobs SET run_at = ${runAt}
      WHERE kind = ${kind} AND ordering_key = ${orderingKey} AND parked_at IS NULL
      RETURNING 1)
    SELECT pg_notify(${JOBS_CHANNEL}, ${
    String(Math.max(0, runAt.getTime() - Date.now()))
  })
    FROM (SELECT 1 FROM moved LIMIT 1) AS any_moved`;
}

/** Removes the jobs of `kind` under `orderingKey` (in the caller's transaction). */
export async function deleteKeyedJobs(
  db: Queryable,
  kind: string,
  orderingKey: string,
): Promise<void> {
  await db`DELETE FROM jobs WHERE kind = ${kind} AND ordering_key = ${orderingKey}`;
}
