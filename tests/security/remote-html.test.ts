/**
 * Rule: remote HTML reaches storage, the API and the web pages only through the one sanitiser
 * (`lib/text/sanitize.ts`): no script, iframe, event handler, `javascript:` link or style
 * attribute survives, in post content, content warnings, display names, bios or profile
 * fields; and no markup, however malformed, makes a page or the API answer 500.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { apiFetch, createUserWithToken } from "../helpers/users.ts";
import { AS_CONTEXT, startFakePeer } from "../helpers/fake-peer.ts";
import { deliverPublicCreate } from "../helpers/hostile-delivery.ts";

const HOSTILE = [
  `<script>alert("xss-script")</script>`,
  `<iframe src="https://evil.example/xss-iframe"></iframe>`,
  `<img src=x onerror="alert('xss-onerror')">`,
  `<a href="javascript:alert('xss-js')">click</a>`,
  `<a href=" JaVaScRiPt:alert('xss-js2')">click</a>`,
  `<a href="java&#x09;script:alert('xss-js3')">click</a>`,
  `<p style="xss-style:1" onclick="alert('xss-onclick')">styled</p>`,
  `<svg><script>alert("xss-svg")</script></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert('xss-mxss')></style></mglyph></table></mtext></math>`,
  `<object data="data:text/html,xss-object"></object>`,
  `<a href="data:text/html;base64,PHNjcmlwdD4=">xss-data</a>`,
  `<form action="https://evil.example"><input name="xss-form"></form>`,
].join("");

/** What must never appear in HTML we serve or store (text, escaped, is fine). */
function assertClean(html: string, where: string) {
  // An event-handler attribute on any element. Quoted attribute values are blanked first: a
  // preview's `<meta content="…">` holds the post's text, escaped, and that text may read
  // "onerror=". (A blanked value holds no `<`, so no element can hide in it.)
  const markup = html.replace(/"[^"<]*"/g, '""');
  assert.doesNotMatch(
    markup,
    /<[a-z][^>]*\son[a-z]+\s*=/i,
    `${where}: an on… attribute`,
  );
  for (
    const bad of [
      /<script[^>]*>[^<]*xss/i,
      /<iframe/i,
      /<img[^>]*onerror/i,
      /href\s*=\s*["']?\s*(java|vb)script:/i,
      /href\s*=\s*["']?\s*data:/i,
      /style\s*=\s*["']?xss-style/i,
      /<object/i,
      /<form[^>]*evil/i,
      /<input[^>]*xss-form/i,
    ]
  ) {
    assert.doesNotMatch(html, bad, `${where}: ${bad}`);
  }
}

Deno.test({
  name:
    "hostile HTML from a peer is sanitised in storage, API JSON and the web pages",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    const peer = startFakePeer();
    try {
      const alice = await createUserWithToken(instance, "alice");
      const mallory = await peer.actor("mallory");
      // A profile full of the same: display name, bio and fields.
      const doc = JSON.parse(
        JSON.stringify(await (await fetch(mallory.id)).json()),
      );
      peer.put("/users/mallory", {
        ...doc,
        "@context": [...AS_CONTEXT, {
          PropertyValue: "schema:PropertyValue",
          value: "schema:value",
          schema: "http://schema.org#",
        }],
        name: `<script>alert("xss-name")</script>Mallory`,
        summary: HOSTILE,
        attachment: [{
          type: "PropertyValue",
          name: `<b onmouseover="alert('xss-field')">site</b>`,
          value: HOSTILE,
        }],
      });
      const id = `${peer.origin}/notes/hostile`;
      const row = await deliverPublicCreate(instance, peer, mallory, {
        id,
        type: "Note",
        content: HOSTILE,
        summary: `<img src=x onerror="alert('xss-cw')">`,
      });
      assertClean(row.content, "stored content");
      assert.match(row.content, /click/, "the harmless text is kept");
      const [account] = await instance.deps.sql<
        { note: string; fields: { value: string }[]; display_name: string }[]
      >`SELECT note, fields, display_name FROM accounts WHERE uri = ${mallory.id}`;
      assertClean(account.note, "stored bio");
      for (const f of account.fields) assertClean(f.value, "stored field");

      const api = await apiFetch(
        instance,
        alice.token,
        `/api/v1/statuses/${row.id}`,
      );
      assert.equal(api.status, 200);
      const json = await api.json();
      assertClean(json.content, "API content");
      assertClean(json.account.note, "API bio");
      for (const f of json.account.fields) assertClean(f.value, "API field");

      const acct = json.account.acct;
      for (
        const path of [
          `/@${acct}/${row.id}`,
          `/@${acct}`,
          "/public",
          "/tags/nothing",
          `/search?q=${encodeURIComponent("click")}`,
        ]
      ) {
        const res = await instance.fetch(path);
        const html = await res.text();
        assert.ok(res.status < 500, `${path}: ${res.status}`);
        assertClean(html, path);
        // Plain-text fields (names, content warnings) appear only escaped.
        assert.doesNotMatch(html, /<script>alert\("xss-name"\)/, path);
        assert.doesNotMatch(
          html,
          /<img src=x onerror="alert\('xss-cw'\)">/,
          path,
        );
        assert.doesNotMatch(html, /<b onmouseover/, path);
      }
    } finally {
      await peer.close();
      await instance.close();
    }
  },
});

Deno.test({
  name: "malformed markup from a peer never makes a page or the API fail",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    const peer = startFakePeer();
    try {
      const alice = await createUserWithToken(instance, "alice");
      const mallory = await peer.actor("mallory");
      const malformed = [
        "<p><b><i>unclosed",
        "</p></div></b>closing only",
        "<<<>>><a <b href=>>",
        "<a href='https://ok.example/\u0000'>nul\u0000byte</a>",
        "<b>".repeat(20_000) + "deep",
        '<a href="https://a.example/' + "x".repeat(50_000) + '">long</a>',
        "<!-- unterminated comment <script>alert(1)</script>",
        "<![CDATA[<script>alert(1)</script>]]>",
        "&#0; &#xD800; &#x110000; &notanentity; &amp",
        "<p>\uD800 lone surrogate</p>",
        "<table><tr><td><p>tables</table></p>",
      ];
      for (const [i, content] of malformed.entries()) {
        const row = await deliverPublicCreate(instance, peer, mallory, {
          id: `${peer.origin}/notes/m${i}`,
          type: "Note",
          content,
          summary: content.slice(0, 200),
        });
        assertClean(row.content, `#${i}`);
        const api = await apiFetch(
          instance,
          alice.token,
          `/api/v1/statuses/${row.id}`,
        );
        assert.equal(api.status, 200, `API #${i}`);
        await api.body?.cancel();
        const page = await instance.fetch(
          `/@mallory@${new URL(peer.origin).host}/${row.id}`,
        );
        assert.equal(page.status, 200, `page #${i}`);
        assertClean(await page.text(), `page #${i}`);
      }
      const timeline = await instance.fetch("/public");
      assert.equal(timeline.status, 200);
      await timeline.body?.cancel();
    } finally {
      await peer.close();
      await instance.close();
    }
  },
});
