/**
 * Notification policy (v2 accept/filter/drop, v1 booleans) is stored per user and applied:
 * a notification a `filter` choice catches waits in a request per sender (out of the list and
 * the unread count) until accepted (it joins the list, and the sender is let through from then
 * on) or dismissed (deleted); a `drop` choice discards it; direct messages from people one does
 * not follow count as private mentions unless they answer one's own.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import {
  api,
  apiFetch,
  createUserWithToken,
  type TestUser,
} from "../helpers/users.ts";
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

Deno.test("notification policy applied: requests, accept, dismiss, drop, private mentions", async () => {
  const instance = await startTestInstance();
  try {
    const [alice, bob, carol, dave, erin, frank] = await Promise.all(
      ["alice", "bob", "carol", "dave", "erin", "frank"].map((name) =>
        createUserWithToken(instance, name)
      ),
    );
    const call = async (
      user: TestUser,
      method: string,
      path: string,
      body?: unknown,
    ) => {
      const res = await api(instance, user.token, method, path, body);
      assert.equal(res.status, 200, `${method} ${path}: ${res.status}`);
      return res.body;
    };
    const post = (user: TestUser, body: Record<string, unknown>) =>
      call(user, "POST", "/api/v1/statuses", body);
    const setPolicy = (body: Record<string, string>) =>
      call(alice, "PATCH", "/api/v2/notifications/policy", body);
    type Seen = {
      type: string;
      account: { id: string };
      status?: { id: string };
    };
    const notifications = async (): Promise<Seen[]> =>
      await call(alice, "GET", "/api/v1/notifications");
    const statusIds = async () =>
      (await notifications()).map((n) => n.status?.id);
    const requests = () => call(alice, "GET", "/api/v1/notifications/requests");

    // Alice follows carol and filters everyone she does not follow.
    await call(alice, "POST", `/api/v1/accounts/${carol.account.id}/follow`);
    await setPolicy({ for_not_following: "filter" });
    const own = await post(alice, { status: "Hello" });
    const fromBob = await post(bob, { status: "@alice hi, we have not met" });
    await call(bob, "POST", `/api/v1/accounts/${alice.account.id}/follow`);
    await call(bob, "POST", `/api/v1/statuses/${own.id}/favourite`);
    const fromCarol = await post(carol, { status: "@alice hello, friend" });

    const listed = await notifications();
    assert.deepEqual(
      listed.map((n) => [n.type, n.account.id]),
      [["mention", carol.account.id]],
      "bob's mention, follow and favourite are held back",
    );
    assert.equal(
      (await call(alice, "GET", "/api/v1/notifications/unread_count")).count,
      1,
    );
    assert.equal(
      (await call(alice, "GET", "/api/v2/notifications/unread_count")).count,
      1,
    );
    const grouped = await call(alice, "GET", "/api/v2/notifications");
    assert.ok(
      !grouped.accounts.some((a: { id: string }) => a.id === bob.account.id),
    );

    const pending = await requests();
    await assertResponseMatches(
      "GET",
      "/api/v1/notifications/requests",
      200,
      pending,
    );
    assert.equal(pending.length, 1);
    const [request] = pending;
    assert.equal(request.account.id, bob.account.id);
    assert.equal(request.notifications_count, "3");
    assert.equal(request.last_status.id, own.id, "the favourited status");
    const policy = await call(alice, "GET", "/api/v2/notifications/policy");
    await assertMatchesSchema(policy, "NotificationPolicy");
    assert.deepEqual(policy.summary, {
      pending_requests_count: 1,
      pending_notifications_count: 3,
    });
    assert.deepEqual(
      (await call(alice, "GET", "/api/v1/notifications/policy")).summary,
      policy.summary,
    );
    const one = await call(
      alice,
      "GET",
      `/api/v1/notifications/requests/${request.id}`,
    );
    await assertMatchesSchema(one, "NotificationRequest");
    assert.equal(one.id, request.id);
    // Someone else's request is as missing as one that never was.
    for (
      const [method, path] of [
        ["GET", `/api/v1/notifications/requests/${request.id}`],
        ["POST", `/api/v1/notifications/requests/${request.id}/accept`],
        ["POST", `/api/v1/notifications/requests/${request.id}/dismiss`],
      ]
    ) {
      const res = await api(instance, bob.token, method, path);
      assert.equal(res.status, 404, `${method} ${path} by bob`);
    }

    // Accepting moves bob's notifications into the list and lets him through from now on.
    await call(
      alice,
      "POST",
      `/api/v1/notifications/requests/${request.id}/accept`,
    );
    assert.deepEqual(await requests(), []);
    assert.deepEqual(
      (await notifications()).map((n) => [n.type, n.account.id]),
      [
        ["mention", carol.account.id],
        ["favourite", bob.account.id],
        ["follow", bob.account.id],
        ["mention", bob.account.id],
      ],
    );
    assert.equal(
      (await call(alice, "GET", "/api/v1/notifications/unread_count")).count,
      4,
    );
    const again = await post(bob, { status: "@alice thanks for accepting" });
    assert.equal((await statusIds())[0], again.id);
    assert.ok((await statusIds()).includes(fromBob.id));
    assert.ok((await statusIds()).includes(fromCarol.id));
    assert.equal(
      (await call(alice, "GET", "/api/v2/notifications/policy")).summary
        .pending_requests_count,
      0,
    );

    // Dismissing (the `id[]` form) deletes dave's notifications: accepting everyone later does
    // not bring them back.
    const fromDave = await post(dave, { status: "@alice buy my things" });
    const [daveRequest] = await requests();
    assert.equal(daveRequest.account.id, dave.account.id);
    await call(alice, "POST", "/api/v1/notifications/requests/dismiss", {
      id: [daveRequest.id],
    });
    assert.deepEqual(await requests(), []);
    await setPolicy({ for_not_following: "accept" });
    assert.ok(!(await statusIds()).includes(fromDave.id));

    // Drop: erin's mention is neither listed nor waiting in a request.
    await setPolicy({ for_not_following: "drop" });
    const fromErin = await post(erin, { status: "@alice hello?" });
    assert.deepEqual(await requests(), []);
    await setPolicy({ for_not_following: "accept" });
    assert.ok(!(await statusIds()).includes(fromErin.id));

    // Private mentions: frank's direct message waits, his public mention does not, and his
    // direct answer to alice's own direct message comes through.
    await setPolicy({ for_private_mentions: "filter" });
    const privately = await post(frank, {
      status: "@alice psst",
      visibility: "direct",
    });
    const publicly = await post(frank, { status: "@alice in public" });
    const ids = await statusIds();
    assert.ok(ids.includes(publicly.id));
    assert.ok(!ids.includes(privately.id));
    const [frankRequest] = await requests();
    assert.equal(frankRequest.account.id, frank.account.id);
    assert.equal(frankRequest.last_status.id, privately.id);
    const asked = await post(alice, {
      status: "@frank a question, privately",
      visibility: "direct",
    });
    const answer = await post(frank, {
      status: "@alice an answer",
      visibility: "direct",
      in_reply_to_id: asked.id,
    });
    assert.equal((await statusIds())[0], answer.id);
    // A direct message from someone alice follows is never a stranger's.
    const fromFriend = await post(carol, {
      status: "@alice between us",
      visibility: "direct",
    });
    assert.equal((await statusIds())[0], fromFriend.id);
  } finally {
    await instance.close();
  }
});
