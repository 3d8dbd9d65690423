/** `/@alice.rss`: a local account's public posts as RSS (no boosts, no replies to others). */
import { define } from "../utils.ts";
import { accountFeed } from "../lib/domain/public-feeds.ts";
import { renderStatuses } from "../lib/mastodon/entities/status.ts";
import { accountJson } from "../lib/mastodon/entities/account.ts";
import { renderRss, rssResponse } from "../lib/web/rss.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const { origin, host } = deps.config;
    const { account, statuses } = await accountFeed(
      deps.sql,
      ctx.params.username,
      host,
    );
    const profile = accountJson(account, origin);
    const handle = `@${account.username}@${host}`;
    return rssResponse(renderRss(
      {
        title: `${profile.display_name || account.username} (${handle})`,
        description: `Public posts from ${handle}`,
        link: profile.url,
        self: `${origin}/@${account.username}.rss`,
        image: profile.avatar,
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
