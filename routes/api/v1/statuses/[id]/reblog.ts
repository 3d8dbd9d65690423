/** POST /api/v1/statuses/:id/reblog — boost; answers the reblog wrapping the original. */
import { define } from "../../../../../utils.ts";
import { Params } from "../../../../../lib/mastodon/params.ts";
import {
  requireCaller,
  statusResponse,
} from "../../../../../lib/mastodon/status-api.ts";
import { reblogStatus } from "../../../../../lib/domain/interactions.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:statuses");
    const params = await Params.from(ctx.req, ctx.url);
    const reblog = await reblogStatus(
      deps,
      { id: me.account.id, local: true },
      ctx.params.id,
      {
        visibility: params.string("visibility") || undefined,
      },
    );
    return await statusResponse(deps, me.account.id, reblog);
  },
});
