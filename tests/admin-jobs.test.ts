/**
 * Parked jobs, as an operator sees them: `deno task admin jobs list --parked` shows the job
 * and why it failed, `jobs retry ID` runs it again, `jobs discard ID` removes it.
 */
import assert from "node:assert/strict";
import { runAdminCli } from "./helpers/admin-cli.ts";
import { createTestDatabase } from "./helpers/db.ts";
import { openDatabase } from "../lib/db/client.ts";
import { migrate, readMigrations } from "../lib/db/migrate.ts";
import { JobQueue, JobRegistry, listJobs } from "../lib/jobs/mod.ts";
import { domainEventJob } from "../lib/domain/event-job.ts";
import type { Deps } from "../lib/deps.ts";

const ROOT = new URL("..", import.meta.url).pathname;

Deno.test("admin CLI: jobs list --parked shows a poison job and its error; retry and discard", async () => {
  const database = await createTestDatabase();
  const db = await openDatabase({ url: database.url });
  try {
    await migrate(db.sql, await readMigrations(`${ROOT}/migrations`));
    // Two events no version of Starling knows (as a newer or broken writer might leave), run
    // by the real event job: each is parked at once, its payload refused.
    await db.sql`
      INSERT INTO jobs (kind, payload)
      VALUES ('domain.event', '{"type":"status.exploded","statusId":"1"}'),
        ('domain.event', '{"type":"status.exploded","statusId":"2"}')`;
    const queue = new JobQueue<Deps>(
      db.sql,
      new JobRegistry<Deps>([domainEventJob]),
      { listen: true, pollMs: 100 },
    );
    const stop = new AbortController();
    const running = queue.run({} as Deps, stop.signal);
    const until = Date.now() + 10_000;
    while ((await listJobs(db.sql, { parked: true })).length < 2) {
      if (Date.now() > until) throw new Error("the jobs were not parked");
      await new Promise((r) => setTimeout(r, 50));
    }
    stop.abort();
    await running;

    const listed = await admin(database.url, "jobs", "list", "--parked");
    assert.equal(listed.code, 0, listed.err);
    const lines = listed.out.trim().split("\n");
    assert.equal(lines.length, 3, listed.out);
    assert.match(
      lines[1],
      /^\d+\tdomain\.event\tparked \S+\t1\t\S+\t.*payload\.type: not one of/,
    );
    const [first, second] = lines.slice(1).map((l) => l.split("\t")[0]);

    const retried = await admin(database.url, "jobs", "retry", first);
    assert.equal(retried.code, 0, retried.err);
    assert.match(retried.out, /will run again/);
    const [back] = (await listJobs(db.sql)).filter((j) => j.id === first);
    assert.equal(back.parked_at, null);
    assert.equal(back.attempts, 0);

    const discarded = await admin(database.url, "jobs", "discard", second);
    assert.equal(discarded.code, 0, discarded.err);
    assert.deepEqual((await listJobs(db.sql)).map((j) => j.id), [first]);

    const none = await admin(database.url, "jobs", "retry", second);
    assert.equal(none.code, 1);
    assert.equal(none.err, `error: no parked job ${second}`);
    const empty = await admin(database.url, "jobs", "list", "--parked");
    assert.match(empty.out, /\(no parked jobs\)/);
  } finally {
    await db.close();
    await database.drop();
  }
});

/** `deno task admin …` against the test's Postgres database. */
function admin(databaseUrl: string, ...args: string[]) {
  return runAdminCli({ DATABASE_URL: databaseUrl }, ...args);
}
