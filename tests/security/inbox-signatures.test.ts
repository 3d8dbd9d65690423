/**
 * Rule: an inbox delivery is believed only when it carries a valid HTTP signature, made now,
 * over this very body. Unsigned, badly signed, expired (Date outside the window) and
 * body-altered (Digest mismatch) deliveries get 401 — nothing stored, nothing queued.
 *
 * The sender is a fake peer (`tests/helpers/fake-peer.ts`) serving a Person with a real key.
 */
import assert from "node:assert/strict";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { createUserWithToken } from "../helpers/users.ts";
import {
  AS_CONTEXT,
  type FakeActor,
  newRsaKeyPair,
  startFakePeer,
} from "../helpers/fake-peer.ts";
import { eventually } from "../federation/helpers.ts";

/**
 * Counts what the instance puts on its federation queue (deliveries and inbox work alike): the
 * test instance runs on Postgres, where the queue is the `federation_queue` table, and rows
 * leave it once handled, so a trigger counts the inserts.
 */
async function spyOnQueue(
  instance: TestInstance,
): Promise<{ count: () => Promise<number> }> {
  const sql = instance.deps.sql;
  assert.equal(instance.deps.dbKind, "postgres");
  await sql`CREATE TABLE test_queue_inserts (at timestamptz DEFAULT now())`;
  await sql.unsafe(`
    CREATE FUNCTION test_count_queue_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN INSERT INTO test_queue_inserts DEFAULT VALUES; RETURN NULL; END $$`);
  await sql`
    CREATE TRIGGER test_count_queue_insert AFTER INSERT ON federation_queue
    FOR EACH ROW EXECUTE FUNCTION test_count_queue_insert()`;
  return {
    count: async () => {
      const [{ n }] = await sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM test_queue_inserts`;
      return n;
    },
  };
}

function createNote(actor: FakeActor, id: string, content: string) {
  return {
    "@context": AS_CONTEXT,
    id: `${id}/activity`,
    type: "Create",
    actor: actor.id,
    to: ["https://www.w3.org/ns/activitystreams#Public"],
    object: {
      id,
      type: "Note",
      attributedTo: actor.id,
      content,
      to: ["https://www.w3.org/ns/activitystreams#Public"],
      published: new Date().toISOString(),
    },
  };
}

async function stored(instance: TestInstance, uri: string): Promise<number> {
  const [{ n }] = await instance.deps.sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM statuses WHERE uri = ${uri}`;
  return n;
}

Deno.test({
  name:
    "unsigned, badly signed, expired and body-altered deliveries get 401; nothing stored or queued",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    const peer = startFakePeer();
    try {
      await createUserWithToken(instance, "alice");
      const mallory = await peer.actor("mallory");
      const queue = await spyOnQueue(instance);
      const inboxes = [
        `${instance.origin}/inbox`,
        `${instance.origin}/users/alice/inbox`,
      ];
      const otherKey = (await newRsaKeyPair()).privateKey;
      const hour = 60 * 60 * 1000;
      let n = 0;
      for (const inbox of inboxes) {
        const cases: [string, () => Promise<Response>][] = [
          ["unsigned", () =>
            fetch(inbox, {
              method: "POST",
              headers: { "content-type": "application/activity+json" },
              body: JSON.stringify(
                createNote(mallory, `${peer.origin}/notes/${++n}`, "unsigned"),
              ),
            })],
          ["signed with another key", () =>
            peer.deliver(
              mallory,
              inbox,
              createNote(mallory, `${peer.origin}/notes/${++n}`, "bad key"),
              { privateKey: otherKey },
            )],
          ["signed two hours ago", () =>
            peer.deliver(
              mallory,
              inbox,
              createNote(mallory, `${peer.origin}/notes/${++n}`, "old"),
              {
                currentTime: Temporal.Instant.fromEpochMilliseconds(
                  Date.now() - 2 * hour,
                ),
              },
            )],
          ["signed two hours ahead", () =>
            peer.deliver(
              mallory,
              inbox,
              createNote(mallory, `${peer.origin}/notes/${++n}`, "future"),
              {
                currentTime: Temporal.Instant.fromEpochMilliseconds(
                  Date.now() + 2 * hour,
                ),
              },
            )],
          ["body altered after signing", () => {
            const activity = createNote(
              mallory,
              `${peer.origin}/notes/${++n}`,
              "original text",
            );
            const altered = JSON.stringify(activity).replace(
              "original text",
              "altered! text",
            );
            return peer.deliver(mallory, inbox, activity, {
              alteredBody: altered,
            });
          }],
        ];
        for (const [what, send] of cases) {
          const res = await send();
          await res.body?.cancel();
          assert.equal(res.status, 401, `${what} → 401 (${inbox})`);
        }
      }
      assert.equal(await queue.count(), 0, "nothing queued");
      const [{ n: statuses }] = await instance.deps.sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM statuses WHERE local = false`;
      assert.equal(statuses, 0, "nothing stored");

      // The control: the same delivery, properly signed, is accepted and stored.
      const goodId = `${peer.origin}/notes/good`;
      const good = await peer.deliver(
        mallory,
        inboxes[0],
        createNote(mallory, goodId, "signed properly"),
      );
      await good.body?.cancel();
      assert.equal(good.status, 202);
      await eventually(
        "good note stored",
        async () => (await stored(instance, goodId)) === 1,
      );
      assert.ok(
        await queue.count() > 0,
        "the accepted one went through the queue",
      );
    } finally {
      await peer.close();
      await instance.close();
    }
  },
});
