import assert from "node:assert/strict";
import { linkedUrls, normalizeLinkUrl } from "./links.ts";

Deno.test("linkedUrls: web links in order, once each, without mentions and hashtags", () => {
  const html =
    `<p>Read <a href="https://News.example/story?id=1#top" rel="nofollow">this</a>
    by <span class="h-card"><a href="https://social.example/@ann" class="u-url mention">@ann</a></span>
    <a href="https://social.example/tags/birds" class="mention hashtag" rel="tag">#birds</a>
    <a href="https://other.example/tags/x" rel="tag">#x</a>
    <a href="javascript:alert(1)">no</a> <a href="https://news.example/story?id=1">again</a>
    <a href="http://blog.example">blog</a></p>`;
  assert.deepEqual(linkedUrls(html), [
    "https://news.example/story?id=1",
    "http://blog.example/",
  ]);
  assert.deepEqual(linkedUrls(""), []);
  assert.equal(normalizeLinkUrl("ftp://x.example/"), null);
  assert.equal(normalizeLinkUrl("not a url"), null);
});
