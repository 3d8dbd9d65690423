/**
 * GET /api/v2/notifications — grouped notifications: `limit` groups a page, `grouped_types`,
 * `types`/`exclude_types`, `account_id`, `include_filtered`, `expand_accounts`, id paging.
 */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import { linkHeader } from "../../../../lib/mastodon/pagination.ts";
import { page, requireCaller } from "../../../../lib/mastodon/status-api.ts";
import { groupFilterFrom } from "../../../../lib/mastodon/notification-params.ts";
import { listNotificationGroups } from "../../../../lib/domain/notification-groups.ts";
import { renderNotificationGroups } from "../../../../lib/mastodon/entities/notification-group.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:notifications");
    const params = await Params.from(ctx.req, ctx.url);
    const groups = await listNotificationGroups(
      deps.sql,
      me.account.id,
      groupFilterFrom(params),
      page(ctx.url, { limit: 40, max: 80 }),
    );
    const body = await renderNotificationGroups(
      { sql: deps.sql, origin: deps.config.origin, viewerId: me.account.id },
      groups,
      params.string("expand_accounts") === "partial_avatars"
        ? "partial_avatars"
        : "full",
    );
    const link = linkHeader(
      deps.config.origin,
      ctx.url,
      groups,
      (g) => g.head.id,
    );
    return json(body, { headers: link ? { link } : {} });
  },
});
