/** GET /api/v2/notifications/unread_count — groups newer than the notifications marker. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import { requireCaller } from "../../../../lib/mastodon/status-api.ts";
import { groupFilterFrom } from "../../../../lib/mastodon/notification-params.ts";
import { unreadGroupCount } from "../../../../lib/domain/notification-groups.ts";
import { getMarkers } from "../../../../lib/domain/markers.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:notifications");
    const params = await Params.from(ctx.req, ctx.url);
    const [marker] = await getMarkers(deps.sql, me.account.id, [
      "notifications",
    ]);
    // Mastodon: 100 by default, at most 1000.
    const limit = Math.min(Math.max(params.integer("limit") ?? 100, 1), 1000);
    const count = await unreadGroupCount(
      deps.sql,
      me.account.id,
      marker?.last_read_id ?? null,
      { ...groupFilterFrom(params), includeFiltered: false },
      limit,
    );
    return json({ count });
  },
});
