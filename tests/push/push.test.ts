/**
 * Web Push end to end: masto.js subscribes through the push API, people act, and a real push
 * receiver on loopback (its own ECDH key pair and auth secret) gets each push, checks its VAPID
 * signature against the key the instance advertises, decrypts it (aes128gcm or the legacy
 * aesgcm) and reads Mastodon's payload.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { api, client, createUserWithToken, follow } from "../helpers/users.ts";
import { startPushReceiver } from "../helpers/push-receiver.ts";
import {
  assertMatchesSchema,
  assertResponseMatches,
} from "../helpers/openapi.ts";
import {
  ALL_ON,
  assertSigned,
  mention,
  settled,
  setup,
  subscribe,
} from "./scenario.ts";

Deno.test("push: the key is advertised, and masto.js's subscription gets a decryptable mention", async () => {
  const { instance, receiver, alice, vapidKey, close } = await setup();
  try {
    // One key, a real P-256 point, everywhere a client looks for it.
    assert.match(vapidKey, /^B[\w-]{86}$/);
    const app = await api(instance, null, "POST", "/api/v1/apps", {
      client_name: "Push app",
      redirect_uris: "urn:ietf:wg:oauth:2.0:oob",
      scopes: "read push",
    });
    assert.equal(app.body.vapid_key, vapidKey);

    // A second subscription for the same token replaces the first.
    const replaced = await subscribe(instance, alice, receiver, {
      alerts: { follow: true },
    });
    const created = await subscribe(instance, alice, receiver);
    assert.notEqual(created.id, replaced.id);
    const [{ n }] = await instance.deps.sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM web_push_subscriptions`;
    assert.equal(n, 1);
    assert.equal(created.endpoint, receiver.endpoint);
    assert.equal(created.serverKey, vapidKey);
    assert.equal(created.alerts.mention, true);
    const shown = await api(
      instance,
      alice.token,
      "GET",
      "/api/v1/push/subscription",
    );
    assert.equal(shown.status, 200);
    await assertResponseMatches(
      "GET",
      "/api/v1/push/subscription",
      200,
      shown.body,
    );
    await assertMatchesSchema(shown.body, "WebPushSubscription");
    assert.equal(shown.body.standard, true);
    assert.equal(shown.body.policy, "all");
    assert.equal(shown.body.alerts["admin.sign_up"], false);

    // masto.js's update and its nesting of the admin types (`admin: {signUp}`).
    const masto = client(instance, alice.token);
    const updated = await masto.v1.push.subscription.update({
      data: { alerts: { ...ALL_ON, admin: { signUp: true, report: false } } },
    });
    // Mastodon answers with flat `admin.sign_up` keys, which masto.js camel-cases.
    const alerts = updated.alerts as unknown as Record<string, boolean>;
    assert.equal(alerts.adminSignUp, true);
    assert.equal(alerts.adminReport, false);
    assert.equal((await masto.v1.push.subscription.fetch()).id, created.id);

    const bob = await createUserWithToken(instance, "bob");
    await instance.deps
      .sql`UPDATE accounts SET display_name = 'Bob B.' WHERE id = ${bob.account.id}`;
    await mention(instance, bob, "are you there? <b>yes</b> &amp;");
    const push = await receiver.next();
    assertSigned(push);
    assert.equal(push.encoding, "aes128gcm");
    assert.equal(push.headers.get("urgency"), "normal");
    assert.equal(push.headers.get("ttl"), String(48 * 3600));
    const [notification] = await client(instance, alice.token).v1
      .notifications.list();
    assert.equal(push.notificationId, notification.id);
    assert.equal(push.payload.notification_type, "mention");
    assert.equal(push.payload.access_token, alice.token);
    assert.equal(push.payload.preferred_locale, "en");
    assert.equal(push.payload.title, "Bob B. mentioned you");
    assert.equal(
      push.payload.body,
      "@alice are you there? <b>yes</b> &amp;",
      "plain text: the status's markup is gone, its text as written",
    );
    assert.ok(
      String(push.payload.icon).startsWith(instance.origin),
      `${push.payload.icon}`,
    );
  } finally {
    await close();
  }
});

Deno.test("push: a form-encoded subscription without `standard` gets legacy aesgcm; PUT and DELETE", async () => {
  const { instance, receiver, alice, close } = await setup();
  try {
    const form = new URLSearchParams({
      "subscription[endpoint]": receiver.endpoint,
      "subscription[keys][p256dh]": receiver.keys.p256dh,
      "subscription[keys][auth]": receiver.keys.auth,
      "data[alerts][follow]": "true",
      "data[alerts][admin.sign_up]": "true",
      "data[policy]": "follower",
    });
    const response = await instance.fetch("/api/v1/push/subscription", {
      method: "POST",
      headers: {
        authorization: `Bearer ${alice.token}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: form,
    });
    assert.equal(response.status, 200);
    const created = await response.json();
    await assertResponseMatches(
      "POST",
      "/api/v1/push/subscription",
      200,
      created,
    );
    assert.equal(created.standard, false);
    assert.equal(created.policy, "follower");
    assert.equal(created.alerts.follow, true);
    assert.equal(created.alerts["admin.sign_up"], true);
    assert.equal(created.alerts.mention, false);

    // A follower is who the policy lets through: a follow is a notification from a follower.
    const bob = await createUserWithToken(instance, "bob");
    await client(instance, bob.token).v1.accounts.$select(alice.account.id)
      .follow();
    const push = await receiver.next();
    assertSigned(push);
    assert.equal(push.encoding, "aesgcm");
    assert.equal(push.payload.notification_type, "follow");
    assert.equal(push.payload.title, "bob is now following you");

    // PUT changes alerts and policy; what isn't given stays.
    const updated = await api(
      instance,
      alice.token,
      "PUT",
      "/api/v1/push/subscription",
      { data: { alerts: { mention: true } } },
    );
    assert.equal(updated.status, 200);
    await assertResponseMatches(
      "PUT",
      "/api/v1/push/subscription",
      200,
      updated.body,
    );
    assert.equal(updated.body.alerts.mention, true);
    assert.equal(updated.body.alerts.follow, false);
    assert.equal(updated.body.policy, "follower");
    const policy = await api(
      instance,
      alice.token,
      "PUT",
      "/api/v1/push/subscription",
      { policy: "none" },
    );
    assert.equal(policy.body.policy, "none");
    assert.equal(policy.body.alerts.mention, true);

    const removed = await api(
      instance,
      alice.token,
      "DELETE",
      "/api/v1/push/subscription",
    );
    assert.equal(removed.status, 200);
    assert.deepEqual(removed.body, {});
    const gone = await api(
      instance,
      alice.token,
      "GET",
      "/api/v1/push/subscription",
    );
    assert.equal(gone.status, 404);
    assert.deepEqual(gone.body, { error: "Record not found" });
  } finally {
    await close();
  }
});

Deno.test("push: refusals — no subscription, no push scope, a bad endpoint or key", async () => {
  const { instance, receiver, alice, close } = await setup();
  try {
    for (const method of ["GET", "PUT"]) {
      const none = await api(
        instance,
        alice.token,
        method,
        "/api/v1/push/subscription",
        method === "PUT" ? { policy: "all" } : undefined,
      );
      assert.equal(none.status, 404, method);
      assert.deepEqual(none.body, { error: "Record not found" });
    }
    const reader = await createUserWithToken(instance, "reader", {
      scopes: "read write",
    });
    const scoped = await api(
      instance,
      reader.token,
      "GET",
      "/api/v1/push/subscription",
    );
    assert.equal(scoped.status, 403);
    const bad = async (subscription: Record<string, unknown>) =>
      await api(instance, alice.token, "POST", "/api/v1/push/subscription", {
        subscription: {
          endpoint: receiver.endpoint,
          keys: receiver.keys,
          ...subscription,
        },
      });
    for (
      const [subscription, error] of [
        [{ endpoint: "ftp://push.example/x" }, /https/],
        [{ endpoint: "" }, /Endpoint can't be blank/],
        [{ keys: { p256dh: "abc", auth: receiver.keys.auth } }, /p256dh/],
        [{ keys: { p256dh: receiver.keys.p256dh } }, /auth/],
      ] as const
    ) {
      const refused = await bad(subscription);
      assert.equal(refused.status, 422, JSON.stringify(subscription));
      assert.match(refused.body.error, error);
    }
    const policy = await api(
      instance,
      alice.token,
      "POST",
      "/api/v1/push/subscription",
      {
        subscription: { endpoint: receiver.endpoint, keys: receiver.keys },
        data: { policy: "friends" },
      },
    );
    assert.equal(policy.status, 422);
  } finally {
    await close();
  }
});

Deno.test("push: policy `followed` keeps a stranger's mention out; an alert turned off sends nothing", async () => {
  const { instance, receiver, alice, close } = await setup();
  try {
    const friend = await createUserWithToken(instance, "friend");
    const stranger = await createUserWithToken(instance, "stranger");
    await follow(instance, alice, friend);
    await subscribe(instance, alice, receiver, {
      alerts: { mention: true, favourite: false },
      policy: "followed",
    });

    await mention(instance, stranger, "hello from nobody you follow");
    await settled(instance);
    assert.equal(receiver.received.length, 0, "no push for the stranger");
    await mention(instance, friend, "hello from a friend");
    const fromFriend = await receiver.next();
    assertSigned(fromFriend);
    assert.equal(fromFriend.payload.title, "friend mentioned you");

    // Favourites are off: the friend's favourite pushes nothing; the mention after it does.
    const own = await client(instance, alice.token).v1.statuses.create({
      status: "my post",
    });
    await client(instance, friend.token).v1.statuses.$select(own.id)
      .favourite();
    await settled(instance);
    assert.equal(receiver.received.length, 1, "no push for the favourite");
    await mention(instance, friend, "again");
    const again = await receiver.next();
    assert.equal(again.payload.notification_type, "mention");
    assert.match(String(again.payload.body), /again/);
  } finally {
    await close();
  }
});

Deno.test("push: without ALLOW_PRIVATE_ADDRESS, endpoints must be public https URLs", async () => {
  const instance = await startTestInstance({
    env: { ALLOW_PRIVATE_ADDRESS: "false" },
  });
  const receiver = startPushReceiver(instance.deps.vapid.publicKey);
  try {
    const alice = await createUserWithToken(instance, "alice");
    const keys = receiver.keys;
    for (
      const endpoint of [
        "http://push.example/x",
        "https://127.0.0.1/x",
        "https://localhost/x",
        "https://[::1]/x",
      ]
    ) {
      const refused = await api(
        instance,
        alice.token,
        "POST",
        "/api/v1/push/subscription",
        { subscription: { endpoint, keys } },
      );
      assert.equal(refused.status, 422, endpoint);
    }
  } finally {
    await receiver.close();
    await instance.close();
  }
});
