/**
 * `deno task admin media usage` (like `tootctl media usage`), run as an operator runs it
 * against a running server's database: how many attachments there are — attached to posts,
 * uploaded and waiting, remote ones only linked — and the bytes stored for them.
 */
import assert from "node:assert/strict";
import { runAdminCli } from "../helpers/admin-cli.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { startTestInstance } from "../helpers/app.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
import { smallPng, upload } from "../media/helpers.ts";

Deno.test({
  name: "admin CLI: media usage counts attachments and their stored bytes",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const database = await createTestDatabase();
    const instance = await startTestInstance({ database });
    try {
      const cli = (...args: string[]) =>
        runAdminCli({ DATABASE_URL: database.url }, ...args);
      const empty = await cli("media", "usage");
      assert.equal(empty.code, 0, empty.err);
      assert.match(empty.out, /attached to posts: 0 file\(s\), 0 B/);
      assert.match(empty.out, /stored: 0 B \(0 bytes\)/);

      const lu = await createUserWithToken(instance, "lu");
      const ids: string[] = [];
      for (let i = 0; i < 2; i++) {
        const res = await upload(instance, lu.token, {
          bytes: await smallPng(64 + i, 48),
          type: "image/png",
        });
        assert.equal(res.status, 200);
        ids.push((await res.json()).id);
      }
      const posted = await api(instance, lu.token, "POST", "/api/v1/statuses", {
        status: "a picture",
        media_ids: [ids[0]],
      });
      assert.equal(posted.status, 200, JSON.stringify(posted.body));
      const [{ attached, waiting }] = await instance.deps.sql<
        { attached: string; waiting: string }[]
      >`SELECT sum(file_size) FILTER (WHERE status_id IS NOT NULL)::text AS attached,
               sum(file_size) FILTER (WHERE status_id IS NULL)::text AS waiting
        FROM media_attachments`;

      const run = await cli("media", "usage");
      assert.equal(run.code, 0, run.err);
      assert.match(run.out, /attached to posts: 1 file\(s\)/);
      assert.match(run.out, /uploaded, not attached \(yet\): 1 file\(s\)/);
      assert.match(run.out, /remote, linked \(not stored here\): 0 file\(s\)/);
      assert.ok(
        run.out.includes(`(${Number(attached) + Number(waiting)} bytes)`),
        run.out,
      );
    } finally {
      await instance.close();
      await database.drop();
    }
  },
});
