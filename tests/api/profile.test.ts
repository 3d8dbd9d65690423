/**
 * The caller's own profile: `GET/PATCH /api/v1/profile` (Mastodon 4.6) with the values typed and
 * the 4.4–4.6 settings; `DELETE /api/v1/profile/avatar` and `/header` (Mastodon 4.2) put the
 * default images back.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { assertResponseMatches } from "../helpers/openapi.ts";
import { api, createUserWithToken, follow } from "../helpers/users.ts";
import { photoJpeg } from "../media/helpers.ts";

Deno.test("DELETE /api/v1/profile/avatar and /header restore the defaults", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const form = new FormData();
    const jpeg = new Uint8Array(await photoJpeg(64, 64, 1));
    form.set("avatar", new File([jpeg], "me.jpg", { type: "image/jpeg" }));
    form.set("header", new File([jpeg], "wide.jpg", { type: "image/jpeg" }));
    const uploaded = await instance.fetch(
      "/api/v1/accounts/update_credentials",
      {
        method: "PATCH",
        headers: { authorization: `Bearer ${alice.token}` },
        body: form,
      },
    );
    const withImages = await uploaded.json();
    assert.doesNotMatch(withImages.avatar, /missing\.png$/);
    assert.doesNotMatch(withImages.header, /missing\.png$/);

    const noAvatar = await api(
      instance,
      alice.token,
      "DELETE",
      "/api/v1/profile/avatar",
    );
    assert.equal(noAvatar.status, 200);
    await assertResponseMatches(
      "DELETE",
      "/api/v1/profile/avatar",
      200,
      noAvatar.body,
    );
    assert.match(noAvatar.body.avatar, /\/avatars\/original\/missing\.png$/);
    assert.equal(noAvatar.body.header, withImages.header, "the header stays");

    const noHeader = await api(
      instance,
      alice.token,
      "DELETE",
      "/api/v1/profile/header",
    );
    await assertResponseMatches(
      "DELETE",
      "/api/v1/profile/header",
      200,
      noHeader.body,
    );
    assert.match(noHeader.body.header, /\/headers\/original\/missing\.png$/);

    const seen = await api(
      instance,
      null,
      "GET",
      `/api/v1/accounts/${alice.account.id}`,
    );
    assert.match(seen.body.avatar, /missing\.png$/);
    const readOnly = await createUserWithToken(instance, "bob", {
      scopes: "read",
    });
    const refused = await api(
      instance,
      readOnly.token,
      "DELETE",
      "/api/v1/profile/avatar",
    );
    assert.equal(refused.status, 403);
  } finally {
    await instance.close();
  }
});

Deno.test("GET/PATCH /api/v1/profile: the typed values and the 4.4–4.6 settings", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const fresh = await api(instance, alice.token, "GET", "/api/v1/profile");
    assert.equal(fresh.status, 200);
    await assertResponseMatches("GET", "/api/v1/profile", 200, fresh.body);
    assert.equal(
      fresh.body.avatar,
      null,
      "no avatar set: null, not the default",
    );
    assert.equal(fresh.body.show_media, true);
    assert.deepEqual(fresh.body.attribution_domains, []);

    const patched = await api(
      instance,
      alice.token,
      "PATCH",
      "/api/v1/profile",
      {
        display_name: "Alice",
        note: "Birds, mostly. #birds",
        fields_attributes: [{ name: "site", value: "https://alice.example" }],
        avatar_description: "A heron at dawn",
        show_media: false,
        show_featured: false,
        attribution_domains: ["Alice.Example", "*.blog.example"],
      },
    );
    assert.equal(patched.status, 200);
    await assertResponseMatches("PATCH", "/api/v1/profile", 200, patched.body);
    assert.equal(
      patched.body.note,
      "Birds, mostly. #birds",
      "the typed note, not HTML",
    );
    assert.deepEqual(
      patched.body.fields.map((f: { value: string }) => f.value),
      [
        "https://alice.example",
      ],
    );
    assert.equal(patched.body.avatar_description, "A heron at dawn");
    assert.equal(patched.body.show_media, false);
    assert.equal(
      patched.body.show_media_replies,
      true,
      "untouched settings stay",
    );
    assert.deepEqual(patched.body.attribution_domains, [
      "alice.example",
      "blog.example",
    ]);

    const again = await api(instance, alice.token, "GET", "/api/v1/profile");
    assert.deepEqual(again.body, patched.body);
    const account = await api(
      instance,
      null,
      "GET",
      `/api/v1/accounts/${alice.account.id}`,
    );
    assert.match(
      account.body.note,
      /<a [^>]*href="[^"]*\/tags\/birds"/,
      "the bio is rendered",
    );
    const credentials = await api(
      instance,
      alice.token,
      "GET",
      "/api/v1/accounts/verify_credentials",
    );
    assert.deepEqual(credentials.body.source.attribution_domains, [
      "alice.example",
      "blog.example",
    ]);

    const tooMany = await api(
      instance,
      alice.token,
      "PATCH",
      "/api/v1/profile",
      {
        attribution_domains: Array.from(
          { length: 11 },
          (_, i) => `d${i}.example`,
        ),
      },
    );
    assert.equal(tooMany.status, 422);
    const readOnly = await createUserWithToken(instance, "bob", {
      scopes: "read",
    });
    assert.equal(
      (await api(instance, readOnly.token, "PATCH", "/api/v1/profile", {
        note: "x",
      })).status,
      403,
    );
  } finally {
    await instance.close();
  }
});

Deno.test("hide_collections: followers and follows are for the owner alone (API, web, ActivityPub)", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const bob = await createUserWithToken(instance, "bob");
    const carol = await createUserWithToken(instance, "carol");
    await follow(instance, carol, alice);
    await follow(instance, alice, carol);
    const hidden = await api(
      instance,
      alice.token,
      "PATCH",
      "/api/v1/profile",
      {
        hide_collections: true,
      },
    );
    assert.equal(hidden.status, 200);
    assert.equal(hidden.body.hide_collections, true);
    const account = await api(
      instance,
      null,
      "GET",
      `/api/v1/accounts/${alice.account.id}`,
    );
    assert.equal(account.body.hide_collections, true);
    assert.equal(account.body.followers_count, 1, "the counts stay");

    for (const list of ["followers", "following"]) {
      const path = `/api/v1/accounts/${alice.account.id}/${list}`;
      assert.deepEqual(
        (await api(instance, bob.token, "GET", path)).body,
        [],
        `${list} to bob`,
      );
      assert.deepEqual(
        (await api(instance, null, "GET", path)).body,
        [],
        `${list} to anyone`,
      );
      const own = await api(instance, alice.token, "GET", path);
      assert.deepEqual(
        own.body.map((a: { acct: string }) => a.acct),
        ["carol"],
        `own ${list}`,
      );
      const page = await instance.fetch(`/@alice/${list}`);
      assert.doesNotMatch(await page.text(), /@carol/, `web ${list} page`);
      const collection = await (await instance.fetch(`/users/alice/${list}`, {
        headers: { accept: "application/activity+json" },
      })).json();
      assert.equal(
        collection.totalItems,
        1,
        `${list} collection keeps its size`,
      );
      const first = typeof collection.first === "string"
        ? await (await instance.fetch(collection.first, {
          headers: { accept: "application/activity+json" },
        })).json()
        : collection.first;
      assert.deepEqual(
        first?.orderedItems ?? [],
        [],
        `${list} collection lists nobody`,
      );
    }

    await api(
      instance,
      alice.token,
      "PATCH",
      "/api/v1/accounts/update_credentials",
      {
        hide_collections: false,
      },
    );
    const shown = await api(
      instance,
      bob.token,
      "GET",
      `/api/v1/accounts/${alice.account.id}/followers`,
    );
    assert.deepEqual(shown.body.map((a: { acct: string }) => a.acct), [
      "carol",
    ]);
    const page = await instance.fetch("/@alice/followers");
    assert.match(await page.text(), /@carol/, "the web page lists them again");
  } finally {
    await instance.close();
  }
});
