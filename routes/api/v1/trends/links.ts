/** GET /api/v1/trends/links — links many accounts shared in public posts lately, once approved. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import {
  offsetLinkHeader,
  offsetPage,
} from "../../../../lib/mastodon/pagination.ts";
import {
  linkCards,
  TREND_LIMITS,
} from "../../../../lib/mastodon/trends-api.ts";
import { trendingLinks } from "../../../../lib/trends/mod.ts";
import { trendsLinkJson } from "../../../../lib/mastodon/entities/trends.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const page = offsetPage(ctx.url, TREND_LIMITS.link);
    const rows = await trendingLinks(deps.sql, page);
    const link = offsetLinkHeader(
      deps.config.origin,
      ctx.url,
      page,
      rows.length,
    );
    const cards = await linkCards(deps, rows);
    return json(rows.map((row) => trendsLinkJson(row, cards(row))), {
      headers: link ? { link } : {},
    });
  },
});
