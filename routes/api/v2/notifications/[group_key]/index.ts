/** GET /api/v2/notifications/:group_key — one group, counted over all its notifications. */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../../lib/mastodon/status-api.ts";
import { getNotificationGroup } from "../../../../../lib/domain/notification-groups.ts";
import { renderNotificationGroups } from "../../../../../lib/mastodon/entities/notification-group.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:notifications");
    const group = await getNotificationGroup(
      deps.sql,
      me.account.id,
      ctx.params.group_key,
    );
    return json(
      await renderNotificationGroups(
        { sql: deps.sql, origin: deps.config.origin, viewerId: me.account.id },
        [group],
      ),
    );
  },
});
