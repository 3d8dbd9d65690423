/**
 * Two instances: pins travel as Add/Remove on the featured collection, and a multiple-choice
 * vote from another server (one Create(Note{name}) per choice) counts every choice once.
 */
import assert from "node:assert/strict";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { createUserWithToken } from "../helpers/users.ts";
import { resolveRemote } from "../../lib/federation/search.ts";
import * as relationships from "../../lib/domain/relationships.ts";
import { createStatus } from "../../lib/domain/statuses.ts";
import {
  pinStatus,
  unpinStatus,
  voteInPoll,
} from "../../lib/domain/interactions.ts";
import type { AccountRow } from "../../lib/db/accounts.ts";
import { eventually } from "./helpers.ts";

async function statusIdByUri(instance: TestInstance, uri: string) {
  const [row] = await instance.deps.sql<{ id: string; poll_id: string }[]>`
    SELECT id, poll_id FROM statuses WHERE uri = ${uri}`;
  return row ?? null;
}

async function pinned(instance: TestInstance, accountId: string) {
  const rows = await instance.deps.sql<{ status_id: string }[]>`
    SELECT status_id FROM status_pins WHERE account_id = ${accountId}`;
  return rows.map((r) => r.status_id);
}

Deno.test({
  name:
    "two instances: pin and unpin reach followers as Add/Remove; a multiple-choice remote vote counts every choice",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const a = await startTestInstance({ host: "localhost" });
    const b = await startTestInstance();
    try {
      const alice = await createUserWithToken(a, "alice");
      const bob = await createUserWithToken(b, "bob");
      const aliceOnB = (await resolveRemote(
        b.deps,
        `${a.origin}/users/alice`,
      )).account as AccountRow;
      assert.equal(
        aliceOnB.featured_url,
        `${a.origin}/users/alice/collections/featured`,
      );
      await relationships.follow(b.deps, bob.account, aliceOnB);
      await eventually("bob follows alice", async () => {
        const [row] = await b.deps.sql`SELECT 1 FROM follows
          WHERE account_id = ${bob.account.id} AND target_account_id = ${aliceOnB.id}`;
        return Boolean(row);
      });

      // Pin: Add to alice's featured collection; B pins its copy.
      const post = await createStatus(a.deps, alice, {
        status: "Pin me",
        visibility: "public",
      });
      const postOnB = await eventually(
        "post on B",
        () => statusIdByUri(b, post.uri),
      );
      await pinStatus(a.deps, alice.account.id, post.id);
      await eventually(
        "pinned on B",
        async () => (await pinned(b, aliceOnB.id)).includes(postOnB.id),
      );
      await unpinStatus(a.deps, alice.account.id, post.id);
      await eventually(
        "unpinned on B",
        async () => (await pinned(b, aliceOnB.id)).length === 0,
      );

      // A multiple-choice poll on A; bob picks two options on B.
      const pollPost = await createStatus(a.deps, alice, {
        status: "Which editors?",
        visibility: "public",
        poll: {
          options: ["vim", "emacs", "nano"],
          expiresIn: 3600,
          multiple: true,
        },
      });
      const pollOnB = await eventually("poll on B", async () => {
        const row = await statusIdByUri(b, pollPost.uri);
        return row?.poll_id ? row : null;
      });
      await voteInPoll(b.deps, bob.account.id, pollOnB.poll_id, [0, 2]);
      const counted = await eventually(
        "both choices counted on A",
        async () => {
          const [row] = await a.deps.sql<
            { votes_counts: number[]; voters_count: number }[]
          >`SELECT votes_counts, voters_count FROM polls WHERE id = ${pollPost.poll_id}`;
          return row.votes_counts[0] + row.votes_counts[2] === 2 ? row : null;
        },
      );
      assert.deepEqual(counted.votes_counts, [1, 0, 1]);
      assert.equal(counted.voters_count, 1, "bob counts once as a voter");
    } finally {
      await a.close();
      await b.close();
    }
  },
});
