/**
 * What a job promises (lib/jobs), on a real Postgres server and on the embedded PGlite: written
 * in the writer's transaction (a rollback leaves none), ordering keys, no job running twice at
 * once across two runners, a dead worker's job re-claimed after its lease, retries with backoff,
 * and a poison job parked with its error, then retried or discarded by an operator.
 */
import assert from "node:assert/strict";
import { createTestDatabase } from "../helpers/db.ts";
import { openDatabase, type Sql } from "../../lib/db/client.ts";
import { migrate, readMigrations } from "../../lib/db/migrate.ts";
import {
  defineJob,
  discardJob,
  exponentialBackoff,
  JobQueue,
  JobRegistry,
  listJobs,
  retryJob,
  schema,
} from "../../lib/jobs/mod.ts";

type Kind = "postgres" | "pglite";

async function withDatabase(
  kind: Kind,
  fn: (sql: Sql) => Promise<void>,
): Promise<void> {
  const server = kind === "postgres" ? await createTestDatabase() : null;
  const db = await openDatabase({ url: server?.url });
  try {
    await migrate(
      db.sql,
      await readMigrations(new URL("../../migrations/", import.meta.url)),
    );
    await fn(db.sql);
  } finally {
    await db.close();
    await server?.drop();
  }
}

async function waitFor(check: () => boolean | Promise<boolean>, ms = 10_000) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A test context: what handlers saw, and hooks a test sets. */
interface Seen {
  ran: string[];
  running: Set<string>;
  overlaps: string[];
  failUntil: Map<string, number>;
  holdMs: number;
}

const parseNote = schema.object({ note: schema.string });

function registry() {
  return new JobRegistry<Seen>([
    defineJob({
      kind: "test.note",
      parse: parseNote,
      retry: { backoff: exponentialBackoff(200, 1000), maxAttempts: 3 },
      async handler(seen, { note }) {
        if (seen.running.has(note)) seen.overlaps.push(note);
        seen.running.add(note);
        try {
          if (seen.holdMs) await sleep(seen.holdMs);
          const fails = seen.failUntil.get(note) ?? 0;
          seen.ran.push(note);
          if (seen.ran.filter((n) => n === note).length <= fails) {
            throw new Error(`note ${note} is poison`);
          }
        } finally {
          seen.running.delete(note);
        }
      },
    }),
  ]);
}

function seen(): Seen {
  return {
    ran: [],
    running: new Set(),
    overlaps: [],
    failUntil: new Map(),
    holdMs: 0,
  };
}

function start(sql: Sql, kind: Kind, context: Seen, leaseMs = 15_000) {
  const queue = new JobQueue(sql, registry(), {
    listen: kind === "postgres",
    leaseMs,
    pollMs: 200,
  });
  const stop = new AbortController();
  const done = queue.run(context, stop.signal);
  return {
    queue,
    async stop() {
      stop.abort();
      await done;
    },
  };
}

for (const kind of ["postgres", "pglite"] as const) {
  Deno.test(`jobs (${kind}): written in the writer's transaction; a rollback leaves no job`, async () => {
    await withDatabase(kind, async (sql) => {
      const context = seen();
      const runner = start(sql, kind, context);
      try {
        await sql.begin(async (tx) => {
          await runner.queue.enqueue(tx, "test.note", { note: "kept" });
        });
        await assert.rejects(
          sql.begin(async (tx) => {
            await runner.queue.enqueue(tx, "test.note", { note: "rolled" });
            throw new Error("the write failed");
          }),
          /the write failed/,
        );
        // A malformed payload fails the write, not the job later.
        await assert.rejects(
          sql.begin((tx) => runner.queue.enqueue(tx, "test.note", { note: 1 })),
          /payload.note: not a string/,
        );
        await waitFor(() => context.ran.includes("kept"));
        await waitFor(async () => (await listJobs(sql)).length === 0);
        await sleep(300);
        assert.deepEqual(context.ran, ["kept"]);
      } finally {
        await runner.stop();
      }
    });
  });

  Deno.test(`jobs (${kind}): same ordering key, one at a time in order; a poison job is retried with backoff, then parked with its error`, async () => {
    await withDatabase(kind, async (sql) => {
      const context = seen();
      context.holdMs = 20;
      context.failUntil.set("poison", 99);
      const runner = start(sql, kind, context);
      try {
        await sql.begin(async (tx) => {
          await runner.queue.enqueueMany(
            tx,
            ["a1", "a2", "a3", "a4"].map((note) => ({
              kind: "test.note",
              payload: { note },
              orderingKey: "a",
            })),
          );
          await runner.queue.enqueue(tx, "test.note", { note: "poison" });
        });
        await waitFor(() =>
          context.ran.filter((n) => n[0] === "a").length === 4
        );
        assert.deepEqual(context.ran.filter((n) => n[0] === "a"), [
          "a1",
          "a2",
          "a3",
          "a4",
        ]);
        // After its first failure the job waits its backoff, with the error kept.
        await waitFor(() => context.ran.includes("poison"));
        await waitFor(async () => {
          const [row] = await listJobs(sql);
          return row?.last_error != null;
        });
        const [waiting] = await listJobs(sql);
        assert.equal(waiting.parked_at, null);
        assert.match(waiting.last_error!, /note poison is poison/);
        assert.ok(
          waiting.run_at.getTime() - waiting.created_at.getTime() >= 150,
          "rescheduled after its backoff",
        );
        await waitFor(async () =>
          (await listJobs(sql, { parked: true })).length === 1
        );
        const [parked] = await listJobs(sql, { parked: true });
        assert.equal(parked.attempts, 3);
        assert.equal(context.ran.filter((n) => n === "poison").length, 3);
        assert.match(parked.last_error!, /note poison is poison/);
        // Parked means parked: it doesn't run again by itself.
        await sleep(500);
        assert.equal(context.ran.filter((n) => n === "poison").length, 3);

        // The operator retries it (now it succeeds) ...
        context.failUntil.set("poison", 3);
        assert.equal(await retryJob(sql, parked.id), true);
        await waitFor(() =>
          context.ran.filter((n) => n === "poison").length === 4
        );
        await waitFor(async () => (await listJobs(sql)).length === 0);
        // ... or discards one.
        context.failUntil.set("again", 99);
        await runner.queue.enqueue(sql, "test.note", { note: "again" });
        await waitFor(
          async () => (await listJobs(sql, { parked: true })).length === 1,
          15_000,
        );
        const [again] = await listJobs(sql, { parked: true });
        assert.equal(await discardJob(sql, again.id), true);
        assert.equal((await listJobs(sql)).length, 0);
        assert.deepEqual(context.overlaps, []);
      } finally {
        await runner.stop();
      }
    });
  });

  Deno.test(`jobs (${kind}): a job claimed by a worker that died runs again once its lease is over`, async () => {
    await withDatabase(kind, async (sql) => {
      const context = seen();
      const writer = new JobQueue(sql, registry(), { listen: false });
      await writer.enqueue(sql, "test.note", { note: "orphan" });
      // What a killed process leaves: the job claimed (one attempt), its lease running.
      await sql`UPDATE jobs SET attempts = 1,
        locked_until = now() + interval '600 milliseconds'`;
      const runner = start(sql, kind, context);
      try {
        await sleep(300);
        assert.deepEqual(context.ran, [], "not while the lease holds");
        await waitFor(() => context.ran.includes("orphan"));
        await waitFor(async () => (await listJobs(sql)).length === 0);
      } finally {
        await runner.stop();
      }
    });
  });
}

Deno.test("jobs (postgres): two runners share the jobs, each job runs once and never twice at once", async () => {
  await withDatabase("postgres", async (sql) => {
    const context = seen();
    context.holdMs = 30;
    // Short leases: renewal, not luck, keeps a running job from being taken.
    const one = start(sql, "postgres", context, 300);
    const two = start(sql, "postgres", context, 300);
    try {
      const notes = Array.from({ length: 40 }, (_, i) => `n${i}`);
      await sql.begin((tx) =>
        one.queue.enqueueMany(
          tx,
          notes.map((note) => ({ kind: "test.note", payload: { note } })),
        )
      );
      context.holdMs = 400; // longer than a lease for the last few
      await waitFor(() => context.ran.length >= notes.length);
      await waitFor(async () => (await listJobs(sql)).length === 0);
      await sleep(500);
      assert.deepEqual([...context.ran].sort(), [...notes].sort());
      assert.deepEqual(context.overlaps, []);
    } finally {
      await one.stop();
      await two.stop();
    }
  });
});
