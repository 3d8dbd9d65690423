/**
 * The access token's owner is held in memory (no statement to authenticate a request once the
 * token was seen), and whatever changes the token, its user or its account — in this process or
 * in another one — takes effect: a revoked token is refused, a disabled user or a suspended
 * account is locked out, a changed profile is served fresh.
 */
import assert from "node:assert/strict";
import postgres from "postgres";
import { startQueryCounter } from "../../bench/lib/pgcount.ts";
import { startTestInstance } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { apiFetch, createUserWithToken } from "../helpers/users.ts";
import { recordActivity } from "../../lib/moderation/mod.ts";

const ME = "/api/v1/accounts/verify_credentials";

/** Polls until `request` answers `status` (another process's change arrives by notification). */
async function eventually(
  request: () => Promise<Response>,
  status: number,
): Promise<void> {
  let last = 0;
  for (let i = 0; i < 40; i++) {
    const res = await request();
    await res.body?.cancel();
    last = res.status;
    if (last === status) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(last, status);
}

Deno.test("a known token costs no statement; another process's changes reach the cache", async () => {
  const database = await createTestDatabase();
  const counter = startQueryCounter();
  const url = new URL(database.url);
  url.host = `127.0.0.1:${counter.port}`;
  const instance = await startTestInstance({
    env: { DATABASE_URL: url.href },
  });
  // Another process: its own connection to the same database, straight to the server.
  const other = postgres(database.url, { max: 1, onnotice: () => {} });
  try {
    const alice = await createUserWithToken(instance, "alice");
    const me = () => apiFetch(instance, alice.token, ME);
    const statements = async () => {
      const before = counter.count();
      const res = await me();
      assert.equal(res.status, 200);
      const body = await res.json();
      return { used: counter.count() - before, body };
    };
    // Today's activity row (written once a day per process) is written now, and a first request
    // has asked whether any IP block is in force, so the two calls below differ only by the
    // owner lookup.
    await recordActivity(instance.deps.sql, alice.account.id);
    await (await instance.fetch("/api/v1/instance")).body?.cancel();
    const first = await statements();
    const second = await statements();
    assert.equal(
      second.used,
      first.used - 1,
      "the token's owner is remembered",
    );

    // A profile changed elsewhere is served fresh.
    await other`
      UPDATE accounts SET display_name = 'Alice Elsewhere' WHERE id = ${alice.account.id}`;
    for (let i = 0; i < 40; i++) {
      const { body } = await statements();
      if (body.display_name === "Alice Elsewhere") break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal((await statements()).body.display_name, "Alice Elsewhere");

    // Disabled, then enabled; then the token revoked — each by another process.
    await other`UPDATE users SET disabled = true WHERE id = ${alice.user.id}`;
    await eventually(me, 403);
    await other`UPDATE users SET disabled = false WHERE id = ${alice.user.id}`;
    await eventually(me, 200);
    await other`UPDATE oauth_tokens SET revoked_at = now() WHERE user_id = ${alice.user.id}`;
    await eventually(me, 401);
  } finally {
    await other.end();
    await instance.close();
    counter.close();
    await database.drop();
  }
});

Deno.test("embedded: a change is seen by the very next request, whoever wrote it", async () => {
  const instance = await startTestInstance({ embedded: true });
  try {
    const alice = await createUserWithToken(instance, "alice");
    const me = () => apiFetch(instance, alice.token, ME);
    const status = async () => {
      const res = await me();
      await res.body?.cancel();
      return res.status;
    };
    assert.equal(await status(), 200);
    assert.equal(await status(), 200);
    assert.ok(instance.deps.tokenOwners.size > 0, "held in memory");
    // Written outside any request (as the admin CLI's commands run in the server process).
    const { sql } = instance.deps;
    await sql`UPDATE accounts SET suspended_at = now() WHERE id = ${alice.account.id}`;
    assert.equal(await status(), 403);
    await sql`UPDATE accounts SET suspended_at = NULL WHERE id = ${alice.account.id}`;
    assert.equal(await status(), 200);
    await sql`UPDATE oauth_tokens SET revoked_at = now() WHERE user_id = ${alice.user.id}`;
    assert.equal(await status(), 401);
  } finally {
    await instance.close();
  }
});
