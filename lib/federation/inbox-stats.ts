/**
 * The shared inbox's accept counters (`inbox-accept.ts`), in a module without Fedify so the
 * server can log them as it stops (`lib/server.ts`) without loading Fedify.
 */

/** Counters since the process started: logged every 10 s while there is traffic, and at stop. */
export const inboxAcceptStats = {
  /** Accepted and enqueued by this path. */
  accepted: 0,
  /** Left to Fedify's handler (see the module comment). */
  deferred: 0,
  /** Refused: the HTTP signature did not verify. */
  refused: 0,
  /** Answered 202 without enqueueing: already accepted here or already processed. */
  duplicates: 0,
  keyMemoryHits: 0,
  keyStoreHits: 0,
  /** Key cache misses: the key was fetched from its server. */
  keyMisses: 0,
};

/** One log line with the counters and the key cache's hit rate. */
export function inboxStatsLine(): string {
  const s = inboxAcceptStats;
  const lookups = s.keyMemoryHits + s.keyStoreHits + s.keyMisses;
  const rate = (n: number) =>
    lookups ? `${(100 * n / lookups).toFixed(1)}%` : "–";
  return `[inbox] accepted ${s.accepted}, deferred to Fedify ${s.deferred}, ` +
    `refused ${s.refused}, duplicates ${s.duplicates}; key cache: ` +
    `${lookups} lookups, memory hits ${s.keyMemoryHits} (${
      rate(s.keyMemoryHits)
    }), store hits ${s.keyStoreHits} (${rate(s.keyStoreHits)}), ` +
    `fetched ${s.keyMisses} (${rate(s.keyMisses)})`;
}

/** Whether anything reached the accept path (nothing to log otherwise). */
export function inboxStatsUsed(): boolean {
  const s = inboxAcceptStats;
  return s.accepted + s.deferred + s.refused + s.duplicates > 0;
}
