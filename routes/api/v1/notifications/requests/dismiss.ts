/** POST /api/v1/notifications/requests/dismiss — `id[]` of requests (their notifications are deleted; unknown ids are skipped). */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../../lib/mastodon/params.ts";
import { requireCaller } from "../../../../../lib/mastodon/status-api.ts";
import { dismissNotificationRequests } from "../../../../../lib/domain/notification-requests.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:notifications");
    const params = await Params.from(ctx.req, ctx.url);
    await dismissNotificationRequests(
      deps.sql,
      me.account.id,
      params.array("id"),
    );
    return json({});
  },
});
