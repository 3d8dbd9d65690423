/**
 * The RSS feeds: `/@alice.rss` carries a local account's public posts (no unlisted, private or
 * direct ones, no boosts, no replies to others; its own threads stay) and `/tags/foo.rss` the
 * public local posts with the tag. Served as application/rss+xml; every text escaped, so a
 * display name or post can't add elements; media as `<media:content>` with the alt text.
 * (Who-sees-what across viewers is in tests/security/privacy-read-paths.test.ts.)
 */
import assert from "node:assert/strict";
import { DomUtils, parseDocument } from "htmlparser2";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { api, createUserWithToken, type TestUser } from "../helpers/users.ts";
import { smallPng, upload } from "../media/helpers.ts";

interface Feed {
  title: string;
  items: {
    link: string;
    description: string;
    media: { url: string; alt: string }[];
    categories: string[];
  }[];
}

async function readFeed(instance: TestInstance, path: string): Promise<Feed> {
  const res = await instance.fetch(path);
  const text = await res.text();
  assert.equal(res.status, 200, `${path}: ${text.slice(0, 200)}`);
  assert.equal(
    res.headers.get("content-type"),
    "application/rss+xml; charset=utf-8",
  );
  assert.ok(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>'));
  const doc = parseDocument(text, { xmlMode: true });
  const channels = DomUtils.getElementsByTagName("channel", doc);
  assert.equal(channels.length, 1);
  type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];
  const child = (el: Element, name: string) =>
    DomUtils.getElementsByTagName(name, el.children, false)[0];
  return {
    title: DomUtils.textContent(child(channels[0], "title")),
    items: DomUtils.getElementsByTagName("item", doc).map((item) => ({
      link: DomUtils.textContent(child(item, "link")),
      description: DomUtils.textContent(child(item, "description")),
      media: DomUtils.getElementsByTagName("media:content", item).map((m) => ({
        url: m.attribs.url,
        alt: DomUtils.textContent(m),
      })),
      categories: DomUtils.getElementsByTagName("category", item).map((c) =>
        DomUtils.textContent(c)
      ),
    })),
  };
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
    "account and tag feeds carry public posts only, escaped, with media and alt text",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const alice = await createUserWithToken(instance, "alice");
      const bob = await createUserWithToken(instance, "bob");
      const named = await api(
        instance,
        alice.token,
        "PATCH",
        "/api/v1/accounts/update_credentials",
        { display_name: "A&B </title><item>" },
      );
      assert.equal(named.status, 200);

      const bobs = await post(instance, bob, { status: "bob on #cats" });
      const first = await post(instance, alice, {
        status: "Fish & chips </description></item><item> ]]> #cats",
        spoiler_text: "food <talk>",
      });
      await post(instance, alice, {
        status: "unlisted #cats",
        visibility: "unlisted",
      });
      await post(instance, alice, {
        status: "private #cats",
        visibility: "private",
      });
      await post(instance, alice, {
        status: "direct @bob #cats",
        visibility: "direct",
      });
      await post(instance, alice, {
        status: "@bob replying",
        in_reply_to_id: bobs.id,
      });
      const thread = await post(instance, alice, {
        status: "and more of my own thread",
        in_reply_to_id: first.id,
      });
      const boost = await api(
        instance,
        alice.token,
        "POST",
        `/api/v1/statuses/${bobs.id}/reblog`,
      );
      assert.equal(boost.status, 200);
      const uploaded = await upload(
        instance,
        alice.token,
        { bytes: await smallPng(), type: "image/png" },
        { description: "a grey <square> & more" },
      );
      const media = await uploaded.json();
      assert.ok(uploaded.ok, JSON.stringify(media));
      const withMedia = await post(instance, alice, {
        status: "a picture",
        media_ids: [media.id],
      });

      const feed = await readFeed(instance, "/@alice.rss");
      assert.equal(
        feed.title,
        `A&B </title><item> (@alice@${new URL(instance.origin).host})`,
      );
      assert.deepEqual(
        feed.items.map((i) => i.link),
        [withMedia.url, thread.url, first.url],
        "public posts and the own thread only, newest first",
      );
      const [pictured, , fish] = feed.items;
      assert.equal(
        fish.description,
        `<p>food &lt;talk&gt;</p><hr />${first.content}`,
        "the post's HTML (and its content warning) round-trips",
      );
      assert.deepEqual(fish.categories, ["cats"]);
      assert.deepEqual(pictured.media, [{
        url: withMedia.media_attachments[0].url,
        alt: "a grey <square> & more",
      }]);

      const tagged = await readFeed(instance, "/tags/CATS.rss");
      assert.equal(tagged.title, "#cats");
      assert.deepEqual(
        tagged.items.map((i) => i.link),
        [first.url, bobs.url],
        "public posts with the tag, not unlisted, private or direct ones",
      );

      for (const path of ["/@nobody.rss", "/@bob@elsewhere.example.rss"]) {
        const res = await instance.fetch(path);
        await res.body?.cancel();
        assert.equal(res.status, 404, path);
      }
      // The profile page itself is untouched by the feed route.
      const profile = await instance.fetch("/@alice");
      await profile.body?.cancel();
      assert.equal(profile.status, 200);
    } finally {
      await instance.close();
    }
  },
});
