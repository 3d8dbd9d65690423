/**
 * What the inbox refuses, with nothing stored: an activity signed by someone other than its
 * actor, a post whose id or author is not the sender's, a Delete/Update of someone else's post,
 * and duplicate deliveries (sequential and concurrent) that must be no-ops.
 *
 * B plays the sender: its Fedify context signs real deliveries with mallory's keys.
 */
import assert from "node:assert/strict";
import {
  Create,
  Delete,
  Flag,
  Mention,
  Note,
  PUBLIC_COLLECTION,
  Tombstone,
  Update,
} from "@fedify/vocab";
import { signRequest } from "@fedify/fedify";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { createUserWithToken } from "../helpers/users.ts";
import { createStatus } from "../../lib/domain/statuses.ts";
import { resolveRemote } from "../../lib/federation/search.ts";
import { localAccountKeyPairs } from "../../lib/federation/keys.ts";
import { eventually } from "./helpers.ts";

async function statusCount(
  instance: TestInstance,
  uri: string,
): Promise<number> {
  const [{ n }] = await instance.deps.sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM statuses WHERE uri = ${uri}`;
  return n;
}

Deno.test({
  name:
    "refusals: forged actor, foreign object id, cross-origin delete/update, duplicates",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const a = await startTestInstance({ host: "localhost" });
    const b = await startTestInstance();
    const c = await startTestInstance();
    try {
      const alice = await createUserWithToken(a, "alice");
      const mallory = await createUserWithToken(b, "mallory");
      await createUserWithToken(b, "bob");
      const carol = await createUserWithToken(c, "carol");
      const ctx = (await b.deps.federation()).createContext(
        new URL(b.origin),
        b.deps,
      );
      const malloryId = new URL(`${b.origin}/users/mallory`);
      const aliceRecipient = {
        id: new URL(`${a.origin}/users/alice`),
        inboxId: new URL(`${a.origin}/users/alice/inbox`),
      };
      const send = (activity: Create | Delete | Update) =>
        ctx.sendActivity({ identifier: "mallory" }, aliceRecipient, activity, {
          immediate: true,
        });
      let n = 0;
      const note = (id: string, attributedTo: URL, content: string) =>
        new Note({
          id: new URL(id),
          attribution: attributedTo,
          content,
          tos: [PUBLIC_COLLECTION],
          published: Temporal.Now.instant(),
        });
      const create = (object: Note, actor = malloryId) =>
        new Create({
          id: new URL(`${b.origin}/users/mallory/activities/${++n}`),
          actor,
          object,
          tos: [PUBLIC_COLLECTION],
        });
      /** A post A accepts, to know the inbox has caught up. */
      const marker = async () => {
        const id = `${b.origin}/users/mallory/statuses/marker-${++n}`;
        await send(create(note(id, malloryId, "marker")));
        await eventually(
          "marker stored",
          async () => (await statusCount(a, id)) === 1,
        );
        await new Promise((r) => setTimeout(r, 300));
      };

      // 1. Forged actor: signed with mallory's key, claiming to be bob.
      const forgedId = `${b.origin}/users/bob/statuses/forged`;
      const forged = create(
        note(forgedId, new URL(`${b.origin}/users/bob`), "I am bob"),
      );
      const forgedActivity = forged.clone({
        actor: new URL(`${b.origin}/users/bob`),
      });
      const body = JSON.stringify(
        await forgedActivity.toJsonLd({ contextLoader: ctx.contextLoader }),
      );
      const [rsa] = await localAccountKeyPairs(b.deps.sql, mallory.account.id);
      const signed = await signRequest(
        new Request(aliceRecipient.inboxId, {
          method: "POST",
          headers: { "content-type": "application/activity+json" },
          body,
        }),
        rsa.privateKey,
        new URL(`${malloryId.href}#main-key`),
      );
      const forgedResponse = await fetch(signed);
      await forgedResponse.body?.cancel();
      assert.equal(forgedResponse.status, 401, "the signer is not the actor");

      // 2. Foreign object ids: a note on A's origin, and a note attributed to someone else.
      const foreignId = `${a.origin}/users/alice/statuses/999`;
      await send(create(note(foreignId, malloryId, "pretending to be on A")));
      const misattributedId = `${b.origin}/users/mallory/statuses/not-mine`;
      await send(
        create(
          note(
            misattributedId,
            new URL(`${c.origin}/users/carol`),
            "carol said",
          ),
        ),
      );
      await marker();
      assert.equal(await statusCount(a, forgedId), 0);
      assert.equal(await statusCount(a, foreignId), 0);
      assert.equal(await statusCount(a, misattributedId), 0);

      // 3. Cross-origin delete and update: A knows carol's post (from C); mallory can't touch it.
      const carolPost = await createStatus(c.deps, carol, {
        status: "carol's post",
        visibility: "public",
      });
      const stored = (await resolveRemote(a.deps, carolPost.uri)).status;
      assert.ok(stored, "A resolved carol's post from its id");
      await send(
        new Delete({
          id: new URL(`${b.origin}/users/mallory/activities/${++n}`),
          actor: malloryId,
          object: new Tombstone({ id: new URL(carolPost.uri) }),
        }),
      );
      await send(
        new Update({
          id: new URL(`${b.origin}/users/mallory/activities/${++n}`),
          actor: malloryId,
          object: note(
            carolPost.uri,
            new URL(`${c.origin}/users/carol`),
            "defaced",
          ),
        }),
      );
      await marker();
      const [after] = await a.deps.sql<{ content: string }[]>`
        SELECT content FROM statuses WHERE uri = ${carolPost.uri}`;
      assert.ok(after, "carol's post survives mallory's Delete");
      assert.match(after.content, /carol/);
      assert.doesNotMatch(after.content, /defaced/);
      const [tomb] = await a.deps
        .sql`SELECT 1 FROM tombstones WHERE uri = ${carolPost.uri}`;
      assert.equal(tomb, undefined, "no tombstone for someone else's post");

      // A reply to a post A has never seen: the parent is fetched from its own server.
      const carolParent = await createStatus(c.deps, carol, {
        status: "a post A never saw",
        visibility: "public",
      });
      const replyId = `${b.origin}/users/mallory/statuses/reply-${++n}`;
      await send(create(
        note(replyId, malloryId, "replying").clone({
          replyTarget: new URL(carolParent.uri),
        }),
      ));
      const replyOnA = await eventually("reply stored on A", async () => {
        const [row] = await a.deps.sql<{ in_reply_to_id: string | null }[]>`
          SELECT in_reply_to_id FROM statuses WHERE uri = ${replyId}`;
        return row;
      });
      const [parentOnA] = await a.deps.sql<{ id: string }[]>`
        SELECT id FROM statuses WHERE uri = ${carolParent.uri}`;
      assert.ok(parentOnA, "the parent was fetched");
      assert.equal(replyOnA.in_reply_to_id, parentOnA.id);

      // A Flag about alice becomes a report.
      await ctx.sendActivity(
        { identifier: "mallory" },
        aliceRecipient,
        new Flag({
          id: new URL(`${b.origin}/users/mallory/flags/${++n}`),
          actor: malloryId,
          objects: [aliceRecipient.id],
          content: "spam",
        }),
        { immediate: true },
      );
      await eventually("report stored", async () => {
        const [row] = await a.deps.sql`
          SELECT 1 FROM reports WHERE target_account_id = ${alice.account.id} AND comment = 'spam'`;
        return Boolean(row);
      });

      // 4. Duplicates: the same post in several activities, one after another and at once.
      const dupId = `${b.origin}/users/mallory/statuses/dup`;
      const dupNote = note(dupId, malloryId, `@alice hello`).clone({
        tags: [
          new Mention({
            href: aliceRecipient.id,
            name: `@alice@${new URL(a.origin).host}`,
          }),
        ],
      });
      await send(create(dupNote));
      await send(create(dupNote));
      await Promise.all([
        send(create(dupNote)),
        send(create(dupNote)),
        send(create(dupNote)),
      ]);
      await marker();
      assert.equal(await statusCount(a, dupId), 1);
      const [{ statuses_count }] = await a.deps.sql<
        { statuses_count: number }[]
      >`
        SELECT statuses_count FROM accounts WHERE uri = ${malloryId.href}`;
      // The dup post plus the markers, each counted once.
      const [{ n: stored_posts }] = await a.deps.sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM statuses s JOIN accounts ac ON ac.id = s.account_id
        WHERE ac.uri = ${malloryId.href}`;
      assert.equal(statuses_count, stored_posts);
      const [{ n: notified }] = await a.deps.sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM notifications
        WHERE account_id = ${alice.account.id} AND type = 'mention'`;
      assert.equal(notified, 1, "one mention notification for five deliveries");
    } finally {
      await c.close();
      await b.close();
      await a.close();
    }
  },
});
