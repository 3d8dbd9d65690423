/**
 * The VAPID key pair: generated on first start and kept (a restart on the same database
 * advertises the same key, so browsers' subscriptions keep working), or given by
 * `VAPID_PUBLIC_KEY`/`VAPID_PRIVATE_KEY`; pushes work on the embedded database too.
 */
import assert from "node:assert/strict";
import webpush from "web-push";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
import { ConfigError, loadConfig } from "../../lib/config.ts";
import { assertSigned, mention, setup, subscribe } from "./scenario.ts";

async function advertisedKey(instance: TestInstance): Promise<string> {
  const { body } = await api(instance, null, "GET", "/api/v2/instance");
  return body.configuration.vapid.public_key;
}

Deno.test("vapid: the generated key pair survives a restart", async () => {
  const database = await createTestDatabase();
  try {
    const first = await startTestInstance({ database });
    const key = await advertisedKey(first);
    await first.close();
    const second = await startTestInstance({ database });
    try {
      assert.equal(await advertisedKey(second), key);
    } finally {
      await second.close();
    }
  } finally {
    await database.drop();
  }
});

Deno.test("vapid: VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY give the key pair, both or neither", async () => {
  const keys = webpush.generateVAPIDKeys();
  const env = {
    VAPID_PUBLIC_KEY: keys.publicKey,
    VAPID_PRIVATE_KEY: keys.privateKey,
  };
  assert.throws(
    () => loadConfig({ VAPID_PUBLIC_KEY: keys.publicKey }),
    (e) => e instanceof ConfigError && /VAPID_PRIVATE_KEY/.test(e.message),
  );
  assert.throws(
    () => loadConfig({ ...env, VAPID_PUBLIC_KEY: "short" }),
    ConfigError,
  );
  const instance = await startTestInstance({ env });
  try {
    assert.equal(await advertisedKey(instance), keys.publicKey);
  } finally {
    await instance.close();
  }
});

Deno.test("vapid: pushes on the embedded database", async () => {
  const { instance, receiver, alice, close } = await setup({ embedded: true });
  try {
    const bob = await createUserWithToken(instance, "bob");
    await subscribe(instance, alice, receiver);
    await mention(instance, bob, "from the embedded database");
    const push = await receiver.next();
    assertSigned(push);
    assert.match(String(push.payload.body), /embedded database/);
  } finally {
    await close();
  }
});
