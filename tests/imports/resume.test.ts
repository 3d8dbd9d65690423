/**
 * An import survives a restart: a web-only server takes the upload (its job waits in the `jobs`
 * table), one batch is applied, the server stops; a new server on the same database runs the
 * job and applies exactly the rows not yet done.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { createUserWithToken } from "../helpers/users.ts";
import { signedInClient } from "../helpers/forms.ts";
import { eventually } from "../federation/helpers.ts";
import { processImportBatch } from "../../lib/imports/mod.ts";

const TARGETS = ["t1", "t2", "t3", "t4", "t5"];

Deno.test({
  name:
    "imports: rows left when the server stopped are applied by the next one, none twice",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const database = await createTestDatabase();
    try {
      // ROLE=web: this server takes requests but runs no jobs (as a web node beside workers).
      const first = await startTestInstance({ database, env: { ROLE: "web" } });
      const origin = first.origin;
      let importId: string;
      try {
        await createUserWithToken(first, "alice");
        for (const name of TARGETS) await createUserWithToken(first, name);
        const web = await signedInClient(origin, "alice");
        const { csrf } = await web.page("/settings/import");
        const host = new URL(origin).host;
        const file = TARGETS.map((t) => `${t}@${host}`).join("\n");
        const response = await web.postMultipart("/settings/import", {
          _csrf: csrf,
          type: "following",
          mode: "merge",
          file: new File([file], "follows.csv"),
        });
        assert.equal(response.status, 303);
        [{ id: importId }] = await first.deps.sql<{ id: string }[]>`
          SELECT id FROM imports`;
        // One batch of two rows, then the server stops.
        const outcome = await processImportBatch(first.deps, importId, 2);
        assert.equal(outcome.finished, false);
        assert.equal(await followCount(first.deps.sql), 2);
        assert.match((await web.page("/settings/import")).html, /2 of 5/);
        // Had its job given up after its retries, the page would say so, not "In progress".
        const parked = (at: Date | null) =>
          first.deps.sql`UPDATE jobs SET parked_at = ${at}
            WHERE ordering_key = ${"import:" + importId}`;
        await parked(new Date());
        assert.match(
          (await web.page("/settings/import")).html,
          /Stopped after repeated errors/,
        );
        await parked(null);
      } finally {
        await first.close();
      }

      // Same ORIGIN: the accounts in the file are this server's.
      const second = await startTestInstance({
        database,
        env: { ORIGIN: origin },
      });
      try {
        const { sql } = second.deps;
        await eventually("the import finished", async () => {
          const [row] = await sql`
            SELECT 1 FROM imports WHERE id = ${importId} AND finished_at IS NOT NULL`;
          return row;
        });
        assert.equal(await followCount(sql), TARGETS.length);
        const rows = await sql<{ state: string }[]>`
          SELECT state FROM import_rows WHERE import_id = ${importId}`;
        assert.deepEqual(rows.map((r) => r.state), TARGETS.map(() => "done"));
        // Each followed account heard of it once.
        const notified = await sql<{ username: string; count: number }[]>`
          SELECT a.username, count(*)::int AS count FROM notifications n
          JOIN accounts a ON a.id = n.account_id
          WHERE n.type = 'follow' GROUP BY a.username ORDER BY a.username`;
        assert.deepEqual(
          [...notified],
          TARGETS.map((username) => ({ username, count: 1 })),
        );
      } finally {
        await second.close();
      }
    } finally {
      await database.drop();
    }
  },
});

async function followCount(
  sql: import("../../lib/db/client.ts").Sql,
): Promise<number> {
  const [row] = await sql<{ count: number }[]>`
    SELECT count(*)::int AS count FROM follows`;
  return row.count;
}
