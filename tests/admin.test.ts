/** The operator CLI, run as an operator runs it: `deno task admin …` in a subprocess. */
import assert from "node:assert/strict";
import { runAdminCli } from "./helpers/admin-cli.ts";
import { createTestDatabase } from "./helpers/db.ts";
import { openDatabase } from "../lib/db/client.ts";
import { authenticate } from "../lib/domain/accounts.ts";

Deno.test("admin CLI: create, list, approve, set-password, delete — and one-line errors", async () => {
  const database = await createTestDatabase();
  const db = await openDatabase({ url: database.url });
  try {
    const created = await admin(
      database.url,
      "accounts",
      "create",
      "ops",
      "--email",
      "ops@example.com",
      "--role",
      "admin",
    );
    assert.equal(created.code, 0, created.err);
    // The first account on the instance is the Owner, as Mastodon's setup makes it.
    assert.match(created.out, /created @ops .*role Owner/);
    const generated = /password: (\S+)/.exec(created.out)?.[1];
    assert.ok(generated, "a generated password is printed");
    const login = await authenticate(db.sql, "ops", generated);
    assert.equal(login.user.role_id, "3");

    const moderator = await admin(
      database.url,
      "accounts",
      "create",
      "kim",
      "--email",
      "kim@example.com",
      "--role",
      "moderator",
    );
    assert.equal(moderator.code, 0, moderator.err);
    assert.match(moderator.out, /created @kim .*role Moderator/);
    const promoted = await admin(
      database.url,
      "accounts",
      "modify",
      "kim",
      "--role",
      "Admin",
    );
    assert.equal(promoted.code, 0, promoted.err);
    assert.match(promoted.out, /@kim now has role Admin/);
    const unknownRole = await admin(
      database.url,
      "accounts",
      "modify",
      "kim",
      "--role",
      "wizard",
    );
    assert.equal(unknownRole.code, 1);
    assert.match(unknownRole.err, /no role named "wizard"/);

    const duplicate = await admin(
      database.url,
      "accounts",
      "create",
      "OPS",
      "--email",
      "x@example.com",
    );
    assert.equal(duplicate.code, 1);
    assert.equal(duplicate.err, "error: Username has already been taken");

    const list = await admin(database.url, "accounts", "list");
    assert.equal(list.code, 0);
    assert.match(list.out, /^ops\tops@example.com\tOwner\tyes\t/m);
    assert.match(list.out, /^kim\tkim@example.com\tAdmin\tyes\t/m);

    const changed = await admin(
      database.url,
      "accounts",
      "set-password",
      "ops",
      "--password",
      "new password!",
    );
    assert.equal(changed.code, 0, changed.err);
    await authenticate(db.sql, "ops", "new password!");
    const short = await admin(
      database.url,
      "accounts",
      "set-password",
      "ops",
      "--password",
      "short",
    );
    assert.equal(short.code, 1);
    assert.match(short.err, /^error: Password is too short/);

    await db.sql`UPDATE users SET approved = false`;
    assert.equal(
      (await admin(database.url, "accounts", "approve", "ops")).code,
      0,
    );
    await authenticate(db.sql, "ops", "new password!");

    const missing = await admin(database.url, "accounts", "approve", "ghost");
    assert.equal(missing.code, 1);
    assert.equal(missing.err, "error: No local account named ghost");

    const deleted = await admin(database.url, "accounts", "delete", "ops");
    assert.equal(deleted.code, 0, deleted.err);
    await admin(database.url, "accounts", "delete", "kim");
    const [{ n }] = await db.sql`SELECT count(*)::int AS n FROM accounts`;
    assert.equal(n, 0);

    const unknown = await admin(database.url, "frobnicate");
    assert.equal(unknown.code, 1);
    assert.equal(unknown.err.split("\n").length, 1);
    const noEmail = await admin(database.url, "accounts", "create", "someone");
    assert.equal(noEmail.code, 1);
    assert.equal(noEmail.err, "error: accounts create needs --email");
  } finally {
    await db.close();
    await database.drop();
  }
});

Deno.test("admin CLI: a bad configuration value exits non-zero with one line", async () => {
  const result = await admin("mysql://nope", "accounts", "list");
  assert.equal(result.code, 1);
  assert.match(result.err, /^error: DATABASE_URL: /);
  assert.equal(result.err.split("\n").length, 1);
});

/** `deno task admin …` against the test's Postgres database. */
function admin(databaseUrl: string, ...args: string[]) {
  return runAdminCli({ DATABASE_URL: databaseUrl }, ...args);
}
