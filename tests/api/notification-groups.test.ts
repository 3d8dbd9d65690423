/**
 * Grouped notifications (v2): favourites of one post are one group with its senders, newest
 * first; a group can be read by its key, its senders listed and dismissed as a whole;
 * `grouped_types` decides what groups, `expand_accounts=partial_avatars` shrinks the sample
 * senders, `types`/`exclude_types` filter, and `unread_count` counts groups past the marker.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
import {
  assertResponseMatches as assertMatches,
  groupIdsAsDocumented,
} from "../helpers/openapi.ts";

/** The document's schema, with Mastodon's string group ids (see `groupIdsAsDocumented`). */
async function assertResponseMatches(
  method: string,
  path: string,
  status: number,
  body: unknown,
) {
  await assertMatches(method, path, status, groupIdsAsDocumented(body));
}

Deno.test("grouped notifications: groups, one group, its accounts, dismiss, unread count", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const fans = await Promise.all(
      ["bob", "carol", "dave"].map((name) =>
        createUserWithToken(instance, name)
      ),
    );
    const post = await api(instance, alice.token, "POST", "/api/v1/statuses", {
      status: "hello",
    });
    for (const fan of fans) {
      const fav = await api(
        instance,
        fan.token,
        "POST",
        `/api/v1/statuses/${post.body.id}/favourite`,
      );
      assert.equal(fav.status, 200);
    }
    const follow = await api(
      instance,
      fans[0].token,
      "POST",
      `/api/v1/accounts/${alice.account.id}/follow`,
    );
    assert.equal(follow.status, 200);

    const list = await api(
      instance,
      alice.token,
      "GET",
      "/api/v2/notifications",
    );
    assert.equal(list.status, 200);
    await assertResponseMatches("GET", "/api/v2/notifications", 200, list.body);
    const groups = list.body.notification_groups;
    assert.deepEqual(groups.map((g: { type: string }) => g.type), [
      "follow",
      "favourite",
    ]);
    const favourites = groups[1];
    assert.equal(favourites.notifications_count, 3);
    assert.equal(favourites.status_id, post.body.id);
    assert.deepEqual(favourites.sample_account_ids, [
      fans[2].account.id,
      fans[1].account.id,
      fans[0].account.id,
    ]);
    assert.equal(list.body.statuses[0].id, post.body.id);
    assert.equal(list.body.accounts.length, 3);

    // Not grouped when the client says favourites don't group.
    const ungrouped = await api(
      instance,
      alice.token,
      "GET",
      "/api/v2/notifications?grouped_types[]=follow",
    );
    assert.equal(ungrouped.body.notification_groups.length, 4);
    assert.match(
      ungrouped.body.notification_groups[1].group_key,
      /^ungrouped-/,
    );
    // A lone notification is a group of its own, readable by that key.
    const single = await api(
      instance,
      alice.token,
      "GET",
      `/api/v2/notifications/${
        ungrouped.body.notification_groups[1].group_key
      }`,
    );
    assert.equal(single.status, 200);
    assert.equal(single.body.notification_groups[0].notifications_count, 1);
    assert.equal(single.body.notification_groups[0].type, "favourite");

    // Partial avatars: the newest sender in full, the others partially.
    const partial = await api(
      instance,
      alice.token,
      "GET",
      "/api/v2/notifications?types[]=favourite&expand_accounts=partial_avatars",
    );
    await assertResponseMatches(
      "GET",
      "/api/v2/notifications",
      200,
      partial.body,
    );
    assert.deepEqual(
      partial.body.accounts.map((a: { id: string }) => a.id),
      [fans[2].account.id],
    );
    assert.equal(partial.body.partial_accounts.length, 2);
    assert.equal(partial.body.partial_accounts[0].username, undefined);

    const excluded = await api(
      instance,
      alice.token,
      "GET",
      "/api/v2/notifications?exclude_types[]=favourite",
    );
    assert.deepEqual(
      excluded.body.notification_groups.map((g: { type: string }) => g.type),
      ["follow"],
    );

    // Paging by groups: one a page, the next page is the older group.
    const first = await api(
      instance,
      alice.token,
      "GET",
      "/api/v2/notifications?limit=1",
    );
    assert.equal(first.body.notification_groups[0].type, "follow");
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get("link") ?? "");
    assert.ok(next);
    const second = await api(
      instance,
      alice.token,
      "GET",
      new URL(next[1]).pathname + new URL(next[1]).search,
    );
    assert.equal(second.body.notification_groups[0].type, "favourite");
    assert.equal(second.body.notification_groups[0].notifications_count, 3);

    const key = favourites.group_key;
    const one = await api(
      instance,
      alice.token,
      "GET",
      `/api/v2/notifications/${encodeURIComponent(key)}`,
    );
    assert.equal(one.status, 200);
    await assertResponseMatches(
      "GET",
      "/api/v2/notifications/{group_key}",
      200,
      one.body,
    );
    assert.equal(one.body.notification_groups[0].notifications_count, 3);

    const accounts = await api(
      instance,
      alice.token,
      "GET",
      `/api/v2/notifications/${encodeURIComponent(key)}/accounts`,
    );
    await assertResponseMatches(
      "GET",
      "/api/v2/notifications/{group_key}/accounts",
      200,
      accounts.body,
    );
    assert.deepEqual(
      accounts.body.map((a: { username: string }) => a.username),
      ["dave", "carol", "bob"],
    );

    // Someone else can't read the group.
    const other = await api(
      instance,
      fans[0].token,
      "GET",
      `/api/v2/notifications/${encodeURIComponent(key)}`,
    );
    assert.equal(other.status, 404);
    assert.equal(typeof other.body.error, "string");

    // Unread: two groups before the marker moves, none after.
    const unread = await api(
      instance,
      alice.token,
      "GET",
      "/api/v2/notifications/unread_count",
    );
    await assertResponseMatches(
      "GET",
      "/api/v2/notifications/unread_count",
      200,
      unread.body,
    );
    assert.equal(unread.body.count, 2);
    await api(instance, alice.token, "POST", "/api/v1/markers", {
      notifications: { last_read_id: groups[0].most_recent_notification_id },
    });
    assert.equal(
      (await api(
        instance,
        alice.token,
        "GET",
        "/api/v2/notifications/unread_count",
      )).body.count,
      0,
    );

    const dismissed = await api(
      instance,
      alice.token,
      "POST",
      `/api/v2/notifications/${encodeURIComponent(key)}/dismiss`,
    );
    assert.equal(dismissed.status, 200);
    assert.deepEqual(dismissed.body, {});
    const after = await api(
      instance,
      alice.token,
      "GET",
      "/api/v2/notifications",
    );
    assert.deepEqual(
      after.body.notification_groups.map((g: { type: string }) => g.type),
      ["follow"],
    );
    const gone = await api(
      instance,
      alice.token,
      "GET",
      `/api/v2/notifications/${encodeURIComponent(key)}`,
    );
    assert.equal(gone.status, 404);
  } finally {
    await instance.close();
  }
});

Deno.test("grouped and plain notifications: include_filtered shows what the policy held back", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const stranger = await createUserWithToken(instance, "stranger");
    const policy = await api(
      instance,
      alice.token,
      "PATCH",
      "/api/v2/notifications/policy",
      {
        for_not_following: "filter",
      },
    );
    assert.equal(policy.status, 200);
    const mention = await api(
      instance,
      stranger.token,
      "POST",
      "/api/v1/statuses",
      {
        status: "@alice hello there",
      },
    );
    assert.equal(mention.status, 200);

    const plain = await api(
      instance,
      alice.token,
      "GET",
      "/api/v2/notifications",
    );
    assert.deepEqual(plain.body.notification_groups, []);
    const withFiltered = await api(
      instance,
      alice.token,
      "GET",
      "/api/v2/notifications?include_filtered=true",
    );
    await assertResponseMatches(
      "GET",
      "/api/v2/notifications",
      200,
      withFiltered.body,
    );
    assert.deepEqual(
      withFiltered.body.notification_groups.map((g: { type: string }) =>
        g.type
      ),
      ["mention"],
    );
    assert.equal(withFiltered.body.statuses[0].id, mention.body.id);
    const v1 = await api(
      instance,
      alice.token,
      "GET",
      "/api/v1/notifications?include_filtered=true",
    );
    assert.deepEqual(v1.body.map((n: { type: string }) => n.type), ["mention"]);
    assert.deepEqual(
      (await api(instance, alice.token, "GET", "/api/v1/notifications")).body,
      [],
    );
    // The unread count never counts what was filtered.
    assert.equal(
      (await api(
        instance,
        alice.token,
        "GET",
        "/api/v2/notifications/unread_count",
      )).body.count,
      0,
    );
  } finally {
    await instance.close();
  }
});

Deno.test("grouped notifications: a group spans at most 12 hours, as Mastodon's", async () => {
  const instance = await startTestInstance();
  try {
    const [alice, bob, carol, dave] = await Promise.all(
      ["alice", "bob", "carol", "dave"].map((n) =>
        createUserWithToken(instance, n)
      ),
    );
    const post = await api(instance, alice.token, "POST", "/api/v1/statuses", {
      status: "slow burner",
    });
    const favourite = (user: { token: string }) =>
      api(
        instance,
        user.token,
        "POST",
        `/api/v1/statuses/${post.body.id}/favourite`,
      );
    await favourite(bob);
    // Bob's favourite was 13 hours ago: its group started then.
    const hour = Math.floor(Date.now() / 3_600_000);
    await instance.deps.sql`
      UPDATE notifications SET created_at = now() - interval '13 hours',
        group_key = ${`favourite-${post.body.id}-${hour - 13}`}
      WHERE account_id = ${alice.account.id}`;
    await favourite(carol);
    await favourite(dave);
    const groups =
      (await api(instance, alice.token, "GET", "/api/v2/notifications"))
        .body.notification_groups;
    assert.deepEqual(
      groups.map((g: { notifications_count: number }) => g.notifications_count),
      [2, 1],
    );
    assert.match(
      groups[0].group_key,
      new RegExp(`^favourite-${post.body.id}-\\d+$`),
    );
    assert.notEqual(groups[0].group_key, groups[1].group_key);
  } finally {
    await instance.close();
  }
});
