/**
 * Measuring what trends, run by the `trends.refresh` job: tags by the distinct accounts using
 * them in public posts, statuses by the distinct accounts boosting or favouriting them, links by
 * the distinct accounts sharing them in public posts — recent activity only, decayed with age,
 * from accounts moderation has not limited. The result replaces the `trends` table's rows; what
 * the public sees of it is only what moderators approved (`review.ts`).
 */
import type { Sql } from "../db/client.ts";
import * as db from "../db/trends.ts";
import { ensurePublishers } from "../db/trend-publishers.ts";
import { extractUrls } from "../text/compose.ts";

/** Mastodon looks at about a week of tag use and a day or two of status interactions. */
export const TREND_RULES = {
  tags: { days: 7, halfLifeHours: 24, minAccounts: 2 },
  statuses: { days: 2, halfLifeHours: 6, minAccounts: 2 },
  links: { days: 7, halfLifeHours: 24, minAccounts: 2, posts: 5000 },
};

const DAY_MS = 86_400_000;

/** Recomputes every kind of trend, replaced together in one transaction. */
export async function refreshTrends(sql: Sql) {
  const tags = await db.measureTags(sql, TREND_RULES.tags);
  const statuses = await db.measureStatuses(sql, TREND_RULES.statuses);
  const links = measureLinks(
    await db.recentPublicPosts(
      sql,
      TREND_RULES.links.days,
      TREND_RULES.links.posts,
    ),
    new Date(),
  );
  await sql.begin(async (tx) => {
    await db.replaceTrends(tx, "tag", tags);
    await db.replaceTrends(tx, "status", statuses);
    await db.replaceTrends(tx, "link", links);
    await ensurePublishers(tx, links.map((l) => new URL(l.key).hostname));
  });
  return { tags: tags.length, statuses: statuses.length, links: links.length };
}

/** `href`s of a post's plain links: not mentions nor hashtags (`class`, or `rel="tag"`). */
function linksInHtml(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/<a\s[^>]*>/gi)) {
    const tag = match[0];
    if (/class="[^"]*\b(mention|hashtag|u-url)\b/i.test(tag)) continue;
    if (/rel="[^"]*\btag\b/i.test(tag)) continue;
    const href = /href="([^"]+)"/i.exec(tag)?.[1];
    if (href) found.push(href.replaceAll("&amp;", "&"));
  }
  return found;
}

/** A URL as one trend: http(s) only, without its fragment. */
function normalizeUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    url.hash = "";
    return url.href;
  } catch {
    return null;
  }
}

/** Links shared by at least `minAccounts` accounts, scored like tags, with daily history. */
export function measureLinks(
  posts: db.SharedPost[],
  now: Date,
): db.MeasuredTrend[] {
  const rules = TREND_RULES.links;
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const byUrl = new Map<
    string,
    {
      last: Map<string, number>;
      days: Map<number, { uses: number; accounts: Set<string> }>;
    }
  >();
  for (const post of posts) {
    const urls = new Set(
      [...extractUrls(post.text), ...linksInHtml(post.content)]
        .flatMap((u) => normalizeUrl(u) ?? []),
    );
    const at = post.created_at.getTime();
    const day = Math.floor(at / DAY_MS) * DAY_MS;
    for (const url of urls) {
      const entry = byUrl.get(url) ?? { last: new Map(), days: new Map() };
      byUrl.set(url, entry);
      entry.last.set(
        post.account_id,
        Math.max(at, entry.last.get(post.account_id) ?? 0),
      );
      const counts = entry.days.get(day) ?? { uses: 0, accounts: new Set() };
      counts.uses += 1;
      counts.accounts.add(post.account_id);
      entry.days.set(day, counts);
    }
  }
  const trends: db.MeasuredTrend[] = [];
  for (const [url, entry] of byUrl) {
    if (entry.last.size < rules.minAccounts) continue;
    let score = 0;
    for (const at of entry.last.values()) {
      score += 0.5 ** ((now.getTime() - at) / (rules.halfLifeHours * 3600_000));
    }
    const history = Array.from({ length: 7 }, (_, i) => {
      const day = today - i * DAY_MS;
      const counts = entry.days.get(day);
      return {
        day: String(day / 1000),
        uses: String(counts?.uses ?? 0),
        accounts: String(counts?.accounts.size ?? 0),
      };
    });
    trends.push({ key: url, score, accounts: entry.last.size, history });
  }
  return trends.sort((a, b) => b.score - a.score).slice(0, 200);
}
