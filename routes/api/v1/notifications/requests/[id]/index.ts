/** GET /api/v1/notifications/requests/:id — one of the caller's requests; 404 otherwise. */
import { define } from "../../../../../../utils.ts";
import { json, notFoundError } from "../../../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../../../lib/mastodon/status-api.ts";
import { getNotificationRequest } from "../../../../../../lib/domain/notification-requests.ts";
import { renderNotificationRequests } from "../../../../../../lib/mastodon/entities/notification-request.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:notifications");
    const row = await getNotificationRequest(
      deps.sql,
      me.account.id,
      ctx.params.id,
    );
    const [body] = await renderNotificationRequests(
      { sql: deps.sql, origin: deps.config.origin, viewerId: me.account.id },
      [row],
    );
    if (!body) throw notFoundError();
    return json(body);
  },
});
