/**
 * Accounts through masto.js and raw fetch: registration with an app token (open, approval,
 * closed), verify/update credentials, lookup, scope enforcement, instance metadata and the
 * endpoints apps call at start — every JSON body checked against Mastodon's OpenAPI description.
 * Relationships are in relationships.test.ts.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import {
  assertMatchesSchema,
  assertResponseMatches,
} from "../helpers/openapi.ts";
import { api, client, createUserWithToken } from "../helpers/users.ts";
import { appToken } from "../helpers/oauth.ts";

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
      await assertResponseMatches("POST", "/api/v1/accounts", 422, taken.body);
      assert.equal(taken.body.details.username[0].error, "ERR_TAKEN");
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
    upload.set(
      "avatar",
      new File([new Uint8Array(8)], "me.png", { type: "image/png" }),
    );
    const avatarUpload = await instance.fetch(
      "/api/v1/accounts/update_credentials",
      {
        method: "PATCH",
        headers: { authorization: `Bearer ${alice.token}` },
        body: upload,
      },
    );
    assert.equal(
      avatarUpload.status,
      422,
      "no media storage yet: said, not pretended",
    );
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
