/**
 * Planner statistics. The hot queries don't depend on them (`windowed.ts`), but every other
 * plan does: Starling analyses after migrating, and on the embedded database — PGlite runs no
 * autovacuum — a scheduled job does autovacuum's analyse part (`lib/domain/statistics-job.ts`).
 */
import type { Queryable } from "./client.ts";

/** Analyses the whole database (after migrations: new tables and indexes start with none). */
export async function analyzeDatabase(db: Queryable): Promise<void> {
  await db`ANALYZE`;
}

/**
 * Analyses the tables changed enough since their last analysis, by autovacuum's default rule
 * (more than 50 rows + 10% of the table inserted, updated or deleted); returns their names.
 */
export async function analyzeChangedTables(db: Queryable): Promise<string[]> {
  const tables = await db<{ name: string }[]>`
    SELECT schemaname || '.' || relname AS name FROM pg_stat_user_tables
    WHERE n_mod_since_analyze > 50 + 0.1 * n_live_tup
    ORDER BY relname`;
  for (const { name } of tables) await db`ANALYZE ${db(name)}`;
  return tables.map((t) => t.name);
}
