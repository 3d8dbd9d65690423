/** POST /api/v2/notifications/:group_key/dismiss — removes every notification of the group. */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../../lib/mastodon/status-api.ts";
import { dismissNotificationGroup } from "../../../../../lib/domain/notification-groups.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:notifications");
    await dismissNotificationGroup(
      deps.sql,
      me.account.id,
      ctx.params.group_key,
    );
    return json({});
  },
});
