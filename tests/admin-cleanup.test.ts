/**
 * The operator's clean-ups from the command line, against a running server's database:
 * - `statuses remove --days N` deletes remote posts older than N days that nothing here refers
 *   to, and keeps one a local user favourited;
 * - `accounts suspend user@domain` / `unsuspend` act on a remote account as the Owner;
 * - `domains purge DOMAIN` deletes every account stored from the domain, with its posts.
 */
import assert from "node:assert/strict";
import { runAdminCli } from "./helpers/admin-cli.ts";
import { createTestDatabase } from "./helpers/db.ts";
import { startTestInstance } from "./helpers/app.ts";
import { api, createUserWithToken } from "./helpers/users.ts";
import { startFakePeer } from "./helpers/fake-peer.ts";
import { deliverPublicCreate } from "./helpers/hostile-delivery.ts";
import { createStaff } from "./moderation/helpers.ts";

Deno.test({
  name: "admin CLI: statuses remove, remote suspend/unsuspend, domains purge",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const database = await createTestDatabase();
    const instance = await startTestInstance({ database });
    const peer = startFakePeer();
    try {
      const { sql } = instance.deps;
      const cli = (...args: string[]) =>
        runAdminCli({ DATABASE_URL: database.url }, ...args);
      await createStaff(instance, "olga", "owner");
      const lu = await createUserWithToken(instance, "lu");
      const spam = await peer.actor("spam");
      const keep = await peer.actor("keep");
      const spam1 = await deliverPublicCreate(instance, peer, spam, {
        id: `${peer.origin}/notes/1`,
        type: "Note",
        content: "buy now",
      });
      await deliverPublicCreate(instance, peer, spam, {
        id: `${peer.origin}/notes/2`,
        type: "Note",
        content: "buy again",
      });
      const kept = await deliverPublicCreate(instance, peer, keep, {
        id: `${peer.origin}/notes/3`,
        type: "Note",
        content: "a good post",
      });
      const fav = await api(
        instance,
        lu.token,
        "POST",
        `/api/v1/statuses/${kept.id}/favourite`,
      );
      assert.equal(fav.status, 200);
      await sql`UPDATE statuses SET created_at = now() - interval '100 days'
                WHERE NOT local`;

      let run = await cli("statuses", "remove", "--days", "90");
      assert.equal(run.code, 0, run.err);
      assert.match(run.out, /done: 2 post\(s\) removed/);
      const remote = await sql<{ id: string }[]>`
        SELECT id::text FROM statuses WHERE NOT local ORDER BY id`;
      assert.deepEqual(remote.map((r) => r.id), [kept.id]);
      assert.notEqual(spam1.id, kept.id);

      const host = new URL(peer.origin).host;
      run = await cli("accounts", "suspend", `spam@${host}`, "--text", "Spam.");
      assert.equal(run.code, 0, run.err);
      const suspended = async () =>
        (await sql<{ s: boolean }[]>`
          SELECT suspended_at IS NOT NULL AS s FROM accounts
          WHERE username = 'spam' AND domain = ${host}`)[0].s;
      assert.equal(await suspended(), true);
      run = await cli("accounts", "unsuspend", `spam@${host}`);
      assert.equal(run.code, 0, run.err);
      assert.equal(await suspended(), false);

      run = await cli("domains", "purge", host);
      assert.equal(run.code, 0, run.err);
      assert.match(run.out, /done: 2 account\(s\) of .* deleted/);
      const [left] = await sql<{ accounts: number; statuses: number }[]>`
        SELECT (SELECT count(*) FROM accounts WHERE domain = ${host})::int AS accounts,
               (SELECT count(*) FROM statuses WHERE NOT local)::int AS statuses`;
      assert.deepEqual(left, { accounts: 0, statuses: 0 });
    } finally {
      await peer.close();
      await instance.close();
      await database.drop();
    }
  },
});
