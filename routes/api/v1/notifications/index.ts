/**
 * GET /api/v1/notifications — `types[]`, `exclude_types[]`, `account_id`, `include_filtered`,
 * id paging.
 */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import { linkHeader } from "../../../../lib/mastodon/pagination.ts";
import { page, requireCaller } from "../../../../lib/mastodon/status-api.ts";
import { listNotifications } from "../../../../lib/domain/notifications.ts";
import { renderNotifications } from "../../../../lib/mastodon/entities/notification.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:notifications");
    const params = await Params.from(ctx.req, ctx.url);
    const rows = await listNotifications(deps.sql, me.account.id, {
      types: params.array("types"),
      excludeTypes: params.array("exclude_types"),
      accountId: params.string("account_id"),
      includeFiltered: params.boolean("include_filtered") ?? false,
    }, page(ctx.url, { limit: 40, max: 80 }));
    const body = await renderNotifications(
      { sql: deps.sql, origin: deps.config.origin, viewerId: me.account.id },
      rows,
    );
    const link = linkHeader(deps.config.origin, ctx.url, rows, (n) => n.id);
    return json(body, { headers: link ? { link } : {} });
  },
});
