import { page } from "fresh";
import { define } from "../utils.ts";
import { PageHead } from "../components/PageHead.tsx";
import { Timeline } from "../components/Timeline.tsx";
import type { UiStatus } from "../components/mastodon.ts";
import type { StatusContext } from "../components/StatusCard.tsx";
import { statusContext, uiStatuses, viewerId } from "../lib/web/pages.ts";
import {
  trendingLinks,
  trendingStatuses,
  trendingTags,
} from "../lib/trends/mod.ts";

interface Data {
  tags: string[];
  links: { url: string; host: string; accounts: number }[];
  statuses: UiStatus[];
  context: StatusContext;
}

/**
 * /explore — what trends here: hashtags, posts and links many accounts used, boosted or shared
 * lately, once moderators approved them (the same as /api/v1/trends/*, for this viewer).
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { sql } = ctx.state.deps;
    const top = { offset: 0, limit: 10 };
    const [tags, links, rows] = await Promise.all([
      trendingTags(sql, top),
      trendingLinks(sql, top),
      trendingStatuses(sql, viewerId(ctx), { offset: 0, limit: 20 }),
    ]);
    return page({
      tags: tags.map((t) => t.display_name || t.name),
      links: links.map((l) => ({
        url: l.key,
        host: new URL(l.key).host,
        accounts: l.accounts,
      })),
      statuses: await uiStatuses(ctx, rows, "public"),
      context: statusContext(ctx),
    });
  },
});

export default define.page<typeof handler>(function Explore({ data }) {
  return (
    <>
      <PageHead title="Explore" />
      <header class="page-header">
        <div>
          <h1>Explore</h1>
          <p>What people here are talking about.</p>
        </div>
      </header>
      <section class="explore-tags" aria-label="Trending hashtags">
        <h2>Hashtags</h2>
        {data.tags.length === 0 && <p class="empty">Nothing trending yet.</p>}
        <ul class="stack">
          {data.tags.map((tag) => (
            <li key={tag}>
              <a href={`/tags/${encodeURIComponent(tag)}`}>#{tag}</a>
            </li>
          ))}
        </ul>
      </section>
      <section class="explore-links" aria-label="Trending links">
        <h2>Links</h2>
        {data.links.length === 0 && <p class="empty">Nothing trending yet.</p>}
        <ul class="stack">
          {data.links.map((link) => (
            <li key={link.url}>
              <a href={link.url} rel="nofollow noopener" target="_blank">
                {link.url}
              </a>{" "}
              · shared by {link.accounts} people
            </li>
          ))}
        </ul>
      </section>
      <h2>Posts</h2>
      <Timeline
        statuses={data.statuses}
        context={data.context}
        label="Trending posts"
        older={null}
        empty="Nothing trending yet."
      />
    </>
  );
});
