import assert from "node:assert/strict";
import { createTestDatabase } from "../../tests/helpers/db.ts";
import { openDatabase, type Sql } from "../db/client.ts";
import { migrate, readMigrations } from "../db/migrate.ts";
import { PostgresKvStore, sweepExpired } from "./pg-kv-store.ts";
import { PostgresMessageQueue } from "./pg-queue.ts";
import {
  startFanOutFederation,
  startFlakySink,
} from "../../tests/helpers/fanout-harness.ts";

async function withDatabase(fn: (sql: Sql) => Promise<void>): Promise<void> {
  const database = await createTestDatabase();
  const db = await openDatabase({ url: database.url });
  try {
    await migrate(
      db.sql,
      await readMigrations(new URL("../../migrations/", import.meta.url)),
    );
    await fn(db.sql);
  } finally {
    await db.close();
    await database.drop();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function entries(store: PostgresKvStore, prefix?: [string, ...string[]]) {
  const found: [string, unknown][] = [];
  for await (const e of store.list(prefix)) {
    found.push([e.key.join("/"), e.value]);
  }
  return found.sort(([a], [b]) => a.localeCompare(b));
}

Deno.test("PostgresKvStore: get, set, delete; values come back as stored", async () => {
  await withDatabase(async (sql) => {
    const store = new PostgresKvStore(sql);
    assert.equal(await store.get(["missing"]), undefined);
    await store.set(["a", "b"], { x: 1, list: ["y"], nested: { z: null } });
    assert.deepEqual(await store.get(["a", "b"]), {
      x: 1,
      list: ["y"],
      nested: { z: null },
    });
    // Fedify's key cache stores null for "this key is unavailable": not the same as absent.
    await store.set(["null"], null);
    assert.equal(await store.get(["null"]), null);
    await store.set(["a", "b"], "replaced");
    assert.equal(await store.get(["a", "b"]), "replaced");
    await store.delete(["a", "b"]);
    assert.equal(await store.get(["a", "b"]), undefined);
    // Text jsonb refuses (NUL, a lone surrogate, from a remote error body) is stored anyway.
    await store.set(["odd"], { body: "a\u0000b\ud800c" });
    assert.deepEqual(await store.get(["odd"]), { body: "a\ufffdb\ufffdc" });
  });
});

Deno.test("PostgresKvStore: a ttl expires the value; expired rows are swept", async () => {
  await withDatabase(async (sql) => {
    const store = new PostgresKvStore(sql);
    await store.set(["short"], 1, {
      ttl: Temporal.Duration.from({ milliseconds: 300 }),
    });
    await store.set(["long"], 2, { ttl: Temporal.Duration.from({ days: 1 }) });
    await store.set(["forever"], 3);
    assert.equal(await store.get(["short"]), 1);
    await sleep(400);
    assert.equal(await store.get(["short"]), undefined);
    assert.deepEqual(await entries(store), [["forever", 3], ["long", 2]]);
    await sweepExpired(sql);
    const keys = await sql<{ key: string }[]>`
      SELECT key FROM federation_kv ORDER BY key`;
    assert.deepEqual(keys.map((k) => k.key), ['["forever"]', '["long"]']);
  });
});

Deno.test("PostgresKvStore: cas compares structurally; undefined means absent", async () => {
  await withDatabase(async (sql) => {
    const store = new PostgresKvStore(sql);
    // Absent → set, once.
    assert.equal(await store.cas(["c"], undefined, { n: 1, s: "x" }), true);
    assert.equal(await store.cas(["c"], undefined, { n: 9 }), false);
    // Key order does not matter; a different value does.
    assert.equal(await store.cas(["c"], { s: "x", n: 2 }, { n: 3 }), false);
    assert.equal(await store.cas(["c"], { s: "x", n: 1 }, { n: 2 }), true);
    assert.deepEqual(await store.get(["c"]), { n: 2 });
    // Fedify consumes a nonce with cas(key, true, undefined): only one caller wins.
    await store.set(["nonce"], true);
    const wins = await Promise.all(
      Array.from({ length: 8 }, () => store.cas(["nonce"], true, undefined)),
    );
    assert.equal(wins.filter(Boolean).length, 1);
    assert.equal(await store.get(["nonce"]), undefined);
    // An expired value counts as absent.
    await store.set(["e"], "old", {
      ttl: Temporal.Duration.from({ milliseconds: 100 }),
    });
    assert.equal(await store.cas(["e"], undefined, "new"), false);
    await sleep(200);
    assert.equal(await store.cas(["e"], "old", "newer"), false);
    assert.equal(await store.cas(["e"], undefined, "new"), true);
    assert.equal(await store.get(["e"]), "new");
    assert.equal(await store.cas(["gone"], undefined, undefined), true);
    assert.equal(await store.cas(["e"], undefined, undefined), false);
  });
});

Deno.test("PostgresKvStore: list by prefix includes the prefix itself, not look-alikes", async () => {
  await withDatabase(async (sql) => {
    const store = new PostgresKvStore(sql);
    await store.set(["p"], 0);
    await store.set(["p", "a"], 1);
    await store.set(["p", "a", "deep"], 2);
    await store.set(["p", "b%_"], 3);
    await store.set(["pq"], 4);
    await store.set(["p-"], 5);
    await store.set(["q", "p"], 6);
    assert.deepEqual(await entries(store, ["p"]), [
      ["p", 0],
      ["p/a", 1],
      ["p/a/deep", 2],
      ["p/b%_", 3],
    ]);
    assert.deepEqual(await entries(store, ["p", "a"]), [
      ["p/a", 1],
      ["p/a/deep", 2],
    ]);
    assert.equal((await entries(store)).length, 7);
  });
});

Deno.test({
  name:
    "Fedify integration: sendActivity to 300 inboxes fans out and retries through the Postgres queue",
  // Fedify leaves one fetch response body unconsumed (its, not ours).
  sanitizeResources: false,
}, async () => {
  await withDatabase(async (sql) => {
    const INBOXES = 300;
    const sink = startFlakySink();
    const sender = await startFanOutFederation(
      new PostgresKvStore(sql),
      new PostgresMessageQueue(sql),
    );
    try {
      await sender.send(sink.origin, INBOXES, "x");
      const until = Date.now() + 30_000;
      while (sink.delivered.size < INBOXES && Date.now() < until) {
        await sleep(50);
      }
      assert.equal(sink.delivered.size, INBOXES);
      assert.equal(sink.failures(), 2 * INBOXES / 10);
      // Everything handled is gone from the queue.
      const until2 = Date.now() + 5_000;
      let left = -1;
      while (left !== 0 && Date.now() < until2) {
        [{ left }] = await sql<{ left: number }[]>`
          SELECT count(*)::int AS left FROM federation_queue`;
        if (left !== 0) await sleep(50);
      }
      assert.equal(left, 0);
    } finally {
      await sender.stop();
      await sink.shutdown();
    }
  });
});
