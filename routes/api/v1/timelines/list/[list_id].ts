/** GET /api/v1/timelines/list/:list_id — statuses by the list's members. */
import { define } from "../../../../../utils.ts";
import {
  page,
  requireCaller,
  statusPageResponse,
} from "../../../../../lib/mastodon/status-api.ts";
import { listTimeline } from "../../../../../lib/domain/timelines.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:lists");
    const rows = await listTimeline(
      deps.sql,
      me.account.id,
      ctx.params.list_id,
      page(ctx.url),
    );
    return await statusPageResponse(deps, ctx.url, me.account.id, rows, "home");
  },
});
