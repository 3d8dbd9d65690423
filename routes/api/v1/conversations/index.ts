/** GET /api/v1/conversations — direct-message conversations, paged by their last status. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { linkHeader } from "../../../../lib/mastodon/pagination.ts";
import { page, requireCaller } from "../../../../lib/mastodon/status-api.ts";
import { listConversations } from "../../../../lib/domain/conversations.ts";
import { renderConversations } from "../../../../lib/mastodon/entities/conversation.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:statuses");
    const rows = await listConversations(
      deps.sql,
      me.account.id,
      page(ctx.url, { limit: 20, max: 40 }),
    );
    const body = await renderConversations(
      { sql: deps.sql, origin: deps.config.origin, viewerId: me.account.id },
      rows,
    );
    const link = linkHeader(
      deps.config.origin,
      ctx.url,
      rows,
      (row) => row.last_status_id!,
    );
    return json(body, { headers: link ? { link } : {} });
  },
});
