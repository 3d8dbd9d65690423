/** DELETE /api/v1/suggestions/:account_id — never suggest that account to the caller again. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../lib/mastodon/status-api.ts";
import { dismissSuggestion } from "../../../../lib/domain/suggestions.ts";

export const handler = define.handlers({
  async DELETE(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:accounts");
    await dismissSuggestion(deps.sql, me.account.id, ctx.params.account_id);
    return json({});
  },
});
