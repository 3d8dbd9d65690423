/**
 * Applies `migrations/NNNN_name.sql` in order. Each migration runs in its own transaction that
 * first takes a transaction-level advisory lock and re-checks whether the migration is recorded,
 * so two processes starting together apply each migration exactly once, and a failing migration
 * leaves the database as it was before it.
 */
import type { Sql } from "./client.ts";
import { analyzeFilledTables } from "./statistics.ts";

/** Arbitrary constant: the advisory lock key all Starling processes agree on for migrating. */
const MIGRATION_LOCK_KEY = 7_246_318_001;

export interface Migration {
  version: string; // "0001"
  name: string; // "initial"
  sql: string;
}

export class MigrationError extends Error {
  constructor(migration: Migration, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `migration ${migration.version}_${migration.name} failed: ${reason}`,
      { cause },
    );
    this.name = "MigrationError";
  }
}

export async function readMigrations(dir: string | URL): Promise<Migration[]> {
  const migrations: Migration[] = [];
  for await (const entry of Deno.readDir(dir)) {
    const match = entry.isFile && /^(\d{4})_([\w-]+)\.sql$/.exec(entry.name);
    if (!match) continue;
    const path = dir instanceof URL
      ? new URL(entry.name, dir)
      : `${dir}/${entry.name}`;
    migrations.push({
      version: match[1],
      name: match[2],
      sql: await Deno.readTextFile(path),
    });
  }
  migrations.sort((a, b) => a.version.localeCompare(b.version));
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i].version === migrations[i - 1].version) {
      throw new Error(`two migrations share version ${migrations[i].version}`);
    }
  }
  return migrations;
}

/** Applies pending migrations; returns the versions this call applied. */
export async function migrate(
  sql: Sql,
  migrations: Migration[],
): Promise<string[]> {
  await sql`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`.catch((error) => {
    // Two processes may race to create the table; the loser sees a unique violation.
    if (error?.code !== "23505" && error?.code !== "42P07") throw error;
  });
  // A restart usually has nothing to apply: one read says so, instead of a locked transaction
  // per migration (4 round trips each: ~0.35 s of CPU for 40 migrations on PGlite). What is
  // recorded is done for good; each pending one is re-checked under the lock below.
  const recorded = new Set(
    (await sql<{ version: string }[]>`SELECT version FROM schema_migrations`)
      .map((row) => row.version),
  );
  const applied: string[] = [];
  for (const migration of migrations) {
    if (recorded.has(migration.version)) continue;
    const ran = await sql.begin(async (tx) => {
      await tx`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`;
      const [done] =
        await tx`SELECT 1 FROM schema_migrations WHERE version = ${migration.version}`;
      if (done) return false;
      try {
        await tx.unsafe(migration.sql);
      } catch (error) {
        throw new MigrationError(migration, error);
      }
      await tx`INSERT INTO schema_migrations (version, name) VALUES (${migration.version}, ${migration.name})`;
      return true;
    });
    if (ran) applied.push(migration.version);
  }
  // New tables and indexes have no statistics until something analyses them: autovacuum may
  // take a while, and the embedded database (PGlite) has none.
  if (applied.length) await analyzeFilledTables(sql);
  return applied;
}
