/**
 * Rule: a followers-only or direct post is never readable outside its audience, through any
 * read path — and where it is refused, the refusal (status and body) is the one a post that
 * doesn't exist gets.
 *
 * The table is viewer relation (anonymous, stranger, follower, mentioned, blocked, author) ×
 * visibility × read path. `tests/api/visibility.test.ts` walks the Mastodon API's timelines and
 * single-status reads; this file walks what it doesn't: the web pages (`/@user/ID`, profile
 * tabs, timeline pages, search page), the search API, replies in context from both sides, the
 * ActivityPub object and outbox as an unsigned fetcher sees them, the object as a signed remote
 * follower, mentioned actor, stranger or blocked actor sees it, the remaining status
 * endpoints (favourited_by, reblogged_by, history, mute, pin), reporting a status, the web
 * action forms, and the RSS feeds (`/@author.rss`, `/tags/vis.rss`), which carry public posts
 * only, whoever asks.
 */
import assert from "node:assert/strict";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { apiFetch, createUserWithToken, follow } from "../helpers/users.ts";
import { startWebSession } from "../../lib/domain/sessions.ts";
import { SESSION_COOKIE } from "../../lib/web/session-cookie.ts";
import { FormClient } from "../helpers/forms.ts";
import { startFakePeer } from "../helpers/fake-peer.ts";
import { signRequest } from "@fedify/fedify";
import { resolveActorUri as resolveRemoteActor } from "../../lib/federation/remote-accounts.ts";

const VISIBILITIES = ["public", "unlisted", "private", "direct"] as const;
type Visibility = typeof VISIBILITIES[number];
const VIEWERS = [
  "anonymous",
  "author",
  "follower",
  "mentioned",
  "stranger",
  "blocked",
] as const;
type Viewer = typeof VIEWERS[number];

/** Who may read what (the rule of `lib/domain/visibility.ts`, spelled out). */
const SEES: Record<Viewer, Record<Visibility, boolean>> = {
  anonymous: { public: true, unlisted: true, private: false, direct: false },
  author: { public: true, unlisted: true, private: true, direct: true },
  follower: { public: true, unlisted: true, private: true, direct: false },
  mentioned: { public: true, unlisted: true, private: true, direct: true },
  stranger: { public: true, unlisted: true, private: false, direct: false },
  blocked: { public: false, unlisted: false, private: false, direct: false },
};

const AS_JSON = { accept: "application/activity+json" };

interface World {
  instance: TestInstance;
  tokens: Record<Viewer, string | null>;
  cookies: Record<Viewer, string | null>;
  /** The post of each visibility, its marker word, and a public reply to it. */
  posts: Record<Visibility, { id: string; word: string; replyId: string }>;
  /** A public root with one reply of each visibility under it. */
  root: {
    id: string;
    replies: Record<Visibility, { id: string; word: string }>;
  };
}

async function buildWorld(instance: TestInstance): Promise<World> {
  const users = {
    author: await createUserWithToken(instance, "author"),
    follower: await createUserWithToken(instance, "follower"),
    mentioned: await createUserWithToken(instance, "mentioned"),
    stranger: await createUserWithToken(instance, "stranger"),
    blocked: await createUserWithToken(instance, "blocked"),
  };
  await follow(instance, users.follower, users.author);
  await follow(instance, users.blocked, users.author); // a block beats a follow and a mention
  await instance.deps.sql`INSERT INTO blocks (account_id, target_account_id)
    VALUES (${users.author.account.id}, ${users.blocked.account.id})`;
  const tokens = { anonymous: null } as Record<Viewer, string | null>;
  const cookies = { anonymous: null } as Record<Viewer, string | null>;
  for (const [name, user] of Object.entries(users)) {
    tokens[name as Viewer] = user.token;
    const secret = await startWebSession(
      instance.deps.sql,
      instance.deps.secret,
      user.user.id,
      {},
    );
    cookies[name as Viewer] = `${SESSION_COOKIE}=${secret}`;
  }
  const post = async (body: Record<string, unknown>) => {
    const res = await apiFetch(
      instance,
      users.author.token,
      "/api/v1/statuses",
      {
        body,
      },
    );
    assert.equal(res.status, 200, await res.clone().text());
    return (await res.json()).id as string;
  };
  const posts = {} as World["posts"];
  for (const visibility of VISIBILITIES) {
    const word = `zq${visibility}marker`;
    const id = await post({
      status: `@mentioned @blocked #vis ${word}`,
      visibility,
    });
    const replyId = await post({
      status: "a public reply",
      in_reply_to_id: id,
      visibility: "public",
    });
    posts[visibility] = { id, word, replyId };
  }
  const rootId = await post({ status: "a public root", visibility: "public" });
  const replies = {} as World["root"]["replies"];
  for (const visibility of VISIBILITIES) {
    const word = `zq${visibility}reply`;
    const id = await post({
      status: `@mentioned @blocked ${word}`,
      in_reply_to_id: rootId,
      visibility,
    });
    replies[visibility] = { id, word };
  }
  return { instance, tokens, cookies, posts, root: { id: rootId, replies } };
}

async function webGet(world: World, viewer: Viewer, path: string) {
  const cookie = world.cookies[viewer];
  const res = await world.instance.fetch(path, {
    headers: cookie ? { cookie } : {},
    redirect: "manual",
  });
  return { status: res.status, html: await res.text() };
}

/** Pages differ per request in their CSRF token and nonces only. */
function normalised(html: string): string {
  return html
    .replace(/name="_csrf" value="[^"]*"/g, "")
    .replace(/nonce="[^"]*"/g, "")
    .replace(/"csrf":"[^"]*"/g, "");
}

Deno.test({
  name:
    "private and direct posts stay within their audience on every read path",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const world = await buildWorld(instance);
      const { posts, root } = world;
      const missingWeb = {} as Record<Viewer, { html: string }>;
      for (const viewer of VIEWERS) {
        const missing = await webGet(world, viewer, "/@author/1234567890");
        assert.equal(missing.status, 404);
        missingWeb[viewer] = missing;
      }
      for (const viewer of VIEWERS) {
        const profile = await webGet(world, viewer, "/@author");
        const withReplies = await webGet(
          world,
          viewer,
          "/@author/with_replies",
        );
        const publicPage = await webGet(world, viewer, "/public");
        const localPage = await webGet(world, viewer, "/public/local");
        const tagPage = await webGet(world, viewer, "/tags/vis");
        const accountFeed = await webGet(world, viewer, "/@author.rss");
        const tagFeed = await webGet(world, viewer, "/tags/vis.rss");
        assert.equal(accountFeed.status, 200);
        assert.equal(tagFeed.status, 200);
        const rootPage = await webGet(world, viewer, `/@author/${root.id}`);
        const rootContext = await apiFetch(
          instance,
          world.tokens[viewer],
          `/api/v1/statuses/${root.id}/context`,
        );
        const descendantIds = new Set(
          (await rootContext.json()).descendants?.map((s: { id: string }) =>
            s.id
          ) ?? [],
        );
        const byIds = await apiFetch(
          instance,
          world.tokens[viewer],
          `/api/v1/statuses?${
            VISIBILITIES.map((v) => `id[]=${posts[v].id}`).join("&")
          }`,
        );
        const seenByIds = new Set(
          (await byIds.json()).map((s: { id: string }) => s.id),
        );
        for (const visibility of VISIBILITIES) {
          const where = `${viewer} × ${visibility}`;
          const sees = SEES[viewer][visibility];
          const { id, word, replyId } = posts[visibility];
          assert.equal(
            seenByIds.has(id),
            sees,
            `/api/v1/statuses?id[]=: ${where}`,
          );

          // The status page: 200 or a 404 identical to a missing post's.
          const page = await webGet(world, viewer, `/@author/${id}`);
          assert.equal(page.status, sees ? 200 : 404, `status page: ${where}`);
          if (!sees) {
            assert.doesNotMatch(page.html, new RegExp(word), `page: ${where}`);
            assert.equal(
              normalised(page.html),
              normalised(missingWeb[viewer].html),
              `status page looks missing: ${where}`,
            );
          }
          // Profile tabs and timeline pages.
          assert.equal(profile.html.includes(word), sees, `profile: ${where}`);
          assert.equal(
            withReplies.html.includes(word),
            sees,
            `with_replies: ${where}`,
          );
          const inPublic = sees && visibility === "public";
          assert.equal(
            publicPage.html.includes(word),
            inPublic,
            `/public: ${where}`,
          );
          assert.equal(
            localPage.html.includes(word),
            inPublic,
            `/public/local: ${where}`,
          );
          assert.equal(
            tagPage.html.includes(word),
            inPublic,
            `/tags/vis: ${where}`,
          );
          // Feeds are for anyone: public posts only, the same for every viewer.
          const inFeed = visibility === "public";
          assert.equal(
            accountFeed.html.includes(word),
            inFeed,
            `/@author.rss: ${where}`,
          );
          assert.equal(
            accountFeed.html.includes(root.replies[visibility].word),
            inFeed,
            `/@author.rss, own thread: ${where}`,
          );
          assert.equal(
            tagFeed.html.includes(word),
            inFeed,
            `/tags/vis.rss: ${where}`,
          );

          // A public reply's page shows the parent only to its audience.
          if (viewer !== "blocked") {
            const replyPage = await webGet(
              world,
              viewer,
              `/@author/${replyId}`,
            );
            assert.equal(replyPage.status, 200, `reply page: ${where}`);
            assert.equal(
              replyPage.html.includes(word),
              sees,
              `ancestor on page: ${where}`,
            );
          }
          // Replies of each visibility under a public root: the page and the API context.
          const reply = root.replies[visibility];
          if (viewer !== "blocked") {
            assert.equal(
              rootPage.html.includes(reply.word),
              sees,
              `descendant on page: ${where}`,
            );
            assert.equal(
              descendantIds.has(reply.id),
              sees,
              `descendants: ${where}`,
            );
          }

          // Search: the page and the API never surface what the viewer can't see.
          const searchPage = await webGet(world, viewer, `/search?q=${word}`);
          if (!sees) {
            assert.doesNotMatch(
              searchPage.html,
              new RegExp(`/@author/${id}\\b`),
              `search page: ${where}`,
            );
          }
          const found = await apiFetch(
            instance,
            world.tokens[viewer],
            `/api/v2/search?q=${word}&type=statuses`,
          );
          const foundIds = (await found.json()).statuses?.map((
            s: { id: string },
          ) => s.id) ?? [];
          if (!sees) assert.ok(!foundIds.includes(id), `search API: ${where}`);
          // Searching by the post's own URL (resolve=true) finds it only for its audience.
          if (viewer !== "anonymous") {
            const byUrl = await apiFetch(
              instance,
              world.tokens[viewer],
              `/api/v2/search?resolve=true&type=statuses&q=${
                encodeURIComponent(
                  `${instance.origin}/users/author/statuses/${id}`,
                )
              }`,
            );
            const byUrlIds = (await byUrl.json()).statuses.map((
              s: { id: string },
            ) => s.id);
            assert.equal(
              byUrlIds.includes(id),
              sees,
              `search by URL: ${where}`,
            );
          }
        }
      }
    } finally {
      await instance.close();
    }
  },
});

Deno.test({
  name:
    "status endpoints and web actions answer an invisible post exactly as a missing one",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const world = await buildWorld(instance);
      const author = await (await instance.fetch(
        "/api/v1/accounts/lookup?acct=author",
      )).json();
      const report = (viewer: Viewer, statusId: string) =>
        apiFetch(instance, world.tokens[viewer], "/api/v1/reports", {
          body: { account_id: author.id, status_ids: [statusId] },
        });
      const reads = ["favourited_by", "reblogged_by", "history", "context"];
      const writes = ["favourite", "reblog", "bookmark", "mute", "pin"];
      for (const viewer of ["stranger", "blocked", "follower"] as const) {
        for (const visibility of VISIBILITIES) {
          if (SEES[viewer][visibility]) continue;
          const where = `${viewer} × ${visibility}`;
          const { id } = world.posts[visibility];
          for (const path of reads) {
            const missing = await apiFetch(
              instance,
              world.tokens[viewer],
              `/api/v1/statuses/1234567890/${path}`,
            );
            const res = await apiFetch(
              instance,
              world.tokens[viewer],
              `/api/v1/statuses/${id}/${path}`,
            );
            assert.equal(res.status, 404, `GET ${path}: ${where}`);
            assert.deepEqual(
              await res.json(),
              await missing.json(),
              `GET ${path}: ${where}`,
            );
          }
          for (const path of writes) {
            const missing = await apiFetch(
              instance,
              world.tokens[viewer],
              `/api/v1/statuses/1234567890/${path}`,
              { method: "POST" },
            );
            const res = await apiFetch(
              instance,
              world.tokens[viewer],
              `/api/v1/statuses/${id}/${path}`,
              { method: "POST" },
            );
            assert.equal(res.status, 404, `POST ${path}: ${where}`);
            assert.deepEqual(
              await res.json(),
              await missing.json(),
              `POST ${path}: ${where}`,
            );
          }
          // Reporting it can't probe for it either.
          const missingReport = await report(viewer, "1234567890");
          const reported = await report(viewer, id);
          assert.equal(reported.status, 404, `report: ${where}`);
          assert.deepEqual(
            await reported.json(),
            await missingReport.json(),
            `report: ${where}`,
          );
          // The no-JavaScript action forms refuse the same way.
          const browser = new FormClient(instance.origin);
          const [name, value] = world.cookies[viewer]!.split("=");
          browser.cookies.set(name, value);
          const { csrf } = await browser.page("/@author");
          for (const action of ["favourite", "reblog", "bookmark"]) {
            const res = await browser.post(`/@author/${id}/${action}`, {
              _csrf: csrf,
            });
            await res.body?.cancel();
            assert.equal(res.status, 404, `web ${action}: ${where}`);
          }
          const [{ n }] = await instance.deps.sql<{ n: number }[]>`
            SELECT ((SELECT count(*) FROM favourites WHERE status_id = ${id})
                 + (SELECT count(*) FROM bookmarks WHERE status_id = ${id})
                 + (SELECT count(*) FROM statuses WHERE reblog_of_id = ${id})
                 + (SELECT count(*) FROM status_pins WHERE status_id = ${id})
                 + (SELECT count(*) FROM reports WHERE ${id} = ANY(status_ids))
                 )::int AS n`;
          assert.equal(n, 0, `nothing recorded: ${where}`);
        }
      }
      // Its audience can report it.
      const byFollower = await report("follower", world.posts.private.id);
      assert.equal(byFollower.status, 200, await byFollower.text());
    } finally {
      await instance.close();
    }
  },
});

Deno.test({
  name:
    "an unsigned ActivityPub fetch gets public and unlisted posts only; the outbox lists no others",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const world = await buildWorld(instance);
      const missing = await instance.fetch(
        "/users/author/statuses/1234567890",
        {
          headers: AS_JSON,
        },
      );
      const missingBody = await missing.text();
      assert.equal(missing.status, 404);
      for (const visibility of VISIBILITIES) {
        const { id, word } = world.posts[visibility];
        const res = await instance.fetch(`/users/author/statuses/${id}`, {
          headers: AS_JSON,
        });
        const body = await res.text();
        if (SEES.anonymous[visibility]) {
          assert.equal(res.status, 200, visibility);
          assert.match(body, new RegExp(word));
        } else {
          assert.equal(res.status, 404, `AP GET ${visibility}`);
          assert.equal(
            body,
            missingBody,
            `AP GET looks missing: ${visibility}`,
          );
        }
        // Reply objects never leak their parent's content either.
        const reply = world.root.replies[visibility];
        const replyRes = await instance.fetch(
          `/users/author/statuses/${reply.id}`,
          { headers: AS_JSON },
        );
        assert.equal(
          replyRes.status,
          SEES.anonymous[visibility] ? 200 : 404,
          `AP GET reply ${visibility}`,
        );
        await replyRes.body?.cancel();
      }
      // Every outbox page, followed to the end.
      const outbox = await (await instance.fetch("/users/author/outbox", {
        headers: AS_JSON,
      })).json();
      let next: string | undefined = outbox.first;
      let pages = "";
      for (let i = 0; next && i < 20; i++) {
        const page = await (await fetch(next, { headers: AS_JSON })).json();
        pages += JSON.stringify(page);
        next = typeof page.next === "string" ? page.next : page.next?.id;
      }
      for (const visibility of VISIBILITIES) {
        assert.equal(
          pages.includes(world.posts[visibility].word),
          SEES.anonymous[visibility],
          `outbox: ${visibility}`,
        );
        assert.equal(
          pages.includes(world.root.replies[visibility].word),
          SEES.anonymous[visibility],
          `outbox reply: ${visibility}`,
        );
      }
      // The count says no more than the pages show.
      // public+unlisted posts, the 4 public replies to them, the root, its public+unlisted replies
      assert.equal(outbox.totalItems, 2 + 4 + 1 + 2);
    } finally {
      await instance.close();
    }
  },
});

Deno.test({
  name:
    "a signed ActivityPub fetch gets a private post only for a follower or mentioned actor, a direct one only if mentioned",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    const peer = startFakePeer();
    try {
      const author = await createUserWithToken(instance, "author");
      const ctx = (await instance.deps.federation()).createContext(
        new URL(instance.origin),
        instance.deps,
      );
      const actors = {
        follower: await peer.actor("follower"),
        mentioned: await peer.actor("mentioned"),
        stranger: await peer.actor("stranger"),
        blocked: await peer.actor("blocked"),
      };
      const accounts: Record<string, string> = {};
      for (const [name, actor] of Object.entries(actors)) {
        const account = await resolveRemoteActor(ctx, actor.id);
        assert.ok(account, name);
        accounts[name] = account.id;
      }
      for (const name of ["follower", "blocked"]) {
        await instance.deps
          .sql`INSERT INTO follows (account_id, target_account_id)
          VALUES (${accounts[name]}, ${author.account.id})`;
      }
      await instance.deps.sql`INSERT INTO blocks (account_id, target_account_id)
        VALUES (${author.account.id}, ${accounts.blocked})`;
      const host = new URL(peer.origin).host;
      const ids: Record<string, string> = {};
      for (const visibility of VISIBILITIES) {
        const res = await apiFetch(instance, author.token, "/api/v1/statuses", {
          body: {
            status: `@mentioned@${host} @blocked@${host} signed ${visibility}`,
            visibility,
          },
        });
        assert.equal(res.status, 200);
        ids[visibility] = (await res.json()).id;
      }
      const sees: Record<string, Record<Visibility, boolean>> = {
        follower: SEES.follower,
        mentioned: SEES.mentioned,
        stranger: SEES.stranger,
        blocked: {
          public: true,
          unlisted: true,
          private: false,
          direct: false,
        },
      };
      for (const [name, actor] of Object.entries(actors)) {
        for (const visibility of VISIBILITIES) {
          const signed = await signRequest(
            new Request(
              `${instance.origin}/users/author/statuses/${ids[visibility]}`,
              { headers: AS_JSON },
            ),
            actor.privateKey,
            new URL(actor.keyId),
          );
          const res = await fetch(signed);
          await res.body?.cancel();
          assert.equal(
            res.status,
            sees[name][visibility] ? 200 : 404,
            `signed GET by ${name} × ${visibility}`,
          );
        }
      }
    } finally {
      await peer.close();
      await instance.close();
    }
  },
});

Deno.test({
  name: "the streaming API delivers a post only to its audience",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    const readers: ReadableStreamDefaultReader<Uint8Array>[] = [];
    try {
      const users = {
        author: await createUserWithToken(instance, "author"),
        follower: await createUserWithToken(instance, "follower"),
        mentioned: await createUserWithToken(instance, "mentioned"),
        stranger: await createUserWithToken(instance, "stranger"),
        blocked: await createUserWithToken(instance, "blocked"),
      };
      await follow(instance, users.follower, users.author);
      await follow(instance, users.blocked, users.author);
      await instance.deps.sql`INSERT INTO blocks (account_id, target_account_id)
        VALUES (${users.author.account.id}, ${users.blocked.account.id})`;
      const received: Record<string, string> = {};
      const open = async (
        key: string,
        token: string | null,
        stream: string,
      ) => {
        const res = await instance.fetch(
          `/api/v1/streaming/${stream}${token ? `&access_token=${token}` : ""}`,
        );
        assert.equal(res.status, 200, key);
        const reader = res.body!.getReader();
        readers.push(reader);
        received[key] = "";
        (async () => {
          const decoder = new TextDecoder();
          while (true) {
            const { value, done } = await reader.read();
            if (done) return;
            received[key] += decoder.decode(value);
          }
        })().catch(() => {});
      };
      const streams = ["public?x=1", "hashtag?tag=vis", "user?x=1"];
      await open("anonymous public", null, "public?x=1");
      await open("anonymous hashtag", null, "hashtag?tag=vis");
      for (const [name, user] of Object.entries(users)) {
        for (const stream of streams) {
          await open(`${name} ${stream.split("?")[0]}`, user.token, stream);
        }
      }
      await new Promise((r) => setTimeout(r, 200));
      for (const visibility of VISIBILITIES) {
        const res = await apiFetch(
          instance,
          users.author.token,
          "/api/v1/statuses",
          {
            body: {
              status: `@mentioned @blocked #vis zqstream${visibility}`,
              visibility,
            },
          },
        );
        assert.equal(res.status, 200);
        await res.body?.cancel();
      }
      await new Promise((r) => setTimeout(r, 1500));
      for (const [key, text] of Object.entries(received)) {
        const [viewer, stream] = key.split(" ") as [Viewer, string];
        for (const visibility of VISIBILITIES) {
          const got = text.includes(`zqstream${visibility}`);
          if (!SEES[viewer][visibility]) {
            assert.ok(
              !got,
              `${key} got a ${visibility} post: ${text.slice(0, 600)}`,
            );
          } else if (stream !== "user" && visibility !== "public") {
            assert.ok(!got, `${key} got a ${visibility} post`);
          }
        }
      }
      // The audience does get it on the home stream.
      assert.match(received["follower user"], /zqstreamprivate/);
      assert.match(
        received["mentioned user"],
        /zqstreamdirect|zqstreamprivate/,
      );
      assert.match(received["stranger public"], /zqstreampublic/);
      // Nor through the notifications API: a mention by an author who blocks you is not yours
      // to read.
      const rows = await instance.deps.sql<{ id: string }[]>`
        SELECT id FROM notifications WHERE account_id = ${users.blocked.account.id}`;
      for (const { id } of rows) {
        const res = await apiFetch(
          instance,
          users.blocked.token,
          `/api/v1/notifications/${id}`,
        );
        await res.body?.cancel();
        assert.equal(res.status, 404, "GET a blocked author's mention");
      }
      const list = await apiFetch(
        instance,
        users.blocked.token,
        "/api/v1/notifications",
      );
      assert.doesNotMatch(await list.text(), /zqstream/);
    } finally {
      for (const reader of readers) await reader.cancel().catch(() => {});
      await instance.close();
    }
  },
});
