/**
 * Two Starling instances on loopback (A on `localhost`, B on `127.0.0.1`) federating for real:
 * signed deliveries through Fedify's queue, WebFinger, fetches signed by the instance actor.
 */
import assert from "node:assert/strict";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { createUserWithToken, type TestUser } from "../helpers/users.ts";
import { resolveRemote } from "../../lib/federation/search.ts";
import * as relationships from "../../lib/domain/relationships.ts";
import { createStatus } from "../../lib/domain/statuses.ts";
import { editStatus } from "../../lib/domain/status-changes.ts";
import { deleteStatus } from "../../lib/domain/status-changes.ts";
import {
  favouriteStatus,
  reblogStatus,
  unfavouriteStatus,
  unreblogStatus,
  voteInPoll,
} from "../../lib/domain/interactions.ts";
import { findAccountByUri } from "../../lib/db/federation.ts";
import type { AccountRow } from "../../lib/db/accounts.ts";
import { eventually } from "./helpers.ts";
import { updateProfile } from "../../lib/domain/profiles.ts";

async function homeHas(
  instance: TestInstance,
  accountId: string,
  statusId: string,
) {
  const [row] = await instance.deps.sql`
    SELECT 1 FROM home_feed_entries WHERE account_id = ${accountId} AND status_id = ${statusId}`;
  return Boolean(row);
}

async function statusByUri(instance: TestInstance, uri: string) {
  const [row] = await instance.deps.sql<
    {
      id: string;
      content: string;
      in_reply_to_id: string | null;
      visibility: string;
    }[]
  >`SELECT id, content, in_reply_to_id, visibility FROM statuses WHERE uri = ${uri}`;
  return row ?? null;
}

async function follows(
  instance: TestInstance,
  followerId: string,
  targetId: string,
) {
  const [row] = await instance.deps.sql`
    SELECT 1 FROM follows WHERE account_id = ${followerId} AND target_account_id = ${targetId}`;
  return Boolean(row);
}

Deno.test({
  name:
    "two instances: follow, posts by visibility, reply, favourite, boost, edit, delete, unfollow, DM, profile update, locked approval, block",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const a = await startTestInstance({ host: "localhost" });
    const b = await startTestInstance();
    try {
      const alice: TestUser = await createUserWithToken(a, "alice");
      const bob: TestUser = await createUserWithToken(b, "bob");
      const carol: TestUser = await createUserWithToken(b, "carol");
      const aHost = new URL(a.origin).host;

      // B resolves alice by handle (WebFinger over http on loopback) and stores her.
      const resolved = await resolveRemote(b.deps, `@alice@${aHost}`);
      const aliceOnB = resolved.account as AccountRow;
      assert.ok(aliceOnB, "alice resolves on B");
      assert.equal(aliceOnB.uri, `${a.origin}/users/alice`);
      assert.equal(aliceOnB.domain, aHost);
      assert.equal(aliceOnB.shared_inbox_url, `${a.origin}/inbox`);

      // bob follows alice: a request on B, a Follow to A, an Accept back.
      assert.equal(
        await relationships.follow(b.deps, bob.account, aliceOnB),
        "requested",
      );
      await eventually(
        "B's follow accepted",
        () => follows(b, bob.account.id, aliceOnB.id),
      );
      const bobOnA = await eventually(
        "bob known on A",
        () => findAccountByUri(a.deps.sql, `${b.origin}/users/bob`),
      );
      assert.ok(
        await follows(a, bobOnA.id, alice.account.id),
        "A has bob as a follower",
      );

      // A public post reaches bob's home timeline on B.
      const post = await createStatus(a.deps, alice, {
        status: "Hello from A",
        visibility: "public",
      });
      const postOnB = await eventually(
        "public post on B",
        () => statusByUri(b, post.uri),
      );
      assert.match(postOnB.content, /Hello from A/);
      assert.equal(postOnB.visibility, "public");
      await eventually(
        "public post in bob's home",
        () => homeHas(b, bob.account.id, postOnB.id),
      );

      // A followers-only post reaches bob, and nobody else.
      const secret = await createStatus(a.deps, alice, {
        status: "Followers only",
        visibility: "private",
      });
      const secretOnB = await eventually(
        "private post on B",
        () => statusByUri(b, secret.uri),
      );
      assert.equal(secretOnB.visibility, "private");
      await eventually(
        "private post in bob's home",
        () => homeHas(b, bob.account.id, secretOnB.id),
      );
      assert.equal(await homeHas(b, carol.account.id, secretOnB.id), false);
      const [{ n: secretHomes }] = await b.deps.sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM home_feed_entries WHERE status_id = ${secretOnB.id}`;
      assert.equal(
        secretHomes,
        1,
        "only bob's home holds the followers-only post",
      );

      // bob replies: A threads it under the post and notifies alice.
      const reply = await createStatus(b.deps, bob, {
        status: `@alice@${aHost} Hi back`,
        visibility: "public",
        inReplyToId: postOnB.id,
      });
      const replyOnA = await eventually(
        "reply on A",
        () => statusByUri(a, reply.uri),
      );
      assert.equal(replyOnA.in_reply_to_id, post.id);
      await eventually("alice notified of the reply", async () => {
        const [row] = await a.deps.sql`
          SELECT 1 FROM notifications WHERE account_id = ${alice.account.id}
            AND type = 'mention' AND status_id = ${replyOnA.id}`;
        return Boolean(row);
      });

      // bob favourites and boosts: A's counts show it.
      await favouriteStatus(b.deps, bob.account.id, postOnB.id);
      await reblogStatus(
        b.deps,
        { id: bob.account.id, local: true },
        postOnB.id,
      );
      await eventually("favourite and boost counted on A", async () => {
        const [row] = await a.deps.sql<
          { favourites_count: number; reblogs_count: number }[]
        >`
          SELECT favourites_count, reblogs_count FROM statuses WHERE id = ${post.id}`;
        return row.favourites_count === 1 && row.reblogs_count === 1;
      });

      // ...and taking them back (Undo Like, Undo Announce) is counted too.
      await unfavouriteStatus(b.deps, bob.account.id, postOnB.id);
      await unreblogStatus(b.deps, bob.account.id, postOnB.id);
      await eventually("undo of favourite and boost counted on A", async () => {
        const [row] = await a.deps.sql<
          { favourites_count: number; reblogs_count: number }[]
        >`SELECT favourites_count, reblogs_count FROM statuses WHERE id = ${post.id}`;
        return row.favourites_count === 0 && row.reblogs_count === 0;
      });

      // alice edits, then deletes: both reach B.
      await editStatus(a.deps, alice.account.id, post.id, {
        status: "Hello from A, edited",
      });
      await eventually("edit on B", async () => {
        const row = await statusByUri(b, post.uri);
        return row?.content.includes("edited");
      });
      await deleteStatus(a.deps, alice.account.id, post.id);
      await eventually(
        "delete on B",
        async () => !(await statusByUri(b, post.uri)),
      );

      // A direct message reaches only the mentioned account.
      const dm = await createStatus(a.deps, alice, {
        status: `@bob@${new URL(b.origin).host} just for you`,
        visibility: "direct",
      });
      const dmOnB = await eventually(
        "direct message on B",
        () => statusByUri(b, dm.uri),
      );
      assert.equal(dmOnB.visibility, "direct");
      await eventually(
        "DM in bob's home",
        () => homeHas(b, bob.account.id, dmOnB.id),
      );
      assert.equal(await homeHas(b, carol.account.id, dmOnB.id), false);
      await eventually("bob notified of the DM", async () => {
        const [row] = await b.deps.sql`
          SELECT 1 FROM notifications WHERE account_id = ${bob.account.id}
            AND type = 'mention' AND status_id = ${dmOnB.id}`;
        return Boolean(row);
      });

      // A poll arrives as a Question; bob's vote comes back to A as a named Note.
      const pollPost = await createStatus(a.deps, alice, {
        status: "Tabs or spaces?",
        visibility: "public",
        poll: { options: ["Tabs", "Spaces"], expiresIn: 3600 },
      });
      const pollOnB = await eventually("poll on B", async () => {
        const [row] = await b.deps.sql<{ poll_id: string | null }[]>`
          SELECT poll_id FROM statuses WHERE uri = ${pollPost.uri}`;
        return row?.poll_id ? row : null;
      });
      await voteInPoll(b.deps, bob.account.id, pollOnB.poll_id!, [1]);
      await eventually("vote counted on A", async () => {
        const [row] = await a.deps.sql<{ votes_counts: number[] }[]>`
          SELECT votes_counts FROM polls WHERE id = ${pollPost.poll_id}`;
        return row.votes_counts[1] === 1;
      });

      // alice renames herself: B's copy of her account follows (Update of the actor).
      await updateProfile(a.deps, alice, { displayName: "Alice A." });
      await eventually("profile update on B", async () => {
        const [row] = await b.deps.sql<{ display_name: string }[]>`
          SELECT display_name FROM accounts WHERE id = ${aliceOnB.id}`;
        return row.display_name === "Alice A.";
      });

      // bob unfollows: A no longer lists him.
      await relationships.unfollow(b.deps, bob.account, aliceOnB);
      await eventually(
        "unfollow on A",
        async () => !(await follows(a, bobOnA.id, alice.account.id)),
      );

      // A locked account's request is approved across servers.
      const dave = await createUserWithToken(a, "dave");
      await a.deps
        .sql`UPDATE accounts SET locked = true WHERE id = ${dave.account.id}`;
      const daveOnB = (await resolveRemote(b.deps, `${a.origin}/users/dave`))
        .account!;
      assert.equal(daveOnB.locked, true);
      await relationships.follow(b.deps, bob.account, daveOnB);
      await eventually("request pending on A", async () => {
        const [row] = await a.deps.sql`
          SELECT 1 FROM follow_requests WHERE account_id = ${bobOnA.id}
            AND target_account_id = ${dave.account.id}`;
        return Boolean(row);
      });
      assert.equal(await follows(b, bob.account.id, daveOnB.id), false);
      const daveRow = (await a.deps.sql<AccountRow[]>`
        SELECT * FROM accounts WHERE id = ${dave.account.id}`)[0];
      await relationships.authorizeFollowRequest(a.deps, daveRow, bobOnA);
      await eventually(
        "approval reaches B",
        () => follows(b, bob.account.id, daveOnB.id),
      );

      // dave blocks bob: the follow ends on both sides and B records the block.
      await relationships.block(a.deps, daveRow, bobOnA);
      await eventually("block reaches B", async () => {
        const [row] = await b.deps.sql`
          SELECT 1 FROM blocks WHERE account_id = ${daveOnB.id} AND target_account_id = ${bob.account.id}`;
        return Boolean(row);
      });
      assert.equal(await follows(b, bob.account.id, daveOnB.id), false);
    } finally {
      await b.close();
      await a.close();
    }
  },
});
