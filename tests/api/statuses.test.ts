/**
 * Statuses through a real client (masto.js): post, reply, boost, favourite, bookmark, edit with
 * history, delete with source, idempotency; every body checked against the OpenAPI schema.
 */
import assert from "node:assert/strict";
import { createRestAPIClient } from "masto";
import { startTestInstance } from "../helpers/app.ts";
import { apiFetch, createUserWithToken, follow } from "../helpers/users.ts";
import { assertMatchesSchema } from "../helpers/openapi.ts";

Deno.test("post, reply, boost, favourite, bookmark, edit, delete", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const bob = await createUserWithToken(instance, "bob");
    await follow(instance, bob, alice);
    const asAlice = createRestAPIClient({
      url: instance.origin,
      accessToken: alice.token,
    });
    const asBob = createRestAPIClient({
      url: instance.origin,
      accessToken: bob.token,
    });

    const post = await asAlice.v1.statuses.create({
      status: "Hello #Starling @bob",
    });
    // masto.js camel-cases bodies: validate the raw JSON.
    const raw = (path: string, token = alice.token) =>
      apiFetch(instance, token, path).then((r) => r.json());
    await assertMatchesSchema(
      await raw(`/api/v1/statuses/${post.id}`),
      "Status",
    );
    assert.match(post.id, /^\d+$/);
    assert.equal(post.visibility, "public");
    assert.equal(post.mentions[0].acct, "bob");
    assert.equal(post.tags[0].name, "starling");
    assert.equal(post.url, `${instance.origin}/@alice/${post.id}`);

    const reply = await asBob.v1.statuses.create({
      status: "@alice hi!",
      inReplyToId: post.id,
    });
    assert.equal(reply.inReplyToId, post.id);
    assert.equal(reply.inReplyToAccountId, alice.account.id);
    assert.equal(
      (await asAlice.v1.statuses.$select(post.id).fetch()).repliesCount,
      1,
    );

    const boost = await asBob.v1.statuses.$select(post.id).reblog();
    await assertMatchesSchema(
      await raw(`/api/v1/statuses/${boost.id}`, bob.token),
      "Status",
    );
    assert.notEqual(boost.id, post.id);
    assert.equal(boost.reblog?.id, post.id);
    assert.equal(boost.reblog?.reblogged, true);

    const faved = await asBob.v1.statuses.$select(post.id).favourite();
    assert.equal(faved.favourited, true);
    assert.equal(faved.favouritesCount, 1);
    const marked = await asBob.v1.statuses.$select(post.id).bookmark();
    assert.equal(marked.bookmarked, true);
    const bookmarks = await asBob.v1.bookmarks.list();
    assert.deepEqual(bookmarks.map((s) => s.id), [post.id]);
    const favBy = await asAlice.v1.statuses.$select(post.id).favouritedBy
      .list();
    assert.deepEqual(favBy.map((a) => a.id), [bob.account.id]);

    const notifications = await asAlice.v1.notifications.list();
    await assertMatchesSchema(
      await raw("/api/v1/notifications"),
      "Notification",
      { array: true },
    );
    assert.deepEqual(
      notifications.map((n) => n.type).sort(),
      ["favourite", "mention", "reblog"],
    );

    const edited = await asAlice.v1.statuses.$select(post.id).update({
      status: "Hello again",
    });
    assert.ok(edited.editedAt);
    assert.equal(edited.tags.length, 0);
    const history = await asAlice.v1.statuses.$select(post.id).history.list();
    await assertMatchesSchema(
      await raw(`/api/v1/statuses/${post.id}/history`),
      "StatusEdit",
      { array: true },
    );
    assert.equal(history.length, 2);
    assert.match(history[0].content, /Starling/);
    assert.match(history[1].content, /again/);
    const source = await asAlice.v1.statuses.$select(post.id).source.fetch();
    assert.equal(source.text, "Hello again");

    await asBob.v1.statuses.$select(post.id).unfavourite();
    const unboosted = await asBob.v1.statuses.$select(post.id).unreblog();
    assert.equal(unboosted.reblogged, false);
    assert.equal(unboosted.reblogsCount, 0);
    assert.equal(unboosted.favouritesCount, 0);

    const deleted = await asAlice.v1.statuses.$select(post.id).remove();
    assert.equal((deleted as unknown as { text: string }).text, "Hello again");
    const gone = await apiFetch(
      instance,
      alice.token,
      `/api/v1/statuses/${post.id}`,
    );
    assert.equal(gone.status, 404);
    assert.deepEqual(await gone.json(), { error: "Record not found" });
  } finally {
    await instance.close();
  }
});

Deno.test("validation, idempotency and private boosts", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const tooLong = await apiFetch(instance, alice.token, "/api/v1/statuses", {
      body: { status: "x".repeat(501) },
    });
    assert.equal(tooLong.status, 422);
    assert.match((await tooLong.json()).error, /too long/);
    const blank = await apiFetch(instance, alice.token, "/api/v1/statuses", {
      body: { status: "" },
    });
    assert.equal(blank.status, 422);
    await blank.body?.cancel();
    const badPoll = await apiFetch(instance, alice.token, "/api/v1/statuses", {
      body: { status: "q", poll: { options: ["only"], expires_in: 600 } },
    });
    assert.equal(badPoll.status, 422);
    await badPoll.body?.cancel();

    const headers = { "idempotency-key": "abc" };
    const first =
      await (await apiFetch(instance, alice.token, "/api/v1/statuses", {
        body: { status: "once" },
        headers,
      })).json();
    const second =
      await (await apiFetch(instance, alice.token, "/api/v1/statuses", {
        body: { status: "once" },
        headers,
      })).json();
    assert.equal(first.id, second.id);

    const poll =
      await (await apiFetch(instance, alice.token, "/api/v1/statuses", {
        body: {
          status: "pick",
          poll: { options: ["a", "b"], expires_in: 600, multiple: true },
        },
      })).json();
    await assertMatchesSchema(poll, "Status");
    assert.equal(poll.poll.options.length, 2);

    const bob = await createUserWithToken(instance, "bob");
    const voted = await apiFetch(
      instance,
      bob.token,
      `/api/v1/polls/${poll.poll.id}/votes`,
      {
        body: { choices: [0, 1] },
      },
    );
    assert.equal(voted.status, 200);
    const pollBody = await voted.json();
    await assertMatchesSchema(pollBody, "Poll");
    assert.deepEqual(pollBody.own_votes, [0, 1]);

    const secret =
      await (await apiFetch(instance, alice.token, "/api/v1/statuses", {
        body: { status: "followers only", visibility: "private" },
      })).json();
    const boost = await apiFetch(
      instance,
      alice.token,
      `/api/v1/statuses/${secret.id}/reblog`,
      {
        method: "POST",
      },
    );
    assert.equal(boost.status, 403);
    await boost.body?.cancel();
  } finally {
    await instance.close();
  }
});
