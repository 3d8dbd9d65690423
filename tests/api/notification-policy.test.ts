/**
 * Notification policy (v2 accept/filter/drop, v1 booleans) is stored per user; notification
 * requests are an empty list (nothing is filtered into requests yet), never a 404.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { apiFetch, createUserWithToken } from "../helpers/users.ts";
import {
  assertMatchesSchema,
  assertResponseMatches,
} from "../helpers/openapi.ts";

Deno.test("notification policy v2/v1 and requests", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const bob = await createUserWithToken(instance, "bob");
    const get = async (path: string, token = alice.token) => {
      const res = await apiFetch(instance, token, path);
      assert.equal(res.status, 200, path);
      return await res.json();
    };

    const initial = await get("/api/v2/notifications/policy");
    await assertMatchesSchema(initial, "NotificationPolicy");
    assert.equal(initial.for_not_following, "accept");
    assert.equal(initial.summary.pending_requests_count, 0);

    const patched = await apiFetch(
      instance,
      alice.token,
      "/api/v2/notifications/policy",
      {
        method: "PATCH",
        body: { for_not_following: "filter", for_new_accounts: "drop" },
      },
    );
    assert.equal(patched.status, 200);
    const patchedBody = await patched.json();
    await assertResponseMatches(
      "PATCH",
      "/api/v2/notifications/policy",
      200,
      patchedBody,
    );
    assert.equal(patchedBody.for_not_following, "filter");
    assert.equal(patchedBody.for_new_accounts, "drop");
    assert.equal(patchedBody.for_not_followers, "accept");

    // Stored: read back, per user, and a form-encoded PATCH changes one field only.
    const form = await instance.fetch("/api/v2/notifications/policy", {
      method: "PATCH",
      headers: {
        authorization: `Bearer ${alice.token}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "for_private_mentions=filter",
    });
    assert.equal(form.status, 200);
    await form.body?.cancel();
    const stored = await get("/api/v2/notifications/policy");
    assert.equal(stored.for_not_following, "filter");
    assert.equal(stored.for_new_accounts, "drop");
    assert.equal(stored.for_private_mentions, "filter");
    assert.equal(
      (await get("/api/v2/notifications/policy", bob.token)).for_not_following,
      "accept",
    );

    const bad = await apiFetch(
      instance,
      alice.token,
      "/api/v2/notifications/policy",
      { method: "PATCH", body: { for_not_followers: "sometimes" } },
    );
    assert.equal(bad.status, 422);
    assert.match((await bad.json()).error, /for_not_followers/);

    // v1: booleans over the same stored choices.
    const v1 = await get("/api/v1/notifications/policy");
    await assertMatchesSchema(v1, "V1NotificationPolicy");
    assert.equal(v1.filter_not_following, true);
    assert.equal(v1.filter_not_followers, false);
    const put = await apiFetch(
      instance,
      alice.token,
      "/api/v1/notifications/policy",
      { method: "PUT", body: { filter_not_following: false } },
    );
    assert.equal((await put.json()).filter_not_following, false);
    assert.equal(
      (await get("/api/v2/notifications/policy")).for_not_following,
      "accept",
    );

    // Requests: empty, merged, unknown ids are 404 — never a 404 for the list itself.
    const requests = await get("/api/v1/notifications/requests");
    assert.deepEqual(requests, []);
    assert.deepEqual(await get("/api/v1/notifications/requests/merged"), {
      merged: true,
    });
    const one = await apiFetch(
      instance,
      alice.token,
      "/api/v1/notifications/requests/123",
    );
    assert.equal(one.status, 404);
    await one.body?.cancel();
    const accept = await apiFetch(
      instance,
      alice.token,
      "/api/v1/notifications/requests/accept",
      { method: "POST", body: { id: ["1"] } },
    );
    assert.equal(accept.status, 200);
    await accept.body?.cancel();
    const anonymous = await instance.fetch("/api/v1/notifications/requests");
    assert.equal(anonymous.status, 401);
    await anonymous.body?.cancel();
  } finally {
    await instance.close();
  }
});
