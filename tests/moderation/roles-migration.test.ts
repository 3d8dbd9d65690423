/**
 * Migration 0011 maps the old text role onto Mastodon's built-in roles: `moderator` →
 * Moderator, `admin` → Admin, except the earliest admin, who becomes the Owner (as Mastodon's
 * setup makes the operator's own account Owner); users keep no role otherwise.
 */
import assert from "node:assert/strict";
import { createTestDatabase } from "../helpers/db.ts";
import { openDatabase } from "../../lib/db/client.ts";
import { migrate, readMigrations } from "../../lib/db/migrate.ts";

Deno.test("migration 0011: old roles become built-in roles, the earliest admin the Owner", async () => {
  const database = await createTestDatabase();
  const db = await openDatabase({ url: database.url });
  try {
    const all = await readMigrations(
      new URL("../../migrations/", import.meta.url),
    );
    await migrate(db.sql, all.filter((m) => m.version < "0011"));
    const users = [
      ["first_admin", "admin", "2020-01-01"],
      ["later_admin", "admin", "2021-01-01"],
      ["a_moderator", "moderator", "2020-06-01"],
      ["someone", "user", "2019-01-01"],
    ];
    for (const [username, role, created] of users) {
      await db.sql`
        WITH a AS (INSERT INTO accounts (username) VALUES (${username}) RETURNING id)
        INSERT INTO users (account_id, email, password_hash, role, created_at)
        SELECT id, ${
        username + "@example.com"
      }, 'x', ${role}, ${created} FROM a`;
    }
    await migrate(db.sql, all);
    const rows = await db.sql<{ username: string; name: string | null }[]>`
      SELECT a.username, r.name FROM users u JOIN accounts a ON a.id = u.account_id
      LEFT JOIN user_roles r ON r.id = u.role_id ORDER BY a.username`;
    assert.deepEqual(rows.map((r) => [r.username, r.name]), [
      ["a_moderator", "Moderator"],
      ["first_admin", "Owner"],
      ["later_admin", "Admin"],
      ["someone", null],
    ]);
  } finally {
    await db.close();
    await database.drop();
  }
});
