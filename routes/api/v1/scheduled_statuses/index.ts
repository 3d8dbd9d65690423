/** GET /api/v1/scheduled_statuses — scheduling is not supported yet: always empty, never a 404. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../lib/mastodon/status-api.ts";

export const handler = define.handlers({
  async GET(ctx) {
    await requireCaller(ctx.state.deps, ctx.req, "read:statuses");
    return json([]);
  },
});
