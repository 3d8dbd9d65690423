import assert from "node:assert/strict";
import { openDatabase } from "./client.ts";
import { migrate, readMigrations } from "./migrate.ts";
import { analyzeChangedTables } from "./statistics.ts";
import { createTestDatabase } from "../../tests/helpers/db.ts";

const MIGRATIONS_DIR = new URL("../../migrations/", import.meta.url);

Deno.test("migrating analyses the tables holding data, not the empty ones", async () => {
  const database = await createTestDatabase();
  const db = await openDatabase({ url: database.url, max: 1 });
  try {
    await migrate(db.sql, await readMigrations(MIGRATIONS_DIR));
    const analysed = await db.sql<{ relname: string; analysed: boolean }[]>`
      SELECT relname, last_analyze IS NOT NULL AS analysed FROM pg_stat_user_tables
      WHERE relname IN ('schema_migrations', 'home_feed_entries') ORDER BY relname`;
    assert.deepEqual(analysed.map((r) => [r.relname, r.analysed]), [
      ["home_feed_entries", false],
      ["schema_migrations", true],
    ]);
  } finally {
    await db.close();
    await database.drop();
  }
});

Deno.test("PGlite: tables changed past autovacuum's threshold are analysed, others not", async () => {
  const db = await openDatabase({ pgliteDir: "memory://" });
  try {
    await migrate(db.sql, await readMigrations(MIGRATIONS_DIR));
    await db.sql`
      INSERT INTO accounts (username) SELECT 'u' || n FROM generate_series(1, 500) n`;
    await db.sql`INSERT INTO tags (name, display_name) VALUES ('one', 'One')`;
    // Change counters reach pg_stat_user_tables when the session flushes them (about 1 s).
    let pending: string[] = [];
    for (let i = 0; i < 50 && !pending.includes("accounts"); i++) {
      await new Promise((r) => setTimeout(r, 100));
      pending = (await db.sql<{ relname: string }[]>`
        SELECT relname FROM pg_stat_user_tables WHERE n_mod_since_analyze > 0`)
        .map((r) => r.relname);
    }
    assert.deepEqual(await analyzeChangedTables(db.sql), ["public.accounts"]);
    const [{ columns }] = await db.sql<{ columns: number }[]>`
      SELECT count(*)::int AS columns FROM pg_stats WHERE tablename = 'accounts'`;
    assert.ok(columns > 0, "accounts has statistics");
    assert.deepEqual(await analyzeChangedTables(db.sql), []);
  } finally {
    await db.close();
  }
});
