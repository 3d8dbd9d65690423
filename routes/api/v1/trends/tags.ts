/** GET /api/v1/trends/tags — hashtags used by the most accounts lately, once approved. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import {
  offsetLinkHeader,
  offsetPage,
} from "../../../../lib/mastodon/pagination.ts";
import { TREND_LIMITS } from "../../../../lib/mastodon/trends-api.ts";
import { trendingTags } from "../../../../lib/trends/mod.ts";
import { renderTags } from "../../../../lib/mastodon/entities/tag.ts";
import { optionalViewer } from "../../../../lib/mastodon/status-api.ts";
import { followedAmong } from "../../../../lib/domain/tags.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const viewerId = await optionalViewer(deps, ctx.req, "read");
    const page = offsetPage(ctx.url, TREND_LIMITS.tag);
    const tags = await trendingTags(deps.sql, page);
    // Signed in, each tag says whether the caller follows it (as Mastodon's).
    const followed = await followedAmong(
      deps.sql,
      viewerId,
      tags.map((t) => t.id),
    );
    const link = offsetLinkHeader(
      deps.config.origin,
      ctx.url,
      page,
      tags.length,
    );
    const following = viewerId
      ? (t: { id: string }) => followed.has(t.id)
      : undefined;
    return json(
      await renderTags(deps.sql, tags, deps.config.origin, following),
      {
        headers: link ? { link } : {},
      },
    );
  },
});
