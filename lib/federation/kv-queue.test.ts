import assert from "node:assert/strict";
import { createExponentialBackoffPolicy } from "@fedify/fedify";
import { serialize } from "node:v8";
import { DEFAULT_CHUNK_THRESHOLD, DenoKvMessageQueue } from "./kv-queue.ts";
import {
  startFanOutFederation,
  startFlakySink,
} from "../../tests/helpers/fanout-harness.ts";

/** Resolves once `check()` holds, or rejects after `ms`. */
async function waitFor(check: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function countKeys(kv: Deno.Kv, prefix: Deno.KvKey): Promise<number> {
  let n = 0;
  for await (const _ of kv.list({ prefix })) n++;
  return n;
}

/** A Fedify-fan-out-like message: one activity, `n` recipient inboxes. */
function fanoutLike(n: number) {
  const inboxes: Record<string, { actorIds: string[]; sharedInbox: boolean }> =
    {};
  for (let i = 0; i < n; i++) {
    inboxes[`https://server${i}.example/users/user${i}/inbox`] = {
      actorIds: [`https://server${i}.example/users/user${i}`],
      sharedInbox: false,
    };
  }
  return {
    type: "fanout",
    id: crypto.randomUUID(),
    activity: { type: "Create", content: "héllo ✓" },
    inboxes,
  };
}

Deno.test("enqueue/listen: a small message round-trips; delay is honoured", async () => {
  const kv = await Deno.openKv(":memory:");
  const mq = new DenoKvMessageQueue(kv);
  assert.equal(mq.nativeRetrial, false);
  const got: { message: unknown; at: number }[] = [];
  const controller = new AbortController();
  const listening = mq.listen((message) => {
    got.push({ message, at: Date.now() });
  }, { signal: controller.signal });
  const start = Date.now();
  await mq.enqueue({ hello: "world" });
  // Fedify hands us durations from its Temporal polyfill: 400 ms here.
  const delay = createExponentialBackoffPolicy({
    initialDelay: { milliseconds: 400 },
    jitter: false,
  })({ attempts: 0, elapsedTime: Temporal.Duration.from({ seconds: 0 }) })!;
  await mq.enqueue({ later: true }, { delay });
  await waitFor(() => got.length === 2);
  assert.deepEqual(got.map((g) => g.message), [{ hello: "world" }, {
    later: true,
  }]);
  assert.ok(got[1].at - start >= 350, `delayed only ${got[1].at - start} ms`);
  controller.abort();
  await listening;
  kv.close();
});

Deno.test("a 10,000-inbox message goes through chunks and is cleaned up", async () => {
  const kv = await Deno.openKv(":memory:");
  const mq = new DenoKvMessageQueue(kv);
  const big = fanoutLike(10_000);
  const size = serialize(big).byteLength;
  assert.ok(size > 64 * 1024 * 10, `only ${size} bytes`);
  // Deno KV alone refuses it.
  await assert.rejects(() => kv.enqueue(big), /too large/);

  let received: unknown;
  let chunksDuringHandler = -1;
  const controller = new AbortController();
  const listening = mq.listen(async (message) => {
    chunksDuringHandler = await countKeys(kv, ["fedify_mq", "chunk"]);
    received = message;
  }, { signal: controller.signal });
  await mq.enqueue(big);
  await waitFor(() => received != null);
  assert.deepEqual(received, big);
  assert.equal(chunksDuringHandler, Math.ceil(size / (60 * 1024)));
  controller.abort();
  await listening; // resolves after in-flight handlers (and cleanup) finish
  assert.equal(await countKeys(kv, ["fedify_mq", "chunk"]), 0);
  kv.close();
});

Deno.test("enqueueMany splits batches over Deno KV's 800 KiB atomic limit", async () => {
  const kv = await Deno.openKv(":memory:");
  const mq = new DenoKvMessageQueue(kv);
  // 400 × ~4 KiB ≈ 1.6 MiB, like an outbox fan-out with a private key each;
  // plus two messages big enough to be chunked.
  const messages: unknown[] = Array.from(
    { length: 400 },
    (_, i) => ({ i, pad: "k".repeat(4000) }),
  );
  messages.push({ i: 400, ...fanoutLike(2000) }, {
    i: 401,
    ...fanoutLike(900),
  });
  const seen = new Set<number>();
  const controller = new AbortController();
  const listening = mq.listen((m: { i: number }) => {
    seen.add(m.i);
  }, { signal: controller.signal });
  await mq.enqueueMany(messages);
  await waitFor(() => seen.size === messages.length, 10_000);
  controller.abort();
  await listening;
  assert.equal(await countKeys(kv, ["fedify_mq", "chunk"]), 0);
  kv.close();
});

Deno.test("a throwing handler is logged once, not redelivered by Deno KV", async () => {
  const kv = await Deno.openKv(":memory:");
  const mq = new DenoKvMessageQueue(kv);
  const calls: string[] = [];
  const errors: unknown[][] = [];
  const originalError = console.error;
  console.error = (...args: unknown[]) => errors.push(args);
  const controller = new AbortController();
  const listening = mq.listen((m: { name: string }) => {
    calls.push(m.name);
    throw new Error(`boom ${m.name}`);
  }, { signal: controller.signal });
  try {
    await mq.enqueue({ name: "small" });
    await mq.enqueue({ name: "big", ...fanoutLike(3000) });
    await waitFor(() => calls.length === 2);
    // Deno KV's first redelivery would come after ~100 ms, the next ~1 s.
    await new Promise((r) => setTimeout(r, 1500));
  } finally {
    controller.abort();
    await listening;
    console.error = originalError;
  }
  assert.deepEqual(calls.sort(), ["big", "small"]);
  assert.equal(errors.length, 2);
  assert.match(String(errors[0][1]), /boom/);
  assert.equal(await countKeys(kv, ["fedify_mq", "chunk"]), 0);
  assert.equal(await countKeys(kv, ["fedify_mq", "dead"]), 0);
  kv.close();
});

Deno.test("one listen() per Kv; after abort, listen() again gets parked messages", async () => {
  const kv = await Deno.openKv(":memory:");
  const mq = new DenoKvMessageQueue(kv);
  const first = new AbortController();
  const got: string[] = [];
  const listening = mq.listen((m) => {
    got.push(m);
  }, { signal: first.signal });
  assert.throws(
    () => new DenoKvMessageQueue(kv).listen(() => {}),
    /already has an active listener/,
  );
  first.abort();
  await listening;
  await mq.enqueue("while nobody listens");
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(got.length, 0);
  const second = new AbortController();
  const again = mq.listen((m) => {
    got.push(m);
  }, { signal: second.signal });
  await waitFor(() => got.length === 1, 5000);
  assert.deepEqual(got, ["while nobody listens"]);
  second.abort();
  await again;
  kv.close();
});

Deno.test("orderingKey: same-key messages never run concurrently", async () => {
  const kv = await Deno.openKv(":memory:");
  const mq = new DenoKvMessageQueue(kv);
  const running = new Map<string, number>();
  let overlap = false;
  const done: string[] = [];
  const controller = new AbortController();
  const listening = mq.listen(async (m: { key: string; n: number }) => {
    const now = (running.get(m.key) ?? 0) + 1;
    running.set(m.key, now);
    if (now > 1) overlap = true;
    await new Promise((r) => setTimeout(r, 50));
    running.set(m.key, running.get(m.key)! - 1);
    done.push(`${m.key}${m.n}`);
  }, { signal: controller.signal });
  for (let n = 0; n < 4; n++) {
    await mq.enqueue({ key: "a", n }, { orderingKey: "a" });
    await mq.enqueue({ key: "b", n }, { orderingKey: "b" });
  }
  await waitFor(() => done.length === 8, 10_000);
  assert.equal(overlap, false);
  controller.abort();
  await listening;
  assert.equal(await countKeys(kv, ["fedify_mq", "lock"]), 0);
  kv.close();
});

Deno.test("messages survive a restart (file-backed KV)", async () => {
  const dir = await Deno.makeTempDir();
  const path = `${dir}/queue.sqlite3`;
  try {
    let kv = await Deno.openKv(path);
    await new DenoKvMessageQueue(kv).enqueue({ survived: true }, {
      delay: Temporal.Duration.from({ seconds: 1 }),
    });
    await new DenoKvMessageQueue(kv).enqueue(fanoutLike(2000), {
      delay: Temporal.Duration.from({ seconds: 1 }),
    });
    kv.close();

    kv = await Deno.openKv(path);
    const got: Record<string, unknown>[] = [];
    const controller = new AbortController();
    const listening = new DenoKvMessageQueue(kv).listen((m) => {
      got.push(m);
    }, { signal: controller.signal });
    await waitFor(() => got.length === 2, 10_000);
    assert.ok(got.some((m) => m.survived === true));
    assert.ok(
      got.some((m) => Object.keys(m.inboxes as object ?? {}).length === 2000),
    );
    controller.abort();
    await listening;
    kv.close();
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("threshold: messages just under it go inline", async () => {
  const kv = await Deno.openKv(":memory:");
  const mq = new DenoKvMessageQueue(kv);
  const got: unknown[] = [];
  const controller = new AbortController();
  const listening = mq.listen(async (m) => {
    got.push({ m, chunks: await countKeys(kv, ["fedify_mq", "chunk"]) });
  }, { signal: controller.signal });
  await mq.enqueue({ s: "x".repeat(DEFAULT_CHUNK_THRESHOLD - 200) });
  await waitFor(() => got.length === 1);
  // Non-Latin-1 text doubles V8's size: 40,000 chars ≈ 80 KB, chunked.
  await mq.enqueue({ s: "✓".repeat(40_000) });
  await waitFor(() => got.length === 2);
  const chunks = (got as { chunks: number }[]).map((g) => g.chunks);
  assert.deepEqual(chunks, [0, 2]);
  controller.abort();
  await listening;
  kv.close();
});

Deno.test({
  name:
    "Fedify integration: sendActivity to 500 inboxes fans out and retries through our queue",
  // Fedify leaves one fetch response body unconsumed (its, not ours).
  sanitizeResources: false,
}, async () => {
  const { DenoKvStore } = await import("./kv-store.ts");

  // 1,000 inboxes took 4–14 s on this 2-core machine depending on load (Fedify
  // signs and serialises every delivery); 500 keeps the test well under 20 s.
  // Long handles keep the fan-out message over Deno KV's 64 KiB, as 1,000
  // typical inboxes would.
  const INBOXES = 500;
  const sink = startFlakySink();

  const kv = await Deno.openKv(":memory:");
  const enqueued: { type: string; size: number; delay: number }[] = [];
  class RecordingQueue extends DenoKvMessageQueue {
    // deno-lint-ignore no-explicit-any
    override enqueue(message: any, options?: { delay?: Temporal.Duration }) {
      enqueued.push({
        type: message.type,
        size: serialize(message).byteLength,
        delay: options?.delay?.total("millisecond") ?? 0,
      });
      return super.enqueue(message, options);
    }
    // deno-lint-ignore no-explicit-any
    override enqueueMany(messages: readonly any[]) {
      for (const m of messages) {
        enqueued.push({
          type: m.type,
          size: serialize(m).byteLength,
          delay: 0,
        });
      }
      return super.enqueueMany(messages);
    }
  }
  const queue = new RecordingQueue(kv);
  const sender = await startFanOutFederation(new DenoKvStore(kv), queue);
  try {
    const started = Date.now();
    await sender.send(sink.origin, INBOXES, "of-a-fairly-long-handle");
    // The margin is for a loaded machine running test files in parallel.
    await waitFor(() => sink.delivered.size === INBOXES, 25_000).catch((e) => {
      throw new Error(
        `${e.message}: ${sink.delivered.size}/${INBOXES} delivered`,
      );
    });
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `${INBOXES} deliveries (${sink.failures()} refused) in ${seconds}s`,
    );

    // One fan-out message, too big for a Deno KV queue message on its own.
    const fanouts = enqueued.filter((e) => e.type === "fanout");
    assert.equal(fanouts.length, 1);
    assert.ok(fanouts[0].size > 64 * 1024, `fanout only ${fanouts[0].size} B`);
    // Then one outbox message per inbox, plus one delayed re-enqueue per 500.
    const outbox = enqueued.filter((e) => e.type === "outbox");
    assert.equal(outbox.length, INBOXES + INBOXES / 10);
    const retries = outbox.filter((e) => e.delay > 0);
    assert.equal(retries.length, INBOXES / 10);
    // First retry: (1 + 15 + jitter ≤ 30) s × 0.001.
    assert.ok(retries.every((e) => e.delay >= 16 && e.delay <= 46));
    assert.equal(sink.failures(), 2 * INBOXES / 10);
    assert.equal(sink.signed(), INBOXES + sink.failures());
  } finally {
    await sender.stop();
    kv.close();
    await sink.shutdown();
  }
});
