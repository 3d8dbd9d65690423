/**
 * Periodic work runs once per period across processes, not once per process: a scheduled kind
 * is one row, whoever starts, and two runners never run it at once.
 */
import assert from "node:assert/strict";
import { createTestDatabase } from "../helpers/db.ts";
import { openDatabase } from "../../lib/db/client.ts";
import { migrate, readMigrations } from "../../lib/db/migrate.ts";
import {
  defineJob,
  exponentialBackoff,
  JobQueue,
  JobRegistry,
  listJobs,
  schema,
} from "../../lib/jobs/mod.ts";

Deno.test("jobs (postgres): a scheduled kind is one row for two runners; it runs every period, never twice at once", async () => {
  const database = await createTestDatabase();
  const db = await openDatabase({ url: database.url });
  const runs: number[] = [];
  let running = 0;
  let overlapped = false;
  const registry = () =>
    new JobRegistry<null>([defineJob({
      kind: "test.tick",
      parse: schema.object({}),
      everyMs: 300,
      retry: { backoff: exponentialBackoff(100, 100), maxAttempts: 1 },
      async handler() {
        if (running++ > 0) overlapped = true;
        await new Promise((r) => setTimeout(r, 100));
        runs.push(Date.now());
        running--;
      },
    })]);
  const stop = new AbortController();
  try {
    await migrate(
      db.sql,
      await readMigrations(new URL("../../migrations/", import.meta.url)),
    );
    const runners = [1, 2].map(() =>
      new JobQueue(db.sql, registry(), { listen: true, pollMs: 100 }).run(
        null,
        stop.signal,
      )
    );
    const until = Date.now() + 15_000;
    while (runs.length < 4) {
      if (Date.now() > until) throw new Error("the schedule did not run");
      await new Promise((r) => setTimeout(r, 50));
    }
    stop.abort();
    await Promise.all(runners);
    const rows = await listJobs(db.sql);
    assert.equal(rows.length, 1, "one row for the kind");
    assert.equal(rows[0].kind, "test.tick");
    assert.equal(rows[0].parked_at, null);
    assert.equal(overlapped, false);
  } finally {
    stop.abort();
    await db.close();
    await database.drop();
  }
});
