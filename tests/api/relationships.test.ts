/**
 * Relationships through masto.js and raw fetch: follow (unlocked, locked, remote), follow
 * requests, block, mute, notes, account lists and search — every JSON body checked against
 * Mastodon's OpenAPI description, and the domain events federation acts on.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import {
  assertMatchesSchema,
  assertResponseMatches,
} from "../helpers/openapi.ts";
import { api, client, createUserWithToken } from "../helpers/users.ts";
import type { DomainEvent } from "../../lib/domain/effects.ts";
import { eventually } from "../federation/helpers.ts";

Deno.test("follows: unlocked at once, locked by request; authorize, reject, unfollow; counters", async () => {
  const instance = await startTestInstance();
  const events: DomainEvent[] = [];
  instance.deps.effects.on((event) => {
    events.push(event);
  });
  try {
    const alice = await createUserWithToken(instance, "alice");
    const bob = await createUserWithToken(instance, "bob");
    const carol = await createUserWithToken(instance, "carol", {
      locked: true,
    });
    const dave = await createUserWithToken(instance, "dave");
    const asAlice = client(instance, alice.token);

    const followed = await asAlice.v1.accounts.$select(bob.account.id).follow();
    assert.equal(followed.following, true);
    assert.equal(followed.requested, false);
    const rel = await api(
      instance,
      alice.token,
      "POST",
      `/api/v1/accounts/${bob.account.id}/follow`,
      {
        reblogs: false,
        notify: true,
      },
    );
    await assertResponseMatches(
      "POST",
      "/api/v1/accounts/{id}/follow",
      200,
      rel.body,
    );
    assert.equal(
      rel.body.showing_reblogs,
      false,
      "following again updates the options",
    );
    assert.equal(rel.body.notifying, true);

    const bobSelf = await api(
      instance,
      bob.token,
      "GET",
      "/api/v1/accounts/verify_credentials",
    );
    assert.equal(bobSelf.body.followers_count, 1);
    const aliceSelf = await api(
      instance,
      alice.token,
      "GET",
      "/api/v1/accounts/verify_credentials",
    );
    assert.equal(aliceSelf.body.following_count, 1);
    const [notification] = await instance.deps.sql`
      SELECT type FROM notifications WHERE account_id = ${bob.account.id}`;
    assert.equal(notification.type, "follow");

    const followers = await api(
      instance,
      null,
      "GET",
      `/api/v1/accounts/${bob.account.id}/followers`,
    );
    await assertMatchesSchema(followers.body, "Account", { array: true });
    assert.deepEqual(followers.body.map((a: { acct: string }) => a.acct), [
      "alice",
    ]);
    assert.match(followers.headers.get("link")!, /rel="next"/);
    const following = await api(
      instance,
      null,
      "GET",
      `/api/v1/accounts/${alice.account.id}/following`,
    );
    assert.deepEqual(following.body.map((a: { acct: string }) => a.acct), [
      "bob",
    ]);

    // Locked: a request, listed for carol, authorized.
    const requested = await asAlice.v1.accounts.$select(carol.account.id)
      .follow();
    assert.equal(requested.following, false);
    assert.equal(requested.requested, true);
    const asDave = client(instance, dave.token);
    await asDave.v1.accounts.$select(carol.account.id).follow();
    const pending = await api(
      instance,
      carol.token,
      "GET",
      "/api/v1/follow_requests",
    );
    await assertResponseMatches(
      "GET",
      "/api/v1/follow_requests",
      200,
      pending.body,
    );
    assert.deepEqual(pending.body.map((a: { acct: string }) => a.acct).sort(), [
      "alice",
      "dave",
    ]);
    const carolSelf = await api(
      instance,
      carol.token,
      "GET",
      "/api/v1/accounts/verify_credentials",
    );
    assert.equal(carolSelf.body.source.follow_requests_count, 2);
    const [request] = await instance.deps.sql`
      SELECT type FROM notifications WHERE account_id = ${carol.account.id} AND from_account_id = ${alice.account.id}`;
    assert.equal(request.type, "follow_request");

    const asCarol = client(instance, carol.token);
    const authorized = await asCarol.v1.followRequests.$select(alice.account.id)
      .authorize();
    assert.equal(authorized.followedBy, true);
    const rejected = await api(
      instance,
      carol.token,
      "POST",
      `/api/v1/follow_requests/${dave.account.id}/reject`,
    );
    await assertResponseMatches(
      "POST",
      "/api/v1/follow_requests/{account_id}/reject",
      200,
      rejected.body,
    );
    assert.equal(rejected.body.requested_by, false);
    const daveRel = await asDave.v1.accounts.relationships.fetch({
      id: [carol.account.id],
    });
    assert.equal(daveRel[0].requested, false);
    assert.equal(daveRel[0].following, false);
    assert.equal(
      (await api(
        instance,
        carol.token,
        "POST",
        `/api/v1/follow_requests/${dave.account.id}/reject`,
      )).status,
      404,
    );

    const relationships = await api(
      instance,
      alice.token,
      "GET",
      `/api/v1/accounts/relationships?id[]=${bob.account.id}&id[]=${carol.account.id}&id[]=${dave.account.id}`,
    );
    await assertResponseMatches(
      "GET",
      "/api/v1/accounts/relationships",
      200,
      relationships.body,
    );
    assert.deepEqual(
      relationships.body.map((
        r: { id: string; following: boolean },
      ) => [r.id, r.following]),
      [[bob.account.id, true], [carol.account.id, true], [
        dave.account.id,
        false,
      ]],
    );

    const unfollowed = await asAlice.v1.accounts.$select(bob.account.id)
      .unfollow();
    assert.equal(unfollowed.following, false);
    const bobAfter = await api(
      instance,
      null,
      "GET",
      `/api/v1/accounts/${bob.account.id}`,
    );
    assert.equal(bobAfter.body.followers_count, 0);

    const self = await api(
      instance,
      alice.token,
      "POST",
      `/api/v1/accounts/${alice.account.id}/follow`,
    );
    assert.equal(self.status, 403);

    // Events are dispatched by their jobs, once the writes committed.
    const wanted = [
      "follow.accepted",
      "follow.requested",
      "follow.rejected",
      "follow.undone",
    ];
    await eventually("the events' jobs ran", () =>
      Promise.resolve(
        wanted.every((type) => events.some((e) => e.type === type)),
      ));
    const types = events.map((e) => e.type);
    for (const type of wanted) {
      assert.ok(types.includes(type as DomainEvent["type"]), `${type} emitted`);
    }
  } finally {
    await instance.close();
  }
});

Deno.test("blocks end follows both ways; mutes expire; notes; lists of each", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const bob = await createUserWithToken(instance, "bob");
    const asAlice = client(instance, alice.token);
    const asBob = client(instance, bob.token);
    await asAlice.v1.accounts.$select(bob.account.id).follow();
    await asBob.v1.accounts.$select(alice.account.id).follow();

    const blocked = await api(
      instance,
      alice.token,
      "POST",
      `/api/v1/accounts/${bob.account.id}/block`,
    );
    await assertResponseMatches(
      "POST",
      "/api/v1/accounts/{id}/block",
      200,
      blocked.body,
    );
    assert.equal(blocked.body.blocking, true);
    assert.equal(blocked.body.following, false);
    assert.equal(blocked.body.followed_by, false);
    const [counts] = await instance.deps.sql`
      SELECT followers_count, following_count FROM accounts WHERE id = ${alice.account.id}`;
    assert.deepEqual({ ...counts }, { followers_count: 0, following_count: 0 });
    const bobView = await asBob.v1.accounts.relationships.fetch({
      id: [alice.account.id],
    });
    assert.equal(bobView[0].blockedBy, true);
    const dave = await createUserWithToken(instance, "dave");
    await asAlice.v1.accounts.$select(dave.account.id).follow();
    const path = `/api/v1/accounts/${alice.account.id}/following`;
    assert.deepEqual(
      (await api(instance, null, "GET", path)).body.map((a: { acct: string }) =>
        a.acct
      ),
      ["dave"],
    );
    assert.deepEqual(
      (await api(instance, bob.token, "GET", path)).body,
      [],
      "hidden from the blocked",
    );
    const refused = await api(
      instance,
      bob.token,
      "POST",
      `/api/v1/accounts/${alice.account.id}/follow`,
    );
    assert.equal(refused.status, 403, "the blocked can't follow");

    const blocks = await api(instance, alice.token, "GET", "/api/v1/blocks");
    await assertResponseMatches("GET", "/api/v1/blocks", 200, blocks.body);
    assert.deepEqual(blocks.body.map((a: { acct: string }) => a.acct), ["bob"]);
    const unblocked = await asAlice.v1.accounts.$select(bob.account.id)
      .unblock();
    assert.equal(unblocked.blocking, false);

    const muted = await api(
      instance,
      alice.token,
      "POST",
      `/api/v1/accounts/${bob.account.id}/mute`,
      {
        notifications: false,
        duration: 3600,
      },
    );
    await assertResponseMatches(
      "POST",
      "/api/v1/accounts/{id}/mute",
      200,
      muted.body,
    );
    assert.equal(muted.body.muting, true);
    assert.equal(muted.body.muting_notifications, false);
    assert.ok(muted.body.muting_expires_at);
    const mutes = await api(instance, alice.token, "GET", "/api/v1/mutes");
    await assertResponseMatches("GET", "/api/v1/mutes", 200, mutes.body);
    assert.ok(mutes.body[0].mute_expires_at);
    await instance.deps
      .sql`UPDATE mutes SET expires_at = now() - interval '1 second'`;
    const expired = await asAlice.v1.accounts.relationships.fetch({
      id: [bob.account.id],
    });
    assert.equal(expired[0].muting, false, "an expired mute is over");
    await asAlice.v1.accounts.$select(bob.account.id).mute();
    const unmuted = await asAlice.v1.accounts.$select(bob.account.id).unmute();
    assert.equal(unmuted.muting, false);

    const noted = await api(
      instance,
      alice.token,
      "POST",
      `/api/v1/accounts/${bob.account.id}/note`,
      {
        comment: "met at the birdwatch",
      },
    );
    assert.equal(noted.body.note, "met at the birdwatch");

    const removed = await asBob.v1.accounts.$select(alice.account.id).follow()
      .then(() =>
        api(
          instance,
          alice.token,
          "POST",
          `/api/v1/accounts/${bob.account.id}/remove_from_followers`,
        )
      );
    assert.equal(removed.body.followed_by, false);
  } finally {
    await instance.close();
  }
});

Deno.test("search, familiar followers, and following a remote account asks its server", async () => {
  const instance = await startTestInstance();
  const events: DomainEvent[] = [];
  instance.deps.effects.on((event) => {
    events.push(event);
  });
  try {
    const alice = await createUserWithToken(instance, "alice");
    const bob = await createUserWithToken(instance, "bob");
    const carol = await createUserWithToken(instance, "carol");
    const [remote] = await instance.deps.sql`
      INSERT INTO accounts (username, domain, display_name, uri, url, inbox_url)
      VALUES ('robin', 'remote.example', 'Robin Redbreast', 'https://remote.example/users/robin',
              'https://remote.example/@robin', 'https://remote.example/users/robin/inbox')
      RETURNING id::text`;

    const masto = client(instance, alice.token);
    const found = await api(
      instance,
      alice.token,
      "GET",
      "/api/v1/accounts/search?q=rob",
    );
    await assertResponseMatches(
      "GET",
      "/api/v1/accounts/search",
      200,
      found.body,
    );
    assert.deepEqual(found.body.map((a: { acct: string }) => a.acct), [
      "robin@remote.example",
    ]);
    assert.equal(found.body[0].url, "https://remote.example/@robin");
    const byName = await masto.v1.accounts.search.list({ q: "redbreast" });
    assert.equal(byName[0].acct, "robin@remote.example");
    const exact = await api(
      instance,
      alice.token,
      "GET",
      "/api/v1/accounts/search?q=@bob",
    );
    assert.equal(exact.body[0].acct, "bob");
    const lookup = await api(
      instance,
      null,
      "GET",
      "/api/v1/accounts/lookup?acct=robin@remote.example",
    );
    assert.equal(lookup.body.id, remote.id);

    const asked = await api(
      instance,
      alice.token,
      "POST",
      `/api/v1/accounts/${remote.id}/follow`,
    );
    assert.equal(asked.body.requested, true);
    assert.equal(asked.body.following, false);
    await eventually(
      "follow.requested dispatched",
      () => Promise.resolve(events.some((e) => e.type === "follow.requested")),
    );
    const requested = events.find((e) => e.type === "follow.requested");
    assert.ok(requested && requested.type === "follow.requested");
    assert.equal(requested.targetAccountId, remote.id);
    const withdrawn = await api(
      instance,
      alice.token,
      "POST",
      `/api/v1/accounts/${remote.id}/unfollow`,
    );
    assert.equal(withdrawn.body.requested, false);
    await eventually(
      "follow.undone dispatched",
      () => Promise.resolve(events.some((e) => e.type === "follow.undone")),
    );
    assert.ok(
      events.some((e) =>
        e.type === "follow.undone" && e.targetAccountId === remote.id
      ),
    );

    // alice follows bob; bob follows carol: bob is familiar to alice among carol's followers.
    await masto.v1.accounts.$select(bob.account.id).follow();
    await client(instance, bob.token).v1.accounts.$select(carol.account.id)
      .follow();
    const familiar = await api(
      instance,
      alice.token,
      "GET",
      `/api/v1/accounts/familiar_followers?id[]=${carol.account.id}&id[]=${bob.account.id}`,
    );
    await assertResponseMatches(
      "GET",
      "/api/v1/accounts/familiar_followers",
      200,
      familiar.body,
    );
    assert.deepEqual(
      familiar.body.map((
        f: { id: string; accounts: { acct: string }[] },
      ) => [f.id, f.accounts.map((a) => a.acct)]),
      [[carol.account.id, ["bob"]], [bob.account.id, []]],
    );
    const featured = await api(
      instance,
      null,
      "GET",
      `/api/v1/accounts/${bob.account.id}/featured_tags`,
    );
    assert.deepEqual(featured.body, []);
  } finally {
    await instance.close();
  }
});

Deno.test("a new follow brings recent visible statuses into the home feed; unfollow and block take them out", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const bob = await createUserWithToken(instance, "bob");
    const carol = await createUserWithToken(instance, "carol");
    for (
      const [status, visibility] of [["public", "public"], [
        "followers",
        "private",
      ], ["secret", "direct"]]
    ) {
      const posted = await api(
        instance,
        alice.token,
        "POST",
        "/api/v1/statuses",
        { status, visibility },
      );
      assert.equal(posted.status, 200, JSON.stringify(posted.body));
    }
    const home = async (token: string) =>
      (await api(instance, token, "GET", "/api/v1/timelines/home")).body.map((
        s: { content: string },
      ) => s.content.replace(/<[^>]+>/g, ""));
    assert.deepEqual(await home(bob.token), []);
    await client(instance, bob.token).v1.accounts.$select(alice.account.id)
      .follow();
    assert.deepEqual(
      await home(bob.token),
      ["followers", "public"],
      "direct stays out",
    );
    await client(instance, bob.token).v1.accounts.$select(alice.account.id)
      .unfollow();
    assert.deepEqual(await home(bob.token), []);

    await client(instance, carol.token).v1.accounts.$select(alice.account.id)
      .follow();
    assert.equal((await home(carol.token)).length, 2);
    await client(instance, alice.token).v1.accounts.$select(carol.account.id)
      .block();
    assert.deepEqual(
      await home(carol.token),
      [],
      "a block ends the follow and its feed",
    );
  } finally {
    await instance.close();
  }
});
