/**
 * What the push tests share: an instance with a loopback push receiver that trusts the key the
 * instance advertises, masto.js subscribing, mentions, and waiting until pushes are all sent.
 */
import assert from "node:assert/strict";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import {
  api,
  client,
  createUserWithToken,
  type TestUser,
} from "../helpers/users.ts";
import {
  type PushReceiver,
  startPushReceiver,
} from "../helpers/push-receiver.ts";
import { eventually } from "../federation/helpers.ts";

export const ALL_ON = {
  mention: true,
  status: true,
  reblog: true,
  follow: true,
  follow_request: true,
  favourite: true,
  poll: true,
  update: true,
};

export async function setup(options: { embedded?: boolean } = {}) {
  const instance = await startTestInstance(options);
  const { body: info } = await api(instance, null, "GET", "/api/v2/instance");
  const receiver = startPushReceiver(info.configuration.vapid.public_key);
  const alice = await createUserWithToken(instance, "alice");
  return {
    instance,
    receiver,
    alice,
    vapidKey: info.configuration.vapid.public_key as string,
    async close() {
      await receiver.close();
      await instance.close();
    },
  };
}

/** Subscribes `user` through masto.js (JSON), standard (aes128gcm) unless told otherwise. */
export async function subscribe(
  instance: TestInstance,
  user: TestUser,
  receiver: PushReceiver,
  options: {
    alerts?: Record<string, boolean>;
    policy?: "all" | "followed" | "follower" | "none";
  } = {},
) {
  const params = {
    subscription: {
      endpoint: receiver.endpoint,
      keys: receiver.keys,
      standard: true,
    },
    data: { alerts: options.alerts ?? ALL_ON },
    policy: options.policy ?? "all",
  };
  // `standard` (Mastodon 4.4) is not in masto.js's types; it sends it all the same.
  return await client(instance, user.token).v1.push.subscription.create(
    params,
  );
}

/** No event or push job is waiting: whatever a notification would push has been pushed. */
export function settled(instance: TestInstance) {
  return eventually(
    "the event and push jobs ran",
    async () =>
      (await instance.deps.sql`
      SELECT 1 FROM jobs
      WHERE kind IN ('domain.event', 'push.deliver') AND parked_at IS NULL`)
        .length === 0,
  );
}

export async function mention(
  instance: TestInstance,
  from: TestUser,
  text: string,
) {
  return await client(instance, from.token).v1.statuses.create({
    status: `@alice ${text}`,
  });
}

export function assertSigned(push: { problems: string[] }) {
  assert.deepEqual(push.problems, [], "VAPID signature and claims");
}
