import assert from "node:assert/strict";
import { openDatabase } from "../db/client.ts";
import { migrate, readMigrations } from "../db/migrate.ts";
import { createTestDatabase } from "../../tests/helpers/db.ts";
import { authenticate, setPassword, signUp } from "./accounts.ts";
import { passwordProblem } from "./passwords.ts";
import { DomainError } from "./errors.ts";

Deno.test("passwords need at least 8 characters", () => {
  assert.match(passwordProblem("1234567")!, /too short/);
  assert.equal(passwordProblem("12345678"), null);
});

async function withDb(
  fn: (sql: Awaited<ReturnType<typeof openDatabase>>["sql"]) => Promise<void>,
) {
  const database = await createTestDatabase();
  const db = await openDatabase({ url: database.url });
  try {
    await migrate(
      db.sql,
      await readMigrations(new URL("../../migrations/", import.meta.url)),
    );
    await fn(db.sql);
  } finally {
    await db.close();
    await database.drop();
  }
}

const count = async (
  sql: Awaited<ReturnType<typeof openDatabase>>["sql"],
  table: string,
) => (await sql`SELECT count(*)::int AS n FROM ${sql(table)}`)[0].n;

Deno.test("sign-up creates account, user and keys; refusals write nothing", async () => {
  await withDb(async (sql) => {
    const open = { registrations: "open" as const };
    const { account, user } = await signUp(sql, {
      username: "Alice",
      email: "alice@example.com",
      password: "correct horse",
    }, open);
    assert.equal(account.username, "Alice");
    assert.equal(account.domain, null);
    assert.equal(user.approved, true);
    assert.notEqual(user.password_hash, "correct horse");
    const keys =
      await sql`SELECT algorithm FROM account_keys WHERE account_id = ${account.id}`;
    assert.deepEqual(keys.map((k) => k.algorithm).sort(), [
      "Ed25519",
      "RSASSA-PKCS1-v1_5",
    ]);

    const refusals: [Parameters<typeof signUp>[1], RegExp][] = [
      [
        { username: "alice", email: "b@example.com", password: "12345678" },
        /already been taken/,
      ],
      [
        { username: "bob", email: "ALICE@example.com", password: "12345678" },
        /Email has already/,
      ],
      [
        { username: "bob", email: "not-an-email", password: "12345678" },
        /Email is invalid/,
      ],
      [
        { username: "bob", email: "bob@example.com", password: "short" },
        /too short/,
      ],
      [
        { username: "admin", email: "bob@example.com", password: "12345678" },
        /reserved/,
      ],
    ];
    for (const [input, message] of refusals) {
      await assert.rejects(() => signUp(sql, input, open), (e: unknown) => {
        assert.ok(e instanceof DomainError);
        assert.match(e.message, message);
        return true;
      });
    }
    assert.equal(await count(sql, "accounts"), 1);
    assert.equal(await count(sql, "users"), 1);
    assert.equal(await count(sql, "account_keys"), 2);
  });
});

Deno.test("registration modes: approval keeps the account pending, closed refuses", async () => {
  await withDb(async (sql) => {
    const input = {
      username: "carol",
      email: "carol@example.com",
      password: "12345678",
    };
    const { user } = await signUp(sql, input, { registrations: "approval" });
    assert.equal(user.approved, false);
    await assert.rejects(
      () => authenticate(sql, "carol", "12345678"),
      /waiting for approval/,
    );
    await assert.rejects(
      () =>
        signUp(sql, { ...input, username: "dave", email: "d@example.com" }, {
          registrations: "closed",
        }),
      /closed/,
    );
    assert.equal(await count(sql, "users"), 1);
    // The operator can still create accounts when registrations are closed.
    const byOperator = await signUp(sql, {
      ...input,
      username: "dave",
      email: "d@example.com",
    }, {
      registrations: "closed",
      byOperator: true,
    });
    assert.equal(byOperator.user.approved, true);
  });
});

Deno.test("sign-in accepts username or email; a new password ends old tokens", async () => {
  await withDb(async (sql) => {
    const { user } = await signUp(sql, {
      username: "erin",
      email: "erin@example.com",
      password: "first password",
    }, { registrations: "open" });
    assert.equal(
      (await authenticate(sql, "ERIN", "first password")).user.id,
      user.id,
    );
    assert.equal(
      (await authenticate(sql, "erin@example.com", "first password")).user.id,
      user.id,
    );
    await assert.rejects(
      () => authenticate(sql, "erin", "wrong password"),
      /Invalid email or password/,
    );
    await assert.rejects(
      () => authenticate(sql, "nobody", "first password"),
      /Invalid email or password/,
    );
    await sql`INSERT INTO oauth_tokens (user_id, token_hash, scopes) VALUES (${user.id}, 'h', 'read')`;
    await setPassword(sql, user.id, "second password");
    await assert.rejects(() => authenticate(sql, "erin", "first password"));
    await authenticate(sql, "erin", "second password");
    const [token] =
      await sql`SELECT revoked_at FROM oauth_tokens WHERE token_hash = 'h'`;
    assert.ok(token.revoked_at, "the old token is revoked");
  });
});
