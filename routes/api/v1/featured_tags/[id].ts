/** DELETE /api/v1/featured_tags/:id — stops featuring one of the caller's hashtags. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../lib/mastodon/status-api.ts";
import { unfeatureTag } from "../../../../lib/domain/tags.ts";

export const handler = define.handlers({
  async DELETE(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:accounts");
    await unfeatureTag(deps.sql, me.account.id, ctx.params.id);
    return json({});
  },
});
