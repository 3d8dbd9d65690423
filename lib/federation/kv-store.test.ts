import assert from "node:assert/strict";
import { createExponentialBackoffPolicy } from "@fedify/fedify";
import {
  DenoKvStore,
  durationToMilliseconds,
  valuesEqual,
} from "./kv-store.ts";

Deno.test("DenoKvStore: get, set, delete under the prefix", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    const store = new DenoKvStore(kv);
    assert.equal(await store.get(["missing"]), undefined);
    await store.set(["a", "b"], { x: 1, list: ["y"] });
    assert.deepEqual(await store.get(["a", "b"]), { x: 1, list: ["y"] });
    // Stored under the default ["fedify"] prefix, not at the top level.
    assert.deepEqual((await kv.get(["fedify", "a", "b"])).value, {
      x: 1,
      list: ["y"],
    });
    assert.equal((await kv.get(["a", "b"])).value, null);
    await store.delete(["a", "b"]);
    assert.equal(await store.get(["a", "b"]), undefined);

    const other = new DenoKvStore(kv, { prefix: ["other"] });
    await other.set(["a"], 2);
    assert.equal(await store.get(["a"]), undefined);
    assert.equal(await other.get(["a"]), 2);
  } finally {
    kv.close();
  }
});

Deno.test("DenoKvStore: set with a ttl (Fedify's polyfilled Temporal too)", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    const store = new DenoKvStore(kv);
    await store.set(["t"], "v", { ttl: Temporal.Duration.from({ days: 1 }) });
    assert.equal(await store.get(["t"]), "v");
    // Months need a starting point; we use "now" rather than throwing.
    await store.set(["m"], "w", { ttl: Temporal.Duration.from({ months: 1 }) });
    assert.equal(await store.get(["m"]), "w");
    assert.equal(
      durationToMilliseconds(Temporal.Duration.from({ minutes: 2 })),
      120_000,
    );
    // Fedify's own durations come from @js-temporal/polyfill; its policy with
    // jitter off returns exactly initialDelay * 2**attempts.
    const polyfilled = createExponentialBackoffPolicy({
      initialDelay: { seconds: 3 },
      jitter: false,
    })({ attempts: 0, elapsedTime: Temporal.Duration.from({ seconds: 0 }) })!;
    assert.notEqual(polyfilled.constructor, Temporal.Duration);
    assert.equal(durationToMilliseconds(polyfilled), 3000);
    await store.set(["p"], "x", { ttl: polyfilled });
    assert.equal(await store.get(["p"]), "x");
  } finally {
    kv.close();
  }
});

Deno.test("DenoKvStore: cas", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    const store = new DenoKvStore(kv);
    // Absent key: expected `undefined`.
    assert.equal(await store.cas(["c"], undefined, { n: 1 }), true);
    assert.equal(await store.cas(["c"], undefined, { n: 9 }), false);
    assert.equal(await store.cas(["c"], { n: 2 }, { n: 3 }), false);
    // Structural, not identity, comparison.
    assert.equal(await store.cas(["c"], { n: 1 }, { n: 2 }), true);
    assert.deepEqual(await store.get(["c"]), { n: 2 });

    // Concurrent increments: each cas loses or wins cleanly, none is lost.
    await store.set(["counter"], 0);
    await Promise.all(Array.from({ length: 20 }, async () => {
      while (true) {
        const n = (await store.get<number>(["counter"]))!;
        if (await store.cas(["counter"], n, n + 1)) return;
      }
    }));
    assert.equal(await store.get(["counter"]), 20);
  } finally {
    kv.close();
  }
});

Deno.test("DenoKvStore: list(prefix) includes the exact key, strips our prefix", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    const store = new DenoKvStore(kv);
    await store.set(["p"], 0);
    await store.set(["p", "1"], 1);
    await store.set(["p", "2", "x"], 2);
    await store.set(["q"], 3);
    await kv.set(["unrelated"], 4);
    const listed = [];
    for await (const e of store.list(["p"])) listed.push([e.key, e.value]);
    assert.deepEqual(listed, [[["p"], 0], [["p", "1"], 1], [
      ["p", "2", "x"],
      2,
    ]]);
    const all = [];
    for await (const e of store.list()) all.push(e.key.join("/"));
    assert.deepEqual(all, ["p", "p/1", "p/2/x", "q"]);
  } finally {
    kv.close();
  }
});

Deno.test("valuesEqual", () => {
  assert.ok(valuesEqual({ a: [1, { b: "c" }] }, { a: [1, { b: "c" }] }));
  assert.ok(!valuesEqual({ a: 1 }, { a: 1, b: 2 }));
  assert.ok(!valuesEqual([1], { 0: 1 }));
  assert.ok(!valuesEqual(null, undefined));
  assert.ok(valuesEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2])));
  assert.ok(valuesEqual(new Date(5), new Date(5)));
});
