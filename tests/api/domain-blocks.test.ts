/**
 * A user's own domain blocks through masto.js, against a fake peer: block, list (strings, Link
 * paging), the domain's posts gone from home/public/tag timelines, its mentions not notified, its conversations hidden,
 * its follows of the user removed (the user's own follows kept, as Mastodon), relationship
 * `domain_blocking`; unblock brings the posts back.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { api, client, createUserWithToken, follow } from "../helpers/users.ts";
import {
  AS_CONTEXT,
  type FakeActor,
  type FakePeer,
  followFrom,
  startFakePeer,
} from "../helpers/fake-peer.ts";
import { assertMatchesSchema } from "../helpers/openapi.ts";

const PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

async function eventually<T>(what: string, get: () => Promise<T | undefined>) {
  for (let i = 0; i < 100; i++) {
    const value = await get();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`never happened: ${what}`);
}

async function post(
  peer: FakePeer,
  origin: string,
  actor: FakeActor,
  n: number,
  text: string,
  tag: unknown[] = [],
  to: string[] = [PUBLIC],
) {
  const id = `${actor.id}/statuses/${n}`;
  const note = {
    "@context": AS_CONTEXT,
    id,
    type: "Note",
    attributedTo: actor.id,
    content: `<p>${text}</p>`,
    tag,
    to,
    cc: to.includes(PUBLIC) ? [actor.followers] : [],
    published: new Date().toISOString(),
  };
  peer.put(new URL(id).pathname, note);
  const res = await peer.deliver(actor, `${origin}/inbox`, {
    "@context": AS_CONTEXT,
    id: `${id}#create`,
    type: "Create",
    actor: actor.id,
    to,
    object: note,
  });
  await res.body?.cancel();
  assert.equal(res.status, 202);
  return id;
}

Deno.test({
  name:
    "user domain blocks: block, list, hidden posts and notifications, follows removed, unblock",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    const peer = startFakePeer();
    try {
      const alice = await createUserWithToken(instance, "alice");
      const asAlice = client(instance, alice.token);
      const zed = await peer.actor("zed");
      await followFrom(instance.origin, peer, zed);
      const zedId = await eventually(
        "zed's follow",
        async () =>
          (await instance.deps.sql<{ id: string }[]>`
          SELECT a.id FROM accounts a JOIN follows f ON f.account_id = a.id
          WHERE a.uri = ${zed.id}`)[0]?.id,
      );
      await follow(instance, alice, { account: { id: zedId } });
      const domain = new URL(peer.origin).host;
      const hashtag = [{
        type: "Hashtag",
        name: "#blockedtag",
        href: `${peer.origin}/tags/blockedtag`,
      }];
      const before = await post(
        peer,
        instance.origin,
        zed,
        1,
        "before #blockedtag",
        hashtag,
      );
      await eventually(
        "zed's post on alice's home",
        async () =>
          (await asAlice.v1.timelines.home.list()).find((s) =>
            s.uri === before
          ),
      );

      // A direct message from zed: a conversation for alice.
      const aliceMention = [{
        type: "Mention",
        href: `${instance.origin}/users/alice`,
        name: `@alice@${new URL(instance.origin).host}`,
      }];
      const dm = await post(
        peer,
        instance.origin,
        zed,
        3,
        "@alice psst",
        aliceMention,
        [
          `${instance.origin}/users/alice`,
        ],
      );
      await eventually(
        "zed's direct message in alice's conversations",
        async () =>
          (await asAlice.v1.conversations.list()).find((c) =>
            c.lastStatus?.uri === dm
          ),
      );

      // Block the domain.
      const blocked = await api(
        instance,
        alice.token,
        "POST",
        "/api/v1/domain_blocks",
        {
          domain,
        },
      );
      assert.equal(blocked.status, 200);
      assert.deepEqual(blocked.body, {});
      await asAlice.v1.domainBlocks.create({ domain: "other.example" });
      const pages: string[][] = [];
      for await (const page of asAlice.v1.domainBlocks.list({ limit: 1 })) {
        pages.push(page);
      }
      assert.deepEqual(pages.flat(), ["other.example", domain]);

      const [relationship] = await asAlice.v1.accounts.relationships.fetch({
        id: [zedId],
      });
      assert.equal(relationship.domainBlocking, true);
      assert.equal(
        relationship.followedBy,
        false,
        "zed's follow of alice is removed",
      );
      assert.equal(
        relationship.following,
        true,
        "alice's follow of zed is kept",
      );
      const raw = await api(
        instance,
        alice.token,
        "GET",
        `/api/v1/accounts/relationships?id[]=${zedId}`,
      );
      await assertMatchesSchema(raw.body[0], "Relationship");

      // Its posts leave the timelines; new ones and mentions don't come.
      const mention = [{
        type: "Mention",
        href: `${instance.origin}/users/alice`,
        name: `@alice@${new URL(instance.origin).host}`,
      }];
      const after = await post(
        peer,
        instance.origin,
        zed,
        2,
        "@alice after #blockedtag",
        [
          ...hashtag,
          ...mention,
        ],
      );
      await eventually(
        "zed's second post stored",
        async () =>
          (await instance.deps
            .sql`SELECT 1 FROM statuses WHERE uri = ${after}`)[0],
      );
      const uris = (list: { uri: string }[]) => list.map((s) => s.uri);
      assert.deepEqual(uris(await asAlice.v1.timelines.home.list()), []);
      assert.deepEqual(uris(await asAlice.v1.timelines.public.list()), []);
      assert.deepEqual(
        uris(await asAlice.v1.timelines.tag.$select("blockedtag").list()),
        [],
      );
      assert.deepEqual(await asAlice.v1.notifications.list(), []);
      assert.deepEqual(await asAlice.v1.conversations.list(), []);
      // Others still see them.
      const bob = await createUserWithToken(instance, "bob");
      assert.deepEqual(
        uris(
          await client(instance, bob.token).v1.timelines.tag.$select(
            "blockedtag",
          ).list(),
        ),
        [after, before],
      );

      // Unblock: the posts are back.
      await asAlice.v1.domainBlocks.remove({ domain });
      assert.deepEqual(await asAlice.v1.domainBlocks.list(), ["other.example"]);
      assert.deepEqual(uris(await asAlice.v1.timelines.home.list()), [
        dm,
        before,
      ]);
      assert.deepEqual(
        uris(await asAlice.v1.timelines.tag.$select("blockedtag").list()),
        [after, before],
      );
      assert.equal(
        (await asAlice.v1.conversations.list())[0].lastStatus?.uri,
        dm,
      );
      const [again] = await asAlice.v1.accounts.relationships.fetch({
        id: [zedId],
      });
      assert.equal(again.domainBlocking, false);

      // Bad input: Mastodon's error.
      const bad = await api(
        instance,
        alice.token,
        "POST",
        "/api/v1/domain_blocks",
        {},
      );
      assert.equal(bad.status, 422);
      assert.ok(bad.body.error);
    } finally {
      await peer.close();
      await instance.close();
    }
  },
});
