/**
 * Suspending a local account federates, as Mastodon's does: A's moderator suspends alice, A
 * sends an Update of her actor, emptied and marked `suspended`, to her followers' servers; B
 * (where bob follows her) marks her suspended, so her profile and posts are gone from view on
 * B too. Unsuspending sends the Update again, without the mark, and B shows her again.
 * Suspending bob of B on A ends his follow of alice, and B hears it (a Reject). Two
 * real Starling instances on loopback, real signed deliveries.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
import { resolveRemote } from "../../lib/federation/search.ts";
import * as relationships from "../../lib/domain/relationships.ts";
import { createStatus } from "../../lib/domain/statuses.ts";
import type { AccountRow } from "../../lib/db/accounts.ts";
import { eventually } from "../federation/helpers.ts";
import { createStaff } from "./helpers.ts";

Deno.test({
  name:
    "suspending a local account hides it on the peers that know it; unsuspending restores it there",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const a = await startTestInstance({ host: "localhost" });
    const b = await startTestInstance();
    try {
      const admin = await createStaff(a, "admin_ada", "admin");
      const alice = await createUserWithToken(a, "alice");
      const bob = await createUserWithToken(b, "bob");
      const aliceOnB = (await resolveRemote(b.deps, `${a.origin}/users/alice`))
        .account as AccountRow;
      await relationships.follow(b.deps, bob.account, aliceOnB);
      await eventually("bob follows alice", async () => {
        const [row] = await b.deps.sql`SELECT 1 FROM follows
          WHERE account_id = ${bob.account.id} AND target_account_id = ${aliceOnB.id}`;
        return Boolean(row);
      });
      const post = await createStatus(a.deps, alice, {
        status: "hello, B",
        visibility: "public",
      });
      const postOnB = await eventually("alice's post on B", async () => {
        const [row] = await b.deps
          .sql`SELECT id FROM statuses WHERE uri = ${post.uri}`;
        return row ? String(row.id) : null;
      });
      const seenOnB = async () =>
        (await api(b, bob.token, "GET", `/api/v1/statuses/${postOnB}`)).status;
      const profileOnB = async () => {
        const res = await b.fetch(`/@alice@${new URL(a.origin).host}`);
        await res.body?.cancel();
        return res.status;
      };
      assert.equal(await seenOnB(), 200);

      const suspended = await api(
        a,
        admin.token,
        "POST",
        `/api/v1/admin/accounts/${alice.account.id}/action`,
        { type: "suspend" },
      );
      assert.equal(suspended.status, 200);
      await eventually(
        "alice's post gone on B",
        async () => await seenOnB() === 404,
      );
      const onB = await api(
        b,
        bob.token,
        "GET",
        `/api/v1/accounts/${aliceOnB.id}`,
      );
      assert.equal(onB.body.suspended, true);
      assert.equal(await profileOnB(), 404);
      // A serves the actor emptied and marked, as Mastodon does (peers verify its Update).
      const actor = await (await a.fetch("/users/alice", {
        headers: { accept: "application/activity+json" },
      })).json();
      assert.equal(actor.suspended, true);

      const lifted = await api(
        a,
        admin.token,
        "POST",
        `/api/v1/admin/accounts/${alice.account.id}/unsuspend`,
      );
      assert.equal(lifted.status, 200);
      await eventually(
        "alice's post back on B",
        async () => await seenOnB() === 200,
      );
      assert.equal(await profileOnB(), 200);

      // A's moderators suspend bob, a remote account that follows alice: the follow is
      // severed and B is told with a Reject (Mastodon's reject_remote_follows!).
      const [bobOnA] = await a.deps.sql`
        SELECT id FROM accounts WHERE username = 'bob' AND domain IS NOT NULL`;
      const bobSuspended = await api(
        a,
        admin.token,
        "POST",
        `/api/v1/admin/accounts/${bobOnA.id}/action`,
        { type: "suspend" },
      );
      assert.equal(bobSuspended.status, 200);
      const [followOnA] = await a.deps.sql`
        SELECT 1 FROM follows WHERE account_id = ${bobOnA.id}`;
      assert.equal(followOnA, undefined);
      await eventually("bob's follow of alice ended on B", async () => {
        const [row] = await b.deps.sql`SELECT 1 FROM follows
          WHERE account_id = ${bob.account.id} AND target_account_id = ${aliceOnB.id}`;
        return !row;
      });
    } finally {
      await b.close();
      await a.close();
    }
  },
});
