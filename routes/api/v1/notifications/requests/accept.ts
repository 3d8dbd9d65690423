/** POST /api/v1/notifications/requests/accept — `id[]` of requests (their notifications join the list; unknown ids are skipped). */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../../lib/mastodon/params.ts";
import { requireCaller } from "../../../../../lib/mastodon/status-api.ts";
import { acceptNotificationRequests } from "../../../../../lib/domain/notification-requests.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:notifications");
    const params = await Params.from(ctx.req, ctx.url);
    await acceptNotificationRequests(
      deps.sql,
      me.account.id,
      params.array("id"),
    );
    return json({});
  },
});
