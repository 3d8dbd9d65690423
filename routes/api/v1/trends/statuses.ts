/** GET /api/v1/trends/statuses — posts many accounts boosted or favourited lately, once approved. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import {
  offsetLinkHeader,
  offsetPage,
} from "../../../../lib/mastodon/pagination.ts";
import { optionalViewer } from "../../../../lib/mastodon/status-api.ts";
import { TREND_LIMITS } from "../../../../lib/mastodon/trends-api.ts";
import { trendingStatuses } from "../../../../lib/trends/mod.ts";
import { renderStatuses } from "../../../../lib/mastodon/entities/status.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const viewerId = await optionalViewer(deps, ctx.req, "read:statuses");
    const page = offsetPage(ctx.url, TREND_LIMITS.status);
    const rows = await trendingStatuses(deps.sql, viewerId, page);
    const body = await renderStatuses({
      sql: deps.sql,
      origin: deps.config.origin,
      viewerId,
      filterContext: "public",
      mediaUrl: (key) => deps.media.url(key),
    }, rows);
    const link = offsetLinkHeader(
      deps.config.origin,
      ctx.url,
      page,
      rows.length,
    );
    return json(body, { headers: link ? { link } : {} });
  },
});
