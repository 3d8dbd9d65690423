/**
 * Planner statistics. The hot queries don't depend on them (`windowed.ts`), but every other
 * plan does: Starling analyses after migrating, and on the embedded database — PGlite runs no
 * autovacuum — a scheduled job does autovacuum's analyse part (`lib/domain/statistics-job.ts`).
 */
import type { Queryable } from "./client.ts";

/**
 * Analyses the tables holding data (after migrations: new tables and indexes start with no
 * statistics). A table still empty is left alone: analysed empty, the planner would trust its
 * actual few pages, where a never-analysed table is assumed at least 10 pages — which keeps small
 * lookups (accounts per timeline row) on their indexes until real statistics exist (the plan test
 * saw a sequential scan of accounts per row once every empty table had been analysed).
 */
export async function analyzeFilledTables(db: Queryable): Promise<string[]> {
  const tables = await db<{ name: string }[]>`
    SELECT n.nspname || '.' || c.relname AS name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'r' AND n.nspname = current_schema()
      AND pg_relation_size(c.oid) > 0
    ORDER BY c.relname`;
  for (const { name } of tables) await db`ANALYZE ${db(name)}`;
  return tables.map((t) => t.name);
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
