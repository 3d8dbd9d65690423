import assert from "node:assert/strict";
import { escapeHtml, htmlToPlainText, stripBidiControls } from "./plain.ts";

Deno.test("escapeHtml escapes the five characters", () => {
  assert.equal(
    escapeHtml(`<a href="x">Tom & 'Jerry'</a>`),
    "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;",
  );
  assert.equal(escapeHtml("plain"), "plain");
});

Deno.test("htmlToPlainText turns paragraphs and breaks into newlines", () => {
  assert.equal(
    htmlToPlainText("<p>one<br>two</p><p>three</p>"),
    "one\ntwo\n\nthree",
  );
  assert.equal(
    htmlToPlainText("<p>a &amp; b &lt;c&gt; &eacute;</p>"),
    "a & b <c> é",
  );
  assert.equal(htmlToPlainText("<ul><li>a</li><li>b</li></ul>"), "a\nb");
  assert.equal(
    htmlToPlainText("hi<script>alert(1)</script><style>p{}</style>!"),
    "hi!",
  );
  assert.equal(htmlToPlainText(""), "");
});

Deno.test("htmlToPlainText yields the full URL of a Mastodon-shortened link", () => {
  const html =
    '<p>see <a href="https://example.com/very/long/path/that/goes/on"><span class="invisible">https://</span><span class="ellipsis">example.com/very/long/path/tha</span><span class="invisible">t/goes/on</span></a></p>';
  assert.equal(
    htmlToPlainText(html),
    "see https://example.com/very/long/path/that/goes/on",
  );
  assert.equal(
    htmlToPlainText(
      '<p><span class="h-card"><a href="https://a/@b" class="u-url mention">@<span>b</span></a></span> hi</p>',
    ),
    "@b hi",
  );
});

Deno.test("htmlToPlainText survives malformed and deep input", () => {
  assert.equal(htmlToPlainText("<p>a < b <b>unclosed"), "a < b unclosed");
  const deep = htmlToPlainText("<b>".repeat(10_000) + "x");
  assert.equal(deep, "x");
});

Deno.test("stripBidiControls removes every bidi control and nothing else", () => {
  assert.equal(
    stripBidiControls(
      "a\u202Ab\u202Bc\u202Cd\u202De\u202Ef\u2066g\u2067h\u2068i\u2069j\u200Ek\u200Fl\u061Cm",
    ),
    "abcdefghijklm",
  );
  assert.equal(stripBidiControls("שלום Ali 🐦 ‍"), "שלום Ali 🐦 ‍");
});
