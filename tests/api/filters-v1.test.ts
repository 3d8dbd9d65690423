/**
 * The deprecated v1 filters (`/api/v1/filters[/:id]`) as Mastodon 4 keeps them: each is one
 * keyword of a v2 filter; the filter's settings change through v1 only while it has one keyword.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import {
  assertMatchesSchema,
  assertResponseMatches,
} from "../helpers/openapi.ts";
import { api, createUserWithToken } from "../helpers/users.ts";

Deno.test("v1 filters: create, read, change, delete, on top of v2 filters", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const created = await api(
      instance,
      alice.token,
      "POST",
      "/api/v1/filters",
      {
        phrase: "spoilers",
        context: ["home", "public"],
        irreversible: true,
        whole_word: false,
      },
    );
    assert.equal(created.status, 200);
    await assertResponseMatches("POST", "/api/v1/filters", 200, created.body);
    assert.equal(created.body.phrase, "spoilers");
    assert.equal(created.body.irreversible, true);
    assert.equal(created.body.whole_word, false);
    const id = created.body.id as string;

    const v2 =
      (await api(instance, alice.token, "GET", "/api/v2/filters")).body;
    assert.equal(v2.length, 1);
    assert.equal(v2[0].title, "spoilers");
    assert.equal(v2[0].filter_action, "hide");
    assert.equal(v2[0].keywords[0].id, id, "the v1 id is the keyword's");

    const one = await api(
      instance,
      alice.token,
      "GET",
      `/api/v1/filters/${id}`,
    );
    await assertResponseMatches("GET", "/api/v1/filters/{id}", 200, one.body);
    assert.deepEqual(one.body, created.body);

    const changed = await api(
      instance,
      alice.token,
      "PUT",
      `/api/v1/filters/${id}`,
      {
        phrase: "leaks",
        context: ["thread"],
        irreversible: false,
      },
    );
    await assertResponseMatches(
      "PUT",
      "/api/v1/filters/{id}",
      200,
      changed.body,
    );
    assert.equal(changed.body.phrase, "leaks");
    assert.deepEqual(changed.body.context, ["thread"]);
    assert.equal(changed.body.irreversible, false);

    await api(
      instance,
      alice.token,
      "POST",
      `/api/v2/filters/${v2[0].id}/keywords`,
      {
        keyword: "rumours",
      },
    );
    const refused = await api(
      instance,
      alice.token,
      "PUT",
      `/api/v1/filters/${id}`,
      {
        context: ["home"],
      },
    );
    assert.equal(refused.status, 422, "settings shared with another keyword");
    const phraseOnly = await api(
      instance,
      alice.token,
      "PUT",
      `/api/v1/filters/${id}`,
      {
        phrase: "leak",
      },
    );
    assert.equal(phraseOnly.status, 200, "a phrase is always safe to change");

    const listed = await api(instance, alice.token, "GET", "/api/v1/filters");
    // The OpenAPI document says an object here; Mastodon answers an array of V1::Filter.
    await assertMatchesSchema(listed.body, "V1Filter", { array: true });
    assert.deepEqual(listed.body.map((f: { phrase: string }) => f.phrase), [
      "leak",
      "rumours",
    ]);

    const deleted = await api(
      instance,
      alice.token,
      "DELETE",
      `/api/v1/filters/${id}`,
    );
    assert.equal(deleted.status, 200);
    assert.deepEqual(deleted.body, {});
    assert.equal(
      (await api(instance, alice.token, "GET", `/api/v1/filters/${id}`)).status,
      404,
    );
    const left =
      (await api(instance, alice.token, "GET", "/api/v2/filters")).body;
    assert.deepEqual(
      left[0].keywords.map((k: { keyword: string }) => k.keyword),
      ["rumours"],
    );

    const bob = await createUserWithToken(instance, "bob");
    assert.equal(
      (await api(
        instance,
        bob.token,
        "GET",
        `/api/v1/filters/${left[0].keywords[0].id}`,
      )).status,
      404,
      "another user's filter is not found",
    );
    assert.equal(
      (await api(instance, alice.token, "POST", "/api/v1/filters", {
        phrase: "x",
      })).status,
      422,
      "a context is required",
    );
  } finally {
    await instance.close();
  }
});
