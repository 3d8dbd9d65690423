/** POST /api/v1/notifications/requests/:id/accept — their notifications join the list; 404 for another's. */
import { define } from "../../../../../../utils.ts";
import { json } from "../../../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../../../lib/mastodon/status-api.ts";
import { acceptNotificationRequests } from "../../../../../../lib/domain/notification-requests.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:notifications");
    await acceptNotificationRequests(deps.sql, me.account.id, [ctx.params.id], {
      one: true,
    });
    return json({});
  },
});
