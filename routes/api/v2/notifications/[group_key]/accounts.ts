/** GET /api/v2/notifications/:group_key/accounts — everyone in the group, newest first. */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../../lib/mastodon/status-api.ts";
import { notificationGroupSenderIds } from "../../../../../lib/domain/notification-groups.ts";
import { renderAccountsInOrder } from "../../../../../lib/mastodon/account-api.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:notifications");
    const ids = await notificationGroupSenderIds(
      deps.sql,
      me.account.id,
      ctx.params.group_key,
    );
    return json(await renderAccountsInOrder(deps, ids));
  },
});
