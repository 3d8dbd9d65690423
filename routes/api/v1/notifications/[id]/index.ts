/** GET /api/v1/notifications/:id */
import { define } from "../../../../../utils.ts";
import { json, notFoundError } from "../../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../../lib/mastodon/status-api.ts";
import { getNotification } from "../../../../../lib/domain/notifications.ts";
import { renderNotifications } from "../../../../../lib/mastodon/entities/notification.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:notifications");
    const row = await getNotification(deps.sql, me.account.id, ctx.params.id);
    const [body] = await renderNotifications(
      { sql: deps.sql, origin: deps.config.origin, viewerId: me.account.id },
      [row],
    );
    if (!body) throw notFoundError();
    return json(body);
  },
});
