/** GET /api/v1/featured_tags/suggestions — hashtag suggestions for featuring: none yet. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../lib/mastodon/status-api.ts";

export const handler = define.handlers({
  async GET(ctx) {
    await requireCaller(ctx.state.deps, ctx.req, "read:accounts");
    return json([]);
  },
});
