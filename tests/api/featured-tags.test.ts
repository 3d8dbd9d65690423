/**
 * Featured hashtags (POST/GET /api/v1/featured_tags, DELETE /api/v1/featured_tags/:id, the
 * public GET /api/v1/accounts/:id/featured_tags, suggestions) and the Tag entity's `history`:
 * the last 7 UTC days, newest first, counting only public and unlisted statuses.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
import {
  assertMatchesSchema,
  assertResponseMatches,
} from "../helpers/openapi.ts";

const startOfUtcDay = () =>
  String(Math.floor(Date.now() / 86_400_000) * 86_400);

Deno.test("featured tags: create, list, public list, delete; limits and ownership", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const bob = await createUserWithToken(instance, "bob");
    await api(instance, alice.token, "POST", "/api/v1/statuses", {
      status: "Tending the #Garden today",
    });

    const suggestions = await api(
      instance,
      alice.token,
      "GET",
      "/api/v1/featured_tags/suggestions",
    );
    assert.equal(suggestions.status, 200);
    assert.deepEqual(suggestions.body.map((t: { name: string }) => t.name), [
      "garden",
    ]);
    await assertMatchesSchema(suggestions.body, "Tag", { array: true });

    const created = await api(
      instance,
      alice.token,
      "POST",
      "/api/v1/featured_tags",
      {
        name: "#Garden",
      },
    );
    assert.equal(created.status, 200);
    await assertResponseMatches(
      "POST",
      "/api/v1/featured_tags",
      200,
      created.body,
    );
    assert.equal(created.body.name, "garden");
    assert.equal(
      created.body.url,
      `${instance.deps.config.origin}/@alice/tagged/garden`,
    );
    assert.equal(created.body.statuses_count, "1");
    assert.equal(
      created.body.last_status_at,
      new Date().toISOString().slice(0, 10),
    );

    const again = await api(
      instance,
      alice.token,
      "POST",
      "/api/v1/featured_tags",
      {
        name: "garden",
      },
    );
    assert.equal(again.body.id, created.body.id, "featuring twice keeps one");

    const own = await api(
      instance,
      alice.token,
      "GET",
      "/api/v1/featured_tags",
    );
    assert.equal(own.status, 200);
    await assertResponseMatches("GET", "/api/v1/featured_tags", 200, own.body);
    assert.deepEqual(own.body, [created.body]);
    const suggestedAfter = await api(
      instance,
      alice.token,
      "GET",
      "/api/v1/featured_tags/suggestions",
    );
    assert.deepEqual(
      suggestedAfter.body,
      [],
      "a featured tag is no suggestion",
    );

    for (const viewer of [bob.token, null]) {
      const shown = await api(
        instance,
        viewer,
        "GET",
        `/api/v1/accounts/${alice.account.id}/featured_tags`,
      );
      assert.equal(shown.status, 200);
      await assertResponseMatches(
        "GET",
        "/api/v1/accounts/{id}/featured_tags",
        200,
        shown.body,
      );
      assert.deepEqual(shown.body, [created.body]);
    }
    const bobs = await api(
      instance,
      alice.token,
      "GET",
      `/api/v1/accounts/${bob.account.id}/featured_tags`,
    );
    assert.deepEqual(bobs.body, []);

    const othersDelete = await api(
      instance,
      bob.token,
      "DELETE",
      `/api/v1/featured_tags/${created.body.id}`,
    );
    assert.equal(othersDelete.status, 404);
    assert.equal(typeof othersDelete.body.error, "string");

    const readOnly = await createUserWithToken(instance, "carol", {
      scopes: "read",
    });
    const refusedScope = await api(
      instance,
      readOnly.token,
      "POST",
      "/api/v1/featured_tags",
      {
        name: "nope",
      },
    );
    assert.equal(refusedScope.status, 403);

    const invalid = await api(
      instance,
      alice.token,
      "POST",
      "/api/v1/featured_tags",
      {
        name: "not a tag!",
      },
    );
    assert.equal(invalid.status, 422);

    for (let i = 2; i <= 10; i++) {
      const more = await api(
        instance,
        alice.token,
        "POST",
        "/api/v1/featured_tags",
        {
          name: `tag${i}`,
        },
      );
      assert.equal(more.status, 200, `tag${i}`);
      assert.equal(more.body.statuses_count, "0");
      assert.equal(more.body.last_status_at, null);
    }
    const eleventh = await api(
      instance,
      alice.token,
      "POST",
      "/api/v1/featured_tags",
      {
        name: "tag11",
      },
    );
    assert.equal(eleventh.status, 422);
    assert.match(eleventh.body.error, /10/);
    const ten = await api(
      instance,
      alice.token,
      "GET",
      "/api/v1/featured_tags",
    );
    assert.equal(ten.body.length, 10);

    const deleted = await api(
      instance,
      alice.token,
      "DELETE",
      `/api/v1/featured_tags/${created.body.id}`,
    );
    assert.equal(deleted.status, 200);
    assert.deepEqual(deleted.body, {});
    const afterDelete = await api(
      instance,
      null,
      "GET",
      `/api/v1/accounts/${alice.account.id}/featured_tags`,
    );
    assert.equal(afterDelete.body.length, 9);
    assert.ok(
      !afterDelete.body.some((t: { name: string }) => t.name === "garden"),
    );
    const deletedAgain = await api(
      instance,
      alice.token,
      "DELETE",
      `/api/v1/featured_tags/${created.body.id}`,
    );
    assert.equal(deletedAgain.status, 404);
    const eleventhNow = await api(
      instance,
      alice.token,
      "POST",
      "/api/v1/featured_tags",
      {
        name: "tag11",
      },
    );
    assert.equal(eleventhNow.status, 200, "room again after a delete");
  } finally {
    await instance.close();
  }
});

Deno.test("a tag's history counts today's public uses and accounts, not direct posts", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const bob = await createUserWithToken(instance, "bob");
    await api(instance, alice.token, "POST", "/api/v1/statuses", {
      status: "First #Starlings of the season",
    });
    await api(instance, alice.token, "POST", "/api/v1/statuses", {
      status: "More #starlings",
      visibility: "unlisted",
    });
    await api(instance, bob.token, "POST", "/api/v1/statuses", {
      status: "I saw #starlings too",
    });
    await api(instance, bob.token, "POST", "/api/v1/statuses", {
      status: "@alice secret #starlings",
      visibility: "direct",
    });
    await api(instance, bob.token, "POST", "/api/v1/statuses", {
      status: "followers only #starlings",
      visibility: "private",
    });

    const tag = await api(instance, bob.token, "GET", "/api/v1/tags/starlings");
    assert.equal(tag.status, 200);
    await assertResponseMatches("GET", "/api/v1/tags/{name}", 200, tag.body);
    const history = tag.body.history;
    assert.equal(history.length, 7);
    assert.deepEqual(history[0], {
      day: startOfUtcDay(),
      uses: "3",
      accounts: "2",
    });
    for (let i = 1; i < 7; i++) {
      assert.equal(Number(history[i - 1].day) - Number(history[i].day), 86_400);
      assert.equal(history[i].uses, "0");
      assert.equal(history[i].accounts, "0");
    }

    // Every tag of one response carries its own history.
    const search = await api(
      instance,
      alice.token,
      "GET",
      "/api/v2/search?q=%23starl&type=hashtags",
    );
    assert.equal(search.status, 200);
    assert.deepEqual(
      search.body.hashtags.map((t: { name: string }) => t.name),
      [
        "starlings",
      ],
    );
    assert.deepEqual(search.body.hashtags[0].history, history);
    const followed = await api(
      instance,
      alice.token,
      "POST",
      "/api/v1/tags/starlings/follow",
    );
    assert.deepEqual(followed.body.history, history);
    const followedList = await api(
      instance,
      alice.token,
      "GET",
      "/api/v1/followed_tags",
    );
    assert.deepEqual(followedList.body[0].history, history);
    await assertMatchesSchema(followedList.body, "Tag", { array: true });

    const unused = await api(
      instance,
      alice.token,
      "POST",
      "/api/v1/tags/quiet/follow",
    );
    assert.equal(unused.body.history.length, 7);
    assert.ok(
      unused.body.history.every((d: { uses: string }) => d.uses === "0"),
    );
  } finally {
    await instance.close();
  }
});
