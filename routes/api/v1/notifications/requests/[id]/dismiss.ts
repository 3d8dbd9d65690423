/** POST /api/v1/notifications/requests/:id/dismiss — requests never exist yet: 404. */
import { define } from "../../../../../../utils.ts";
import { ApiError } from "../../../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../../../lib/mastodon/status-api.ts";

export const handler = define.handlers({
  async POST(ctx) {
    await requireCaller(ctx.state.deps, ctx.req, "write:notifications");
    throw new ApiError(404, "Record not found");
  },
});
