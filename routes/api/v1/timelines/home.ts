/** GET /api/v1/timelines/home — the caller's home feed (filled at write time). */
import { define } from "../../../../utils.ts";
import {
  page,
  requireCaller,
  statusPageResponse,
} from "../../../../lib/mastodon/status-api.ts";
import { homeTimeline } from "../../../../lib/domain/timelines.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:statuses");
    const rows = await homeTimeline(deps.sql, me.account.id, page(ctx.url));
    return await statusPageResponse(deps, ctx.url, me.account.id, rows, "home");
  },
});
