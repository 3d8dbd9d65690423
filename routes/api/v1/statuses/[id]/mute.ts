/** POST /api/v1/statuses/:id/mute — answers the status as the caller now sees it. */
import { define } from "../../../../../utils.ts";
import {
  requireCaller,
  statusResponse,
} from "../../../../../lib/mastodon/status-api.ts";
import { muteConversation } from "../../../../../lib/domain/interactions.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:mutes");
    const status = await muteConversation(deps, me.account.id, ctx.params.id);
    return await statusResponse(deps, me.account.id, status);
  },
});
