import assert from "node:assert/strict";
import postgres from "postgres";
import { TEST_DATABASE_URL } from "../../tests/helpers/db.ts";
import { splitJoined } from "./joined.ts";

Deno.test("splitJoined gives each joined table its own object; an unmatched LEFT JOIN is null", async () => {
  const sql = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    // Catalog tables share a column name (`oid`) and are real tables, as ours are.
    const rows = await sql`
      SELECT n.oid, n.nspname, c.oid, c.relname, c.relname || '!' AS computed
      FROM pg_namespace n
      LEFT JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = 'pg_class'
      WHERE n.nspname IN ('pg_catalog', 'public')
      ORDER BY n.nspname`.values();
    const [catalog, pub] = splitJoined(rows);
    assert.deepEqual(catalog.length, 3);
    assert.deepEqual(catalog[0]?.nspname, "pg_catalog");
    assert.deepEqual(catalog[1]?.relname, "pg_class");
    assert.notEqual(catalog[1]?.oid, catalog[0]?.oid);
    assert.deepEqual(catalog[2], { computed: "pg_class!" });
    assert.deepEqual(pub[0]?.nspname, "public");
    assert.deepEqual(pub[1], null);
    assert.deepEqual(pub[2], { computed: null });
  } finally {
    await sql.end();
  }
});
