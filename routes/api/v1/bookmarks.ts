/** GET /api/v1/bookmarks — the caller's bookmarks, newest first, paged by the bookmarks' own ids. */
import { define } from "../../../utils.ts";
import {
  page,
  requireCaller,
  statusPageResponse,
} from "../../../lib/mastodon/status-api.ts";
import { bookmarks } from "../../../lib/domain/timelines.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:bookmarks");
    const rows = await bookmarks(deps.sql, me.account.id, page(ctx.url));
    return await statusPageResponse(deps, ctx.url, me.account.id, rows);
  },
});
