/**
 * Which links a post shares, as the trends job counts them: plain links only (not mentions or
 * hashtags), one URL however it is spelled with a fragment, each account once.
 */
import assert from "node:assert/strict";
import { measureLinks } from "./measure.ts";

const now = new Date("2026-12-07T12:00:00Z");
const post = (account_id: string, content: string, hoursAgo = 1) => ({
  account_id,
  text: "",
  content,
  created_at: new Date(now.getTime() - hoursAgo * 3600_000),
});

Deno.test("links: plain links count once per account; mentions and hashtags don't", () => {
  const article =
    '<a href="https://news.example/a#top" rel="nofollow">news</a>';
  const mention =
    '<span class="h-card"><a href="https://social.example/@bob" class="u-url mention">@bob</a></span>';
  const hashtag =
    '<a href="https://social.example/tags/x" class="mention hashtag" rel="tag">#x</a>';
  const trends = measureLinks([
    post("1", `<p>${article} ${mention} ${hashtag}</p>`),
    post("1", `<p>again ${article}</p>`),
    post("2", '<p><a href="https://news.example/a">same</a></p>', 30),
    post("3", `<p>${mention}</p>`),
    post("3", `<p>${hashtag}</p>`),
  ], now);
  assert.deepEqual(trends.map((t) => [t.key, t.accounts]), [
    ["https://news.example/a", 2],
  ]);
  // The newer share weighs more than the day-old one: 1 × ~0.97 + 1 × ~0.42.
  assert.ok(
    trends[0].score > 1.3 && trends[0].score < 1.5,
    `${trends[0].score}`,
  );
  assert.deepEqual(trends[0].history?.slice(0, 2).map((d) => d.uses), [
    "2",
    "1",
  ]);
});

Deno.test("links: one account alone doesn't make a trend", () => {
  assert.deepEqual(
    measureLinks([post("1", '<a href="https://solo.example/">x</a>')], now),
    [],
  );
});
