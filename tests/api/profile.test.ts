/**
 * The caller's own profile: `DELETE /api/v1/profile/avatar` and `/header` (Mastodon 4.2) put the
 * default images back.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { assertResponseMatches } from "../helpers/openapi.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
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
