/**
 * An outbox page as a peer reads it: public and unlisted posts as `Create`s (mentions, hashtags,
 * attachments, polls as `Question`s, replies with `inReplyTo`), boosts as `Announce`s, nothing
 * followers-only or direct — built in a CONSTANT number of SQL statements whatever the page
 * holds, counted on the wire by the bench's Postgres proxy (bench/lib/pgcount.ts).
 */
import assert from "node:assert/strict";
import { startQueryCounter } from "../../bench/lib/pgcount.ts";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";
import {
  apiFetch,
  createUserWithToken,
  type TestUser,
} from "../helpers/users.ts";
import { smallPng, upload } from "../media/helpers.ts";

const AS = { accept: "application/activity+json" };
/** Compacted JSON-LD writes a one-element array as its element. */
const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

async function post(
  instance: TestInstance,
  user: TestUser,
  path: string,
  body: unknown,
): Promise<{ id: string; uri: string }> {
  const res = await apiFetch(instance, user.token, path, { body });
  assert.equal(res.status, 200, `${path}: ${await res.clone().text()}`);
  return await res.json();
}

/**
 * `visible` outbox items by `author`, cycling through every kind a page can hold, plus a
 * followers-only and a direct post that must not show.
 */
async function seed(
  instance: TestInstance,
  author: TestUser,
  /** Bob's posts: each boost takes the next one, replies go to the first. */
  others: string[],
  visible: number,
) {
  let previous: string | null = null;
  for (let i = 0; i < visible; i++) {
    const kind = i % 5;
    if (kind === 4) {
      await post(
        instance,
        author,
        `/api/v1/statuses/${others[(i - 4) / 5]}/reblog`,
        {},
      );
      continue;
    }
    const body: Record<string, unknown> = {
      status: `post ${i} @bob @robin@remote.example #CamelTag #t${i}`,
      visibility: i % 2 ? "unlisted" : "public",
    };
    if (kind === 0) {
      const res = await upload(instance, author.token, {
        bytes: await smallPng(),
        type: "image/png",
      }, { description: `picture ${i}` });
      body.media_ids = [(await res.json()).id];
    }
    if (kind === 1) body.poll = { options: ["yes", "no"], expires_in: 3600 };
    if (kind === 2) body.in_reply_to_id = others[0];
    if (kind === 3 && previous) body.in_reply_to_id = previous;
    previous = (await post(instance, author, "/api/v1/statuses", body)).id;
  }
  await post(instance, author, "/api/v1/statuses", {
    status: "only followers",
    visibility: "private",
  });
  await post(instance, author, "/api/v1/statuses", {
    status: "@bob just us",
    visibility: "direct",
  });
}

Deno.test({
  name:
    "outbox: a page is what a peer expects, in a constant number of statements",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const database = await createTestDatabase();
    const counter = startQueryCounter();
    const url = new URL(database.url);
    url.host = `127.0.0.1:${counter.port}`;
    const instance = await startTestInstance({
      env: { DATABASE_URL: url.href },
    });
    try {
      const alice = await createUserWithToken(instance, "alice");
      const carol = await createUserWithToken(instance, "carol");
      const bob = await createUserWithToken(instance, "bob");
      await instance.deps.sql`
        INSERT INTO accounts (username, domain, display_name, uri, url, inbox_url)
        VALUES ('robin', 'remote.example', 'Robin', 'https://remote.example/users/robin',
                'https://remote.example/@robin', 'https://remote.example/users/robin/inbox')`;
      const others = [];
      for (let i = 0; i < 5; i++) {
        others.push(
          await post(instance, bob, "/api/v1/statuses", { status: `bob ${i}` }),
        );
      }
      const original = others[0];
      const ids = others.map((s) => s.id);
      await seed(instance, alice, ids, 5);
      await seed(instance, carol, ids, 25);
      // Let after-commit work (fan-out, deliveries being queued) settle before counting.
      await new Promise((r) => setTimeout(r, 500));

      const firstPage = async (username: string) => {
        const res = await instance.fetch(`/users/${username}/outbox`, {
          headers: AS,
        });
        const collection = await res.json();
        const first = new URL(collection.first);
        let best = Infinity;
        let log: string[] = [];
        let page = null;
        for (let round = 0; round < 3; round++) {
          counter.takeLog();
          const before = counter.count();
          const res = await instance.fetch(first.pathname + first.search, {
            headers: AS,
          });
          assert.equal(res.status, 200);
          page = await res.json();
          const used = counter.count() - before;
          if (used < best) {
            best = used;
            log = counter.takeLog();
          }
        }
        return { collection, page, count: best, log };
      };
      const few = await firstPage("alice");
      const many = await firstPage("carol");

      // What a peer sees: five items, newest first, nothing private or direct.
      assert.equal(few.collection.totalItems, 5);
      assert.equal(many.collection.totalItems, 25);
      assert.equal(few.page.orderedItems.length, 5);
      assert.equal(many.page.orderedItems.length, 20);
      const items = [...few.page.orderedItems].reverse();
      assert.deepEqual(
        items.map((a: { type: string }) => a.type),
        ["Create", "Create", "Create", "Create", "Announce"],
      );
      for (const activity of few.page.orderedItems) {
        const text = JSON.stringify(activity);
        assert.ok(!text.includes("only followers"), "no followers-only post");
        assert.ok(!text.includes("just us"), "no direct post");
      }
      const [pictured, poll, reply, selfReply, announce] = items;
      const note = pictured.object;
      assert.equal(note.type, "Note");
      assert.deepEqual(list(note.to), ["as:Public"]);
      const tags = list(note.tag).map((
        t: { type: string; name: string; href: string },
      ) => `${t.type} ${t.name} ${t.href}`);
      assert.deepEqual(tags, [
        `Mention @bob@${
          new URL(instance.origin).host
        } ${instance.origin}/users/bob`,
        "Mention @robin@remote.example https://remote.example/users/robin",
        `Hashtag #cameltag ${instance.origin}/tags/cameltag`,
        `Hashtag #t0 ${instance.origin}/tags/t0`,
      ]);
      const [attachment, ...more] = list(note.attachment);
      assert.equal(more.length, 0);
      assert.equal(attachment.type, "Document");
      assert.equal(attachment.mediaType, "image/png");
      assert.equal(attachment.name, "picture 0");
      assert.equal(poll.object.type, "Question");
      assert.deepEqual(
        poll.object.oneOf.map((o: { name: string }) => o.name),
        ["yes", "no"],
      );
      assert.ok(
        list(poll.object.cc).includes("as:Public"),
        "unlisted: Public in cc",
      );
      assert.equal(reply.object.inReplyTo, original.uri);
      assert.equal(selfReply.object.inReplyTo, reply.object.id);
      assert.equal(announce.object, original.uri);

      const counts = `5 posts: ${few.count}, 20 posts: ${many.count}`;
      assert.equal(
        few.count,
        many.count,
        `page sizes differ: ${counts}\n## 5\n${few.log.join("\n")}\n## 20\n${
          many.log.join("\n")
        }`,
      );
      assert.ok(
        few.count <= 6,
        `too many statements: ${counts}\n${few.log.join("\n")}`,
      );
    } finally {
      await instance.close();
      counter.close();
      await database.drop();
    }
  },
});
