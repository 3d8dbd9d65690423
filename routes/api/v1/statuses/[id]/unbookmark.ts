/** POST /api/v1/statuses/:id/unbookmark — answers the status as the caller now sees it. */
import { define } from "../../../../../utils.ts";
import {
  requireCaller,
  statusResponse,
} from "../../../../../lib/mastodon/status-api.ts";
import { unbookmarkStatus } from "../../../../../lib/domain/interactions.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:bookmarks");
    const status = await unbookmarkStatus(deps, me.account.id, ctx.params.id);
    return await statusResponse(deps, me.account.id, status);
  },
});
