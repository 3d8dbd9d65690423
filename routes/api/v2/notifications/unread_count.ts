/** GET /api/v2/notifications/unread_count — since the notifications marker (ungrouped count). */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../lib/mastodon/status-api.ts";
import { unreadCount } from "../../../../lib/domain/notifications.ts";
import { getMarkers } from "../../../../lib/domain/markers.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:notifications");
    const markers = await getMarkers(deps.sql, me.account.id, [
      "notifications",
    ]);
    const since = markers[0]?.last_read_id ?? null;
    return json({ count: await unreadCount(deps.sql, me.account.id, since) });
  },
});
