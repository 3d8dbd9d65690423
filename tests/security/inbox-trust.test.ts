/**
 * Rules for what a (validly signed) peer may make us store:
 * - an Announce's embedded object is never trusted: the boosted post is taken from its own id
 *   on its own server, or not at all;
 * - a Delete that arrives before its Create leaves a tombstone, and the Create is then ignored;
 * - hostile shapes cost bounded work: thousands of tags, mentions or poll options are capped,
 *   and reply chains (deep or cyclic) pull in a bounded number of ancestors.
 *
 * (Forged actors, foreign ids, Update/Delete by non-owners and duplicate deliveries are in
 * `tests/federation/refusals.test.ts`.)
 */
import assert from "node:assert/strict";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { createUserWithToken } from "../helpers/users.ts";
import {
  AS_CONTEXT,
  type FakeActor,
  type FakePeer,
  startFakePeer,
} from "../helpers/fake-peer.ts";
import { eventually } from "../federation/helpers.ts";
import { MAX_REPLY_DEPTH } from "../../lib/federation/remote-statuses.ts";

const PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

function note(
  actor: FakeActor,
  id: string,
  extra: Record<string, unknown> = {},
) {
  return {
    "@context": AS_CONTEXT,
    id,
    type: "Note",
    attributedTo: actor.id,
    content: "<p>hello</p>",
    to: [PUBLIC],
    published: new Date().toISOString(),
    ...extra,
  };
}

function create(
  object: { id: string; attributedTo: string; [k: string]: unknown },
) {
  return {
    "@context": AS_CONTEXT,
    id: `${object.id}#create`,
    type: "Create",
    actor: object.attributedTo,
    to: [PUBLIC],
    object,
  };
}

async function count(
  instance: TestInstance,
  uri: string,
): Promise<number> {
  const [{ n }] = await instance.deps.sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM statuses WHERE uri = ${uri}`;
  return n;
}

/** Sends a post we expect stored, to know the inbox queue has caught up. */
async function marker(
  instance: TestInstance,
  peer: FakePeer,
  actor: FakeActor,
): Promise<void> {
  const id = `${peer.origin}/notes/marker-${crypto.randomUUID()}`;
  const res = await peer.deliver(
    actor,
    `${instance.origin}/inbox`,
    create(note(actor, id)),
  );
  assert.equal(res.status, 202);
  await res.body?.cancel();
  await eventually(
    "marker stored",
    async () => (await count(instance, id)) === 1,
  );
  await new Promise((r) => setTimeout(r, 300));
}

async function withPeers(
  fn: (
    instance: TestInstance,
    peer: FakePeer,
    other: FakePeer,
    mallory: FakeActor,
  ) => Promise<void>,
) {
  const instance = await startTestInstance();
  const peer = startFakePeer();
  const other = startFakePeer();
  try {
    await createUserWithToken(instance, "alice");
    const mallory = await peer.actor("mallory");
    await fn(instance, peer, other, mallory);
  } finally {
    await other.close();
    await peer.close();
    await instance.close();
  }
}

Deno.test({
  name:
    "an Announce's embedded object is fetched from its own id, never trusted as sent",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: () =>
    withPeers(async (instance, peer, other, mallory) => {
      const carol = await other.actor("carol");
      // 1. The embedded post claims to be carol's, on another server that doesn't have it.
      const ghostId = `${other.origin}/notes/ghost`;
      const announce = (object: unknown, n: number) => ({
        "@context": AS_CONTEXT,
        id: `${mallory.id}/announces/${n}`,
        type: "Announce",
        actor: mallory.id,
        to: [PUBLIC],
        object,
      });
      let res = await peer.deliver(
        mallory,
        `${instance.origin}/inbox`,
        announce(
          note(carol, ghostId, { content: "words carol never wrote" }),
          1,
        ),
      );
      await res.body?.cancel();
      // 2. The embedded post exists on its server, with other words: those are stored.
      const realId = `${other.origin}/notes/real`;
      other.put(
        "/notes/real",
        note(carol, realId, { content: "what carol wrote" }),
      );
      res = await peer.deliver(
        mallory,
        `${instance.origin}/inbox`,
        announce(
          note(carol, realId, { content: "what mallory says carol wrote" }),
          2,
        ),
      );
      await res.body?.cancel();
      await marker(instance, peer, mallory);
      assert.equal(
        await count(instance, ghostId),
        0,
        "the ghost post is not stored",
      );
      assert.ok(
        other.hits.includes("/notes/ghost"),
        "it was looked up at its own id",
      );
      const [real] = await instance.deps.sql<{ content: string }[]>`
        SELECT content FROM statuses WHERE uri = ${realId}`;
      assert.ok(real, "the real post was fetched");
      assert.match(real.content, /what carol wrote/);
      const [{ n: reblogs }] = await instance.deps.sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM statuses WHERE reblog_of_id IS NOT NULL`;
      assert.equal(reblogs, 1, "one boost, of the real post");
    }),
});

Deno.test({
  name:
    "a Delete that arrives before its Create leaves a tombstone; the Create is then ignored",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: () =>
    withPeers(async (instance, peer, _other, mallory) => {
      const eve = await peer.actor("eve");
      // mallory is known (she posted before); eve is a first contact whose Delete comes first.
      await marker(instance, peer, mallory);
      for (const actor of [mallory, eve]) {
        const id = `${peer.origin}/notes/deleted-${actor.id.split("/").pop()}`;
        const del = await peer.deliver(actor, `${instance.origin}/inbox`, {
          "@context": AS_CONTEXT,
          id: `${id}#delete`,
          type: "Delete",
          actor: actor.id,
          to: [PUBLIC],
          object: { id, type: "Tombstone" },
        });
        await del.body?.cancel();
        assert.equal(del.status, 202);
        await eventually(`tombstone for ${actor.id}`, async () => {
          const [row] = await instance.deps.sql`
            SELECT 1 FROM tombstones WHERE uri = ${id}`;
          return Boolean(row);
        });
        const res = await peer.deliver(
          actor,
          `${instance.origin}/inbox`,
          create(note(actor, id)),
        );
        await res.body?.cancel();
        await marker(instance, peer, mallory);
        assert.equal(
          await count(instance, id),
          0,
          `deleted post not stored (${actor.id})`,
        );
      }
    }),
});

Deno.test({
  name:
    "thousands of tags, mentions or poll options are capped; reply chains pull in bounded ancestors",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: () =>
    withPeers(async (instance, peer, _other, mallory) => {
      const many = 3000;
      const tags = [];
      for (let i = 0; i < many; i++) {
        tags.push({
          type: "Hashtag",
          name: `#tag${i}`,
          href: `${peer.origin}/tags/tag${i}`,
        });
        tags.push({
          type: "Mention",
          name: `@u${i}`,
          href: `${peer.origin}/users/u${i}`,
        });
      }
      const tagged = `${peer.origin}/notes/tagged`;
      let res = await peer.deliver(
        mallory,
        `${instance.origin}/inbox`,
        create(note(mallory, tagged, { tag: tags })),
      );
      await res.body?.cancel();
      const poll = `${peer.origin}/notes/poll`;
      const options = [];
      for (let i = 0; i < many; i++) {
        options.push({
          type: "Note",
          name: `option ${i}`,
          replies: { type: "Collection", totalItems: 0 },
        });
      }
      res = await peer.deliver(
        mallory,
        `${instance.origin}/inbox`,
        create({
          ...note(mallory, poll),
          type: "Question",
          oneOf: options,
          endTime: new Date(Date.now() + 3600_000).toISOString(),
        }),
      );
      await res.body?.cancel();
      await marker(instance, peer, mallory);
      const [row] = await instance.deps.sql<{ id: string }[]>`
        SELECT id FROM statuses WHERE uri = ${tagged}`;
      assert.ok(row, "the tagged note is stored");
      const [{ n: tagCount }] = await instance.deps.sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM statuses_tags WHERE status_id = ${row.id}`;
      assert.ok(tagCount > 0 && tagCount <= 100, `tags capped (${tagCount})`);
      const [{ n: allTags }] = await instance.deps.sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM tags`;
      assert.ok(allTags <= 100, `no flood of tag rows (${allTags})`);
      const mentionFetches = peer.hits.filter((h) => /^\/users\/u\d+$/.test(h));
      assert.ok(
        mentionFetches.length <= 50,
        `mentioned actors fetched: ${mentionFetches.length}`,
      );
      const [pollRow] = await instance.deps.sql<{ options: string[] }[]>`
        SELECT p.options FROM polls p JOIN statuses s ON s.poll_id = p.id
        WHERE s.uri = ${poll}`;
      assert.ok(pollRow, "the poll is stored");
      assert.ok(
        pollRow.options.length <= 20,
        `poll options capped (${pollRow.options.length})`,
      );

      // A reply chain 30 deep, each parent only on the peer: a bounded number is fetched.
      const chain = (i: number) => `${peer.origin}/notes/chain-${i}`;
      for (let i = 1; i <= 30; i++) {
        peer.put(
          `/notes/chain-${i}`,
          note(mallory, chain(i), { inReplyTo: chain(i + 1) }),
        );
      }
      // And a cycle: a → b → a.
      peer.put(
        "/notes/cycle-a",
        note(mallory, `${peer.origin}/notes/cycle-a`, {
          inReplyTo: `${peer.origin}/notes/cycle-b`,
        }),
      );
      peer.put(
        "/notes/cycle-b",
        note(mallory, `${peer.origin}/notes/cycle-b`, {
          inReplyTo: `${peer.origin}/notes/cycle-a`,
        }),
      );
      res = await peer.deliver(
        mallory,
        `${instance.origin}/inbox`,
        create(note(mallory, chain(0), {
          inReplyTo: chain(1),
        })),
      );
      await res.body?.cancel();
      res = await peer.deliver(
        mallory,
        `${instance.origin}/inbox`,
        create(note(mallory, `${peer.origin}/notes/cycle-c`, {
          inReplyTo: `${peer.origin}/notes/cycle-a`,
        })),
      );
      await res.body?.cancel();
      await marker(instance, peer, mallory);
      const [{ n: chained }] = await instance.deps.sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM statuses WHERE uri LIKE ${`${peer.origin}/notes/chain-%`}`;
      assert.ok(
        chained >= 1 && chained <= MAX_REPLY_DEPTH + 2,
        `ancestors stored: ${chained}`,
      );
      const chainFetches = peer.hits.filter((h) =>
        h.startsWith("/notes/chain-")
      );
      assert.ok(
        chainFetches.length <= MAX_REPLY_DEPTH + 2,
        `ancestors fetched: ${chainFetches.length}`,
      );
      const [{ n: cycled }] = await instance.deps.sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM statuses WHERE uri LIKE ${`${peer.origin}/notes/cycle-%`}`;
      assert.equal(cycled, 3, "each post of the cycle once");
      const cycleFetches = peer.hits.filter((h) =>
        h.startsWith("/notes/cycle-")
      );
      assert.ok(
        cycleFetches.length <= 2 * (MAX_REPLY_DEPTH + 2),
        `cycle fetches: ${cycleFetches.length}`,
      );
    }),
});

Deno.test({
  name:
    "tags, attachments, profile fields and poll options given as links are fetched a bounded number of times",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: () =>
    withPeers(async (instance, peer, _other, mallory) => {
      const many = 1000;
      const links = (kind: string) =>
        Array.from({ length: many }, (_, i) => `${peer.origin}/${kind}/${i}`);
      for (let i = 0; i < many; i++) {
        peer.put(`/tagdoc/${i}`, {
          "@context": AS_CONTEXT,
          id: `${peer.origin}/tagdoc/${i}`,
          type: "Hashtag",
          name: `#linked${i}`,
        });
        peer.put(`/attachdoc/${i}`, {
          "@context": AS_CONTEXT,
          id: `${peer.origin}/attachdoc/${i}`,
          type: "Link",
        });
        peer.put(`/optiondoc/${i}`, {
          "@context": AS_CONTEXT,
          id: `${peer.origin}/optiondoc/${i}`,
          type: "Note",
          name: `linked option ${i}`,
        });
      }
      const id = `${peer.origin}/notes/linked`;
      const res = await peer.deliver(
        mallory,
        `${instance.origin}/inbox`,
        create({
          ...note(mallory, id),
          type: "Question",
          tag: links("tagdoc"),
          attachment: links("attachdoc"),
          oneOf: links("optiondoc"),
          endTime: new Date(Date.now() + 3600_000).toISOString(),
        }),
      );
      await res.body?.cancel();
      await eventually(
        "the question stored",
        async () => (await count(instance, id)) === 1,
        60_000,
      );
      const fetched = (prefix: string) =>
        peer.hits.filter((h) => h.startsWith(prefix)).length;
      assert.ok(
        fetched("/tagdoc/") <= 200,
        `tags fetched: ${fetched("/tagdoc/")}`,
      );
      assert.ok(
        fetched("/attachdoc/") <= 20,
        `attachments fetched: ${fetched("/attachdoc/")}`,
      );
      assert.ok(
        fetched("/optiondoc/") <= 50,
        `poll options fetched: ${fetched("/optiondoc/")}`,
      );
    }),
});
