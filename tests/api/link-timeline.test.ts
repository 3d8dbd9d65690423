/**
 * `GET /api/v1/timelines/link?url=`: public posts linking to a URL (mentions and hashtags are
 * not links to it), by discoverable authors, newest first with `Link` paging; an edit that
 * removes the link removes the post.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { assertResponseMatches } from "../helpers/openapi.ts";
import { api, client, createUserWithToken } from "../helpers/users.ts";

Deno.test("the link timeline lists public posts linking to the URL", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const bob = await createUserWithToken(instance, "bob");
    const hidden = await createUserWithToken(instance, "hidden");
    await api(
      instance,
      hidden.token,
      "PATCH",
      "/api/v1/accounts/update_credentials",
      { discoverable: false },
    );
    const article = "https://news.example/2026/birds?ref=feed";
    const post = async (token: string, status: string, visibility = "public") =>
      (await api(instance, token, "POST", "/api/v1/statuses", {
        status,
        visibility,
      }))
        .body.id as string;
    const first = await post(alice.token, `Worth reading: ${article}`);
    await post(alice.token, `Only my followers: ${article}`, "private");
    await post(alice.token, `Quietly: ${article}`, "unlisted");
    await post(hidden.token, `Not discoverable: ${article}`);
    await post(bob.token, "https://news.example/2026/other is another story");
    const second = await post(bob.token, `Again, @alice: ${article} #birds`);
    const edited = await post(bob.token, `For now: ${article}`);

    const path = `/api/v1/timelines/link?url=${encodeURIComponent(article)}`;
    const listed = await api(instance, null, "GET", path);
    assert.equal(listed.status, 200);
    await assertResponseMatches(
      "GET",
      "/api/v1/timelines/link",
      200,
      listed.body,
    );
    assert.deepEqual(listed.body.map((s: { id: string }) => s.id), [
      edited,
      second,
      first,
    ]);

    await api(instance, bob.token, "PUT", `/api/v1/statuses/${edited}`, {
      status: "Changed my mind",
    });
    const masto = client(instance, alice.token);
    const pages = [];
    for await (
      const page of masto.v1.timelines.link.list({ url: article, limit: 1 })
    ) {
      pages.push(page.map((s) => s.id));
    }
    assert.deepEqual(
      pages.flat(),
      [second, first],
      "paged one by one through Link",
    );

    const none = await api(
      instance,
      null,
      "GET",
      `/api/v1/timelines/link?url=${
        encodeURIComponent("https://nobody.example/")
      }`,
    );
    assert.deepEqual(none.body, []);
    const notUrl = await api(
      instance,
      null,
      "GET",
      "/api/v1/timelines/link?url=birds",
    );
    assert.equal(notUrl.status, 422);
  } finally {
    await instance.close();
  }
});
