/**
 * Records that a local account was active today (a page with its session, an API call with its
 * token): one row per account and day, written once a day per process — each process remembers
 * which accounts it has written today, so an active user costs one statement a day, not one a
 * request. What it feeds (active users, retention) is statistics: a failed write is logged,
 * never an error for the request.
 */
import type { Queryable, Sql } from "../db/client.ts";

/** Per database handle (so several instances in one process stay apart): today's writes. */
const WRITTEN = new WeakMap<Sql, { day: string; ids: Set<string> }>();

export async function recordActivity(
  sql: Sql,
  accountId: string,
  now = new Date(),
): Promise<void> {
  const day = now.toISOString().slice(0, 10);
  let today = WRITTEN.get(sql);
  // A new day starts an empty set: it holds one day's active accounts at most.
  if (today?.day !== day) WRITTEN.set(sql, today = { day, ids: new Set() });
  if (today.ids.has(accountId)) return;
  today.ids.add(accountId);
  try {
    await insertActivity(sql, accountId, day);
  } catch (error) {
    today.ids.delete(accountId);
    console.warn(`activity: not recorded (${(error as Error).message})`);
  }
}

async function insertActivity(db: Queryable, accountId: string, day: string) {
  await db`INSERT INTO account_activity_days (account_id, day)
           VALUES (${accountId}, ${day}) ON CONFLICT DO NOTHING`;
}
