/**
 * Rule: every URL a peer gives us that becomes a link or an image — a post's `url`, an actor's
 * `url`, `icon` and `image`, attachments, the link Starling writes for an Article or a Page —
 * is an absolute `https:` or `http:` URL, or it is dropped (the post or account is still
 * stored, without it). And the HTML Starling serves as a remote post's `content` comes out of
 * the sanitiser last: nothing is concatenated after it.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { apiFetch, createUserWithToken } from "../helpers/users.ts";
import { startFakePeer } from "../helpers/fake-peer.ts";
import { deliverPublicCreate } from "../helpers/hostile-delivery.ts";

/** Scriptable URLs as a hostile peer would write them. */
const HOSTILE_URLS = [
  "javascript:alert(document.domain)",
  "JaVaScRiPt:alert(document.domain)",
  " javascript:alert(document.domain)",
  "vbscript:msgbox(document.domain)",
  "data:text/html,<script>alert(document.domain)</script>",
];

/** What must appear nowhere in JSON or HTML we serve (as a link, an image or raw text). */
function assertNoScriptUrl(text: string, where: string) {
  assert.doesNotMatch(text, /(java|vb)script:/i, where);
  assert.doesNotMatch(text, /data:text\/html/i, where);
}

Deno.test({
  name:
    "an Article or Page whose url is a script URL is shown with a link to its id; content is sanitised last",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    const peer = startFakePeer();
    try {
      const alice = await createUserWithToken(instance, "alice");
      const mallory = await peer.actor("mallory");
      for (const [i, url] of HOSTILE_URLS.entries()) {
        const id = `${peer.origin}/articles/${i}`;
        const row = await deliverPublicCreate(instance, peer, mallory, {
          id,
          type: i % 2 ? "Page" : "Article",
          name: `Title ${i} <img src=x onerror=alert(1)>`,
          content: "<p>long form</p>",
          url,
        });
        const res = await apiFetch(
          instance,
          alice.token,
          `/api/v1/statuses/${row.id}`,
        );
        const json = await res.json();
        assertNoScriptUrl(json.content, `content of ${url}`);
        assertNoScriptUrl(String(json.url), `url of ${url}`);
        // The title is text, and the link goes to the object's id instead.
        assert.match(
          json.content,
          /Title \d &lt;img src=x onerror=alert\(1\)&gt;/,
        );
        assert.match(json.content, new RegExp(`<a href="${id}"`));
        const page = await instance.fetch(
          `/@mallory@${new URL(peer.origin).host}/${row.id}`,
        );
        assert.equal(page.status, 200);
        assertNoScriptUrl(await page.text(), `page of ${url}`);
      }
      // An ordinary url is the link, through the sanitiser like any other remote link.
      const row = await deliverPublicCreate(instance, peer, mallory, {
        id: `${peer.origin}/articles/good`,
        type: "Article",
        name: "Good",
        url: `${peer.origin}/blog/good`,
      });
      const json = await (await apiFetch(
        instance,
        alice.token,
        `/api/v1/statuses/${row.id}`,
      )).json();
      assert.match(
        json.content,
        new RegExp(
          `<a href="${peer.origin}/blog/good" rel="nofollow noopener" target="_blank">`,
        ),
      );
      assert.equal(json.url, `${peer.origin}/blog/good`);
    } finally {
      await peer.close();
      await instance.close();
    }
  },
});

Deno.test({
  name:
    "script URLs in an actor's url, icon and image, a Note's url and attachments are dropped",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    const peer = startFakePeer();
    try {
      const alice = await createUserWithToken(instance, "alice");
      const mallory = await peer.actor("mallory");
      const host = new URL(peer.origin).host;
      const doc = await (await fetch(mallory.id)).json();
      peer.put("/users/mallory", {
        ...doc,
        // A `javascript:` URL has a "host" too: this one passes a same-host check.
        url: `javascript://${host}/%0aalert(document.domain)`,
        icon: { type: "Image", url: "javascript:alert(document.domain)" },
        image: {
          type: "Image",
          url: "data:text/html,<script>alert(document.domain)</script>",
        },
      });
      const row = await deliverPublicCreate(instance, peer, mallory, {
        id: `${peer.origin}/notes/1`,
        type: "Note",
        content: "<p>hello</p>",
        url: "vbscript:msgbox(document.domain)",
        attachment: [
          ...HOSTILE_URLS.map((url) => ({
            type: "Document",
            mediaType: "image/png",
            url,
          })),
          {
            type: "Document",
            mediaType: "image/png",
            url: `${peer.origin}/media/ok.png`,
          },
        ],
        tag: [{
          type: "Mention",
          href: "javascript:alert(document.domain)",
          name: "@x",
        }],
      });
      const res = await apiFetch(
        instance,
        alice.token,
        `/api/v1/statuses/${row.id}`,
      );
      const text = await res.text();
      assertNoScriptUrl(text, "status JSON");
      const json = JSON.parse(text);
      // Dropped, not the whole object: the post, its good attachment and the account stay.
      assert.equal(json.url, `${peer.origin}/notes/1`, "url falls back to id");
      assert.deepEqual(
        json.media_attachments.map((m: { remote_url: string }) => m.remote_url),
        [`${peer.origin}/media/ok.png`],
      );
      assert.equal(json.account.url, mallory.id, "profile url falls back");
      assert.match(json.account.avatar, new RegExp(`^${instance.origin}/`));
      assert.match(json.account.header, new RegExp(`^${instance.origin}/`));

      const profile = await instance.fetch(`/@mallory@${host}`);
      assert.equal(profile.status, 200);
      const html = await profile.text();
      assertNoScriptUrl(html, "profile page");
      assert.match(
        html,
        new RegExp(`<a href="${mallory.id}"[^>]*>See the original profile`),
      );
    } finally {
      await peer.close();
      await instance.close();
    }
  },
});

Deno.test({
  name:
    "script URLs stored before the rule are cleaned by migration 0009 (profile, images, post link, Article link, bidi in names)",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const { sql } = instance.deps;
      const alice = await createUserWithToken(instance, "alice");
      const uri = "https://old.example/users/mallory";
      // Rows as the previous version wrote them from a hostile peer.
      const [account] = await sql<{ id: string }[]>`
        INSERT INTO accounts (username, domain, uri, url, avatar_url, header_url,
                              display_name, inbox_url, fetched_at)
        VALUES ('mallory', 'old.example', ${uri},
                'javascript://old.example/%0aalert(document.domain)',
                'javascript:alert(document.domain)',
                'data:text/html,<script>alert(document.domain)</script>',
                ${"Mal\u202Elory\u2066"}, 'https://old.example/inbox', now())
        RETURNING id`;
      const link = "javascript:alert(document.domain)";
      const [status] = await sql<{ id: string }[]>`
        INSERT INTO statuses (uri, url, account_id, local, content, visibility)
        VALUES ('https://old.example/articles/1', ${link}, ${account.id}, false,
                ${`<p><strong>Title</strong></p><p><a href="${link}">${link}</a></p>`},
                'public')
        RETURNING id`;
      const migration = await Deno.readTextFile(
        new URL("../../migrations/0009_remote_urls.sql", import.meta.url),
      );
      await sql.unsafe(migration);

      const text = await (await apiFetch(
        instance,
        alice.token,
        `/api/v1/statuses/${status.id}`,
      )).text();
      const json = JSON.parse(text);
      assert.doesNotMatch(text, /href=\\"(java|vb)script:/i, "no script link");
      assert.doesNotMatch(text, /"(url|avatar|header)":"(javascript|data):/i);
      assert.match(json.content, /<p>javascript:alert\(document.domain\)<\/p>/);
      assert.equal(json.url, "https://old.example/articles/1");
      assert.equal(json.account.url, uri);
      assert.equal(json.account.display_name, "Mallory");
    } finally {
      await instance.close();
    }
  },
});
