/** POST /api/v1/conversations/:id/read — marks the conversation read; answers the Conversation. */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../../lib/mastodon/status-api.ts";
import { markConversationRead } from "../../../../../lib/domain/conversations.ts";
import { renderConversation } from "../../../../../lib/mastodon/entities/conversation.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:conversations");
    const row = await markConversationRead(
      deps.sql,
      me.account.id,
      ctx.params.id,
    );
    return json(
      await renderConversation(
        { sql: deps.sql, origin: deps.config.origin, viewerId: me.account.id },
        row,
      ),
    );
  },
});
