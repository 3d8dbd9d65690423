/**
 * Followed hashtags fill the home timeline (masto.js): a public post with a tag bob follows
 * reaches his home timeline and his user stream, from an author he doesn't follow, here or on a
 * peer; not from an author he mutes or blocks, nor an unlisted one, nor one his home filters
 * hide; each post once.
 */
import assert from "node:assert/strict";
import { createStreamingAPIClient } from "masto";
import { startTestInstance } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { startQueryCounter } from "../../bench/lib/pgcount.ts";
import { client, createUserWithToken, follow } from "../helpers/users.ts";
import { AS_CONTEXT, startFakePeer } from "../helpers/fake-peer.ts";
import { untilSubscribed, withTimeout } from "../helpers/streams.ts";

const PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

Deno.test({
  name:
    "a followed tag brings public posts to home (API and stream), respecting mutes and blocks",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    const peer = startFakePeer();
    try {
      const alice = await createUserWithToken(instance, "alice");
      const bob = await createUserWithToken(instance, "bob");
      const carol = await createUserWithToken(instance, "carol");
      const dave = await createUserWithToken(instance, "dave");
      const erin = await createUserWithToken(instance, "erin");
      const asBob = client(instance, bob.token);
      const tag = await asBob.v1.tags.$select("starlingtest").follow();
      assert.equal(tag.following, true);
      await asBob.v1.accounts.$select(carol.account.id).mute();
      await asBob.v1.accounts.$select(dave.account.id).block();
      // Bob follows erin too: her tagged post must come once.
      await follow(instance, bob, erin);

      const bobStream = createStreamingAPIClient({
        streamingApiUrl: instance.origin.replace("http", "ws"),
        accessToken: bob.token,
      });
      const subscription = bobStream.user.subscribe();
      const updates: string[] = [];
      let alicesId = "";
      const got = (async () => {
        for await (const event of subscription) {
          if (event.event === "update") updates.push(event.payload.id);
          if (alicesId && updates.includes(alicesId)) return;
        }
      })();
      await untilSubscribed(instance);

      await client(instance, carol.token).v1.statuses.create({
        status: "muted #StarlingTest",
      });
      await client(instance, dave.token).v1.statuses.create({
        status: "blocked #starlingtest",
      });
      await client(instance, alice.token).v1.statuses.create({
        status: "quietly #starlingtest",
        visibility: "unlisted",
      });
      const erins = await client(instance, erin.token).v1.statuses.create({
        status: "followed and tagged #starlingtest",
      });
      const alices = await client(instance, alice.token).v1.statuses.create({
        status: "Hello #StarlingTest",
      });
      alicesId = alices.id;
      // Her update may have come before the API answered (then the loop saw no id to wait for).
      if (!updates.includes(alicesId)) await withTimeout(got);
      subscription.unsubscribe();
      bobStream.close();
      assert.ok(updates.includes(alices.id), "alice's post on bob's stream");

      const home = (await asBob.v1.timelines.home.list()).map((s) => s.id);
      assert.deepEqual(home, [alices.id, erins.id]);

      // Bob's home filters apply to them as to any home post.
      await asBob.v2.filters.create({
        title: "no spoilers",
        context: ["home"],
        filterAction: "hide",
        keywordsAttributes: [{ keyword: "spoiler" }],
      });
      const spoiler = await client(instance, alice.token).v1.statuses.create({
        status: "big spoiler #starlingtest",
      });
      assert.ok(
        !(await asBob.v1.timelines.home.list()).some((s) =>
          s.id === spoiler.id
        ),
      );

      // A peer's public post with the tag reaches bob's home too.
      const zed = await peer.actor("zed");
      const noteId = `${peer.origin}/users/zed/statuses/1`;
      const note = {
        "@context": AS_CONTEXT,
        id: noteId,
        type: "Note",
        attributedTo: zed.id,
        content: "<p>from afar #starlingtest</p>",
        tag: [{
          type: "Hashtag",
          name: "#starlingtest",
          href: `${peer.origin}/tags/starlingtest`,
        }],
        to: [PUBLIC],
        cc: [zed.followers],
        published: new Date().toISOString(),
      };
      peer.put("/users/zed/statuses/1", note);
      const res = await peer.deliver(zed, `${instance.origin}/inbox`, {
        "@context": AS_CONTEXT,
        id: `${noteId}#create`,
        type: "Create",
        actor: zed.id,
        to: [PUBLIC],
        object: note,
      });
      await res.body?.cancel();
      assert.equal(res.status, 202);
      let remote;
      for (let i = 0; i < 100 && !remote; i++) {
        remote = (await asBob.v1.timelines.home.list()).find((s) =>
          s.uri === noteId
        );
        if (!remote) await new Promise((r) => setTimeout(r, 100));
      }
      assert.ok(remote, "the peer's tagged post on bob's home");
      assert.equal(remote.tags[0].name, "starlingtest");

      // Unfollowing the tag stops it.
      await asBob.v1.tags.$select("starlingtest").unfollow();
      const later = await client(instance, alice.token).v1.statuses.create({
        status: "again #starlingtest",
      });
      assert.ok(
        !(await asBob.v1.timelines.home.list()).some((s) => s.id === later.id),
      );
    } finally {
      await peer.close();
      await instance.close();
    }
  },
});

Deno.test("a tag follower costs posting no extra fan-out statement", async () => {
  const database = await createTestDatabase();
  const counter = startQueryCounter();
  const url = new URL(database.url);
  url.host = `127.0.0.1:${counter.port}`;
  const instance = await startTestInstance({ env: { DATABASE_URL: url.href } });
  try {
    const alice = await createUserWithToken(instance, "alice");
    const bob = await createUserWithToken(instance, "bob");
    const asAlice = client(instance, alice.token);
    // The fan-out statements of one post (the log also holds the job runner's, which run
    // concurrently: only the home-feed writes are compared).
    const fanOuts = async (status: string) => {
      counter.takeLog();
      await asAlice.v1.statuses.create({ status });
      return counter.takeLog().filter((text) =>
        /home_feed_entries|tag_follows/.test(text)
      );
    };
    await fanOuts("warm up #starlingtest");
    const unfollowed = await fanOuts("first #starlingtest");
    await client(instance, bob.token).v1.tags.$select("starlingtest").follow();
    const followed = await fanOuts("second #starlingtest");
    assert.equal(unfollowed.length, 1, "one fan-out statement");
    assert.equal(followed.length, 1, "still one with a tag follower");
    const home = await client(instance, bob.token).v1.timelines.home.list();
    assert.match(home[0].content, /^<p>second /);
  } finally {
    await instance.close();
    counter.close();
    await database.drop();
  }
});
