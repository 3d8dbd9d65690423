/** GET /api/v1/statuses/:id/source — the plain text the author typed (author only). */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../../lib/mastodon/status-api.ts";
import { getOwnStatus } from "../../../../../lib/domain/statuses.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:statuses");
    const status = await getOwnStatus(deps, me.account.id, ctx.params.id);
    return json({
      id: status.id,
      text: status.text,
      spoiler_text: status.spoiler_text,
    });
  },
});
