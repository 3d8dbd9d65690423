/**
 * What a peer with a shared inbox receives when its user both follows our author and is
 * mentioned in (replied to) or boosted by one of her activities: each activity once, at the
 * shared inbox (Mastodon's one recipient set per activity, deduplicated by inbox). And the Undo
 * of a boost carries the whole Announce (`to`, `cc`, `published`), which GoToSocial requires.
 */
import assert from "node:assert/strict";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { createUserWithToken } from "../helpers/users.ts";
import {
  AS_CONTEXT,
  followFrom,
  startFakePeer,
  startInbox,
} from "../helpers/fake-peer.ts";
import { freePort } from "../helpers/server-process.ts";
import { createStatus } from "../../lib/domain/statuses.ts";
import { reblogStatus, unreblogStatus } from "../../lib/domain/interactions.ts";
import { eventually } from "./helpers.ts";

const PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

async function statusIdByUri(instance: TestInstance, uri: string) {
  const [row] = await instance.deps.sql<{ id: string }[]>`
    SELECT id FROM statuses WHERE uri = ${uri}`;
  return row?.id ?? null;
}

Deno.test({
  name:
    "a follower who is replied to or boosted gets each activity once, at its shared inbox; the Undo of a boost embeds the whole Announce",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    const peer = startFakePeer();
    const inboxPort = freePort();
    const inbox = startInbox(inboxPort);
    try {
      const alice = await createUserWithToken(instance, "alice");
      const bob = await peer.actor("bob", {
        inboxOrigin: `http://127.0.0.1:${inboxPort}`,
      });
      await followFrom(instance.origin, peer, bob);
      await eventually(
        "bob's follow accepted",
        () => Promise.resolve(inbox.received.some((a) => a.type === "Accept")),
      );

      // bob posts; alice replies to him (mentioning him) and boosts his post.
      const bobsNoteId = `${peer.origin}/users/bob/statuses/1`;
      const bobsNote = {
        "@context": AS_CONTEXT,
        id: bobsNoteId,
        type: "Note",
        attributedTo: bob.id,
        content: "<p>hello from bob</p>",
        to: [PUBLIC],
        cc: [bob.followers],
        published: new Date().toISOString(),
      };
      peer.put("/users/bob/statuses/1", bobsNote);
      const res = await peer.deliver(bob, `${instance.origin}/inbox`, {
        "@context": AS_CONTEXT,
        id: `${bobsNoteId}#create`,
        type: "Create",
        actor: bob.id,
        to: [PUBLIC],
        object: bobsNote,
      });
      assert.equal(res.status, 202);
      await res.body?.cancel();
      const bobsNoteOnA = await eventually(
        "bob's note stored",
        () => statusIdByUri(instance, bobsNoteId),
      );
      const peerHost = new URL(peer.origin).host;
      const reply = await createStatus(instance.deps, alice, {
        status: `@bob@${peerHost} a reply to you`,
        visibility: "public",
        inReplyToId: bobsNoteOnA,
      });
      const boost = await reblogStatus(
        instance.deps,
        { id: alice.account.id, local: true },
        bobsNoteOnA,
      );
      await eventually(
        "the reply and the boost delivered",
        () =>
          Promise.resolve(
            inbox.received.some((a) => a.object?.id === reply.uri) &&
              inbox.received.some((a) => a.id === boost.uri),
          ),
      );
      await unreblogStatus(instance.deps, alice.account.id, bobsNoteOnA);
      const undo = await eventually(
        "the Undo of the boost delivered",
        () =>
          Promise.resolve(
            inbox.received.find((a) =>
              a.type === "Undo" && a.object?.id === boost.uri
            ),
          ),
      );

      // Whatever a duplicate would be, it was queued with the activity: a later post of hers,
      // delivered, means the queue has handed over everything before it.
      const last = await createStatus(instance.deps, alice, {
        status: "the last word",
        visibility: "public",
      });
      await eventually(
        "the last post delivered",
        () => Promise.resolve(inbox.creates("the last word") >= 1),
      );
      await eventually("the delivery queue drained", async () => {
        const [{ n }] = await instance.deps.sql<{ n: number }[]>`
          SELECT count(*)::int AS n FROM federation_queue`;
        return n === 0;
      });

      const deliveriesOf = (matches: (a: typeof undo) => boolean) =>
        inbox.deliveries.filter((d) => matches(d.activity)).map((d) => d.path);
      assert.deepEqual(
        deliveriesOf((a) => a.type === "Create" && a.object?.id === reply.uri),
        ["/inbox"],
        "the reply: once, at the shared inbox",
      );
      assert.deepEqual(
        deliveriesOf((a) => a.type === "Announce" && a.id === boost.uri),
        ["/inbox"],
        "the boost: once, at the shared inbox",
      );
      assert.deepEqual(
        deliveriesOf((a) => a.type === "Undo" && a.object?.id === boost.uri),
        ["/inbox"],
        "the Undo: once, at the shared inbox",
      );
      assert.deepEqual(
        deliveriesOf((a) => a.type === "Create" && a.object?.id === last.uri),
        ["/inbox"],
      );

      // The Undo embeds the Announce as it was delivered: addressing and date included.
      const announce = inbox.received.find((a) => a.id === boost.uri)!;
      const embedded = undo.object!;
      assert.equal(embedded.type, "Announce");
      assert.equal(embedded.actor, `${instance.origin}/users/alice`);
      assert.equal(embedded.object, bobsNoteId);
      assert.deepEqual(embedded.to, announce.to);
      assert.deepEqual(embedded.cc, announce.cc);
      assert.equal(embedded.published, announce.published);
      assert.ok(embedded.published, "the embedded Announce has a date");
      assert.deepEqual(undo.to, announce.to, "the Undo goes where it went");
    } finally {
      await inbox.close();
      await peer.close();
      await instance.close();
    }
  },
});
