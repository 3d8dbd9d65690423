import type { Queryable } from "./client.ts";

/**
 * NOTIFYs `channel` once per payload on `db` — inside a transaction, delivered at its commit.
 * (postgres.js's own `tx.notify()` runs on the pool, outside the transaction: it would arrive
 * before the commit, when listeners can't read the rows yet, and even for a rollback.)
 */
export async function notifyAll(
  db: Queryable,
  channel: string,
  payloads: string[],
): Promise<void> {
  if (payloads.length === 0) return;
  await db`
    SELECT pg_notify(${channel}, p.payload)
    FROM unnest(${payloads}::text[]) WITH ORDINALITY AS p(payload, n) ORDER BY p.n`;
}
