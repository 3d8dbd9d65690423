/**
 * Accounts and relationships through masto.js and raw fetch: registration with an app token
 * (open, approval, closed), verify/update credentials, lookup, follow (unlocked and locked),
 * follow requests, block, mute, notes, scope enforcement, instance metadata and the endpoints
 * apps call at start — every JSON body checked against Mastodon's OpenAPI description.
 */
import assert from "node:assert/strict";
import { createRestAPIClient } from "masto";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import {
  assertMatchesSchema,
  assertResponseMatches,
} from "../helpers/openapi.ts";
import { createUserWithToken } from "../helpers/users.ts";
import type { DomainEvent } from "../../lib/domain/effects.ts";

function client(instance: TestInstance, accessToken?: string) {
  return createRestAPIClient({ url: instance.origin, accessToken });
}

async function api(
  instance: TestInstance,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await instance.fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : null,
  };
}

async function appToken(
  instance: TestInstance,
  scopes = "read write follow push",
) {
  const app = await api(instance, null, "POST", "/api/v1/apps", {
    client_name: "Signup App",
    redirect_uris: "urn:ietf:wg:oauth:2.0:oob",
    scopes,
  });
  const token = await api(instance, null, "POST", "/oauth/token", {
    grant_type: "client_credentials",
    client_id: app.body.client_id,
    client_secret: app.body.client_secret,
    scope: scopes,
  });
  return token.body.access_token as string;
}

Deno.test("registration through the API returns a working token; approval and closed modes", async (t) => {
  await t.step("open", async () => {
    const instance = await startTestInstance();
    try {
      const masto = client(instance, await appToken(instance));
      const token = await masto.v1.accounts.create({
        username: "newbie",
        email: "newbie@example.com",
        password: "a good password",
        agreement: true,
        locale: "en",
      });
      assert.ok(token.accessToken);
      const me = await client(instance, token.accessToken).v1.accounts
        .verifyCredentials();
      assert.equal(me.username, "newbie");

      const again = await api(
        instance,
        token.accessToken,
        "GET",
        "/api/v1/accounts/verify_credentials",
      );
      assert.equal(again.status, 200);
      const taken = await api(
        instance,
        await appToken(instance),
        "POST",
        "/api/v1/accounts",
        {
          username: "newbie",
          email: "other@example.com",
          password: "a good password",
          agreement: true,
        },
      );
      assert.equal(taken.status, 422);
      assert.match(taken.body.error, /Username has already been taken/);
      const noAgreement = await api(
        instance,
        await appToken(instance),
        "POST",
        "/api/v1/accounts",
        {
          username: "second",
          email: "second@example.com",
          password: "a good password",
        },
      );
      assert.equal(noAgreement.status, 422);
      const noToken = await api(instance, null, "POST", "/api/v1/accounts", {
        username: "third",
        email: "third@example.com",
        password: "a good password",
        agreement: true,
      });
      assert.equal(noToken.status, 401);
    } finally {
      await instance.close();
    }
  });

  await t.step("approval: a token, but no access until approved", async () => {
    const instance = await startTestInstance({
      env: { REGISTRATIONS: "approval" },
    });
    try {
      const created = await api(
        instance,
        await appToken(instance),
        "POST",
        "/api/v1/accounts",
        {
          username: "waiting",
          email: "waiting@example.com",
          password: "a good password",
          agreement: true,
          reason: "I like birds",
        },
      );
      assert.equal(created.status, 200);
      await assertMatchesSchema(created.body, "Token");
      const me = await api(
        instance,
        created.body.access_token,
        "GET",
        "/api/v1/accounts/verify_credentials",
      );
      assert.equal(me.status, 403);
      const v2 = await api(instance, null, "GET", "/api/v2/instance");
      assert.equal(v2.body.registrations.approval_required, true);
    } finally {
      await instance.close();
    }
  });

  await t.step("closed: refused", async () => {
    const instance = await startTestInstance({
      env: { REGISTRATIONS: "closed" },
    });
    try {
      const refused = await api(
        instance,
        await appToken(instance),
        "POST",
        "/api/v1/accounts",
        {
          username: "nobody",
          email: "nobody@example.com",
          password: "a good password",
          agreement: true,
        },
      );
      assert.equal(refused.status, 403);
      await assertMatchesSchema(refused.body, "Error");
      const v2 = await api(instance, null, "GET", "/api/v2/instance");
      assert.equal(v2.body.registrations.enabled, false);
    } finally {
      await instance.close();
    }
  });
});

Deno.test("credentials: verify, update (multipart), lookup, preferences", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    await createUserWithToken(instance, "bob");
    const masto = client(instance, alice.token);

    const raw = await api(
      instance,
      alice.token,
      "GET",
      "/api/v1/accounts/verify_credentials",
    );
    await assertResponseMatches(
      "GET",
      "/api/v1/accounts/verify_credentials",
      200,
      raw.body,
    );
    assert.equal(raw.body.acct, "alice");
    assert.equal(raw.body.url, `${instance.origin}/@alice`);
    assert.match(raw.body.created_at, /T00:00:00\.000Z$/);
    assert.equal(raw.body.source.privacy, "public");
    const avatar = await instance.fetch(new URL(raw.body.avatar).pathname);
    assert.equal(avatar.status, 200, "the default avatar is served");
    assert.equal(avatar.headers.get("content-type"), "image/png");
    await avatar.body?.cancel();

    const updated = await masto.v1.accounts.updateCredentials({
      displayName: "Alice A.",
      note: "Hello @bob, see https://example.com/about #birds",
      locked: true,
      bot: false,
      fieldsAttributes: [
        { name: "Site", value: "https://alice.example" },
        { name: "Pronouns", value: "she/her" },
      ],
      source: { privacy: "unlisted", sensitive: true, language: "en" },
    });
    assert.equal(updated.displayName, "Alice A.");
    assert.equal(updated.locked, true);
    assert.match(updated.note, /<a href="https:\/\/example\.com\/about"/);
    assert.match(
      updated.note,
      /class="u-url mention"/,
      "a known local mention is linked",
    );
    assert.match(updated.note, /#<span>birds<\/span>/);
    assert.equal(
      updated.source.note,
      "Hello @bob, see https://example.com/about #birds",
    );
    assert.equal(updated.fields.length, 2);
    assert.match(updated.fields[0].value, /<a href="https:\/\/alice\.example"/);
    assert.equal(updated.source.fields[0].value, "https://alice.example");
    assert.equal(updated.source.privacy, "unlisted");

    const after = await api(
      instance,
      alice.token,
      "GET",
      "/api/v1/accounts/verify_credentials",
    );
    await assertMatchesSchema(after.body, "CredentialAccount");
    const prefs = await api(
      instance,
      alice.token,
      "GET",
      "/api/v1/preferences",
    );
    await assertMatchesSchema(prefs.body, "Preferences");
    assert.equal(prefs.body["posting:default:visibility"], "unlisted");
    assert.equal(prefs.body["posting:default:sensitive"], true);

    const tooLong = await api(
      instance,
      alice.token,
      "PATCH",
      "/api/v1/accounts/update_credentials",
      {
        display_name: "x".repeat(31),
      },
    );
    assert.equal(tooLong.status, 422);
    assert.match(tooLong.body.error, /Display name is too long/);
    const tooMany = await api(
      instance,
      alice.token,
      "PATCH",
      "/api/v1/accounts/update_credentials",
      {
        fields_attributes: [1, 2, 3, 4, 5].map((i) => ({
          name: `n${i}`,
          value: `v${i}`,
        })),
      },
    );
    assert.equal(tooMany.status, 422);
    const longNote = await api(
      instance,
      alice.token,
      "PATCH",
      "/api/v1/accounts/update_credentials",
      {
        note: "y".repeat(501),
      },
    );
    assert.equal(longNote.status, 422);
    const upload = new FormData();
    upload.set("avatar", new File([new Uint8Array(8)], "me.png", { type: "image/png" }));
    const avatarUpload = await instance.fetch("/api/v1/accounts/update_credentials", {
      method: "PATCH",
      headers: { authorization: `Bearer ${alice.token}` },
      body: upload,
    });
    assert.equal(avatarUpload.status, 422, "no media storage yet: said, not pretended");
    await avatarUpload.body?.cancel();
    const badPrivacy = await api(
      instance,
      alice.token,
      "PATCH",
      "/api/v1/accounts/update_credentials",
      {
        source: { privacy: "everyone" },
      },
    );
    assert.equal(badPrivacy.status, 422);

    const found = await masto.v1.accounts.lookup({ acct: "bob" });
    assert.equal(found.username, "bob");
    const withHost = await api(
      instance,
      null,
      "GET",
      `/api/v1/accounts/lookup?acct=bob@${new URL(instance.origin).host}`,
    );
    assert.equal(withHost.status, 200);
    await assertResponseMatches(
      "GET",
      "/api/v1/accounts/lookup",
      200,
      withHost.body,
    );
    const missing = await api(
      instance,
      null,
      "GET",
      "/api/v1/accounts/lookup?acct=nobody",
    );
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.body, { error: "Record not found" });

    const byId = await api(
      instance,
      null,
      "GET",
      `/api/v1/accounts/${found.id}`,
    );
    await assertResponseMatches("GET", "/api/v1/accounts/{id}", 200, byId.body);
    const several = await api(
      instance,
      null,
      "GET",
      `/api/v1/accounts?id[]=${found.id}&id[]=${alice.account.id}&id[]=12345`,
    );
    assert.deepEqual(
      several.body.map((a: { username: string }) => a.username),
      ["bob", "alice"],
    );
    assert.equal(
      (await api(instance, null, "GET", "/api/v1/accounts/999999")).status,
      404,
    );

    // Scopes: a read-only token can't write; a bad token is 401.
    const reader = await createUserWithToken(instance, "reader", {
      scopes: "read",
    });
    const denied = await api(
      instance,
      reader.token,
      "POST",
      `/api/v1/accounts/${found.id}/follow`,
    );
    assert.equal(denied.status, 403);
    assert.match(denied.body.error, /outside the authorized scopes/);
    const patch = await api(
      instance,
      reader.token,
      "PATCH",
      "/api/v1/accounts/update_credentials",
      { note: "x" },
    );
    assert.equal(patch.status, 403);
    const bad = await api(
      instance,
      "nope",
      "GET",
      "/api/v1/accounts/verify_credentials",
    );
    assert.equal(bad.status, 401);
    assert.deepEqual(Object.keys(bad.body), ["error"]);
  } finally {
    await instance.close();
  }
});

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

    await new Promise((resolve) => setTimeout(resolve, 10));
    const types = events.map((e) => e.type);
    for (
      const type of [
        "follow.accepted",
        "follow.requested",
        "follow.rejected",
        "follow.undone",
      ]
    ) {
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

Deno.test("instance metadata and the endpoints apps call at start", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const v2 = await api(instance, null, "GET", "/api/v2/instance");
    await assertResponseMatches("GET", "/api/v2/instance", 200, v2.body);
    assert.equal(v2.body.version, "4.3.0 (compatible; Starling 0.1.0)");
    assert.deepEqual(v2.body.api_versions, { mastodon: 2 });
    assert.equal(
      v2.body.configuration.urls.streaming,
      instance.origin.replace("http", "ws"),
    );
    assert.equal(v2.body.configuration.statuses.max_characters, 500);
    assert.equal(v2.body.registrations.enabled, true);
    const masto = client(instance, alice.token);
    assert.equal(
      (await masto.v2.instance.fetch()).domain,
      new URL(instance.origin).host,
    );

    const v1 = await api(instance, null, "GET", "/api/v1/instance");
    await assertResponseMatches("GET", "/api/v1/instance", 200, v1.body);
    assert.equal(v1.body.stats.user_count, 1);
    assert.equal(
      (await api(instance, null, "GET", "/api/v1/instance/peers")).status,
      200,
    );

    for (
      const path of [
        "/api/v1/custom_emojis",
        "/api/v1/trends/tags",
        "/api/v1/trends/statuses",
        "/api/v1/trends/links",
        "/api/v1/trends",
        "/api/v2/suggestions",
        "/api/v1/announcements",
        "/api/v1/endorsements",
        "/api/v1/featured_tags",
        "/api/v1/followed_tags",
        "/api/v1/domain_blocks",
        "/api/v1/notifications/requests",
        "/api/v1/instance/rules",
      ]
    ) {
      const response = await api(instance, alice.token, "GET", path);
      assert.equal(response.status, 200, path);
      assert.deepEqual(response.body, [], path);
    }
    const push = await api(
      instance,
      alice.token,
      "GET",
      "/api/v1/push/subscription",
    );
    assert.equal(push.status, 404);
    assert.deepEqual(push.body, { error: "Record not found" });
    const unknown = await api(
      instance,
      alice.token,
      "GET",
      "/api/v1/no/such/thing",
    );
    assert.equal(unknown.status, 404);
    assert.deepEqual(unknown.body, { error: "Record not found" });
    const wrongMethod = await api(
      instance,
      alice.token,
      "DELETE",
      "/api/v2/instance",
    );
    assert.equal(wrongMethod.status, 405);
    assert.ok(wrongMethod.body.error);
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
    await new Promise((resolve) => setTimeout(resolve, 10));
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
    await new Promise((resolve) => setTimeout(resolve, 10));
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
