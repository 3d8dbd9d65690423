/** POST /api/v1/notifications/:id/dismiss */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../../lib/mastodon/status-api.ts";
import { dismissNotification } from "../../../../../lib/domain/notifications.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:notifications");
    await dismissNotification(deps.sql, me.account.id, ctx.params.id);
    return json({});
  },
});
