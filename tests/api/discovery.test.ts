/**
 * Finding people: follow suggestions (friends of friends, staff-featured, popular active local
 * accounts; never someone followed, blocked, muted, suspended, limited or not discoverable;
 * dismissible for good; the featured ones chosen by moderators), the profile directory (discoverable accounts, `active`/`new`, `local`,
 * offset paging) and endorsements (featuring followed accounts on one's profile).
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { api, createUserWithToken, follow } from "../helpers/users.ts";
import {
  assertMatchesSchema,
  assertResponseMatches,
} from "../helpers/openapi.ts";
import { signedInBrowser } from "../helpers/oauth.ts";
import { BUILT_IN_ROLE_IDS } from "../../lib/moderation/mod.ts";

const usernames = (
  list: { username?: string; account?: { username: string } }[],
) => list.map((x) => x.account?.username ?? x.username);

Deno.test("suggestions: friends of friends, featured and popular; exclusions; dismissal", async () => {
  const instance = await startTestInstance();
  try {
    const { sql } = instance.deps;
    const users = Object.fromEntries(
      await Promise.all(
        ["alice", "bob", "carol", "dave", "erin", "frank", "gina", "hank"].map(
          async (name) => [name, await createUserWithToken(instance, name)],
        ),
      ),
    );
    const { alice, bob, carol, dave, erin, frank, gina, hank } = users;
    // alice follows bob; bob follows carol, dave, erin, frank, gina.
    await follow(instance, alice, bob);
    for (const u of [carol, dave, erin, frank, gina]) {
      await follow(instance, bob, u);
    }
    // dave is blocked, erin muted, frank not discoverable, gina limited by moderators.
    await api(
      instance,
      alice.token,
      "POST",
      `/api/v1/accounts/${dave.account.id}/block`,
    );
    await api(
      instance,
      alice.token,
      "POST",
      `/api/v1/accounts/${erin.account.id}/mute`,
    );
    await sql`UPDATE accounts SET discoverable = false WHERE id = ${frank.account.id}`;
    await sql`UPDATE accounts SET silenced_at = now() WHERE id = ${gina.account.id}`;
    // hank is staff-featured.
    await sql`INSERT INTO featured_accounts (account_id) VALUES (${hank.account.id})`;

    const v2 = await api(instance, alice.token, "GET", "/api/v2/suggestions");
    assert.equal(v2.status, 200);
    await assertResponseMatches("GET", "/api/v2/suggestions", 200, v2.body);
    assert.deepEqual(usernames(v2.body), ["hank", "carol"]);
    assert.deepEqual(v2.body[0].sources, ["featured"]);
    assert.deepEqual(v2.body[1].sources, ["friends_of_friends"]);

    const v1 = await api(instance, alice.token, "GET", "/api/v1/suggestions");
    await assertResponseMatches("GET", "/api/v1/suggestions", 200, v1.body);
    assert.deepEqual(usernames(v1.body), ["hank", "carol"]);

    const dismissed = await api(
      instance,
      alice.token,
      "DELETE",
      `/api/v1/suggestions/${carol.account.id}`,
    );
    assert.equal(dismissed.status, 200);
    assert.deepEqual(dismissed.body, {});
    assert.deepEqual(
      usernames(
        (await api(instance, alice.token, "GET", "/api/v2/suggestions")).body,
      ),
      ["hank"],
    );
    // Following someone takes them off the list.
    await follow(instance, alice, hank);
    assert.deepEqual(
      (await api(instance, alice.token, "GET", "/api/v2/suggestions")).body,
      [],
    );

    // Popular local accounts that post: carol, with followers, for someone new.
    const newcomer = await createUserWithToken(instance, "newcomer");
    await api(instance, carol.token, "POST", "/api/v1/statuses", {
      status: "hi",
    });
    await api(instance, gina.token, "POST", "/api/v1/statuses", {
      status: "hi",
    });
    const popular = await api(
      instance,
      newcomer.token,
      "GET",
      "/api/v2/suggestions",
    );
    assert.deepEqual(usernames(popular.body), ["hank", "carol"]);
    assert.deepEqual(popular.body[1].sources, ["most_followed"]);

    const anonymous = await api(instance, null, "GET", "/api/v2/suggestions");
    assert.equal(anonymous.status, 401);
  } finally {
    await instance.close();
  }
});

Deno.test("directory: discoverable accounts, active or new, local, offset", async () => {
  const instance = await startTestInstance();
  try {
    const { sql } = instance.deps;
    const [alice, bob, carol, dave] = await Promise.all(
      ["alice", "bob", "carol", "dave"].map((n) =>
        createUserWithToken(instance, n)
      ),
    );
    await api(instance, bob.token, "POST", "/api/v1/statuses", {
      status: "first",
    });
    await api(instance, alice.token, "POST", "/api/v1/statuses", {
      status: "later",
    });
    await sql`UPDATE accounts SET discoverable = false WHERE id = ${carol.account.id}`;
    await sql`UPDATE accounts SET suspended_at = now() WHERE id = ${dave.account.id}`;
    await sql`INSERT INTO accounts (username, domain, uri, discoverable, last_status_at)
              VALUES ('remote', 'remote.example', 'https://remote.example/users/remote', true,
                      now())`;

    const active = await api(instance, null, "GET", "/api/v1/directory");
    assert.equal(active.status, 200);
    await assertResponseMatches("GET", "/api/v1/directory", 200, active.body);
    assert.deepEqual(usernames(active.body), ["remote", "alice", "bob"]);
    const local = await api(
      instance,
      null,
      "GET",
      "/api/v1/directory?local=true",
    );
    assert.deepEqual(usernames(local.body), ["alice", "bob"]);
    const newest = await api(
      instance,
      null,
      "GET",
      "/api/v1/directory?order=new&local=true",
    );
    assert.deepEqual(usernames(newest.body).sort(), ["alice", "bob"]);
    const paged = await api(
      instance,
      null,
      "GET",
      "/api/v1/directory?limit=1&offset=1",
    );
    assert.deepEqual(usernames(paged.body), ["alice"]);
    // A viewer doesn't see whom they block.
    await api(
      instance,
      bob.token,
      "POST",
      `/api/v1/accounts/${alice.account.id}/block`,
    );
    assert.deepEqual(
      usernames(
        (await api(instance, bob.token, "GET", "/api/v1/directory?local=true"))
          .body,
      ),
      ["bob"],
    );
  } finally {
    await instance.close();
  }
});

Deno.test("endorsements: endorse followed accounts, list them, unendorse", async () => {
  const instance = await startTestInstance();
  try {
    const [alice, bob, carol] = await Promise.all(
      ["alice", "bob", "carol"].map((n) => createUserWithToken(instance, n)),
    );
    await follow(instance, alice, bob);

    const notFollowing = await api(
      instance,
      alice.token,
      "POST",
      `/api/v1/accounts/${carol.account.id}/endorse`,
    );
    assert.equal(notFollowing.status, 422);
    assert.match(notFollowing.body.error, /follow/);

    const endorsed = await api(
      instance,
      alice.token,
      "POST",
      `/api/v1/accounts/${bob.account.id}/endorse`,
    );
    assert.equal(endorsed.status, 200);
    await assertResponseMatches(
      "POST",
      "/api/v1/accounts/{id}/endorse",
      200,
      endorsed.body,
    );
    assert.equal(endorsed.body.endorsed, true);

    const mine = await api(
      instance,
      alice.token,
      "GET",
      "/api/v1/endorsements",
    );
    await assertResponseMatches("GET", "/api/v1/endorsements", 200, mine.body);
    assert.deepEqual(usernames(mine.body), ["bob"]);
    const theirs = await api(
      instance,
      null,
      "GET",
      `/api/v1/accounts/${alice.account.id}/endorsements`,
    );
    await assertResponseMatches(
      "GET",
      "/api/v1/accounts/{id}/endorsements",
      200,
      theirs.body,
    );
    assert.deepEqual(usernames(theirs.body), ["bob"]);
    const relationships = await api(
      instance,
      alice.token,
      "GET",
      `/api/v1/accounts/relationships?id[]=${bob.account.id}`,
    );
    await assertMatchesSchema(relationships.body, "Relationship", {
      array: true,
    });
    assert.equal(relationships.body[0].endorsed, true);

    // The old name works the same way.
    const unpinned = await api(
      instance,
      alice.token,
      "POST",
      `/api/v1/accounts/${bob.account.id}/unpin`,
    );
    assert.equal(unpinned.body.endorsed, false);
    assert.deepEqual(
      (await api(instance, alice.token, "GET", "/api/v1/endorsements")).body,
      [],
    );
    await api(
      instance,
      alice.token,
      "POST",
      `/api/v1/accounts/${bob.account.id}/pin`,
    );
    // Unfollowing ends the endorsement.
    await api(
      instance,
      alice.token,
      "POST",
      `/api/v1/accounts/${bob.account.id}/unfollow`,
    );
    assert.deepEqual(
      (await api(instance, alice.token, "GET", "/api/v1/endorsements")).body,
      [],
    );
    const unknown = await api(
      instance,
      alice.token,
      "POST",
      "/api/v1/accounts/1/endorse",
    );
    assert.equal(unknown.status, 404);
  } finally {
    await instance.close();
  }
});

Deno.test("suggestions: moderators choose featured accounts at /admin/follow_recommendations", async () => {
  const instance = await startTestInstance();
  try {
    const [alice] = await Promise.all(
      ["alice", "hank"].map((n) => createUserWithToken(instance, n)),
    );
    const browser = await signedInBrowser(instance, "moira");
    assert.equal(
      (await browser.page("/admin/follow_recommendations")).status,
      403,
    );
    await instance.deps
      .sql`UPDATE users SET role_id = ${BUILT_IN_ROLE_IDS.moderator}
      WHERE account_id = (SELECT id FROM accounts WHERE username = 'moira')`;
    const page = await browser.page("/admin/follow_recommendations");
    assert.equal(page.status, 200);
    const unknown = await browser.post("/admin/follow_recommendations", {
      _csrf: page.csrf,
      add: "nobody",
    });
    assert.equal(unknown.status, 422);
    assert.match(await unknown.text(), /No such account/);
    const added = await browser.post("/admin/follow_recommendations", {
      _csrf: page.csrf,
      add: "hank",
    });
    assert.equal(added.status, 303);
    await added.body?.cancel();
    const suggestions = await api(
      instance,
      alice.token,
      "GET",
      "/api/v2/suggestions",
    );
    assert.deepEqual(usernames(suggestions.body), ["hank"]);
    assert.deepEqual(suggestions.body[0].sources, ["featured"]);

    const listed = await browser.page("/admin/follow_recommendations");
    assert.match(listed.html, /@hank/);
    const hankId = /name="remove" value="(\d+)"/.exec(listed.html)?.[1] ?? "";
    const removed = await browser.post("/admin/follow_recommendations", {
      _csrf: listed.csrf,
      remove: hankId,
    });
    assert.equal(removed.status, 303);
    await removed.body?.cancel();
    assert.deepEqual(
      (await api(instance, alice.token, "GET", "/api/v2/suggestions")).body,
      [],
    );
    const log = await instance.deps.sql<{ action: string }[]>`
      SELECT action FROM admin_action_logs WHERE target_type = 'FeaturedAccount' ORDER BY id`;
    assert.deepEqual(log.map((l) => l.action), ["create", "destroy"]);
  } finally {
    await instance.close();
  }
});
