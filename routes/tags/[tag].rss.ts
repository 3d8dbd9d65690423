/** `/tags/foo.rss`: this server's public posts tagged #foo, as RSS. */
import { define } from "../../utils.ts";
import { tagFeed } from "../../lib/domain/public-feeds.ts";
import { renderStatuses } from "../../lib/mastodon/entities/status.ts";
import { renderRss, rssResponse } from "../../lib/web/rss.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const { origin } = deps.config;
    const { tag, statuses } = await tagFeed(deps.sql, ctx.params.tag);
    const path = `/tags/${encodeURIComponent(tag)}`;
    return rssResponse(renderRss(
      {
        title: `#${tag}`,
        description: `Public posts tagged #${tag} on ${deps.config.host}`,
        link: `${origin}${path}`,
        self: `${origin}${path}.rss`,
        image: null,
      },
      await renderStatuses({
        sql: deps.sql,
        origin,
        viewerId: null,
        mediaUrl: (key) => deps.media.url(key),
      }, statuses),
    ));
  },
});
