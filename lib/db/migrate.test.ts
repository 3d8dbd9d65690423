import assert from "node:assert/strict";
import { openDatabase } from "./client.ts";
import { migrate, type Migration, readMigrations } from "./migrate.ts";
import { createTestDatabase } from "../../tests/helpers/db.ts";

const MIGRATIONS_DIR = new URL("../../migrations/", import.meta.url);

async function withPostgres(fn: (url: string) => Promise<void>) {
  const database = await createTestDatabase();
  try {
    await fn(database.url);
  } finally {
    await database.drop();
  }
}

Deno.test("migrations apply to a fresh Postgres database, then re-running applies nothing", async () => {
  await withPostgres(async (url) => {
    const db = await openDatabase({ url });
    try {
      const migrations = await readMigrations(MIGRATIONS_DIR);
      const first = await migrate(db.sql, migrations);
      assert.deepEqual(first, migrations.map((m) => m.version));
      const [{ count }] = await db
        .sql`SELECT count(*)::int AS count FROM accounts`;
      assert.equal(count, 0);
      assert.deepEqual(await migrate(db.sql, migrations), []);
    } finally {
      await db.close();
    }
  });
});

Deno.test("migrations apply to embedded PGlite through the same client", async () => {
  const db = await openDatabase({ pgliteDir: "memory://" });
  try {
    assert.equal(db.kind, "pglite");
    const applied = await migrate(db.sql, await readMigrations(MIGRATIONS_DIR));
    assert.ok(applied.includes("0001"));
    const [{ id }] = await db.sql`SELECT starling_id() AS id`;
    assert.match(id, /^\d+$/);
  } finally {
    await db.close();
  }
});

Deno.test("a failing migration stops and leaves the database as it was", async () => {
  await withPostgres(async (url) => {
    const db = await openDatabase({ url });
    try {
      const good: Migration = {
        version: "0001",
        name: "good",
        sql: "CREATE TABLE a (x int)",
      };
      const bad: Migration = {
        version: "0002",
        name: "bad",
        sql:
          "CREATE TABLE b (x int); INSERT INTO a VALUES (1); SELECT no_such_function();",
      };
      await assert.rejects(
        () => migrate(db.sql, [good, bad]),
        /0002_bad failed/,
      );
      const [b] = await db.sql`SELECT to_regclass('b') AS t`;
      assert.equal(
        b.t,
        null,
        "table b from the failed migration must not exist",
      );
      const rows = await db.sql`SELECT * FROM a`;
      assert.equal(
        rows.length,
        0,
        "the failed migration's insert must be rolled back",
      );
      const versions = await db
        .sql`SELECT version FROM schema_migrations ORDER BY version`;
      assert.deepEqual(versions.map((r) => r.version), ["0001"]);
    } finally {
      await db.close();
    }
  });
});

Deno.test("two processes migrating at once apply each migration once", async () => {
  await withPostgres(async (url) => {
    const a = await openDatabase({ url });
    const b = await openDatabase({ url });
    try {
      const migrations = await readMigrations(MIGRATIONS_DIR);
      const [ranA, ranB] = await Promise.all([
        migrate(a.sql, migrations),
        migrate(b.sql, migrations),
      ]);
      assert.deepEqual(
        [...ranA, ...ranB].sort(),
        migrations.map((m) => m.version),
      );
    } finally {
      await a.close();
      await b.close();
    }
  });
});

Deno.test("ids are time-ordered: a later timestamp always sorts after an earlier one", async () => {
  const db = await openDatabase({ pgliteDir: "memory://" });
  try {
    await migrate(db.sql, await readMigrations(MIGRATIONS_DIR));
    const [row] = await db.sql`
      SELECT starling_id('2024-01-01T00:00:00Z') AS old, starling_id('2024-01-01T00:00:00.001Z') AS newer,
             starling_id('2024-01-01T00:00:00Z') AS same_ms`;
    assert.ok(BigInt(row.old) < BigInt(row.newer));
    assert.notEqual(row.old, row.same_ms, "two ids in one millisecond differ");
    // The high bits are the millisecond timestamp.
    assert.equal(
      Number(BigInt(row.old) >> 16n),
      Date.parse("2024-01-01T00:00:00Z"),
    );
    const ids = await db
      .sql`SELECT starling_id() AS id FROM generate_series(1, 1000)`;
    assert.equal(new Set(ids.map((r) => r.id)).size, 1000);
  } finally {
    await db.close();
  }
});
