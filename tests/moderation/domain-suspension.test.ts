/**
 * A domain block between two real instances on loopback (A blocks B's domain), through the
 * admin API:
 * - silence: B's posts stay off A's public timeline for A's users who don't follow their
 *   authors; a follower still sees them;
 * - suspend: every follow between A's users and B's accounts is cut, both ways (by a job), and each of A's
 *   users who lost some gets a `severed_relationships` notification with Mastodon's
 *   RelationshipSeveranceEvent (also listed by GET /api/v1/severed_relationships); B's posts leave A's views; B's deliveries to A are refused
 *   with 403 (even unsigned: before any signature check) and store nothing; A sends B nothing.
 */
import assert from "node:assert/strict";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
import { resolveRemote } from "../../lib/federation/search.ts";
import type { AccountRow } from "../../lib/db/accounts.ts";
import { eventually } from "../federation/helpers.ts";
import { createStaff } from "./helpers.ts";

async function count(instance: TestInstance, query: string, ...args: string[]) {
  const [{ n }] = await instance.deps.sql.unsafe<{ n: number }[]>(query, args);
  return n;
}

const statusesWith = (instance: TestInstance, text: string) =>
  count(
    instance,
    "SELECT count(*)::int AS n FROM statuses WHERE content LIKE $1",
    `%${text}%`,
  );

/** Everything A's writes caused has been handed over and sent (or not). */
async function settled(instance: TestInstance) {
  await eventually("jobs and deliveries done", async () =>
    await count(
        instance,
        "SELECT count(*)::int AS n FROM jobs WHERE kind = 'domain.event'",
      ) === 0 &&
    await count(
        instance,
        "SELECT count(*)::int AS n FROM federation_queue",
      ) === 0);
}

Deno.test({
  name:
    "A silences, then suspends B's domain: limited on public timelines, follows severed with a notice, nothing crosses",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const a = await startTestInstance({ host: "localhost" });
    const b = await startTestInstance();
    const bHost = new URL(b.origin).host;
    try {
      const admin = await createStaff(a, "boss", "admin");
      const alice = await createUserWithToken(a, "alice");
      const carol = await createUserWithToken(a, "carol");
      const bob = await createUserWithToken(b, "bob");
      const aHost = new URL(a.origin).host;

      // alice follows bob, and bob follows alice.
      const bobOnA = (await resolveRemote(a.deps, `@bob@${bHost}`))
        .account as AccountRow;
      const aliceOnB = (await resolveRemote(b.deps, `@alice@${aHost}`))
        .account as AccountRow;
      let res = await api(
        a,
        alice.token,
        "POST",
        `/api/v1/accounts/${bobOnA.id}/follow`,
      );
      assert.equal(res.status, 200);
      res = await api(
        b,
        bob.token,
        "POST",
        `/api/v1/accounts/${aliceOnB.id}/follow`,
      );
      assert.equal(res.status, 200);
      const followsWithBob = () =>
        count(
          a,
          "SELECT count(*)::int AS n FROM follows WHERE $1 IN (account_id::text, target_account_id::text)",
          bobOnA.id,
        );
      await eventually(
        "both follows on A",
        async () => await followsWithBob() === 2,
      );
      await eventually("alice's follow accepted on B", async () =>
        await count(
          b,
          "SELECT count(*)::int AS n FROM follows WHERE target_account_id = $1",
          bob.account.id,
        ) === 1);

      // Silence: bob's public post reaches A, but only his follower sees it on the timeline.
      res = await api(a, admin.token, "POST", "/api/v1/admin/domain_blocks", {
        domain: bHost,
        severity: "silence",
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const blockId = res.body.id;
      await api(b, bob.token, "POST", "/api/v1/statuses", {
        status: "a quiet word",
      });
      await eventually(
        "the post on A",
        async () => await statusesWith(a, "a quiet word") === 1,
      );
      const timeline = async (token: string) =>
        (await api(a, token, "GET", "/api/v1/timelines/public")).body
          .map((s: { content: string }) => s.content).join(" ");
      assert.match(await timeline(alice.token), /a quiet word/);
      assert.doesNotMatch(await timeline(carol.token), /a quiet word/);

      // Suspend: follows cut both ways, alice told.
      res = await api(
        a,
        admin.token,
        "PUT",
        `/api/v1/admin/domain_blocks/${blockId}`,
        { severity: "suspend" },
      );
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.severity, "suspend");
      // The follows are cut by the severance job, and alice told when it is done.
      const notes = await eventually(
        "alice told of the severance",
        async () => {
          const listed = await api(
            a,
            alice.token,
            "GET",
            "/api/v1/notifications?types[]=severed_relationships",
          );
          return listed.body.length === 1 && listed;
        },
      );
      assert.equal(await followsWithBob(), 0);
      const event = notes.body[0].event;
      assert.deepEqual(
        Object.keys(event).sort(),
        [
          "created_at",
          "followers_count",
          "following_count",
          "id",
          "purged",
          "target_name",
          "type",
        ],
      );
      assert.equal(event.type, "domain_block");
      assert.equal(event.target_name, bHost);
      assert.equal(event.followers_count, 1);
      assert.equal(event.following_count, 1);
      const severed = await api(
        a,
        alice.token,
        "GET",
        "/api/v1/severed_relationships",
      );
      assert.deepEqual(severed.body, [event]);
      // B's post has left every view on A.
      assert.doesNotMatch(await timeline(alice.token), /a quiet word/);
      const [{ id: quietId }] = await a.deps.sql<{ id: string }[]>`
        SELECT id FROM statuses WHERE content LIKE '%a quiet word%'`;
      res = await api(a, alice.token, "GET", `/api/v1/statuses/${quietId}`);
      assert.equal(res.status, 404);

      // B's deliveries are refused before any signature check: even an unsigned one is a 403.
      const refused = await fetch(`${a.origin}/inbox`, {
        method: "POST",
        headers: { "content-type": "application/activity+json" },
        body: JSON.stringify({
          id: `${b.origin}/users/bob#x`,
          type: "Create",
          actor: `${b.origin}/users/bob`,
          object: {
            id: `${b.origin}/users/bob/statuses/1`,
            type: "Note",
            attributedTo: `${b.origin}/users/bob`,
            content: "forged after the block",
          },
        }),
      });
      await refused.body?.cancel();
      assert.equal(refused.status, 403);
      // B, which still thinks bob follows alice, sends its next post: nothing is stored on A.
      await api(b, bob.token, "POST", "/api/v1/statuses", {
        status: "after the block from B",
      });
      // B's delivery was tried and refused: Fedify queued it again for a later attempt.
      await eventually(
        "B's delivery to A refused and rescheduled",
        async () =>
          await count(
            b,
            `SELECT count(*)::int AS n FROM federation_queue
           WHERE message->>'type' = 'outbox' AND (message->>'attempt')::int >= 1
             AND message->>'inbox' LIKE $1`,
            `${a.origin}/%`,
          ) >= 1,
      );
      // A, whose alice posts publicly, sends B nothing.
      await api(a, alice.token, "POST", "/api/v1/statuses", {
        status: "after the block from A",
      });
      await settled(a);
      assert.equal(await statusesWith(b, "after the block from A"), 0);
      assert.equal(await statusesWith(a, "after the block from B"), 0);
      assert.equal(await statusesWith(a, "forged after the block"), 0);
    } finally {
      await b.close();
      await a.close();
    }
  },
});
