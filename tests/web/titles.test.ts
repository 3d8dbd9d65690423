/**
 * Every page's `<title>` says where you are, and profiles and public posts carry a link preview
 * (Open Graph, Twitter card), a canonical link and their ActivityPub document, all escaped. A
 * followers-only post gives nothing to anyone outside its audience, and no preview even to it.
 * Plain HTTP: what a link-preview crawler or a browser tab sees.
 */
import assert from "node:assert/strict";
import { DomUtils, parseDocument } from "htmlparser2";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import {
  api,
  createUserWithToken,
  follow,
  type TestUser,
} from "../helpers/users.ts";
import { FormClient } from "../helpers/forms.ts";
import { smallPng, upload } from "../media/helpers.ts";

interface Head {
  status: number;
  html: string;
  titles: string[];
  /** `og:…`, `twitter:…` and `description` meta, by name. */
  meta: Record<string, string>;
  links: { rel: string; type?: string; href: string }[];
}

async function headOf(
  instance: TestInstance,
  path: string,
  as?: FormClient,
): Promise<Head> {
  const init = { headers: { accept: "text/html" } };
  const response = as
    ? await as.request(path, init)
    : await instance.fetch(path, init);
  const html = await response.text();
  const doc = parseDocument(html);
  const meta: Record<string, string> = {};
  for (const el of DomUtils.getElementsByTagName("meta", doc)) {
    const name = el.attribs.property ?? el.attribs.name;
    if (name && /^(og:|twitter:|description$)/.test(name)) {
      meta[name] = el.attribs.content;
    }
  }
  return {
    status: response.status,
    html,
    titles: DomUtils.getElementsByTagName("title", doc).map((t) =>
      DomUtils.textContent(t)
    ),
    meta,
    links: DomUtils.getElementsByTagName("link", doc).map((l) => ({
      rel: l.attribs.rel,
      type: l.attribs.type,
      href: l.attribs.href,
    })),
  };
}

async function signedIn(instance: TestInstance, who: TestUser) {
  const client = new FormClient(instance.origin);
  const form = await client.page("/auth/sign_in");
  const response = await client.post("/auth/sign_in", {
    _csrf: form.csrf,
    login: who.account.username,
    password: "a good password",
    return_to: "/home",
  });
  assert.equal(response.status, 303);
  return client;
}

async function post(
  instance: TestInstance,
  who: TestUser,
  body: Record<string, unknown>,
) {
  const res = await api(instance, who.token, "POST", "/api/v1/statuses", body);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

Deno.test({
  name:
    "each page has a title saying where you are; profiles and public posts preview well; private posts give nothing away",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const { origin } = instance;
      const host = new URL(origin).host;
      const alice = await createUserWithToken(instance, "alice");
      const bob = await createUserWithToken(instance, "bob");
      await follow(instance, bob, alice);
      const named = await api(
        instance,
        alice.token,
        "PATCH",
        "/api/v1/accounts/update_credentials",
        {
          display_name: 'Alice "&" </title><b>',
          note: "Gardens & type <design>. #fediverse",
        },
      );
      assert.equal(named.status, 200);
      const name = 'Alice "&" </title><b>';

      const uploaded = await upload(
        instance,
        alice.token,
        { bytes: await smallPng(), type: "image/png" },
        { description: "a blue square" },
      );
      const media = await uploaded.json();
      assert.ok(uploaded.ok, JSON.stringify(media));
      const hello = await post(instance, alice, {
        status:
          "Hello, fediverse! This is my very first post here, about #bread and gardens and much more.",
        media_ids: [media.id],
      });
      const secret = await post(instance, alice, {
        status: "secret plans for the weekend",
        visibility: "private",
      });
      // Three notifications for alice, unread: a favourite, a boost, a mention.
      for (const verb of ["favourite", "reblog"]) {
        await api(
          instance,
          bob.token,
          "POST",
          `/api/v1/statuses/${hello.id}/${verb}`,
        );
      }
      await post(instance, bob, { status: "@alice hi there" });

      const titled = async (path: string, title: string, as?: FormClient) => {
        const head = await headOf(instance, path, as);
        assert.equal(head.status, 200, `${path}: ${head.html.slice(0, 300)}`);
        assert.deepEqual(head.titles, [`${title} — Starling`], path);
        return head;
      };

      // Anonymous pages.
      await titled("/", host);
      await titled("/auth/sign_in", "Sign in");
      await titled("/auth/sign_up", "Sign up");
      await titled("/public/local", "Local timeline");
      await titled("/public", "Federated timeline");
      await titled("/search", "Search");
      await titled("/search?q=bread", "bread · Search");
      await titled("/tags/bread", "#bread");
      await titled(
        "/@alice/followers",
        `${name} (@alice@${host}) · Followers`,
      );
      await titled("/@alice/media", `${name} (@alice@${host}) · Media`);
      await titled(
        "/@alice/with_replies",
        `${name} (@alice@${host}) · Posts and replies`,
      );
      await titled("/@alice/tagged/bread", `${name} (@alice@${host}) · #bread`);
      const bobProfile = await titled("/@bob", `@bob@${host}`);
      assert.equal(bobProfile.meta["og:description"], undefined, "no bio");
      const refused = await headOf(instance, "/oauth/authorize");
      assert.deepEqual(refused.titles, ["Authorization failed — Starling"]);

      // A profile: title, preview, canonical and ActivityPub links, all escaped.
      const profile = await titled("/@alice", `${name} (@alice@${host})`);
      assert.deepEqual(profile.meta, {
        description: "Gardens & type <design>. #fediverse",
        "og:site_name": "Starling",
        "og:type": "profile",
        "og:title": `${name} (@alice@${host})`,
        "og:description": "Gardens & type <design>. #fediverse",
        "og:url": `${origin}/@alice`,
        "og:image": `${origin}/static/avatars/original/missing.png`,
        "twitter:card": "summary",
      });
      assert.ok(
        profile.links.some((l) =>
          l.rel === "canonical" && l.href === `${origin}/@alice`
        ),
      );
      assert.ok(
        profile.links.some((l) =>
          l.rel === "alternate" && l.type === "application/activity+json" &&
          l.href === `${origin}/users/alice`
        ),
      );
      assert.ok(!profile.html.includes("</title><b>"), "the name is escaped");

      // A public post with a picture: a large card with the picture.
      const status = await titled(
        `/@alice/${hello.id}`,
        '@alice: "Hello, fediverse! This is my very first post here, about…"',
      );
      assert.deepEqual(status.meta, {
        description:
          "Hello, fediverse! This is my very first post here, about #bread and gardens and much more.",
        "og:site_name": "Starling",
        "og:type": "article",
        "og:title": `${name} (@alice@${host})`,
        "og:description":
          "Hello, fediverse! This is my very first post here, about #bread and gardens and much more.",
        "og:url": `${origin}/@alice/${hello.id}`,
        "og:image": media.url,
        "og:image:alt": "a blue square",
        "twitter:card": "summary_large_image",
      });
      assert.ok(new URL(media.url).origin === origin, "an absolute URL");
      assert.ok(
        status.links.some((l) =>
          l.rel === "alternate" && l.type === "application/activity+json" &&
          l.href === hello.uri
        ),
      );

      // A followers-only post: nothing for an anonymous visitor (a crawler) …
      const hidden = await headOf(instance, `/@alice/${secret.id}`);
      assert.equal(hidden.status, 404);
      assert.deepEqual(hidden.titles, ["Not found — Starling"]);
      assert.deepEqual(hidden.meta, {});
      assert.ok(!hidden.html.includes("secret plans"));
      // … and its audience sees a title, but no preview meant for sharing.
      const bobBrowser = await signedIn(instance, bob);
      const seen = await titled(
        `/@alice/${secret.id}`,
        '@alice: "secret plans for the weekend"',
        bobBrowser,
      );
      assert.deepEqual(seen.meta, {});

      // Signed-in pages.
      const aliceBrowser = await signedIn(instance, alice);
      await titled("/home", "Home", aliceBrowser);
      await titled("/notifications", "Notifications (3)", aliceBrowser);
      await titled("/notifications", "Notifications", aliceBrowser);
      await titled("/settings/profile", "Settings · Profile", aliceBrowser);
      await titled("/settings/preferences", "Settings · Posting", aliceBrowser);
      await titled("/settings/password", "Settings · Password", aliceBrowser);
      await titled(
        "/settings/authorized_applications",
        "Settings · Apps",
        aliceBrowser,
      );
      await titled(
        "/settings/migration",
        "Settings · Move to another account",
        aliceBrowser,
      );
      await titled(
        "/settings/delete",
        "Settings · Delete account",
        aliceBrowser,
      );
      await titled("/follow_requests", "Follow requests", aliceBrowser);
      await titled("/compose", "New post", aliceBrowser);
      await titled("/@bob/block", "Block @bob?", aliceBrowser);
    } finally {
      await instance.close();
    }
  },
});
