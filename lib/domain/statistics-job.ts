/**
 * The embedded database's autovacuum, the analyse half: PGlite runs no background workers, so
 * without this its statistics would stay as the last migration left them while the tables grow.
 * Registered on PGlite only (`lib/server.ts`); a Postgres server has autovacuum.
 */
import type { Deps } from "../deps.ts";
import { defineJob, exponentialBackoff, schema } from "../jobs/mod.ts";
import { analyzeChangedTables } from "../db/statistics.ts";

export const ANALYZE_EVERY_MS = 5 * 60 * 1000;

export const analyzeJob = defineJob<Record<string, unknown>, Deps>({
  kind: "db.analyze",
  parse: schema.object({}),
  everyMs: ANALYZE_EVERY_MS,
  retry: { backoff: exponentialBackoff(10_000, 5 * 60_000), maxAttempts: 3 },
  async handler(deps) {
    await analyzeChangedTables(deps.sql);
  },
});
