/**
 * A subscription's life after it is made: what the push service answers decides (410 removes it,
 * 503 is retried, another 4xx drops that push only), and revoking its token removes it.
 */
import assert from "node:assert/strict";
import { api, createUserWithToken } from "../helpers/users.ts";
import { registerApp } from "../helpers/oauth.ts";
import { eventually } from "../federation/helpers.ts";
import { findApplicationByClientId } from "../../lib/db/oauth.ts";
import { issueUserToken } from "../../lib/domain/oauth.ts";
import { JOBS_CHANNEL } from "../../lib/jobs/mod.ts";
import {
  assertSigned,
  mention,
  settled,
  setup,
  subscribe,
} from "./scenario.ts";

Deno.test("push: 410 Gone removes the subscription; a 503 is retried until it arrives", async () => {
  const { instance, receiver, alice, close } = await setup();
  try {
    const bob = await createUserWithToken(instance, "bob");
    await subscribe(instance, alice, receiver);

    receiver.respondWith(503);
    await mention(instance, bob, "first");
    const refused = await receiver.next();
    const retried = await receiver.next();
    assertSigned(retried);
    assert.equal(retried.notificationId, refused.notificationId);
    assert.match(String(retried.payload.body), /first/);

    receiver.respondWith(410);
    await mention(instance, bob, "second");
    await receiver.next();
    await eventually(
      "the subscription removed",
      async () =>
        (await api(instance, alice.token, "GET", "/api/v1/push/subscription"))
          .status === 404,
    );
  } finally {
    await close();
  }
});

Deno.test("push: a 429 with Retry-After is retried after the delay the push service asked for", async () => {
  const { instance, receiver, alice, close } = await setup();
  try {
    const bob = await createUserWithToken(instance, "bob");
    await subscribe(instance, alice, receiver);
    receiver.respondWith({ status: 429, headers: { "retry-after": "600" } });
    await mention(instance, bob, "slow down");
    const refused = await receiver.next();
    // Not the 2 s backoff: the job waits the ten minutes asked for.
    const waiting = await eventually(
      "the push rescheduled",
      async () =>
        (await instance.deps.sql<{ id: string; seconds: number }[]>`
        SELECT id, extract(epoch FROM run_at - now())::float8 AS seconds
        FROM jobs WHERE kind = 'push.deliver' AND attempts = 1
          AND last_error IS NOT NULL`)[0],
    );
    assert.ok(
      waiting.seconds > 540,
      `due in ${waiting.seconds} s, not in ten minutes`,
    );
    assert.equal(receiver.received.length, 1, "not retried meanwhile");
    // Ten minutes later (the row made due, the runner woken as a writer would):
    await instance.deps.sql.begin(async (tx) => {
      await tx`UPDATE jobs SET run_at = now() WHERE id = ${waiting.id}`;
      await tx`SELECT pg_notify(${JOBS_CHANNEL}, '0')`;
    });
    const retried = await receiver.next();
    assertSigned(retried);
    assert.equal(retried.notificationId, refused.notificationId);
  } finally {
    await close();
  }
});

Deno.test("push: another 4xx drops that push and keeps the subscription", async () => {
  const { instance, receiver, alice, close } = await setup();
  try {
    const bob = await createUserWithToken(instance, "bob");
    await subscribe(instance, alice, receiver);
    receiver.respondWith(400);
    await mention(instance, bob, "refused");
    const refused = await receiver.next();
    await settled(instance);
    assert.equal(receiver.received.length, 1, "not retried");
    const kept = await api(
      instance,
      alice.token,
      "GET",
      "/api/v1/push/subscription",
    );
    assert.equal(kept.status, 200);
    await mention(instance, bob, "accepted");
    const next = await receiver.next();
    assertSigned(next);
    assert.notEqual(next.notificationId, refused.notificationId);
    assert.match(String(next.payload.body), /accepted/);
  } finally {
    await close();
  }
});

Deno.test("push: revoking the token removes its subscription", async () => {
  const { instance, receiver, alice, close } = await setup();
  try {
    const credentials = await registerApp(instance);
    const app = await findApplicationByClientId(
      instance.deps.sql,
      credentials.client_id,
    );
    const { accessToken } = await issueUserToken(
      instance.deps.sql,
      app!.id,
      alice.user.id,
      "read push",
    );
    await subscribe(instance, { ...alice, token: accessToken }, receiver);
    const revoked = await instance.fetch("/oauth/revoke", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        client_id: credentials.client_id,
        client_secret: credentials.client_secret,
        token: accessToken,
      }),
    });
    await revoked.body?.cancel();
    assert.equal(revoked.status, 200);
    await eventually(
      "the subscription removed",
      async () =>
        (await instance.deps.sql`SELECT 1 FROM web_push_subscriptions
        WHERE account_id = ${alice.account.id}`).length === 0,
    );
  } finally {
    await close();
  }
});
