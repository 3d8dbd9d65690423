/** POST /api/v1/notifications/clear */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../lib/mastodon/status-api.ts";
import { clearNotifications } from "../../../../lib/domain/notifications.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:notifications");
    await clearNotifications(deps.sql, me.account.id);
    return json({});
  },
});
