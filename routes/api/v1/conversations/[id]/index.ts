/** DELETE /api/v1/conversations/:id — removes the conversation from the caller's list. */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../../lib/mastodon/status-api.ts";
import { removeConversation } from "../../../../../lib/domain/conversations.ts";

export const handler = define.handlers({
  async DELETE(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:conversations");
    await removeConversation(deps.sql, me.account.id, ctx.params.id);
    return json({});
  },
});
