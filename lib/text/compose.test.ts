import assert from "node:assert/strict";
import {
  countStatusLength,
  extractHashtags,
  extractMentions,
  extractUrls,
  type FormatOptions,
  formatStatus,
  linkHtml,
} from "./compose.ts";
import { sanitizeHtml } from "./sanitize.ts";

const accounts: Record<string, { url: string; id: string }> = {
  "alice@": { url: "https://local.example/@alice", id: "1" },
  "bob@remote.example": { url: "https://remote.example/@bob", id: "2" },
  "carol@xn--bcher-kva.example": {
    url: "https://xn--bcher-kva.example/@carol",
    id: "3",
  },
};
const calls: string[] = [];
const options: FormatOptions = {
  resolveMention(username, domain) {
    calls.push(`${username}@${domain ?? ""}`);
    return accounts[`${username.toLowerCase()}@${domain ?? ""}`] ?? null;
  },
  tagUrl: (name) => `https://local.example/tags/${encodeURIComponent(name)}`,
};

Deno.test("paragraphs, line breaks and escaping", () => {
  assert.equal(
    formatStatus("one\ntwo\n\nthree <b>&amp;</b> \"q\" 'a'", options).html,
    "<p>one<br>two</p><p>three &lt;b&gt;&amp;amp;&lt;/b&gt; &quot;q&quot; &#39;a&#39;</p>",
  );
  assert.equal(
    formatStatus("a\r\n\r\n\r\n\r\nb", options).html,
    "<p>a</p><p>b</p>",
  );
  assert.equal(formatStatus("  \n", options).html, "");
});

Deno.test("URLs are linkified with Mastodon's shortened display", () => {
  const url = "https://example.com/very/long/path/that/goes/on?x=1&y=2";
  const r = formatStatus(`see ${url}.`, options);
  assert.equal(
    r.html,
    '<p>see <a href="https://example.com/very/long/path/that/goes/on?x=1&amp;y=2" rel="nofollow noopener" target="_blank" translate="no"><span class="invisible">https://</span><span class="ellipsis">example.com/very/long/path/tha</span><span class="invisible">t/goes/on?x=1&amp;y=2</span></a>.</p>',
  );
  assert.deepEqual(r.links, [url]);
  assert.equal(
    linkHtml("https://www.example.com/"),
    '<a href="https://www.example.com/" rel="nofollow noopener" target="_blank" translate="no"><span class="invisible">https://www.</span><span>example.com/</span><span class="invisible"></span></a>',
  );
  // The formatted HTML survives the sanitiser with its classes.
  const clean = sanitizeHtml(r.html);
  assert.ok(clean.includes('<span class="ellipsis">'));
  assert.ok(clean.includes('<span class="invisible">https://</span>'));
});

Deno.test("extractUrls trims punctuation and unbalanced brackets", () => {
  assert.deepEqual(
    extractUrls(
      "a https://a.example/x, (https://b.example/y) https://en.wikipedia.org/wiki/Foo_(bar)! http://c.example?",
    ),
    [
      "https://a.example/x",
      "https://b.example/y",
      "https://en.wikipedia.org/wiki/Foo_(bar)",
      "http://c.example",
    ],
  );
  assert.deepEqual(
    extractUrls("ftp://x.example javascript:alert(1) xhttps://y.example"),
    [],
  );
  assert.deepEqual(extractUrls("https://bücher.example/päth"), [
    "https://bücher.example/päth",
  ]);
  assert.deepEqual(extractUrls("https://a.example/ https://a.example/"), [
    "https://a.example/",
  ]);
});

Deno.test("mentions are linked when resolved and left as text otherwise", () => {
  calls.length = 0;
  const r = formatStatus(
    "hi @alice, @bob@Remote.Example and @carol@bücher.example; @nobody and @alice again",
    options,
  );
  assert.equal(
    r.html,
    '<p>hi <span class="h-card" translate="no"><a href="https://local.example/@alice" class="u-url mention">@<span>alice</span></a></span>, ' +
      '<span class="h-card" translate="no"><a href="https://remote.example/@bob" class="u-url mention">@<span>bob</span></a></span> and ' +
      '<span class="h-card" translate="no"><a href="https://xn--bcher-kva.example/@carol" class="u-url mention">@<span>carol</span></a></span>; ' +
      '@nobody and <span class="h-card" translate="no"><a href="https://local.example/@alice" class="u-url mention">@<span>alice</span></a></span> again</p>',
  );
  assert.deepEqual(r.mentions, [
    {
      username: "alice",
      domain: null,
      url: "https://local.example/@alice",
      id: "1",
    },
    {
      username: "bob",
      domain: "remote.example",
      url: "https://remote.example/@bob",
      id: "2",
    },
    {
      username: "carol",
      domain: "xn--bcher-kva.example",
      url: "https://xn--bcher-kva.example/@carol",
      id: "3",
    },
  ]);
  // Each distinct account is resolved once.
  assert.deepEqual(calls, [
    "alice@",
    "bob@remote.example",
    "carol@xn--bcher-kva.example",
    "nobody@",
  ]);
});

Deno.test("extractMentions: e-mail addresses and URLs are not mentions", () => {
  assert.deepEqual(extractMentions("mail me at bob@example.com or x=@y"), []);
  assert.deepEqual(extractMentions("https://example.com/@alice"), []);
  assert.deepEqual(extractMentions("(@alice) @Bob@Example.com. @alice"), [
    { username: "alice", domain: null },
    { username: "Bob", domain: "example.com" },
  ]);
  assert.deepEqual(extractMentions("@a.b_c-d@x.y"), [{
    username: "a.b_c-d",
    domain: "x.y",
  }]);
  assert.deepEqual(extractMentions("@."), []);
});

Deno.test("hashtags: Unicode, not all-digit, not inside URLs", () => {
  assert.deepEqual(
    extractHashtags(
      "#Hello #hello #日本語 #123 #1_2 #_ #café #Straße x#no https://example.com/#frag https://example.com/?q=#x #yes!",
    ),
    ["hello", "日本語", "1_2", "café", "straße", "yes"],
  );
  assert.deepEqual(extractHashtags("#ｆｕｌｌ"), ["full"]);
  assert.deepEqual(extractHashtags("&#39; #"), []);
  const r = formatStatus("#Tag and #日本語", options);
  assert.equal(
    r.html,
    '<p><a href="https://local.example/tags/tag" class="mention hashtag" rel="tag">#<span>Tag</span></a> and ' +
      '<a href="https://local.example/tags/%E6%97%A5%E6%9C%AC%E8%AA%9E" class="mention hashtag" rel="tag">#<span>日本語</span></a></p>',
  );
  assert.deepEqual(r.tags, ["tag", "日本語"]);
});

Deno.test("countStatusLength counts like Mastodon", () => {
  assert.equal(countStatusLength("hello"), 5);
  assert.equal(countStatusLength("😀"), 1); // code points, not UTF-16 units
  assert.equal(countStatusLength("https://example.com/" + "a".repeat(100)), 23);
  assert.equal(countStatusLength("see https://x.example/a!"), 4 + 23 + 1);
  assert.equal(countStatusLength("@bob@remote.example hi"), 4 + 3);
  assert.equal(countStatusLength("@bob hi"), 7);
  assert.equal(countStatusLength("bob@remote.example"), 18);
  assert.equal(countStatusLength(""), 0);
});

Deno.test("formatStatus handles long, hostile input", () => {
  // How fast is measured in bench/, not here; this checks the result stays right.
  const result = formatStatus(
    "@a.".repeat(20_000) + "#x ".repeat(20_000) + "https://x.example/" +
      ")".repeat(50_000),
    options,
  );
  assert.deepEqual(result.tags, ["x"]);
  assert.equal(
    countStatusLength("https://x.example/" + "a".repeat(100_000)),
    23,
  );
});
