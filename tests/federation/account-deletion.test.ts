/**
 * Deleting a local account with the admin CLI federates a Delete of the actor: the CLI runs in
 * its own process without a queue worker, queues the delivery in the KV it shares with the
 * server (same DATA_DIR), and the server's worker sends it after the rows are gone.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { createUserWithToken } from "../helpers/users.ts";
import { resolveRemote } from "../../lib/federation/search.ts";
import * as relationships from "../../lib/domain/relationships.ts";
import { createStatus } from "../../lib/domain/statuses.ts";
import { findAccountByUri } from "../../lib/db/federation.ts";
import type { AccountRow } from "../../lib/db/accounts.ts";
import { eventually } from "./helpers.ts";

const ROOT_DIR = new URL("../..", import.meta.url).pathname;

Deno.test({
  name:
    "admin `accounts delete` on A: Delete(Person) reaches B through A's queue, and the account is gone from B",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const a = await startTestInstance({ host: "localhost", fileKv: true });
    const b = await startTestInstance();
    try {
      const alice = await createUserWithToken(a, "alice");
      const bob = await createUserWithToken(b, "bob");
      const aliceOnB = (await resolveRemote(
        b.deps,
        `${a.origin}/users/alice`,
      )).account as AccountRow;
      assert.ok(aliceOnB, "alice resolves on B");
      await relationships.follow(b.deps, bob.account, aliceOnB);
      await eventually("bob follows alice", async () => {
        const [row] = await b.deps.sql`SELECT 1 FROM follows
          WHERE account_id = ${bob.account.id} AND target_account_id = ${aliceOnB.id}`;
        return Boolean(row);
      });
      const post = await createStatus(a.deps, alice, {
        status: "Soon gone",
        visibility: "public",
      });
      await eventually("alice's post on B", async () => {
        const [row] = await b.deps
          .sql`SELECT 1 FROM statuses WHERE uri = ${post.uri}`;
        return Boolean(row);
      });

      const { config } = a.deps;
      const cli = await new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", "admin.ts", "accounts", "delete", "alice"],
        cwd: ROOT_DIR,
        env: {
          DATABASE_URL: config.databaseUrl!,
          DATA_DIR: config.dataDir,
          ORIGIN: config.origin,
          SECRET_KEY: "test-secret-key-that-is-long-enough-0123456789",
          ALLOW_PRIVATE_ADDRESS: "true",
        },
        stdout: "piped",
        stderr: "piped",
      }).output();
      const stdout = new TextDecoder().decode(cli.stdout);
      assert.equal(
        cli.code,
        0,
        `admin CLI failed: ${stdout}${new TextDecoder().decode(cli.stderr)}`,
      );
      assert.match(stdout, /deleted @alice/);
      const [gone] = await a.deps
        .sql`SELECT 1 FROM accounts WHERE id = ${alice.account.id}`;
      assert.equal(gone, undefined, "alice is deleted on A");

      // Local Deno KV wakes a queue listener in another process within about a minute.
      await eventually(
        "alice gone from B",
        async () => !await findAccountByUri(b.deps.sql, aliceOnB.uri!),
        90_000,
      );
      const [postOnB] = await b.deps
        .sql`SELECT 1 FROM statuses WHERE uri = ${post.uri}`;
      assert.equal(postOnB, undefined, "her post went with her");
    } finally {
      await a.close();
      await b.close();
    }
  },
});
