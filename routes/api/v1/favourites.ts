/** GET /api/v1/favourites — the caller's favourites, newest first, paged by the favourites' own ids. */
import { define } from "../../../utils.ts";
import {
  page,
  requireCaller,
  statusPageResponse,
} from "../../../lib/mastodon/status-api.ts";
import { favourites } from "../../../lib/domain/timelines.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:favourites");
    const rows = await favourites(deps.sql, me.account.id, page(ctx.url));
    return await statusPageResponse(deps, ctx.url, me.account.id, rows);
  },
});
