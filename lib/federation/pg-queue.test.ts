import assert from "node:assert/strict";
import { createExponentialBackoffPolicy } from "@fedify/fedify";
import { createTestDatabase } from "../../tests/helpers/db.ts";
import { openDatabase, type Sql } from "../db/client.ts";
import { migrate, readMigrations } from "../db/migrate.ts";
import { PostgresMessageQueue } from "./pg-queue.ts";

/** A migrated test database; `fn` gets its pool, dropped afterwards. */
async function withDatabase(
  fn: (sql: Sql, url: string) => Promise<void>,
): Promise<void> {
  const database = await createTestDatabase();
  const db = await openDatabase({ url: database.url });
  try {
    await migrate(
      db.sql,
      await readMigrations(new URL("../../migrations/", import.meta.url)),
    );
    await fn(db.sql, database.url);
  } finally {
    await db.close();
    await database.drop();
  }
}

/** Resolves once `check()` holds, or rejects after `ms`. */
async function waitFor(check: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function rowsLeft(sql: Sql): Promise<number> {
  const [{ n }] = await sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM federation_queue`;
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
    activity: { type: "Create", content: "héllo ✓ \u0000 \ud800" },
    inboxes,
  };
}

/** Runs `listen()` on a fresh queue; `stop()` aborts it and waits for it to end. */
function listening(
  sql: Sql,
  handler: (message: never) => unknown,
  options: ConstructorParameters<typeof PostgresMessageQueue>[1] = {},
) {
  const controller = new AbortController();
  const done = new PostgresMessageQueue(sql, options).listen(
    handler as (m: unknown) => void,
    { signal: controller.signal },
  );
  return {
    async stop() {
      controller.abort();
      await done;
    },
  };
}

Deno.test("enqueue/listen: messages round-trip as sent; delay is honoured", async () => {
  await withDatabase(async (sql) => {
    const mq = new PostgresMessageQueue(sql);
    assert.equal(mq.nativeRetrial, false);
    const got: { message: unknown; at: number }[] = [];
    const listener = listening(sql, (message) => {
      got.push({ message, at: Date.now() });
    });
    const start = Date.now();
    const big = fanoutLike(10_000);
    await mq.enqueue({ hello: "world" });
    // Fedify hands us durations from its Temporal polyfill: 400 ms here.
    const delay = createExponentialBackoffPolicy({
      initialDelay: { milliseconds: 400 },
      jitter: false,
    })({ attempts: 0, elapsedTime: Temporal.Duration.from({ seconds: 0 }) })!;
    await mq.enqueue({ later: true }, { delay });
    await mq.enqueue(big);
    await waitFor(() => got.length === 3);
    assert.deepEqual(got.map((g) => g.message), [
      { hello: "world" },
      big,
      { later: true },
    ]);
    assert.ok(got[2].at - start >= 350, `delayed only ${got[2].at - start} ms`);
    await listener.stop();
    assert.equal(await rowsLeft(sql), 0);
  });
});

Deno.test("enqueueMany: one statement for a large batch, every message handled once", async () => {
  await withDatabase(async (sql) => {
    const mq = new PostgresMessageQueue(sql);
    const messages: unknown[] = Array.from(
      { length: 400 },
      (_, i) => ({ i, pad: "k".repeat(4000) }),
    );
    messages.push({ i: 400, ...fanoutLike(2000) });
    const seen = new Map<number, number>();
    const listener = listening(sql, (m: { i: number }) => {
      seen.set(m.i, (seen.get(m.i) ?? 0) + 1);
    });
    await mq.enqueueMany(messages);
    await waitFor(() => seen.size === messages.length, 15_000);
    await listener.stop();
    assert.ok([...seen.values()].every((n) => n === 1));
    assert.equal(await rowsLeft(sql), 0);
  });
});

Deno.test("a throwing handler is logged once, and its message is not run again", async () => {
  await withDatabase(async (sql) => {
    const mq = new PostgresMessageQueue(sql);
    const calls: string[] = [];
    const errors: unknown[][] = [];
    const originalError = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    const listener = listening(sql, (m: { name: string }) => {
      calls.push(m.name);
      throw new Error(`boom ${m.name}`);
    }, { leaseMs: 200, pollMs: 100 });
    try {
      await mq.enqueue({ name: "small" });
      await mq.enqueue({ name: "big", ...fanoutLike(3000) });
      await waitFor(() => calls.length === 2);
      await sleep(800); // several leases and polls
    } finally {
      await listener.stop();
      console.error = originalError;
    }
    assert.deepEqual(calls.sort(), ["big", "small"]);
    assert.equal(errors.length, 2);
    assert.match(String(errors[0][1]), /boom/);
    assert.equal(await rowsLeft(sql), 0);
  });
});

Deno.test("messages wait while nobody listens; two listeners share the work, once each", async () => {
  await withDatabase(async (sql, url) => {
    const mq = new PostgresMessageQueue(sql);
    for (let i = 0; i < 100; i++) await mq.enqueue({ i });
    assert.equal((await mq.getDepth()).ready, 100);
    // A second process: its own pool on the same database.
    const other = await openDatabase({ url });
    try {
      const counts = new Map<number, number>();
      const by = { first: 0, second: 0 };
      const handler =
        (name: "first" | "second") => async (m: { i: number }) => {
          counts.set(m.i, (counts.get(m.i) ?? 0) + 1);
          by[name]++;
          await sleep(20);
        };
      const first = listening(sql, handler("first"), { concurrency: 4 });
      const second = listening(other.sql, handler("second"), {
        concurrency: 4,
      });
      for (let i = 100; i < 200; i++) await mq.enqueue({ i });
      await waitFor(() => counts.size === 200, 15_000);
      await Promise.all([first.stop(), second.stop()]);
      assert.ok([...counts.values()].every((n) => n === 1));
      assert.ok(by.first > 0 && by.second > 0, JSON.stringify(by));
      assert.equal(await rowsLeft(sql), 0);
    } finally {
      await other.close();
    }
  });
});

Deno.test("orderingKey: same-key messages run one at a time, in order", async () => {
  await withDatabase(async (sql, url) => {
    const mq = new PostgresMessageQueue(sql);
    const other = await openDatabase({ url });
    try {
      const running = new Map<string, number>();
      let overlap = false;
      const done: string[] = [];
      const handler = async (m: { key: string; n: number }) => {
        const now = (running.get(m.key) ?? 0) + 1;
        running.set(m.key, now);
        if (now > 1) overlap = true;
        await sleep(30);
        running.set(m.key, running.get(m.key)! - 1);
        done.push(`${m.key}${m.n}`);
      };
      // Two listeners, as two processes would.
      const first = listening(sql, handler);
      const second = listening(other.sql, handler);
      for (let n = 0; n < 5; n++) {
        await mq.enqueue({ key: "a", n }, { orderingKey: "a" });
        await mq.enqueue({ key: "b", n }, { orderingKey: "b" });
      }
      await mq.enqueueMany(
        [5, 6, 7].map((n) => ({ key: "a", n })),
        { orderingKey: "a" },
      );
      await waitFor(() => done.length === 13, 10_000);
      await Promise.all([first.stop(), second.stop()]);
      assert.equal(overlap, false);
      const order = (key: string) =>
        done.filter((d) => d.startsWith(key)).map((d) => Number(d.slice(1)));
      assert.deepEqual(order("a"), [0, 1, 2, 3, 4, 5, 6, 7]);
      assert.deepEqual(order("b"), [0, 1, 2, 3, 4]);
    } finally {
      await other.close();
    }
  });
});

Deno.test("deliveries are ordered per inbox: one server's inboxes run together, each in order", async () => {
  await withDatabase(async (sql) => {
    const mq = new PostgresMessageQueue(sql);
    const running = new Map<string, number>();
    let overlapSameInbox = false;
    let mostAtOnce = 0;
    const done: string[] = [];
    const handler = async (m: { inbox: string; n: number }) => {
      const now = (running.get(m.inbox) ?? 0) + 1;
      running.set(m.inbox, now);
      if (now > 1) overlapSameInbox = true;
      const total = [...running.values()].reduce((a, b) => a + b, 0);
      mostAtOnce = Math.max(mostAtOnce, total);
      await sleep(50);
      running.set(m.inbox, running.get(m.inbox)! - 1);
      done.push(`${m.inbox} ${m.n}`);
    };
    const listener = listening(sql, handler);
    // What Fedify enqueues for a Create then a Delete of one post to 3 personal inboxes on one
    // server: the key it gives is the post's and the server's; enqueued in one synchronous run.
    const inboxes = [1, 2, 3].map((k) =>
      `https://peer.example/users/u${k}/inbox`
    );
    for (const n of [0, 1]) {
      await Promise.all(
        inboxes.map((inbox) =>
          mq.enqueue({ type: "outbox", inbox, n }, {
            orderingKey: "post-1\nhttps://peer.example",
          })
        ),
      );
    }
    await waitFor(() => done.length === 6, 10_000);
    await listener.stop();
    assert.equal(overlapSameInbox, false);
    assert.ok(
      mostAtOnce > 1,
      "the server's inboxes were delivered one at a time",
    );
    for (const inbox of inboxes) {
      assert.deepEqual(
        done.filter((d) => d.startsWith(inbox)).map((d) => d.slice(-1)),
        ["0", "1"],
      );
    }
  });
});

Deno.test("a message claimed by a worker that died runs again once its lease is over", async () => {
  await withDatabase(async (sql) => {
    const mq = new PostgresMessageQueue(sql);
    await mq.enqueue({ orphan: true });
    // What a killed process leaves behind: the row, claimed, its lease still running.
    await sql`UPDATE federation_queue SET locked_until = now() + interval '700 milliseconds'`;
    const got: { at: number }[] = [];
    const start = Date.now();
    const listener = listening(sql, () => {
      got.push({ at: Date.now() });
    }, { pollMs: 100 });
    await waitFor(() => got.length === 1);
    await listener.stop();
    assert.ok(got[0].at - start >= 600, `taken after ${got[0].at - start} ms`);
    assert.equal(await rowsLeft(sql), 0);
  });
});

Deno.test("a running handler keeps its lease: another listener does not take its message", async () => {
  await withDatabase(async (sql, url) => {
    const mq = new PostgresMessageQueue(sql);
    const other = await openDatabase({ url });
    try {
      let runs = 0;
      const handler = async () => {
        runs++;
        await sleep(1200); // several 300 ms leases
      };
      const options = { leaseMs: 300, pollMs: 50 };
      const first = listening(sql, handler, options);
      const second = listening(other.sql, handler, options);
      await mq.enqueue({ slow: true });
      await waitFor(() => runs === 1);
      await sleep(1500);
      await Promise.all([first.stop(), second.stop()]);
      assert.equal(runs, 1);
      assert.equal(await rowsLeft(sql), 0);
    } finally {
      await other.close();
    }
  });
});

Deno.test("stopping waits for running handlers; a new listen() picks up the rest", async () => {
  await withDatabase(async (sql) => {
    const mq = new PostgresMessageQueue(sql);
    const finished: number[] = [];
    let running = 0;
    const listener = listening(sql, async (m: { i: number }) => {
      running++;
      await sleep(200);
      finished.push(m.i);
      running--;
    }, { concurrency: 2 });
    await mq.enqueueMany([0, 1, 2, 3, 4].map((i) => ({ i })));
    await waitFor(() => finished.length >= 1);
    await listener.stop();
    assert.equal(running, 0, "stop() waited for the running handlers");
    assert.ok(finished.length < 5);
    assert.equal(await rowsLeft(sql), 5 - finished.length);
    const again = listening(sql, (m: { i: number }) => {
      finished.push(m.i);
    });
    await waitFor(() => finished.length === 5);
    await again.stop();
    assert.deepEqual(finished.toSorted(), [0, 1, 2, 3, 4]);
  });
});
