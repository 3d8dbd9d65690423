/**
 * `/@alice/tagged/cats`: a profile's posts with one hashtag — where Mastodon apps send people
 * who tap a featured tag. Only that account's posts with that tag, as the viewer may see them.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { api, createUserWithToken } from "../helpers/users.ts";

Deno.test("a profile's tagged page lists that account's posts with the tag, and no others", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const bob = await createUserWithToken(instance, "bob");
    const say = async (
      who: typeof alice,
      status: string,
      visibility = "public",
    ) => {
      const res = await api(instance, who.token, "POST", "/api/v1/statuses", {
        status,
        visibility,
      });
      assert.equal(res.status, 200);
    };
    await say(alice, "first #Cats post");
    await say(alice, "a #dogs post");
    await say(alice, "secret #cats post", "private");
    await say(bob, "bob's #cats post");

    const res = await instance.fetch("/@alice/tagged/cats");
    const html = await res.text();
    assert.equal(res.status, 200);
    assert.match(
      html,
      /first <a[^>]*>#<span>Cats<\/span><\/a> post|first .*Cats.* post/,
    );
    assert.doesNotMatch(html, /a .*dogs.* post/);
    assert.doesNotMatch(
      html,
      /secret/,
      "a followers-only post stays hidden from a visitor",
    );
    assert.doesNotMatch(html, /bob&#39;s|bob's/);
    assert.match(html, /Posts by alice tagged #cats/);

    const none = await instance.fetch("/@alice/tagged/birds");
    const noneHtml = await none.text();
    assert.equal(none.status, 200);
    assert.match(noneHtml, /No posts tagged #birds yet/);
  } finally {
    await instance.close();
  }
});
