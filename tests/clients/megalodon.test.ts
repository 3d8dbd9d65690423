/**
 * megalodon (the library behind Whalebird and other multi-server apps) against Starling, as such
 * an app starts and is used: it detects the server type from NodeInfo (it throws "Unknown SNS"
 * for servers it can't place), registers an app, then two users follow, post a poll, stream it,
 * vote, favourite, list and search — each answer through megalodon's own entity conversion.
 */
import assert from "node:assert/strict";
import generator, { detector, type Entity } from "megalodon";
import { startTestInstance } from "../helpers/app.ts";
import { createUserWithToken } from "../helpers/users.ts";
import { withTimeout } from "../helpers/streams.ts";
import { eventually } from "../federation/helpers.ts";

Deno.test({
  name:
    "megalodon: detects a Mastodon server, registers, follows, streams a poll post, votes, favourites, lists, searches",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const sns = await detector(instance.origin);
      assert.equal(sns, "mastodon");

      const app = await generator(sns, instance.origin).registerApp(
        "A megalodon app",
        { scopes: ["read", "write", "follow"] },
      );
      assert.ok(app.client_id && app.client_secret);
      assert.match(app.url ?? "", /\/oauth\/authorize\?/);

      const aliceUser = await createUserWithToken(instance, "alice");
      const bobUser = await createUserWithToken(instance, "bob");
      const alice = generator(sns, instance.origin, aliceUser.token);
      const bob = generator(sns, instance.origin, bobUser.token);

      const me = await alice.verifyAccountCredentials();
      assert.equal(me.data.username, "alice");
      const found = await bob.searchAccount("alice");
      assert.equal(found.data[0]?.acct, "alice");
      const followed = await bob.followAccount(found.data[0].id);
      assert.equal(followed.data.following, true);

      // Bob's user stream sees Alice's poll post arrive.
      const stream = await bob.userStreaming();
      const updates: Entity.Status[] = [];
      const connected = new Promise((resolve) =>
        stream.once("connect", resolve)
      );
      stream.on("update", (status: Entity.Status) => updates.push(status));
      try {
        await withTimeout(connected, 10_000);
        const posted = await alice.postStatus("Tea or coffee?", {
          poll: { options: ["Tea", "Coffee"], expires_in: 3600 },
          visibility: "public",
        });
        const status = posted.data as Entity.Status;
        assert.equal(status.poll?.options.length, 2);
        await eventually(
          "the post arrives on Bob's stream",
          () => Promise.resolve(updates.some((u) => u.id === status.id)),
        );

        const voted = await bob.votePoll(status.poll!.id, [1]);
        assert.equal(voted.data.votes_count, 1);
        assert.equal(voted.data.voted, true);
        const favourited = await bob.favouriteStatus(status.id);
        assert.equal(favourited.data.favourited, true);
        const notifications = await alice.getNotifications();
        assert.ok(
          notifications.data.some((n) =>
            n.type === "favourite" && n.status?.id === status.id
          ),
          "Alice is told of the favourite",
        );
        const home = await bob.getHomeTimeline();
        assert.equal(home.data[0]?.id, status.id);
      } finally {
        stream.stop();
      }

      // A list of the people Alice follows, and its timeline.
      await alice.followAccount(bobUser.account.id);
      const list = await alice.createList("Friends");
      await alice.addAccountsToList(list.data.id, [bobUser.account.id]);
      const bobsPost = await bob.postStatus("In Alice's list", {
        visibility: "public",
      });
      const listed = await alice.getListTimeline(list.data.id);
      assert.equal(listed.data[0]?.id, (bobsPost.data as Entity.Status).id);

      const people = await alice.search("bob", { type: "accounts" });
      assert.equal(people.data.accounts[0]?.acct, "bob");
    } finally {
      await instance.close();
    }
  },
});
