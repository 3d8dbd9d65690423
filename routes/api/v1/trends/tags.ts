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

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const page = offsetPage(ctx.url, TREND_LIMITS.tag);
    const tags = await trendingTags(deps.sql, page);
    const link = offsetLinkHeader(
      deps.config.origin,
      ctx.url,
      page,
      tags.length,
    );
    return json(await renderTags(deps.sql, tags, deps.config.origin), {
      headers: link ? { link } : {},
    });
  },
});
