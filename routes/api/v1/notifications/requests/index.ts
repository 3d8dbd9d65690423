/** GET /api/v1/notifications/requests — what the notification policy filtered, per sender. */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { linkHeader } from "../../../../../lib/mastodon/pagination.ts";
import { page, requireCaller } from "../../../../../lib/mastodon/status-api.ts";
import { listNotificationRequests } from "../../../../../lib/domain/notification-requests.ts";
import { renderNotificationRequests } from "../../../../../lib/mastodon/entities/notification-request.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:notifications");
    const rows = await listNotificationRequests(
      deps.sql,
      me.account.id,
      page(ctx.url, { limit: 40, max: 80 }),
    );
    const body = await renderNotificationRequests(
      { sql: deps.sql, origin: deps.config.origin, viewerId: me.account.id },
      rows,
    );
    const link = linkHeader(deps.config.origin, ctx.url, rows, (r) => r.id);
    return json(body, { headers: link ? { link } : {} });
  },
});
